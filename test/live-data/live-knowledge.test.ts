import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot.js';
import { parseAndCache, type CatalogParser } from '../../src/catalog/catalog-cache.js';
import { defineCommand } from '../../src/dispatch/command.js';
import { COMMANDS } from '../../commands/index.js';
import { dataProblemNotices } from '../../src/live-data/data-problem-notices.js';
import { LiveKnowledge, type DataListener, type DataVersion } from '../../src/live-data/live-knowledge.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import type { PlatformName } from '../../src/domain/asker.js';
import { renderText } from '../../src/reply/render-text.js';
import { reply, type Reply } from '../../src/reply/reply.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { botAt, member } from '../support/test-bot.js';
import { pollUntil } from '../support/wait-for.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { fixedKnowledge } from '../../src/domain/knowledge-source.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  AFRICA_DIALOGUE_BROKEN as BROKEN,
  AFRICA_DIALOGUE_MOVED as MOVED,
  AFRICA_DIALOGUE_WHEN,
  africaDialogueWhenLine,
  dataCopy,
  editFile,
} from './data-copy.js';

const NOW = '2019-05-01';

/** What a listener heard, in order. */
function recorder(): { heard: string[]; swaps: [DataVersion, DataVersion][]; listener: DataListener } {
  const heard: string[] = [];
  const swaps: [DataVersion, DataVersion][] = [];
  return {
    heard,
    swaps,
    listener: {
      swapped: async (before, after) => {
        heard.push('swapped');
        swaps.push([before, after]);
      },
      refused: async (problems) => void heard.push(`refused: ${problems.join(' | ')}`),
      fixed: async () => void heard.push('fixed'),
    },
  };
}

/** Loaded with no settle time: each `check()` reads what changed since the last. */
const loadNow = (dir: string) => LiveKnowledge.load(dir, silentLogger, { settleMs: 0 });

/** `loadNow`, with the log's lines kept. */
async function loadLogged(dir: string): Promise<{ live: LiveKnowledge; lines: string[] }> {
  const lines: string[] = [];
  const live = await LiveKnowledge.load(
    dir,
    createLogger('info', (line) => lines.push(line)),
    { settleMs: 0 },
  );
  return { live, lines };
}

/** Questions that read every index: event and member words, the phrases, the facets, the events' order. */
const QUESTIONS = [
  'next-event',
  'events july 2019',
  'events africa',
  'event world social forum',
  'member bamako',
  'members steering committee',
  'événements séoul',
];

/** The immediates pending in this process: what keeps the event loop turning. */
const immediates = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Immediate').length;

const dialogueDates = (live: LiveKnowledge) => live.current().eventById('africa-policy-dialogue-2019')?.event.when;

