import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { DataError, formatProblem } from '../../src/errors.js';
import { copyOfTestData } from '../support/test-data.js';

/** check-data's lines for the test data with `entry` added at the end of events.yaml. */
async function problemsWithEvent(entry: string): Promise<string[]> {
  const dir = await copyOfTestData();
  const file = path.join(dir, 'events.yaml');
  await writeFile(file, `${await readFile(file, 'utf8')}\n${entry}`);
  try {
    await loadCatalog(dir);
    return [];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.problems.map((problem) => formatProblem(problem).replace(/^.*events\.yaml:\d+: /, ''));
  }
}

describe("a field that breaks the data's format is named in plain words", () => {
  it('says what is missing, what kind of value a field takes, which values it takes and which fields are unknown', async () => {
    const problems = await problemsWithEvent(
      [
        '  - id: europe-dialogue-2027',
        '    when: "2027-06-10/2027-06-12"',
        '    title:',
        '      en: Europe Policy Dialogue',
        '      fr: 2027',
        '    place: { city: paris, extra: 1 }',
        '    category: dialogue',
        '    partners: OECD',
        '    confirmed: yes please',
        '    source: calendar 2027 row 3',
      ].join('\n'),
    );
    expect(problems.sort()).toEqual(
      [
        'events[34].title.fr: must be text (put it in quotes if it looks like a number or a date), not the number 2027',
        'events[34].title.es: is missing',
        'events[34].place: "extra" is not a field of this entry: check the spelling (field names are English, such as otherVersions), or remove it',
        'events[34].category: "dialogue" is not one of the values this field takes: statutory-meeting, research, networking, policy-dialogue, capacity-building, training, youth, communication',
        'events[34].partners: must be a list (one item per line, each starting with "- "), not the text "OECD"',
        'events[34].confirmed: must be true or false, not the text "yes please"',
      ].sort(),
    );
  });

  it('keeps the messages a field gives itself, and says when a text is empty or a list too short', async () => {
    const problems = await problemsWithEvent(
      [
        '  - id: x-2027',
        '    when: "2027-02-30"',
        '    title: { en: "", fr: a, es: b }',
        '    category: research',
        '    source: row',
      ].join('\n'),
    );
    expect(problems.sort()).toEqual(
      ['events[34].title.en: must not be empty', 'events[34].when: 2027-02-30 is not a real day'].sort(),
    );
  });
});
