import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { DATA_DIR } from '../support/test-bot.js';
import {
  dataCopy,
  emptyDataCopy,
  eventEntries,
  runExport,
  runImport,
  SEED_CALENDAR,
  tempFolder,
} from './import-support.js';

/** What the seed's table says of an event: its date, French title and place. */
const tableFields = (entry: Record<string, unknown>) => ({
  when: entry.when,
  fr: (entry.title as { fr: string }).fr,
  place: entry.place,
});

async function sheet(name: string, text: string): Promise<string> {
  const file = path.join(await tempFolder(), name);
  await writeFile(file, text);
  return file;
}

async function filesOf(folder: string): Promise<string[]> {
  return Promise.all(['events.yaml', 'places.yaml'].map((name) => readFile(path.join(folder, name), 'utf8')));
}

describe('gsef import events: the seed calendar', () => {
  it("imported into an empty calendar gives today's events for the table's fields, and check-data passes", async () => {
    const data = await emptyDataCopy();
    const run = await runImport('events', SEED_CALENDAR, '--data', data, '--write');
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out.filter((line) => line.startsWith('ADDED'))).toHaveLength(34);
    expect(run.out).toContain('34 added, 0 changed, 0 left alone.');
    const imported = await eventEntries(data);
    expect(imported.map(tableFields)).toEqual((await eventEntries(DATA_DIR)).map(tableFields));
    const catalog = await loadCatalog(data);
    expect(catalog.events.events).toHaveLength(34);
  });

  it('reads the same rows from an .xlsx file', async () => {
    const rows = parse(await readFile(SEED_CALENDAR, 'utf8')) as string[][];
    const file = path.join(await tempFolder(), 'calendrier-2019.xlsx');
    await writeXlsxFile(rows.map((row) => row.map((value) => ({ value })))).toFile(file);
    const data = await emptyDataCopy();
    const run = await runImport('events', file, '--data', data, '--write');
    expect(run.err).toEqual([]);
    expect((await eventEntries(data)).map(tableFields)).toEqual((await eventEntries(DATA_DIR)).map(tableFields));
  });

  it('imported into the data it came from changes nothing and writes nothing, even with --write', async () => {
    const data = await dataCopy();
    const before = await filesOf(data);
    const run = await runImport('events', SEED_CALENDAR, '--data', data, '--write');
    expect(run.out).toContain('0 added, 0 changed, 34 left alone.');
    expect(run.out.at(-1)).toBe('Nothing to write: the data already says what the file says.');
    expect(await filesOf(data)).toEqual(before);
  });
});

