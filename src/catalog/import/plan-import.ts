import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { LANGS, type Lang } from '../../domain/vocabulary.js';
import type { event, partner, place } from '../schema.js';
import { foldText } from './fold-text.js';
import type { CellProblem, EventDraft } from './read-rows.js';

/** An event as events.yaml writes it (before the schema's defaults and date parsing). */
export type EventEntry = z.input<typeof event>;
type Partner = z.input<typeof partner>;
type PlaceEntry = z.input<typeof place>;

/** The fields an import may set, in the order events.yaml writes them. */
export const IMPORTED_FIELDS = [
  'id',
  'when',
  'title',
  'place',
  'category',
  'partners',
  'programme',
  'confirmed',
  'revision',
  'source',
] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export type Outcome =
  | {
      kind: 'added';
      row: number;
      entry: EventEntry;
      /** The titles the row does not give, copied from the `titleFrom` one until someone translates them. */
      copiedTitles: Lang[];
      titleFrom: Lang;
      /** Events already on that date: a new title for one of them makes a new event unless its id is given. */
      sameDate: string[];
      category: 'given' | 'default';
    }
  | { kind: 'changed'; row: number; index: number; entry: EventEntry; changes: FieldChange[] }
  | { kind: 'left-alone'; row: number; index: number; entry: EventEntry };

/**
 * The category of a new row that gives none: the seed's table has no category column, and the
 * most frequent category of its calendar is networking. The output says which rows got it.
 */
export const DEFAULT_CATEGORY = 'networking';

/** The fields whose correction calendar applications must hear of: they raise `revision` (see schema.ts). */
const REVISED: readonly ImportedField[] = ['when', 'title', 'place'];

/**
 * What importing the drafts would do to events.yaml's entries: each draft matches an entry by id,
 * else by date and a title in the same language (ignoring case and accents), and changes only the
 * fields its row gives; a draft matching none is a new event. Nothing is removed.
 */
export function planImport(
  entries: readonly EventEntry[],
  drafts: readonly EventDraft[],
  sourceName: string,
): { outcomes: Outcome[]; problems: CellProblem[] } {
  const outcomes: Outcome[] = [];
  const problems: CellProblem[] = [];
  const matchedBy = new Map<number, number>();
  const ids = new Set(entries.map((entry) => entry.id));
  const knownPartners = entries.flatMap((entry) => entry.partners ?? []);

  for (const draft of drafts) {
    const index = matchOf(entries, draft);
    if (index !== undefined) {
      const earlier = matchedBy.get(index);
      if (earlier !== undefined) {
        problems.push({
          row: draft.row,
          column: 'id',
          message: `row ${earlier} already gives the event "${entries[index]!.id}"`,
        });
        continue;
      }
      matchedBy.set(index, draft.row);
      const before = entries[index]!;
      const partners = draft.partners?.map((name) =>
        partnerNamed(name, [...(before.partners ?? []), ...knownPartners]),
      );
      const after = withDraft(before, draft, partners);
      const changes = changesBetween(before, after);
      if (changes.some((change) => REVISED.includes(change.field.split('.')[0] as ImportedField))) {
        after.revision = (before.revision ?? 0) + 1;
        changes.push({ field: 'revision', before: String(before.revision ?? 0), after: String(after.revision) });
      }
      outcomes.push(
        changes.length === 0
          ? { kind: 'left-alone', row: draft.row, index, entry: before }
          : { kind: 'changed', row: draft.row, index, entry: after, changes },
      );
      continue;
    }
    const added = outcomes.filter((outcome) => outcome.kind === 'added');
    const repeated = matchOf(
      added.map((outcome) => outcome.entry),
      draft,
    );
    if (repeated !== undefined) {
      problems.push({
        row: draft.row,
        column: draft.id === undefined ? 'title' : 'id',
        message: `repeats the new event of row ${added[repeated]!.row}`,
      });
      continue;
    }
    const given = LANGS.find((lang) => draft.title[lang] !== undefined);
    const from = draft.title.fr !== undefined ? 'fr' : given;
    if (draft.when === undefined || from === undefined) {
      const missing = draft.when === undefined ? 'date' : 'title';
      problems.push({ row: draft.row, column: missing, message: `a new event needs a ${missing}` });
      continue;
    }
    const copiedTitles = LANGS.filter((lang) => draft.title[lang] === undefined);
    const title = Object.fromEntries(LANGS.map((lang) => [lang, draft.title[lang] ?? draft.title[from]!])) as Record<
      Lang,
      string
    >;
    const id = draft.id ?? freshId(draft.title.en ?? title[from], draft.when, ids);
    ids.add(id);
    const entry: EventEntry = {
      id,
      when: draft.when,
      title,
      ...(draft.place ? { place: draft.place } : {}),
      category: (draft.category ?? DEFAULT_CATEGORY) as EventEntry['category'],
      ...(draft.partners?.length ? { partners: draft.partners.map((name) => partnerNamed(name, knownPartners)) } : {}),
      ...(draft.programme ? { programme: draft.programme } : {}),
      ...(draft.confirmed ? { confirmed: true } : {}),
      source: draft.source ?? `${sourceName} row ${draft.row}`,
    };
    outcomes.push({
      kind: 'added',
      row: draft.row,
      entry,
      copiedTitles,
      titleFrom: from,
      sameDate: entries.filter((known) => known.when === draft.when).map((known) => known.id),
      category: draft.category === undefined ? 'default' : 'given',
    });
  }
  return { outcomes, problems };
}

