/**
 * Synthetic GSEF data at N times the seed, with the seed's shape and variety: every event, member
 * and dated meeting is copied N times, spread over the years after the seed's, keeping its date
 * precision (day ranges, ranges across months, unknown days, month only), its place and its
 * titles in the three languages, made distinct by a number.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * The multiple of the seed the scale and start-up figures are taken at: the one issue 16 sets
 * targets for. The loader admits up to about 119 times: events.yaml holds 5,000 YAML tokens per
 * copy of the seed, and a data file at most 600,000 (src/catalog/yaml-source.ts), so that a
 * hostile file cannot stall start-up or a reload for long.
 */
export const LARGEST_SUPPORTED_TIMES = 100;

type Yaml = Record<string, unknown>;
type Localized = { en: string; fr: string; es: string };

export async function writeSyntheticData(sourceDir: string, targetDir: string, times: number): Promise<void> {
  await mkdir(targetDir, { recursive: true });
  await cp(sourceDir, targetDir, { recursive: true });
  const read = async (name: string) => parse(await readFile(path.join(sourceDir, name), 'utf8')) as Yaml;
  const write = (name: string, value: Yaml) =>
    writeFile(path.join(targetDir, name), stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }));

  const events = await read('events.yaml');
  const seedEvents = events.events as Yaml[];
  events.events = copies(times, (copy) =>
    seedEvents.map((event) => ({
      ...event,
      id: suffixed(event.id as string, copy),
      involves: ((event.involves as string[] | undefined) ?? []).map((id) => suffixed(id, copy)),
      when: shiftYears(event.when as string, copy % 10),
      title: numbered(event.title as Localized, copy),
      otherVersions: ((event.otherVersions as Yaml[] | undefined) ?? []).map((v) => ({
        ...v,
        ...(v.when ? { when: shiftYears(v.when as string, copy % 10) } : {}),
      })),
    })),
  );
  await write('events.yaml', events);

  const members = await read('members.yaml');
  const seedMembers = members.members as Yaml[];
  members.members = copies(times, (copy) =>
    seedMembers.map((m) => ({ ...m, id: suffixed(m.id as string, copy), name: numbered(m.name as Localized, copy) })),
  );
  await write('members.yaml', members);

  const meetings = await read('meetings.yaml');
  const sc = meetings.steeringCommittee as Yaml;
  const occurrences = sc.occurrences as Yaml[];
  // One set of dated meetings per year; the copies' calendar rows are renamed like the events.
  sc.occurrences = copies(Math.min(times, 10), (copy) =>
    occurrences.map((o) => ({
      ...o,
      id: `sc-${2019 + (copy % 10)}-q${o.quarter as number}`,
      year: (o.year as number) + (copy % 10),
      when: shiftYears(o.when as string, copy % 10),
      event: suffixed(o.event as string, copy),
    })),
  );
  await write('meetings.yaml', meetings);
}

/** Copy 0 keeps the seed's ids, so that every reference of the seed still holds. */
function suffixed(id: string, copy: number): string {
  return copy === 0 ? id : `${id}-x${copy}`;
}

function copies<T>(times: number, make: (copy: number) => T[]): T[] {
  return Array.from({ length: times }, (_, copy) => make(copy)).flat();
}

function numbered(text: Localized, copy: number): Localized {
  return copy === 0 ? text : { en: `${text.en} (${copy})`, fr: `${text.fr} (${copy})`, es: `${text.es} (${copy})` };
}

/** Moves every year in a date expression (2019-04-30/2019-05-05, 2019-02-??, 2019-03) forward. */
function shiftYears(when: string, years: number): string {
  return when.replace(/\b(\d{4})(?=-)/g, (year) => String(Number(year) + years));
}
