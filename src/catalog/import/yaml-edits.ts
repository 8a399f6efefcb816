import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { LANGS, type Lang } from '../../domain/vocabulary.js';
import { IMPORTED_FIELDS, type EventEntry, type Outcome } from './plan-import.js';

/*
 * The import writes events.yaml and places.yaml by changing their text only where a value changes
 * or an entry is added: everything else (comments, blank lines, the order, the `{ city: paris }`
 * spacing Prettier gives) stays byte for byte. Re-printing the whole document with the yaml
 * library would rewrite every flow collection's spacing.
 */

interface Edit {
  start: number;
  end: number;
  text: string;
}

const TO_TRANSLATE = (from: Lang) => ` # to translate (copied from ${from})`;

/** events.yaml's text with the outcomes' changes and additions made. */
export function editEventsText(text: string, outcomes: readonly Outcome[]): string {
  const doc = parseDocument(text);
  const events = doc.get('events', true);
  const items = isSeq(events) ? events.items : [];
  const edits: Edit[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== 'changed') continue;
    const item = items[outcome.index];
    if (!isMap(item)) throw new Error(`events.yaml: events[${outcome.index}] is not a map`);
    for (const field of new Set(outcome.changes.map((change) => change.field))) {
      const [key, lang] = field.split('.') as [keyof EventEntry, Lang | undefined];
      const title = lang === undefined ? undefined : item.get('title', true);
      if (lang !== undefined && isMap(title))
        edits.push(setValue(text, title, lang, inline(outcome.entry.title[lang])));
      else edits.push(setValue(text, item, key, rendered(key, outcome.entry)));
    }
  }
  const added = outcomes.filter((outcome) => outcome.kind === 'added');
  if (added.length > 0) {
    const first = items[0] as Node | undefined;
    const dash = first?.range ? columnOf(text, first.range[0]) - 2 : 2;
    const blocks = added.map((outcome) => entryText(outcome, dash));
    edits.push(appendItems(text, doc.contents, 'events', blocks));
  }
  return applyEdits(text, edits);
}

/** places.yaml's text with new cities added at the end of `cities`, their names marked to translate. */
export function addCitiesText(text: string, cities: readonly { id: string; name: string; country: string }[]): string {
  if (cities.length === 0) return text;
  const map = parseDocument(text).get('cities', true);
  if (!isMap(map) || map.flow || !map.range)
    throw new Error('places.yaml: `cities` must be a block map to add a city to it');
  const first = map.items[0];
  const indent = first && isScalar(first.key) && first.key.range ? columnOf(text, first.key.range[0]) : 2;
  const pad = ' '.repeat(indent);
  const blocks = cities.map(
    ({ id, name, country }) =>
      `${pad}${id}:\n` +
      `${pad}  name: ${inline({ en: name, fr: name, es: name })} # to translate: the name as the spreadsheet gave it\n` +
      `${pad}  country: ${country}\n` +
      `${pad}  aliases: []\n`,
  );
  return applyEdits(text, [{ start: map.range[1], end: map.range[1], text: `\n${blocks.join('\n')}` }]);
}

/** Replaces a key's value, or adds the key after the last one before it in IMPORTED_FIELDS' order. */
function setValue(text: string, map: YAMLMap, key: string, value: string): Edit {
  const pair = pairOf(map, key);
  if (pair && isScalar(pair.key) && pair.key.range && (pair.value as Node | null)?.range) {
    const node = pair.value as Node;
    // A new value answers its "# to translate" mark: the mark goes with the old value.
    const end = node.comment?.trim().startsWith('to translate') ? node.range![2] : node.range![1];
    return { start: pair.key.range[1], end, text: `: ${value}${text[end - 1] === '\n' ? '\n' : ''}` };
  }
  const order = (name: unknown) => IMPORTED_FIELDS.indexOf(name as (typeof IMPORTED_FIELDS)[number]);
  const before = map.items.filter((item) => isScalar(item.key) && order(item.key.value) < order(key)).at(-1);
  const anchor = (before ?? map.items[0])!;
  const indent = columnOf(text, (anchor.key as Node).range![0]);
  const end = ((anchor.value as Node | null)?.range ?? (anchor.key as Node).range!)[1];
  const line = `${' '.repeat(indent)}${key}: ${value}`;
  return text[end - 1] === '\n' ? { start: end, end, text: `${line}\n` } : { start: end, end, text: `\n${line}` };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key);
}

/** New items at the end of a top-level sequence, each after a blank line as the files separate them. */
function appendItems(text: string, root: unknown, key: string, blocks: string[]): Edit {
  const pair = isMap(root) ? pairOf(root, key) : undefined;
  const seq = pair?.value as Node | undefined;
  if (!pair || !isScalar(pair.key) || !pair.key.range || !seq?.range)
    throw new Error(`events.yaml: no \`${key}\` list`);
  if (isSeq(seq) && !seq.flow) return { start: seq.range[1], end: seq.range[1], text: `\n${blocks.join('\n')}` };
  if (isSeq(seq) && seq.items.length === 0)
    // `events: []`: the list becomes a block.
    return { start: pair.key.range[1], end: seq.range[1], text: `:\n${blocks.join('\n').trimEnd()}` };
  throw new Error(`events.yaml: \`${key}\` must be a block list to add events to it`);
}

/** A new entry as the file writes one: its fields in order, titles as a block, places as `{ city: x }`. */
function entryText({ entry, copiedTitles, titleFrom }: Extract<Outcome, { kind: 'added' }>, dash: number): string {
  const pad = ' '.repeat(dash + 2);
  const lines = IMPORTED_FIELDS.filter((field) => entry[field] !== undefined).map((field) => {
    if (field !== 'title') return `${pad}${field}: ${rendered(field, entry)}`;
    const titles = LANGS.map(
      (lang) =>
        `${pad}  ${lang}: ${inline(entry.title[lang])}${copiedTitles.includes(lang) ? TO_TRANSLATE(titleFrom) : ''}`,
    );
    return [`${pad}title:`, ...titles].join('\n');
  });
  return `${' '.repeat(dash)}- ${lines.join('\n').trimStart()}\n`;
}

/** A field's value on one line; a date in double quotes, as the file writes dates. */
function rendered(field: keyof EventEntry, entry: EventEntry): string {
  const value = entry[field];
  if (field === 'when') return JSON.stringify(value);
  return inline(value);
}

/** A value on one line: a scalar, `{ key: value }` or `[a, b]`, Prettier's spacing. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([key, v]) => `${key}: ${inline(v)}`)
      .join(', ')} }`;
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  // Inside `[…]` or `{…}` a comma or bracket would end the value: such text is quoted.
  return typeof value === 'string' && /[,[\]{}#]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  // From the end of the text, so that offsets stay true; of two insertions at one offset the later
  // goes in first, which leaves them in the order they were made.
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => b.edit.start - a.edit.start || b.order - a.order);
  let result = text;
  for (const { edit } of ordered) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