describe('gsef import events: named columns', () => {
  const header = 'id,when,title_en,title_fr,title_es,place,category';

  it('a dry run shows what it would add and change, field by field, and writes nothing', async () => {
    const data = await dataCopy();
    const before = await filesOf(data);
    const file = await sheet(
      'calendar.csv',
      `${header}\nafrica-policy-dialogue-2019,2019-05-20/2019-05-24,,,,"Bamako, Mali",\n` +
        'africa-policy-dialogue-2027,2027-05-17/2027-05-21,Africa Policy Dialogue,Dialogue Politique Afrique,,Dakar,policy-dialogue\n',
    );
    const run = await runImport('events', file, '--data', data);
    expect(run.code).toBe(0);
    expect(run.out).toEqual(
      expect.arrayContaining([
        'CHANGED    row 2    africa-policy-dialogue-2019',
        '             when: 2019-05-13/2019-05-17 -> 2019-05-20/2019-05-24',
        '             revision: 0 -> 1',
        'ADDED      row 3    africa-policy-dialogue-2027  2027-05-17/2027-05-21  Dialogue Politique Afrique',
        '             title es: copied from fr, to translate (marked "# to translate" in events.yaml)',
        '1 added, 1 changed, 0 left alone; 33 event(s) of events.yaml not in the file, kept as they are.',
      ]),
    );
    expect(run.out.at(-1)).toMatch(/^Dry run: nothing written\. Run again with --write to write .*events\.yaml\.$/);
    expect(await filesOf(data)).toEqual(before);
  });

  it('--write changes only the lines that change, keeping every comment, and check-data passes', async () => {
    const data = await dataCopy();
    const [before] = await filesOf(data);
    const file = await sheet(
      'calendar.csv',
      `${header}\nafrica-policy-dialogue-2019,2019-05-20/2019-05-24,,,,,\n` +
        'africa-policy-dialogue-2027,2027-05-17/2027-05-21,Africa Policy Dialogue,Dialogue Politique Afrique,,Dakar,policy-dialogue\n',
    );
    expect((await runImport('events', file, '--data', data, '--write')).code).toBe(0);
    const [after] = await filesOf(data);
    const expected =
      before!
        .replace(
          '  - id: africa-policy-dialogue-2019\n    when: "2019-05-13/2019-05-17"',
          '  - id: africa-policy-dialogue-2019\n    when: "2019-05-20/2019-05-24"',
        )
        .replace(
          '    programme: africa-policy-dialogue\n    source: calendar row 16\n',
          '    programme: africa-policy-dialogue\n    revision: 1\n    source: calendar row 16\n',
        ) +
      [
        '',
        '  - id: africa-policy-dialogue-2027',
        '    when: "2027-05-17/2027-05-21"',
        '    title:',
        '      en: Africa Policy Dialogue',
        '      fr: Dialogue Politique Afrique',
        '      es: Dialogue Politique Afrique # to translate (copied from fr)',
        '    place: { city: dakar }',
        '    category: policy-dialogue',
        '    source: calendar.csv row 3',
        '',
      ].join('\n');
    expect(after).toBe(expected);
    const catalog = await loadCatalog(data);
    expect(catalog.events.events.find((e) => e.id === 'africa-policy-dialogue-2019')?.revision).toBe(1);
  });

  it('export then import changes nothing', async () => {
    const data = await dataCopy();
    const exported = await runExport('events', '--csv', '--data', data);
    expect(exported.code).toBe(0);
    expect(exported.out[0]?.split('\n')[0]).toBe(
      'id,when,title_en,title_fr,title_es,place,category,partners,programme,confirmed,source',
    );
    expect(exported.out[0]?.split('\n')).toHaveLength(35);
    const file = await sheet('events.csv', `${exported.out[0]}\n`);
    const before = await filesOf(data);
    const run = await runImport('events', file, '--data', data, '--write');
    expect(run.err).toEqual([]);
    expect(run.out).toContain('0 added, 0 changed, 34 left alone.');
    expect(await filesOf(data)).toEqual(before);
  });

  it('reads headers in French and Spanish, and month names in the three languages', async () => {
    const data = await emptyDataCopy();
    const file = await sheet(
      'agenda.csv',
      'Jour;Mois;Année;Titre (fr);Título (es);Lieu\n' +
        '13-17;May;2027;Dialogue Politique Afrique;Diálogo Político África;Bamako\n' +
        '?;febrero;2027;Visite;Visita;En ligne\n' +
        '27-3/11;Octobre;2027;Atelier;Taller;Corée\n' +
        ';2ème semestre;2027;Forum;Foro;Séoul\n',
    );
    const run = await runImport('events', file, '--data', data, '--write');
    expect(run.err).toEqual([]);
    expect((await eventEntries(data)).map((entry) => [entry.when, entry.place])).toEqual([
      ['2027-05-13/2027-05-17', { city: 'bamako' }],
      ['2027-02-??', { online: true }],
      ['2027-10-27/2027-11-03', { country: 'KR' }],
      ['2027-H2', { city: 'seoul' }],
    ]);
  });
});

