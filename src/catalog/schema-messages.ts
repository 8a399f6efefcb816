import type { z } from 'zod';

/**
 * What a field that breaks its schema is told, in words for the person editing the file: the
 * schema library's own ("Invalid input: expected string, received undefined") speak of types.
 * Messages a schema gives itself (a date that is not a real day, a cap on a length) stay.
 */
export const plainSchemaMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is missing'
        : `must be ${KINDS[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `${shown(issue.input)} is not one of the values this field takes: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `${issue.keys.map((key) => `"${key}"`).join(', ')} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} of this entry: check the spelling (field names are English, such as otherVersions), or remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `must hold at least ${issue.minimum} item(s)`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `must hold at most ${issue.maximum} item(s)`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_union':
      return 'is not written in a form this field takes: compare it with an entry of the same kind in the file';
    default:
      return undefined;
  }
};

/** What a value of each expected kind is, as the YAML shows it. */
const KINDS: Partial<Record<string, string>> = {
  string: 'text (put it in quotes if it looks like a number or a date)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (one item per line, each starting with "- ")',
  object: 'a group of fields (name: value, one per line, indented)',
  record: 'a group of fields (name: value, one per line, indented)',
};

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text ${shown(value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${(text ?? String(value)).slice(0, 60)}"`;
}