function matchOf(entries: readonly EventEntry[], draft: EventDraft): number | undefined {
  if (draft.id !== undefined) {
    const index = entries.findIndex((entry) => entry.id === draft.id);
    return index >= 0 ? index : undefined;
  }
  const index = entries.findIndex(
    (entry) =>
      entry.when === draft.when &&
      LANGS.some(
        (lang) => draft.title[lang] !== undefined && foldText(draft.title[lang]) === foldText(entry.title[lang]),
      ),
  );
  return index >= 0 ? index : undefined;
}

function withDraft(before: EventEntry, draft: EventDraft, partners: Partner[] | undefined): EventEntry {
  return {
    ...before,
    ...(draft.when !== undefined ? { when: draft.when } : {}),
    title: { ...before.title, ...draft.title },
    ...(draft.place !== undefined ? { place: draft.place } : {}),
    ...(draft.category !== undefined ? { category: draft.category as EventEntry['category'] } : {}),
    ...(partners !== undefined ? { partners } : {}),
    ...(draft.programme !== undefined ? { programme: draft.programme } : {}),
    ...(draft.confirmed !== undefined ? { confirmed: draft.confirmed } : {}),
    ...(draft.source !== undefined ? { source: draft.source } : {}),
  };
}

/** Field by field, as `title.en: "old" -> "new"`. */
function changesBetween(before: EventEntry, after: EventEntry): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: string, was: unknown, is: unknown) => {
    if (!isDeepStrictEqual(was, is)) changes.push({ field, before: shown(was), after: shown(is) });
  };
  compare('when', before.when, after.when);
  for (const lang of LANGS) compare(`title.${lang}`, before.title[lang], after.title[lang]);
  compare('place', before.place, after.place);
  compare('category', before.category, after.category);
  compare('partners', before.partners ?? [], after.partners ?? []);
  compare('programme', before.programme, after.programme);
  compare('confirmed', before.confirmed ?? false, after.confirmed ?? false);
  compare('source', before.source, after.source);
  return changes;
}

/** A value as the output shows it: a place as `city paris`, a partner by its English name. */
function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(shown).join('; ');
  if (typeof value !== 'object' || value === null) return String(value);
  if ('en' in value) return String(value.en);
  const place = value as PlaceEntry;
  return place.online ? 'online' : place.city ? `city ${place.city}` : `country ${String(place.country)}`;
}

/** A partner by any of its names: the entry the data already has (OECD, OCDE), else the name as given. */
function partnerNamed(name: string, known: readonly Partner[]): Partner {
  const folded = foldText(name);
  return (
    known.find((partner) =>
      (typeof partner === 'string' ? [partner] : LANGS.map((lang) => partner[lang])).some(
        (n) => foldText(n) === folded,
      ),
    ) ?? name
  );
}

/** An id made of the title's first words and the year: `dialogue-politique-afrique-2019`. */
function freshId(title: string, when: string, taken: ReadonlySet<string>): string {
  const year = when.slice(0, 4);
  const words = foldText(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  let stem = '';
  for (const word of words) {
    if (stem.length + word.length > 50) break;
    stem = stem === '' ? word : `${stem}-${word}`;
  }
  const base = `${stem || 'event'}-${year}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