describe('gsef import events: refusals', () => {
  it('names every problem by its row and column, in check-data words, and writes nothing', async () => {
    const data = await dataCopy();
    const before = await filesOf(data);
    const file = await sheet(
      'events.csv',
      'Date,Mois,Description,Lieu\n' +
        '8,Janvier,Un,Paris\n' +
        '31,Février,Deux,Paris\n' +
        '3,Juin.,Trois,Paris\n' +
        '4,Juin,Quatre,Atlantis\n' +
        '5,Juin,Cinq,"Lyon, France"\n' +
        "6,Juin,=cmd|' /C calc'!A0,Paris\n" +
        '7,Juin,Sept\u0007,Paris\n',
    );
    const run = await runImport('events', file, '--data', data, '--year', '2027', '--write');
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'gsef import: the data has 6 problem(s):',
      '  events.csv row 3, column Date: 2027-02-31 is not a real day',
      '  events.csv row 4, column Mois: "Juin." is not a month',
      '  events.csv row 5, column Lieu: "Atlantis" is not a city or a country of places.yaml',
      '  events.csv row 6, column Lieu: "Lyon" is not a city of places.yaml: add it there, or run again with --add-places to draft it',
      '  events.csv row 7, column Description: "=cmd|\' /C calc\'!A0" is a spreadsheet formula: type the value itself, not a formula',
      '  events.csv row 8, column Description: the control character U+0007 is not allowed',
    ]);
    expect(await filesOf(data)).toEqual(before);
  });

  it('refuses a row that repeats a new event, and tells of a new event on the date of an existing one', async () => {
    const data = await dataCopy();
    const repeated = await sheet('repeat.csv', 'Date,Mois,Description,Lieu\n5,Juin,Cinq,Paris\n5,Juin,cinq,Paris\n');
    expect((await runImport('events', repeated, '--data', data, '--year', '2027')).err).toEqual([
      'gsef import: repeat.csv row 3, column Description: repeats the new event of row 2',
    ]);
    const renamed = await sheet('renamed.csv', 'Date,Mois,Description,Lieu\n13-17,Mai,Dialogue Afrique,Bamako\n');
    expect((await runImport('events', renamed, '--data', data, '--year', '2019')).out).toContain(
      '             same date as renapess-general-assembly-2019, africa-policy-dialogue-2019: if it is the same event, give its id in an id column to change it',
    );
  });

  it("reads a cell written after an apostrophe as text, as gsef export writes a formula's look-alike", async () => {
    const data = await emptyDataCopy();
    const file = await sheet('quoted.csv', "Date,Mois,Description,Lieu\n5,Juin,'=Forum,Paris\n");
    expect((await runImport('events', file, '--data', data, '--year', '2027', '--write')).err).toEqual([]);
    expect((await eventEntries(data)).map((entry) => (entry.title as { fr: string }).fr)).toEqual(['=Forum']);
    const exported = await runExport('events', '--data', data);
    expect(exported.out[0]?.split('\n')[1]).toMatch(/^forum-2027,2027-06-05,'=Forum,'=Forum,'=Forum,paris,/);
  });

  it('--add-places drafts the new city for the user to complete', async () => {
    const data = await dataCopy();
    const file = await sheet('events.csv', 'Date,Mois,Description,Lieu\n5,Juin,Cinq,"Lyon, France"\n');
    const run = await runImport('events', file, '--data', data, '--year', '2027', '--add-places', '--write');
    expect(run.err).toEqual([]);
    expect(run.out).toContain('NEW PLACE  lyon (Lyon, FR): its names in places.yaml are to translate');
    const [events, places] = await filesOf(data);
    expect(places).toContain(
      '  lyon:\n    name: { en: Lyon, fr: Lyon, es: Lyon } # to translate: the name as the spreadsheet gave it\n    country: FR\n    aliases: []\n',
    );
    expect(events).toContain('    place: { city: lyon }\n');
    expect((await loadCatalog(data)).places.cities.lyon?.country).toBe('FR');
  });

  it('refuses a file that is not a spreadsheet it can read, and an empty one', async () => {
    const data = await dataCopy();
    const fake = await sheet('calendar.xlsx', 'Date,Mois\n8,Janvier\n');
    expect((await runImport('events', fake, '--data', data)).err[0]).toMatch(
      /^gsef import: calendar\.xlsx: is not an Excel file the import can read: /,
    );
    const odt = await sheet('calendar.ods', 'x');
    expect((await runImport('events', odt, '--data', data)).err).toEqual([
      'gsef import: calendar.ods: is neither a .csv nor an .xlsx file: save the spreadsheet as CSV UTF-8 or as Excel (.xlsx)',
    ]);
    const latin1 = path.join(await tempFolder(), 'latin1.csv');
    await writeFile(latin1, Buffer.from([0x38, 0x2c, 0x46, 0xe9, 0x76, 0x72, 0x69, 0x65, 0x72, 0x0a]));
    expect((await runImport('events', latin1, '--data', data)).err).toEqual([
      'gsef import: latin1.csv: is not UTF-8 text: save it as "CSV UTF-8"',
    ]);
    const empty = await sheet('empty.csv', '\n\n');
    expect((await runImport('events', empty, '--data', data)).err).toEqual(['gsef import: empty.csv: has no rows']);
  });

  it('refuses a file over the size limit, an .xlsx that unpacks beyond its limit, and a file over the row limit', async () => {
    const data = await dataCopy();
    const big = await sheet('big.csv', 'Date,Mois,Description,Lieu\n'.padEnd(10 * 1024 * 1024, 'x'));
    expect((await runImport('events', big, '--data', data)).err).toEqual([
      'gsef import: big.csv: is 10240 KB: a spreadsheet to import may hold at most 1024 KB',
    ]);
    const bomb = path.join(await tempFolder(), 'bomb.xlsx');
    await writeFile(bomb, zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(100 * 1024 * 1024) }, { level: 9 }));
    expect((await stat(bomb)).size).toBeLessThan(1024 * 1024);
    expect((await runImport('events', bomb, '--data', data)).err).toEqual([
      'gsef import: bomb.xlsx: unpacks to 100 MB: an .xlsx file to import may unpack to at most 32 MB',
    ]);
    const long = await sheet('long.csv', '1,Mai,x,Paris\n'.repeat(100_000).slice(0, 1000 * 1024));
    const run = await runImport('events', long, '--data', data, '--year', '2027');
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'gsef import: long.csv: has more than 2000 rows: a spreadsheet to import may hold at most 2000',
    ]);
    expect((await stat(path.join(data, 'events.yaml'))).size).toBe(
      (await stat(path.join(DATA_DIR, 'events.yaml'))).size,
    );
  });
});

describe('gsef import events: translations', () => {
  it('a title copied from French is marked to translate until a row gives its translation', async () => {
    const data = await dataCopy();
    const first = await sheet('new.csv', 'id,when,title_fr,place\nforum-2027,2027-03-01,Forum,En ligne\n');
    expect((await runImport('events', first, '--data', data, '--write')).out).toContain(
      '             title en, es: copied from fr, to translate (marked "# to translate" in events.yaml)',
    );
    expect((await filesOf(data))[0]).toContain('      en: Forum # to translate (copied from fr)\n');
    const second = await sheet('translated.csv', 'id,title_en\nforum-2027,Forum (in English)\n');
    const run = await runImport('events', second, '--data', data, '--write');
    expect(run.out).toEqual(
      expect.arrayContaining([
        'CHANGED    row 2    forum-2027',
        '             title.en: Forum -> Forum (in English)',
        '             revision: 0 -> 1',
      ]),
    );
    const [events] = await filesOf(data);
    expect(events).toContain(
      '      en: Forum (in English)\n      fr: Forum\n      es: Forum # to translate (copied from fr)\n',
    );
  });
});
