/**
 * Checks of decoded JSON against the shape the code that reads it expects, for the gateway guard.
 * A check reads the value where it is and allocates nothing when the value fits: the guard runs
 * on every packet of the gateway, and a schema library that builds a checked copy of each one
 * (as zod does) made that copy and its garbage a large part of the bot's work per interaction.
 * Only a value that does not fit builds its mismatch, with the path to the first field wrong.
 * Objects are loose, as Discord's payloads are read: fields not named are neither checked nor dropped.
 */

/** Where in the value (field names and array indexes, outermost first) and what is wrong there. */
export interface Mismatch {
  path: (string | number)[];
  message: string;
}

/** A check: undefined when `value` has the shape, else the first mismatch found. */
export type Shape = (value: unknown) => Mismatch | undefined;

/** A mismatch at the value itself. */
export function mismatch(message: string): Mismatch {
  return { path: [], message };
}

/** The mismatch of a field or an element, found inside `key`: its path starts there. */
function inside(key: string | number, found: Mismatch): Mismatch {
  found.path.unshift(key);
  return found;
}

function received(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function expected(what: string, value: unknown): Mismatch {
  return mismatch(`expected ${what}, received ${received(value)}`);
}

export const text: Shape = (value) => (typeof value === 'string' ? undefined : expected('string', value));

/** A finite number: JSON.parse reads 1e999 as Infinity, which nothing here expects. */
export const number: Shape = (value) => (Number.isFinite(value) ? undefined : expected('finite number', value));

export const positiveNumber: Shape = (value) =>
  number(value) ?? ((value as number) > 0 ? undefined : mismatch('expected a number above 0'));

export const flag: Shape = (value) => (typeof value === 'boolean' ? undefined : expected('boolean', value));

/**
 * A field that is there, whatever its value: one the reader needs, but whose value is checked
 * elsewhere or not at all. (JSON has no undefined: a field whose value is undefined is absent.)
 */
export const present: Shape = (value) =>
  value === undefined ? mismatch('expected a value, received none') : undefined;

export function optional(shape: Shape): Shape {
  return (value) => (value === undefined ? undefined : shape(value));
}

export function nullable(shape: Shape): Shape {
  return (value) => (value === null ? undefined : shape(value));
}

/** A value of any of the primitive `kinds` (a number: a finite one). */
export function primitive(...kinds: ('string' | 'number' | 'boolean')[]): Shape {
  const what = kinds.join(' or ');
  return (value) => {
    const kind = typeof value;
    const fits =
      kind === 'number'
        ? kinds.includes(kind) && Number.isFinite(value)
        : (kind === 'string' || kind === 'boolean') && kinds.includes(kind);
    return fits ? undefined : expected(what, value);
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object (not null, not an array) with `fields` of their shapes, then `rules` that read the
 * object as a whole; other fields are let through unchecked.
 */
export function object(fields: Record<string, Shape>, ...rules: Shape[]): Shape {
  const entries = Object.entries(fields);
  return (value) => {
    if (!isObject(value)) return expected('object', value);
    for (const [key, shape] of entries) {
      const found = shape(value[key]);
      if (found) return inside(key, found);
    }
    for (const rule of rules) {
      const found = rule(value);
      if (found) return found;
    }
    return undefined;
  };
}

export function arrayOf(shape: Shape): Shape {
  return (value) => {
    if (!Array.isArray(value)) return expected('array', value);
    for (let i = 0; i < value.length; i++) {
      const found = shape(value[i]);
      if (found) return inside(i, found);
    }
    return undefined;
  };
}

/** An object used as a map, as JSON has them (a plain object), every value of `shape`. */
export function recordOf(shape: Shape): Shape {
  return (value) => {
    if (!isObject(value) || !isPlain(value)) return expected('record', value);
    for (const key in value) {
      const found = shape(value[key]);
      if (found) return inside(key, found);
    }
    return undefined;
  };
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `problem` when `holds` is false of the value (a rule of an object, with `object`). */
export function rule<T>(holds: (value: T) => boolean, problem: string): Shape {
  return (value) => (holds(value as T) ? undefined : mismatch(problem));
}

/** A mismatch as one line of a log: `path.to.field: what is wrong` (what is wrong alone, at the value itself). */
export function describeMismatch({ path, message }: Mismatch): string {
  return path.length === 0 ? message : `${path.join('.')}: ${message}`;
}
