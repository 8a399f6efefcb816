import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { realCatalog } from '../support/test-bot.js';
import { copyOfTestData } from '../support/test-data.js';

/** A copy of the test data with one file changed by `edit`. */
async function brokenCopy(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await copyOfTestData();
  const target = path.join(dir, file);
  await writeFile(target, edit(await readFile(target, 'utf8')));
  return dir;
}

async function problemsOf(dir: string) {
  try {
    await loadCatalog(dir);
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  throw new Error('the broken data loaded without complaint');
}

describe('loadCatalog', () => {
  it("loads the seed's data: 34 events, with titles in three languages", async () => {
    const catalog = await realCatalog();
    expect(catalog.events.events).toHaveLength(34);
    expect(catalog.events.events.every((e) => e.title.en && e.title.fr && e.title.es)).toBe(true);
    expect(catalog.events.events.some((e) => e.confirmed)).toBe(false);
  });

  it('names the file and line of a YAML syntax error', async () => {
    const dir = await brokenCopy('events.yaml', (t) => t.replace('category: research', 'category: [research'));
    const [problem] = await problemsOf(dir);
    expect(problem).toMatchObject({ file: expect.stringContaining('events.yaml'), line: expect.any(Number) });
    expect(problem!.message).toContain('YAML syntax error');
  });

  it('names the file, line and field of a missing translation', async () => {
    const dir = await brokenCopy('events.yaml', (t) => t.replace(/\n\s+es: Identificación del socio[^\n]*/, ''));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'events[0].title.es', line: expect.any(Number) }));
    const line = problems[0]!.line!;
    const text = await readFile(path.join(dir, 'events.yaml'), 'utf8');
    expect(text.split('\n')[line - 1]).toContain('title:');
  });

  it('refuses a day that does not exist', async () => {
    const dir = await brokenCopy('events.yaml', (t) => t.replace('when: "2019-01-08"', 'when: "2019-02-30"'));
    expect(await problemsOf(dir)).toContainEqual(
      expect.objectContaining({ field: 'events[0].when', message: expect.stringContaining('2019-02-30') }),
    );
  });

  it('refuses an unknown region', async () => {
    const dir = await brokenCopy('places.yaml', (t) => t.replace('region: europe', 'region: atlantis'));
    expect(await problemsOf(dir)).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining('places.yaml'),
        field: expect.stringMatching(/region$/),
      }),
    );
  });

  it('refuses a reference to a city that places.yaml does not know', async () => {
    const dir = await brokenCopy('events.yaml', (t) => t.replace('place: { city: paris }', 'place: { city: lutece }'));
    expect(await problemsOf(dir)).toContainEqual(
      expect.objectContaining({ field: 'events[0].place.city', message: expect.stringContaining('lutece') }),
    );
  });

  it('refuses a locale file that lacks a message English has', async () => {
    const dir = await brokenCopy('locales/es.yaml', (t) => t.replace(/\n {2}apology: [^\n]*/, ''));
    expect(await problemsOf(dir)).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining('es.yaml'),
        message: expect.stringContaining('missing'),
      }),
    );
  });

  it('reports a missing file by name', async () => {
    const dir = await brokenCopy('settings.yaml', (t) => t);
    await import('node:fs/promises').then((fs) => fs.rm(path.join(dir, 'members.yaml')));
    expect(await problemsOf(dir)).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining('members.yaml'), message: 'the file is missing' }),
    );
  });
});

describe('settings references', () => {
  it('refuses a newsletter author mapped to a member that does not exist', async () => {
    const dir = await brokenCopy('settings.yaml', (t) =>
      t.replace('member: city-of-bamako', 'member: city-of-atlantis'),
    );
    expect(await problemsOf(dir)).toContainEqual(
      expect.objectContaining({
        field: 'newsletter.authors[0].member',
        message: expect.stringContaining('city-of-atlantis'),
      }),
    );
  });

  it("refuses a person's role for a member that does not exist", async () => {
    const dir = await brokenCopy(
      'settings.yaml',
      (t) =>
        `${t}\npeople:\n  - { platform: slack, user: U0123ABCD, member: city-of-atlantis, roles: [representative] }\n`,
    );
    expect(await problemsOf(dir)).toContainEqual(
      expect.objectContaining({ field: 'people[0].member', message: expect.stringContaining('city-of-atlantis') }),
    );
  });

  it('refuses a representative or an author for no member, and a role the bot does not know', async () => {
    const dir = await brokenCopy(
      'settings.yaml',
      (t) =>
        `${t}\npeople:\n  - { platform: discord, user: "123456789012345678", roles: [author] }\n` +
        `  - { platform: console, user: x, roles: [boss] }\n`,
    );
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'people[0].member', message: expect.stringContaining('speak for a member') }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ field: 'people[1].roles[0]' }));
  });
});
