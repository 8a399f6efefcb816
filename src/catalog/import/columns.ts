import { LANGS, type Lang } from '../../domain/vocabulary.js';
import { foldText } from './fold-text.js';

/** What a column of the spreadsheet holds. */
export type Field =
  | 'id'
  | 'when'
  | 'day'
  | 'month'
  | 'year'
  | 'title'
  | `title_${Lang}`
  | 'place'
  | 'category'
  | 'partners'
  | 'programme'
  | 'confirmed'
  | 'source';

/** Header names, folded (see foldText), in English, French and Spanish. */
const HEADERS: Record<Exclude<Field, `title_${Lang}`>, readonly string[]> = {
  id: ['id', 'identifiant', 'identificador'],
  when: ['when', 'quand', 'cuando'],
  // "Date" is the seed's header of its day column; with no month column it holds the whole date.
  day: ['date', 'day', 'days', 'jour', 'jours', 'fecha', 'dia', 'dias'],
  month: ['month', 'mois', 'mes'],
  year: ['year', 'annee', 'ano'],
  title: [
    'title',
    'titre',
    'titulo',
    'description',
    'descripcion',
    'event',
    'evenement',
    'evento',
    'activite',
    'actividad',
  ],
  place: ['place', 'lieu', 'lugar', 'city', 'ville', 'ciudad', 'where', 'ou', 'donde'],
  category: ['category', 'categorie', 'categoria'],
  partners: ['partners', 'partenaires', 'socios'],
  programme: ['programme', 'program', 'programa'],
  confirmed: ['confirmed', 'confirme', 'confirmee', 'confirmado', 'confirmada'],
  source: ['source', 'fuente'],
};

/** The seed's own table has no names the tool needs: its four columns, in order. */
const SEED_LAYOUT: readonly Field[] = ['day', 'month', 'title', 'place'];

/** A column the file holds: what it is, where, and its name as the file writes it (for messages). */
export interface Column {
  field: Field;
  index: number;
  name: string;
}

export type Layout = { columns: Column[]; headerRows: number } | { problem: string; index: number };

/** A header cell's field: `Titre (fr)`, `title_en`, `Título ES` name a title's language. */
function fieldOf(cell: string): Field | undefined {
  const name = foldText(cell.replace(/[()]/g, ' ')).replace(/ /g, '_');
  for (const [field, names] of Object.entries(HEADERS) as [Field, readonly string[]][])
    if (names.includes(name)) return field;
  const titled = /^(.*)_(en|fr|es)$/.exec(name);
  if (titled && HEADERS.title.includes(titled[1]!)) return `title_${titled[2] as Lang}`;
  return undefined;
}

/**
 * The file's layout: named columns when its first row is a header (two cells or more are names
 * the tool knows), otherwise the seed's four columns with no header row. A header with a name the
 * tool does not know is refused rather than its column dropped: a misspelt "titel_fr" would lose
 * every title in it.
 */
export function readLayout(firstRow: readonly string[]): Layout {
  const fields = firstRow.map(fieldOf);
  if (fields.filter((field) => field !== undefined).length < 2)
    return { columns: SEED_LAYOUT.map((field, index) => ({ field, index, name: field })), headerRows: 0 };
  const columns: Column[] = [];
  for (const [index, cell] of firstRow.entries()) {
    if (cell.trim() === '') continue;
    const field = fields[index];
    if (field === undefined)
      return { problem: `"${cell}" is not a column the import knows (${knownColumns()})`, index };
    if (columns.some((column) => column.field === field))
      return { problem: `"${cell}" names the same column as an earlier one`, index };
    columns.push({ field, index, name: cell.trim() });
  }
  const has = (field: Field) => columns.some((column) => column.field === field);
  // "Date" with no month column holds the whole date, in the data's own forms.
  const day = columns.find((column) => column.field === 'day');
  if (day && !has('month')) day.field = 'when';
  return { columns, headerRows: 1 };
}

function knownColumns(): string {
  return [
    ...Object.keys(HEADERS).filter((field) => field !== 'title'),
    ...LANGS.map((lang) => `title_${lang}`),
    'title',
  ].join(', ');
}