describe('the live knowledge source', () => {
  it("knows the steering committee's meetings through the year after the clock's, rebuilt when the year turns", async () => {
    let year = 2026;
    const live = await LiveKnowledge.load(await dataCopy(), silentLogger, { settleMs: 0, year: () => year });
    const meetingsOf = (y: number) =>
      live
        .current()
        .events.filter((e) => e.event.category === 'statutory-meeting' && e.event.when.start.startsWith(`${y}-`));
    // The 2019 seed ends in 2020, yet on 30 November 2026 the next meeting is January 2027's.
    expect(live.current().throughYear).toBe(2027);
    expect(meetingsOf(2027).map((e) => e.event.when.start)).toEqual([
      '2027-01-25',
      '2027-04-24',
      '2027-07-08',
      '2027-10-22',
    ]);
    expect(meetingsOf(2028)).toEqual([]);
    const before = live.current();
    year = 2027;
    expect(live.current().throughYear).toBe(2028);
    expect(live.current().catalog).toBe(before.catalog);
    expect(meetingsOf(2028)).toHaveLength(4);
    // The same KB is served until the year turns again: no rebuild per answer.
    expect(live.current()).toBe(live.current());
  });

  it('swaps in a version that loads, for whoever reads next, and tells its listeners which two versions', async () => {
    const dir = await dataCopy();
    const live = await loadNow(dir);
    const { heard, swaps, listener } = recorder();
    live.listen(listener);
    const first = live.current();

    await live.check();
    expect(heard).toEqual([]);
    expect(live.current()).toBe(first);

    await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, MOVED));
    await live.check();
    expect(dialogueDates(live)).toMatchObject({ start: '2019-05-20', end: '2019-05-24' });
    expect(first.eventById('africa-policy-dialogue-2019')?.event.when).toMatchObject({ start: '2019-05-13' });
    expect(heard).toEqual(['swapped']);
    expect(swaps[0]![0].kb).toBe(first);
    expect(swaps[0]![1].kb).toBe(live.current());
  });

  it('parses what the cache misses at a reload with the parser given, and at start-up in this thread', async () => {
    const dir = await dataCopy();
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-live-cache-'));
    const parsed: string[] = [];
    const parse: CatalogParser = (miss, note) => {
      parsed.push(miss.dataDir);
      return parseAndCache(miss, note);
    };
    const live = await LiveKnowledge.load(dir, silentLogger, { settleMs: 0, cacheDir, parseReloads: parse });
    expect(parsed).toEqual([]);
    await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, MOVED));
    await live.check();
    expect(parsed).toEqual([dir]);
    expect(dialogueDates(live)).toMatchObject({ start: '2019-05-20', end: '2019-05-24' });
  });

  it('keeps the last good version while the files have problems, reports each set of problems once, and the fix once', async () => {
    const dir = await dataCopy();
    const { live, lines } = await loadLogged(dir);
    const { heard, listener } = recorder();
    live.listen(listener);
    const good = live.current();

    await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, BROKEN));
    await live.check();
    expect(live.current()).toBe(good);
    expect(heard).toHaveLength(1);
    const line = await africaDialogueWhenLine(dir);
    expect(heard[0]).toMatch(
      new RegExp(`^refused: \\S*events\\.yaml:${line}: events\\[\\d+\\]\\.when: 2019-05-33 is not a real day$`),
    );
    expect(lines.join('\n')).toMatch(new RegExp(`events\\.yaml:${line}:.*keep the last good data`));

    // Saved again with the same problem: logged, not reported again.
    await editFile(dir, 'events.yaml', (text) => `${text}\n# still being edited\n`);
    await live.check();
    expect(heard).toHaveLength(1);

    // Another problem besides: reported.
    await editFile(dir, 'members.yaml', (text) => `${text}\nunknownKey: 1\n`);
    await live.check();
    expect(heard).toHaveLength(2);
    expect(heard[1]).toContain('members.yaml');

    await editFile(dir, 'members.yaml', (text) => text.replace('\nunknownKey: 1\n', ''));
    await editFile(dir, 'events.yaml', (text) => text.replace(BROKEN, MOVED));
    await live.check();
    expect(heard.slice(2)).toEqual(['swapped', 'fixed']);
    expect(dialogueDates(live)).toMatchObject({ start: '2019-05-20' });

    await editFile(dir, 'events.yaml', (text) => `${text}\n# a comment\n`);
    await live.check();
    expect(heard.slice(4)).toEqual(['swapped']);
  });

  it('reads changed files only once they have stayed unchanged for the settle time: a half-written file is not reported', async () => {
    const dir = await dataCopy();
    let clockMs = 0;
    const live = await LiveKnowledge.load(dir, silentLogger, { settleMs: 1000, monotonicMs: () => clockMs });
    const { heard, listener } = recorder();
    live.listen(listener);

    const whole = (await readFile(path.join(dir, 'events.yaml'), 'utf8')).replace(AFRICA_DIALOGUE_WHEN, MOVED);
    // The editor has written half the file…
    await writeFile(path.join(dir, 'events.yaml'), whole.slice(0, whole.indexOf(MOVED) + 40));
    await live.check();
    clockMs += 400;
    await live.check();
    // …and the rest, 400 ms later: from then on the files must stay unchanged for the settle time.
    await writeFile(path.join(dir, 'events.yaml'), whole);
    clockMs += 400;
    await live.check();
    clockMs += 999;
    await live.check();
    expect(heard).toEqual([]);
    clockMs += 1;
    await live.check();
    expect(heard).toEqual(['swapped']);
    expect(dialogueDates(live)).toMatchObject({ start: '2019-05-20' });
  });

  it('an answer begun on one version finishes on it; the next answer takes the new one', async () => {
    const dir = await dataCopy();
    const live = await loadNow(dir);
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    // A command that reads the knowledge after waiting, as a slow answer would.
    const slowDates = defineCommand({
      name: 'slow-dates',
      aliases: [],
      options: [],
      permission: 'everyone',
      readOnly: true,
      handle: async (ctx) => {
        await gate;
        const when = ctx.kb.eventById('africa-policy-dialogue-2019')?.event.when;
        return reply('ok', `${when?.start} to ${when?.end}`);
      },
    });
    const pinned = await botAt(NOW);
    const bot = new Bot({ ...pinned.services, knowledge: live, commands: [...COMMANDS, slowDates] });

    const begun = bot.answer('slow-dates', member, 'en');
    await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, MOVED));
    await live.check();
    openGate();
    expect((await begun).title).toBe('2019-05-13 to 2019-05-17');
    expect((await bot.answer('slow-dates', member, 'en')).title).toBe('2019-05-20 to 2019-05-24');
    // Questions are read with the new version's words too: the new dates are found.
    const answer = renderText(await bot.answer('events may 2019 africa', member, 'en'));
    expect(answer).toContain('20 – 24 May 2019');
  });

  it('says in the log which changes wait for a restart, and uses the rest at once', async () => {
    const dir = await dataCopy();
    const { live, lines } = await loadLogged(dir);
    await editFile(dir, 'settings.yaml', (text) =>
      text.replace('timeZone: Asia/Seoul', 'timeZone: Europe/Paris').replace('time: "09:00"', 'time: "10:00"'),
    );
    await live.check();
    expect(live.current().catalog.settings.reminders.time).toBe('10:00');
    const restart = lines.filter((line) => line.includes('takes effect at the next restart'));
    expect(restart.map((line) => (JSON.parse(line) as { changed: string }).changed)).toEqual([
      'settings.yaml: timeZone',
    ]);
  });

  it('once started, builds every index in the background, in slices, and answers the same meanwhile', async () => {
    const live = await loadNow(await dataCopy());
    const kb = live.current();
    const pinned = await botAt(NOW);
    // Answers computed each time (none kept), from the live source, and from the same knowledge built at once.
    const sliced = new Bot({ ...pinned.services, knowledge: live, keptAnswers: 0 });
    const atOnce = new KnowledgeBase(kb.catalog, { throughYear: kb.throughYear });
    atOnce.buildIndexes();
    const whole = new Bot({ ...pinned.services, knowledge: fixedKnowledge(atOnce), keptAnswers: 0 });
    live.start();
    try {
      expect(kb.indexesBuilt).toBe(false);
      for (const question of QUESTIONS) {
        await nextTurn();
        const answer = renderText(await sliced.answer(question, member, 'en'));
        expect(answer).toBe(renderText(await whole.answer(question, member, 'en')));
      }
      await pollUntil(async () => kb.indexesBuilt, 'the indexes built');
    } finally {
      await live.stop();
    }
  });

  it('stopped before its index build is over, leaves no immediate pending, and builds an index when it is read', async () => {
    const live = await loadNow(await dataCopy());
    const kb = live.current();
    const pending = immediates();
    live.start();
    expect(immediates()).toBe(pending + 1);
    await live.stop();
    expect(immediates()).toBe(pending);
    await nextTurn();
    expect(kb.indexesBuilt).toBe(false);
    expect(kb.eventIndex.matchAll(['forum'])?.size).toBeGreaterThan(0);
  });

  it('builds the indexes of a version that loads before it is swapped in', async () => {
    const dir = await dataCopy();
    const live = await loadNow(dir);
    const builtWhenSwapped: boolean[] = [];
    live.listen({ swapped: async (_, after) => void builtWhenSwapped.push(after.kb.indexesBuilt) });
    await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, MOVED));
    await live.check();
    expect(builtWhenSwapped).toEqual([true]);
  });

  it('follows the folder by itself once started, and stops following it', async () => {
    const dir = await dataCopy();
    const live = await LiveKnowledge.load(dir, silentLogger, { settleMs: 20, pollMs: 50 });
    const first = live.current();
    live.start();
    try {
      await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, MOVED));
      const next = await pollUntil(async () => live.current() !== first && live.current(), 'the new version');
      expect(next.eventById('africa-policy-dialogue-2019')?.event.when).toMatchObject({ start: '2019-05-20' });
    } finally {
      await live.stop();
    }
  });
});

