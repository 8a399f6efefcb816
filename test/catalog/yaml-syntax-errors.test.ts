import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { readYamlSource } from '../../src/catalog/yaml-source.js';

const folder = mkdtemp(path.join(tmpdir(), 'gsef-yaml-'));
afterAll(async () => rm(await folder, { recursive: true, force: true }));

/** The one problem reading `text` as events.yaml gives, as check-data prints it. */
async function problemOf(text: string): Promise<string> {
  const file = path.join(await folder, 'events.yaml');
  await writeFile(file, text);
  const { problems } = await readYamlSource(file, 'events.yaml');
  expect(problems).toHaveLength(1);
  return formatProblem(problems[0]!);
}

const EVENT = (title: string) => `events:\n  - id: oecd-meeting\n    title:\n      en: ${title}\n      fr: Réunion\n`;

describe('YAML syntax errors, in plain words with file, line and column', () => {
  it.each([
    [
      'an unquoted colon in a value',
      EVENT('Meeting: the OECD'),
      'events.yaml:4:',
      'put the whole value in double quotes',
    ],
    [
      'an unquoted colon in a flow map',
      'place: { city: paris: x }\n',
      'events.yaml:1:',
      'put the whole value in double quotes',
    ],
    ['a tab as indentation', 'events:\n\t- id: a\n', 'events.yaml:2:1:', 'replace the tab with spaces'],
    [
      'a quote never closed',
      'events:\n  - id: a\n    when: "2019-01-08\n    category: research\n',
      'events.yaml:3:11:',
      'add the closing quote',
    ],
    ['a single quote never closed', "title: 'Meeting\nnext: 1\n", 'events.yaml:1:8:', 'add the closing quote'],
    [
      'a field name without its colon',
      'events:\n  - id a\n    when: x\n',
      'events.yaml:2:',
      'add the colon after the field name',
    ],
    ['a line indented less than its entry', 'events:\n  - id: a\n   when: 2019\n', 'events.yaml:3:', '"- "'],
    ['fields at different columns', 'a:\n  - 1\n  b: 2\n', 'events.yaml:3:', 'align this line with the field above'],
    ['a list never closed', 'partners: [OECD, ILO\nnext: 1\n', 'events.yaml:2:', 'add the closing ]'],
    ['a value starting with @', 'title: @everyone\n', 'events.yaml:1:8:', 'cannot start with "@" unless it is quoted'],
    ['a value starting with `', 'title: `code`\n', 'events.yaml:1:8:', 'cannot start with "`"'],
    ['a bad escape inside double quotes', 'title: "a \\q b"\n', 'events.yaml:1:', 'write \\\\ for a backslash'],
    ['a second document', 'a: 1\n---\nb: 2\n', 'events.yaml:2:', 'remove that line'],
    [
      'text after a closing quote',
      'title: "Meeting" with the OECD\n',
      'events.yaml:1:',
      'put the whole value inside the quotes',
    ],
    ['a value starting with *', 'title: *new*\n', 'events.yaml:1', 'put the value in double quotes, like "*new*"'],
  ])('%s', async (_, text, where, advice) => {
    const problem = await problemOf(text);
    expect(problem.startsWith(where), problem).toBe(true);
    expect(problem).toContain(advice);
    // No parser jargon reaches the secretariat.
    expect(problem).not.toMatch(/compact mapping|implicit key|flow collection|scalar|indicator/i);
  });
});
