/**
 * Broken and odd data folders, each a copy of the test data (test/fixtures/seed-2019) with one
 * change, and why it is here. The tests in test/cli/data-corpus.integration.test.ts replay every
 * case through `gsef check-data` and through start-up (`node dist/src/main.js`), and
 * test/catalog/data-corpus.test.ts through loadCatalog.
 *
 * A refused case states the file and line the one-line report must name (`at`, a regular
 * expression matched against the line). An accepted case has no `at`.
 */
import { mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyOfTestData, DATA_DIR } from '../../support/test-data.js';

export interface DataCase {
  name: string;
  why: string;
  /** Changes the copy of the test data in `dir`. */
  apply(dir: string, read: (file: string) => Promise<Buffer>): Promise<void>;
  /** For a refused case: what the one line says, `file:line: …` included. */
  at?: RegExp;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Replaces `search` (which must be in the file) in a data file's bytes. */
function edit(file: string, search: string, replacement: string | Buffer): DataCase['apply'] {
  return async (dir, read) => {
    const bytes = await read(file);
    const at = bytes.indexOf(search);
    if (at < 0) throw new Error(`${file} no longer holds ${JSON.stringify(search)}: update the corpus case`);
    await writeFile(
      `${dir}/${file}`,
      Buffer.concat([
        bytes.subarray(0, at),
        typeof replacement === 'string' ? utf8(replacement) : replacement,
        bytes.subarray(at + search.length),
      ]),
    );
  };
}

/** Puts `text` before the first line of a data file. */
function prepend(file: string, text: string): DataCase['apply'] {
  return async (dir, read) => writeFile(`${dir}/${file}`, Buffer.concat([utf8(text), await read(file)]));
}

/** The nine-level alias bomb: a few hundred bytes that would expand to 9^9 strings. */
function billionLaughs(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${levels.join('\n')}\n`;
}

// The test data's settings.yaml has `timeZone:` on line 5, after a four-line comment.
export const DATA_CASES: readonly DataCase[] = [
  {
    name: 'alias-bomb',
    why: 'A "billion laughs": nine anchors each aliasing the previous nine times; expanding it would take gigabytes. It crashed start-up with a stack trace.',
    apply: prepend('settings.yaml', billionLaughs()),
    at: /settings\.yaml:2: its aliases \(\*name\) expand to more than 100 copies/,
  },
  {
    name: 'time-zone-200-kb',
    why: 'A 200 KB timeZone (under the file cap): the cap on its length refuses it at its line before any zone look-up.',
    apply: edit('settings.yaml', 'timeZone: Asia/Seoul', `timeZone: ${'A'.repeat(200_000)}`),
    at: /settings\.yaml:5: timeZone: must be at most 64 characters$/,
  },
  {
    name: 'time-zone-1-mb',
    why: 'The reported 1 MB timeZone: start-up spun for minutes. Under the 4 MB file cap now, it is one token, parsed at once, then refused at its line by the cap on its length.',
    apply: edit('settings.yaml', 'timeZone: Asia/Seoul', `timeZone: ${'A'.repeat(1_000_000)}`),
    at: /settings\.yaml:5: timeZone: must be at most 64 characters$/,
  },
  {
    name: 'time-zone-5-mb',
    why: 'A 5 MB timeZone: the file is refused by its size, before it is read.',
    apply: edit('settings.yaml', 'timeZone: Asia/Seoul', `timeZone: ${'A'.repeat(5_000_000)}`),
    at: /settings\.yaml: is \d+ KB: a data file may hold at most 4096 KB$/,
  },
  {
    name: 'time-zone-multiline-quoted',
    why: 'A double-quoted timeZone over 9,000 lines: the parser finds two errors per line (it took seconds per 10,000); the report names the first.',
    apply: edit('settings.yaml', 'timeZone: Asia/Seoul', `timeZone: "${'a\n'.repeat(9_000)}"`),
    at: /settings\.yaml:5:11: YAML syntax error: the quote that opens this value is never closed: .*\(\d+ more after it may follow from this one\)$/,
  },
  {
    name: 'too-many-lines',
    why: '100,000 short lines (a double-quoted value over 200 KB): refused by its line count before parsing, which would take seconds.',
    apply: edit('settings.yaml', 'timeZone: Asia/Seoul', `timeZone: "${'a\n'.repeat(100_000)}"`),
    at: /settings\.yaml: has 100\d{3} lines: a data file may hold at most 100000$/,
  },
  {
    name: 'too-many-tokens',
    why: "250,000 empty lists on one line (750 KB): the parse is linear in tokens, and this shape the costliest per token (tens of seconds at 4 MB); refused by the lexer's count before parsing.",
    apply: edit('settings.yaml', 'defaultLanguage: en', `defaultLanguage: en\nextra: [${'[],'.repeat(250_000)}]`),
    at: /settings\.yaml:9: has more than 600000 YAML tokens: split or shorten the file$/,
  },
  {
    name: 'alias-flood',
    why: 'One anchor aliased 1,000,000 times (3 MB): each alias expands to one value, no bomb, but the parse took over 30 s; the lexer counts aliases.',
    apply: edit(
      'settings.yaml',
      'defaultLanguage: en',
      `defaultLanguage: en\nextra: &a x\nmore: [${'*a,'.repeat(1_000_000)}*a]`,
    ),
    at: /settings\.yaml:10: uses aliases \(\*name\) more than 100 times: reuse anchors less$/,
  },
  {
    name: 'many-keys',
    why: '9,000 keys in one map (15,000 on one line): the YAML library checks key uniqueness in quadratic time (minutes); the check here is linear.',
    apply: edit(
      'settings.yaml',
      'defaultLanguage: en',
      `defaultLanguage: en\nextra: {${Array.from({ length: 15_000 }, (_, i) => `k${i}: v`).join(', ')}}\nmore:\n${Array.from({ length: 9_000 }, (_, i) => `  k${i}: v`).join('\n')}`,
    ),
    at: /settings\.yaml:\d+: "extra", "more" are not fields of this entry: check the spelling .*, or remove them$/,
  },
  {
    name: 'invalid-utf8',
    why: 'A byte that is not UTF-8 (0xFF) in a title: it was accepted and shown as `��`.',
    apply: edit('events.yaml', 'Identificación', Buffer.from([0x49, 0xff, 0x66])),
    at: /events\.yaml:\d+: column \d+: the byte 0xFF is not UTF-8: save the file as UTF-8$/,
  },
  {
    name: 'latin-1',
    why: 'A file saved as Latin-1 rather than UTF-8 (é as the single byte 0xE9).',
    apply: edit('locales/fr.yaml', 'é', Buffer.from([0xe9])),
    at: /locales\/fr\.yaml:\d+: column \d+: the byte 0xE9 is not UTF-8/,
  },
  {
    name: 'utf-16',
    why: 'A file saved as UTF-16 (with its byte-order mark FF FE).',
    apply: async (dir, read) =>
      writeFile(
        `${dir}/members.yaml`,
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from((await read('members.yaml')).toString('utf8'), 'utf16le'),
        ]),
      ),
    at: /members\.yaml:1: column 1: the byte 0xFF is not UTF-8/,
  },
  {
    name: 'nul-byte',
    why: 'A NUL byte inside a value: YAML accepts it, and it would reach chat messages.',
    apply: edit('settings.yaml', 'timeZone: Asia/Seoul', 'timeZone: Asia/\u0000Seoul'),
    at: /settings\.yaml:5: column 16: the control character U\+0000 is not allowed in a data file$/,
  },
  {
    name: 'empty-file',
    why: 'An empty members.yaml (a failed copy).',
    apply: async (dir) => writeFile(`${dir}/members.yaml`, ''),
    at: /members\.yaml: the file is empty$/,
  },
  {
    name: 'comments-only',
    why: 'A places.yaml that holds only a comment.',
    apply: async (dir) => writeFile(`${dir}/places.yaml`, '# to do\n'),
    at: /places\.yaml: the file is empty$/,
  },
  {
    name: 'file-is-a-folder',
    why: 'events.yaml is a folder.',
    apply: async (dir) => {
      await rm(`${dir}/events.yaml`);
      await mkdir(`${dir}/events.yaml`);
    },
    at: /events\.yaml: is a folder, not a file$/,
  },
  {
    name: 'fifty-megabytes',
    why: 'A 50 MB programmes.yaml: refused by its size without being read.',
    apply: async (dir) => truncate(`${dir}/programmes.yaml`, 50 * 1024 * 1024),
    at: /programmes\.yaml: is 51200 KB: a data file may hold at most 4096 KB$/,
  },
  {
    name: 'deep-nesting',
    why: 'Forty nested maps, by indentation: deeper than any data needs (7), refused before the value is built.',
    apply: edit(
      'settings.yaml',
      'defaultLanguage: en',
      `defaultLanguage: en\nextra:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n')} 1`,
    ),
    at: /settings\.yaml:41: nested more than 32 levels deep$/,
  },
  {
    name: 'very-deep-nesting',
    why: '100,000 nested lists: the parser took seconds, then ran out of stack; the lexer alone finds the nesting, at once.',
    apply: edit(
      'settings.yaml',
      'defaultLanguage: en',
      `defaultLanguage: en\nextra: ${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    ),
    at: /settings\.yaml:9: nested more than 32 levels deep$/,
  },
  {
    name: 'compact-block-nesting',
    why: '5,000 block lists nested on one line (`- - - … x`): the parser overflowed its stack, reported as "YAML syntax error: Maximum call stack size exceeded"; the lexer counts block nesting too.',
    apply: edit('settings.yaml', 'defaultLanguage: en', `defaultLanguage: en\nextra:\n  ${'- '.repeat(5000)}x`),
    at: /settings\.yaml:10: nested more than 32 levels deep$/,
  },
  {
    name: 'block-nesting-by-lines',
    why: 'Block nesting by indentation and on each line alike (25 lists per line, each line indented past the last): 1,000 levels that the parser could not survive.',
    apply: edit(
      'settings.yaml',
      'defaultLanguage: en',
      `defaultLanguage: en\nextra:\n${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 50)}${'- '.repeat(25)}k:`).join('\n')} 1`,
    ),
    at: /settings\.yaml:11: nested more than 32 levels deep$/,
  },
  {
    name: 'js-function-tag',
    why: 'A `!!js/function` tag, as some YAML loaders would run: refused, not read as text.',
    apply: edit(
      'settings.yaml',
      'timeZone: Asia/Seoul',
      'timeZone: !!js/function "function () { return process.exit(3) }"',
    ),
    at: /settings\.yaml:5:\d+: YAML syntax error: a value that starts with ! is read as a type marker: put the value in double quotes$/,
  },
  {
    name: 'core-tag',
    why: 'A tag the YAML library knows (`!!str`): the data needs no tags, so none is allowed.',
    apply: edit('settings.yaml', 'timeZone: Asia/Seoul', 'timeZone: !!str Asia/Seoul'),
    at: /settings\.yaml:5: the tag !!str is not allowed/,
  },
  {
    name: 'duplicate-key',
    why: 'defaultLanguage given twice: which one wins would be a guess.',
    apply: edit('settings.yaml', 'defaultLanguage: en', 'defaultLanguage: en\ndefaultLanguage: fr'),
    at: /settings\.yaml:9: the key "defaultLanguage" is given twice in the same map$/,
  },
  {
    name: 'collection-key',
    why: 'A list used as a key (`? [a]`): the YAML library would turn it into text and warn on stderr.',
    apply: edit('settings.yaml', 'defaultLanguage: en', 'defaultLanguage: en\n? [a, b]\n: c'),
    at: /settings\.yaml:9: a key must be a plain value/,
  },
  {
    name: 'unknown-alias',
    why: 'An alias with no anchor (`*nowhere`): it crashed with a stack trace.',
    apply: edit('settings.yaml', 'defaultLanguage: en', 'defaultLanguage: *nowhere'),
    at: /settings\.yaml:8: YAML error: a value that starts with \* is read as a reference to an anchor/,
  },
  {
    name: 'mention-of-unknown-programme',
    why: 'A mention whose programme is not in programmes.yaml: its answer would name a section that does not exist.',
    apply: edit(
      'programmes.yaml',
      '    programme: networking\n    section: { en: "the networking list',
      '    programme: netwrking\n    section: { en: "the networking list',
    ),
    at: /programmes\.yaml:\d+: mentions\[0\]\.programme: unknown programme \(not in programmes\.yaml\) "netwrking"$/,
  },
  {
    name: 'meeting-outside-its-quarter',
    why: 'A first-quarter meeting dated in April: it would be listed as Q1 on an April day.',
    apply: edit('meetings.yaml', 'when: "2019-01-30"', 'when: "2019-04-02"'),
    at: /meetings\.yaml:\d+: steeringCommittee\.occurrences\[0\]\.when: must fall in quarter 1 \(months 1 to 3\)$/,
  },
  {
    name: 'meeting-id-not-its-quarter',
    why: 'An occurrence whose id names another quarter: README tells the secretariat ids are sc-YYYY-qN.',
    apply: edit('meetings.yaml', '    - id: sc-2019-q2\n', '    - id: sc-2019-q3\n'),
    at: /meetings\.yaml:\d+: steeringCommittee\.occurrences\[1\]\.id: must be sc-2019-q2, from its year and quarter$/,
  },
  {
    name: 'two-meetings-in-one-quarter',
    why: 'Two occurrences for 2019 Q1: the calendar could not tell which one holds (ids follow the quarter, so they clash).',
    apply: edit(
      'meetings.yaml',
      '    - id: sc-2019-q2\n      year: 2019\n      quarter: 2\n      when: "2019-04-25/2019-04-26"',
      '    - id: sc-2019-q1\n      year: 2019\n      quarter: 1\n      when: "2019-03-25/2019-03-26"',
    ),
    at: /meetings\.yaml:\d+: steeringCommittee\.occurrences\[1\]\.id: a second meeting for quarter 1 of 2019 \("sc-2019-q1"\): the committee meets once a quarter, so keep one of the two$/,
  },
  {
    name: 'overlapping-advisors-meetings',
    why: "Two advisors' meetings on overlapping days: one of them is a copy or a typo.",
    apply: edit(
      'meetings.yaml',
      '    - id: advisors-2019-07\n      year: 2019\n      when: "2019-07"',
      '    - id: advisors-2019-07\n      year: 2019\n      when: "2019-02-20/2019-02-21"',
    ),
    at: /meetings\.yaml:\d+: advisors\.meetings\[1\]\.when: overlaps the advisors' meeting "advisors-2019-02"$/,
  },
  {
    name: 'advisors-meeting-with-a-committee-id',
    why: "An advisors' meeting with a steering-committee meeting's id: agendas and the calendar name meetings by id.",
    apply: edit('meetings.yaml', '    - id: advisors-2019-07\n', '    - id: sc-2019-q3\n'),
    at: /meetings\.yaml:\d+: advisors\.meetings\[1\]\.id: duplicate id "sc-2019-q3"$/,
  },
  {
    name: 'confirmed-meeting-without-its-day',
    why: 'A meeting confirmed on a month only: "confirmed" would be shown for a date nobody knows.',
    apply: edit('meetings.yaml', '      when: "2019-07"\n', '      when: "2019-07"\n      confirmed: true\n'),
    at: /meetings\.yaml:\d+: advisors\.meetings\[1\]\.confirmed: only a meeting with its own day/,
  },
  {
    name: 'meeting-time-on-several-days',
    why: 'A start time on a two-day meeting: which day would it start?',
    apply: edit(
      'meetings.yaml',
      '      when: "2019-04-25/2019-04-26"\n',
      '      when: "2019-04-25/2019-04-26"\n      time: "14:00"\n',
    ),
    at: /meetings\.yaml:\d+: steeringCommittee\.occurrences\[1\]\.time: a start time needs a single day/,
  },
  {
    name: 'meeting-link-not-https',
    why: 'A join link in plain http (or javascript:): members would be sent to an address anyone on the way can change.',
    apply: edit(
      'meetings.yaml',
      '      when: "2019-01-30"\n',
      '      when: "2019-01-30"\n      link: "http://meet.example.org/gsef"\n',
    ),
    at: /meetings\.yaml:\d+: steeringCommittee\.occurrences\[0\]\.link: must be an https address/,
  },
  {
    name: 'agenda-for-an-unknown-meeting',
    why: 'An agenda for a meeting that does not exist (a fifth quarter): no meeting would ever show it.',
    apply: edit(
      'meetings.yaml',
      '  agendas:\n    - year: 2019\n',
      '  agendas:\n    - year: 2019\n      meeting: sc-2019-q5\n',
    ),
    at: /meetings\.yaml:\d+: steeringCommittee\.agendas\[0\]\.meeting: unknown meeting "sc-2019-q5"/,
  },
  {
    name: 'agenda-for-a-rule-meeting',
    why: "An agenda of its own for a meeting of the rule (2027's first): accepted.",
    apply: edit(
      'meetings.yaml',
      '  agendas:\n    - year: 2019\n',
      '  agendas:\n    - year: 2027\n      meeting: sc-2027-q1\n',
    ),
  },
  {
    name: 'long-id',
    why: 'An event id of 100,000 characters: ids are capped at 80.',
    apply: async (dir, read) =>
      writeFile(
        `${dir}/events.yaml`,
        (await read('events.yaml')).toString('utf8').replace(/id: [a-z0-9-]+/, `id: ${'x'.repeat(100_000)}`),
      ),
    at: /events\.yaml:\d+: events\[0\]\.id: must be at most 80 characters$/,
  },
  {
    name: 'bom',
    why: 'A byte-order mark at the start, as some Windows editors write: accepted.',
    apply: prepend('settings.yaml', '\uFEFF'),
  },
  {
    name: 'crlf',
    why: 'Windows line endings: accepted.',
    apply: async (dir, read) =>
      writeFile(`${dir}/events.yaml`, (await read('events.yaml')).toString('utf8').replace(/\n/g, '\r\n')),
  },
];

/** A fresh copy of the test data with the case applied; its path. */
export async function dataFolderFor(dataCase: DataCase): Promise<string> {
  const dir = await copyOfTestData(`gsef-corpus-${dataCase.name}-`);
  await dataCase.apply(dir, (file) => readFile(path.join(DATA_DIR, file)));
  return dir;
}