describe('the secretariat told of the data problems', () => {
  const ADMIN = 'admin: { console: secretariat }';

  /** A live source with the problem notices listening, and what they posted. */
  async function liveWithNotices(dir: string, store = memoryStore()) {
    const live = await loadNow(dir);
    const posted: { platform: PlatformName; channel: string; text: string }[] = [];
    const bot = await botAt(NOW);
    live.listen(
      dataProblemNotices({
        knowledge: live,
        messages: {
          toChannel: async (platform: PlatformName, channel: string, message: Reply) =>
            void posted.push({ platform, channel, text: renderText(message) }),
        },
        claims: store.claims,
        inLanguage: (lang) => bot.inLanguage(lang),
        logger: silentLogger,
      }),
    );
    return { live, posted };
  }

  it('once per set of problems, in the admin channel, then once when fixed', async () => {
    const dir = await dataCopy(ADMIN);
    const { live, posted } = await liveWithNotices(dir);
    await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, BROKEN));
    await live.check();
    await editFile(dir, 'events.yaml', (text) => `${text}\n# saved again\n`);
    await live.check();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ platform: 'console', channel: 'secretariat' });
    expect(posted[0]!.text).toContain('The data files changed but have a problem');
    expect(posted[0]!.text).toContain(
      `events.yaml:${await africaDialogueWhenLine(dir)}: events[15].when: 2019-05-33 is not a real day`,
    );

    await editFile(dir, 'events.yaml', (text) => text.replace(BROKEN, MOVED));
    await live.check();
    await editFile(dir, 'events.yaml', (text) => `${text}\n# and again\n`);
    await live.check();
    expect(posted.map((p) => p.text.split('\n')[0])).toEqual([
      'The data files changed but have a problem: the bot keeps answering from the last good data until it is fixed.',
      'The data files load again: answers, reminders and the calendar use the new data.',
    ]);
  });

  it('once between two processes sharing a store', async () => {
    const dir = await dataCopy(ADMIN);
    const store = memoryStore();
    const one = await liveWithNotices(dir, store);
    const two = await liveWithNotices(dir, store);
    await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, BROKEN));
    await Promise.all([one.live.check(), two.live.check()]);
    expect([...one.posted, ...two.posted]).toHaveLength(1);
  });
});
