/**
 * Characters that would break an error line or let a value rewrite the terminal: control
 * characters (line breaks, escape sequences, NUL), Unicode line and paragraph separators, and the
 * bidirectional overrides that can make a line read differently from what it holds.
 */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with each unprintable character written as an escape (`\n`, `\u0000`): an error quoting it stays one line. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
