import type { LineCounter, YAMLError } from 'yaml';

/** A syntax error where the editor should look: 1-based line and column, and what to do. */
export interface LocatedYamlError {
  line: number;
  column: number;
  message: string;
}

/**
 * The error's place and explanation. An unclosed quote is noticed where the text runs out, often
 * lines later: it is reported at the quote that opens it.
 */
export function locateYamlError(
  error: Pick<YAMLError, 'code' | 'message' | 'pos'>,
  text: string,
  lineCounter: LineCounter,
): LocatedYamlError {
  const lines = text.split('\n');
  let { line, col: column } = lineCounter.linePos(error.pos[0]);
  const quote = /closing (["'])quote/.exec(error.message)?.[1];
  if (error.code === 'MISSING_CHAR' && quote) {
    const opening = openingQuote(lines, line, quote);
    if (opening) ({ line, column } = opening);
  }
  return { line, column, message: explainYamlError(error, lines[line - 1] ?? '') };
}

/** The last line at or before `line` holding an odd number of `quote` characters, and that quote's column. */
function openingQuote(
  lines: readonly string[],
  line: number,
  quote: string,
): { line: number; column: number } | undefined {
  for (let at = Math.min(line, lines.length); at >= 1 && at > line - 200; at--) {
    const text = quote === '"' ? lines[at - 1]!.replace(/\\./g, '__') : lines[at - 1]!;
    const positions = [...text].flatMap((character, i) => (character === quote ? [i] : []));
    if (positions.length % 2 === 1) return { line: at, column: positions.at(-1)! + 1 };
  }
  return undefined;
}

/**
 * What a YAML syntax error means for someone editing a data file, and what to do about it. The
 * parser's own words ("Nested mappings are not allowed in compact mappings") describe its grammar;
 * the secretariat needs "put quotes around a value that contains a colon". Each explanation
 * names the likely cause from the line itself where the parser's code allows several.
 */
function explainYamlError(error: Pick<YAMLError, 'code' | 'message'>, line: string): string {
  const parserWords = error.message.split('\n')[0] ?? '';
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'BLOCK_IN_FLOW':
      return valueWithColon(line)
        ? 'this value contains a colon followed by a space, which YAML reads as the start of another field: put the whole value in double quotes, like title: "Meeting: the OECD"'
        : 'the lines here are not indented consistently: the fields of one entry must start at the same column, indented with spaces';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line is neither a field (name: value) nor a list item (- …): add the colon after the field name, or, for a value that goes on over several lines, put it in double quotes';
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab: YAML indents with spaces only, so replace the tab with spaces';
    case 'MISSING_CHAR':
      if (/quote/i.test(parserWords))
        return 'the quote that opens this value is never closed: add the closing quote at the end of the value';
      if (/without - indicator/.test(parserWords))
        return 'this line is indented like a list item but does not start with "- ": add "- " or indent it like the field above';
      return 'a bracket or quote is never closed: check that every [ has its ], every { its } and every quote its closing quote';
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(parserWords))
        return 'a list in [ ] or a map in { } is not closed: add the closing ] or } on the same line';
      return 'the fields of one entry must start at the same column: align this line with the field above it';
    case 'BAD_DQ_ESCAPE':
      return 'inside double quotes a backslash starts a special character (\\n, \\u00a0) and this one is not: write \\\\ for a backslash, or use single quotes';
    case 'BAD_SCALAR_START':
      return `a value cannot start with ${reservedCharacter(parserWords)} unless it is quoted: put the value in double quotes`;
    case 'TAG_RESOLVE_FAILED':
      return 'a value that starts with ! is read as a type marker: put the value in double quotes';
    case 'MULTIPLE_DOCS':
      return 'a line "---" starts a second document, and a data file is one document: remove that line';
    case 'UNEXPECTED_TOKEN':
      return /Block scalar header/.test(parserWords)
        ? 'a value that starts with | or > must have nothing else on its line: put the value in double quotes'
        : 'there is text after the closing quote of a value: put the whole value inside the quotes';
    case 'DUPLICATE_KEY':
      return 'a field is given twice in the same entry: keep one';
    default:
      return `YAML cannot read this line (${parserWords}): check its quotes, colons and indentation`;
  }
}

/** An alias (`*name`) that names no anchor: almost always a value that starts with `*` by accident. */
export const UNRESOLVED_ALIAS =
  'a value that starts with * is read as a reference to an anchor (&name) that does not exist: put the value in double quotes, like "*new*"';

/** `key: some value: more` or `- some value: more` (not inside quotes): a second ": " after the first. */
function valueWithColon(line: string): boolean {
  const unquoted = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""');
  const value = unquoted.replace(/^\s*(-\s+)?[^:\s][^:]*:\s/, '');
  return value !== unquoted && /:(\s|$)/.test(value);
}

function reservedCharacter(parserWords: string): string {
  const character = /character (\S+)\s*$/.exec(parserWords)?.[1];
  return character ? `"${character}"` : 'this character';
}
