import {
  Composer,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
  type Document,
  type Node,
} from 'yaml';
import type { DataProblem } from '../errors.js';
import { readDataFile, type DataFileContent } from './data-files.js';
import { decodeDataText } from './data-text.js';
import { locateYamlError, UNRESOLVED_ALIAS } from './yaml-syntax-errors.js';

/**
 * The largest data file has under 700 lines, 70,000 at 100 times the data (events.yaml); a broken
 * file yields up to two parse errors per line.
 */
export const MAX_DATA_FILE_LINES = 100_000;
/**
 * The YAML library's time is linear in the file's tokens (every `[`, `,`, key, value and run of
 * spaces counts), not in its bytes: 4 MB of `[],` is 4 million tokens, which took over 20 s. So
 * they are counted on their way from the lexer to the parser, and the parse stops past this bound:
 * a longer file costs what a file at the bound costs (about 2 s, below), then is refused. events.yaml
 * at 100 times the data has about 500,000 tokens and parses in 1.4 s on this 2-core machine when quiet
 * (up to 8 s when it is loaded 3 to 4 times over). The worst case left: the costliest shape found
 * (nested empty flow lists, `[[[]]],…`, or 100,000 quoted keys) up to the bound parses in 1.2 to
 * 2.3 times the 100× events.yaml's time in the same runs, 10 to 18 s under that load; deeper
 * nesting, aliases and line count are bounded on their own.
 */
export const MAX_DATA_FILE_TOKENS = 600_000;
/** The data nests 7 levels at most; deeper nesting would exhaust the parser's and the schema's stack. */
export const MAX_NESTING = 32;
/**
 * Anchors (`&x`) may be reused (`*x`) this many times in all: an alias bomb expands far beyond it,
 * and the data uses none. Counted by the lexer too, so that a flood of aliases is refused before
 * the parse it would slow down.
 */
export const MAX_ALIAS_EXPANSIONS = 100;

/**
 * A YAML file read with its positions kept, so that a problem found later (by a schema or a
 * cross-reference check) can be reported at the line of the field it concerns.
 */
export interface YamlSource {
  /** The path as shown to the user (relative to where the data folder was given). */
  file: string;
  /** The parsed value, or undefined when the file did not parse. */
  value: unknown;
  /** A problem located at a field path: the line of the deepest node that exists on that path. */
  problemAt(path: readonly PropertyKey[], message: string): DataProblem;
}

export async function readYamlSource(
  absolutePath: string,
  shownPath: string,
): Promise<{ source?: YamlSource; problems: DataProblem[] }> {
  return parseYamlSource(await readDataFile(absolutePath), shownPath);
}

/** {@link readYamlSource} of a file already read: its bytes, or why it could not be read. */
export function parseYamlSource(
  bytes: DataFileContent,
  shownPath: string,
): { source?: YamlSource; problems: DataProblem[] } {
  const fileProblem = (message: string, line?: number, column?: number) => ({
    problems: [
      {
        file: shownPath,
        ...(line === undefined ? {} : { line }),
        ...(column === undefined ? {} : { column }),
        message,
      },
    ],
  });
  if (typeof bytes === 'string') return fileProblem(bytes);
  const decoded = decodeDataText(bytes);
  if ('problem' in decoded) return fileProblem(decoded.problem, decoded.line);

  const lines = decoded.text.split('\n').length;
  if (lines > MAX_DATA_FILE_LINES)
    return fileProblem(`has ${lines} lines: a data file may hold at most ${MAX_DATA_FILE_LINES}`);

  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const parsed = parseQuickly(decoded.text, lineCounter);
  if ('problem' in parsed) return fileProblem(parsed.problem, decoded.text.slice(0, parsed.offset).split('\n').length);
  const { doc } = parsed;
  const syntax = [...doc.errors, ...doc.warnings];
  // The first error only: the later ones mostly follow from it, and one broken line can yield a
  // hundred thousand of them.
  const [first] = syntax;
  if (first) {
    const { line, column, message } = locateYamlError(first, decoded.text, lineCounter);
    const more = syntax.length > 1 ? ` (${syntax.length - 1} more after it may follow from this one)` : '';
    return fileProblem(`YAML syntax error: ${message}${more}`, line, column);
  }
  if (doc.contents === null) return fileProblem('the file is empty');
  const shape = checkShape(doc.contents);
  if ('problem' in shape) return fileProblem(shape.problem, lineOf(shape.offset));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    // Aliases are resolved here: one that names no anchor, or that expand beyond the cap (a "billion laughs").
    const bomb = error instanceof ReferenceError && /excessive alias/i.test(error.message);
    const message = bomb
      ? `its aliases (*name) expand to more than ${MAX_ALIAS_EXPANSIONS} copies: reuse anchors less`
      : /unresolved alias/i.test((error as Error).message)
        ? `YAML error: ${UNRESOLVED_ALIAS}`
        : `YAML error: ${(error as Error).message.split('\n')[0]}`;
    return fileProblem(message, shape.firstAlias === undefined ? undefined : lineOf(shape.firstAlias));
  }
  const source: YamlSource = {
    file: shownPath,
    value,
    problemAt: (path, message) => ({
      file: shownPath,
      line: lineOfPath(doc, path, lineOf),
      field: formatFieldPath(path),
      message,
    }),
  };
  return { source, problems: [] };
}

/**
 * Parses without the three costs that made input slow: the parser's key-uniqueness check,
 * quadratic in the keys of a map (checked below in linear time instead); a stack trace captured
 * for each of its errors, of which a broken file can yield tens of thousands; and a lexing pass
 * of its own for the shapes that would stall the parser: each token is watched on its way from
 * the lexer to the parser (what `parseDocument` does, but for the watch), and the parse stops at
 * the first such shape, which is returned instead of the document.
 */
function parseQuickly(text: string, lineCounter: LineCounter): { doc: Document } | StallingShape {
  const watch = new StallWatch();
  let stalling: StallingShape | undefined;
  const parser = new Parser(lineCounter.addNewLine);
  function* watchedTokens() {
    lineCounter.addNewLine(0);
    for (const token of new Lexer().lex(text)) {
      stalling = watch.see(token);
      if (stalling) return;
      yield* parser.next(token);
    }
    yield* parser.end();
  }
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
    // The composer always makes a document, at the end at the latest; a second one is an error.
    let doc: Document | undefined;
    for (const next of composer.compose(watchedTokens(), true, text.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(
          new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
        );
        break;
      }
    }
    return stalling ?? { doc: doc! };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** The lexer's markers that stand for no source text. */
const ZERO_WIDTH_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);

interface StallingShape {
  problem: string;
  offset: number;
}

/**
 * Finds, token by token, the first of the shapes that would stall the parser: more than
 * {@link MAX_DATA_FILE_TOKENS} tokens, more than {@link MAX_ALIAS_EXPANSIONS} aliases, or
 * collections nested deeper than {@link MAX_NESTING} (over deeper nesting the parser takes
 * seconds, then overflows its stack, and may throw). Flow collections (`[[[…]]]`, `{a: {…}}`)
 * count by their brackets; block collections by the columns they start at, so that nesting by
 * indentation and nesting on one line (`- - - x`, `? ? x`, `- a: - b`) count alike. A block
 * collection at the same column as its parent (`a:` then `- x` below it) is not counted: the
 * estimate never exceeds the true depth, so a file refused here is truly too deep, and the rest is
 * checked exactly once parsed ({@link checkShape}). Brackets, dashes and colons inside text are part
 * of a scalar token, so they do not count.
 */
class StallWatch {
  private tokens = 0;
  private aliases = 0;
  private flowDepth = 0;
  private offset = 0;
  private column = 0;
  private lineStarts = true;
  /** Where the node after the last block indicator starts: a map begins at its first key. */
  private nodeColumn = 0;
  /** The columns of the block collections open at this point. */
  private readonly open: number[] = [];

  /** The shape `token`, the next one, makes, if it stalls the parser. */
  see(token: string): StallingShape | undefined {
    if (ZERO_WIDTH_TOKENS.has(token)) return undefined;
    const { offset, open } = this;
    this.tokens += 1;
    if (this.tokens > MAX_DATA_FILE_TOKENS)
      return { problem: `has more than ${MAX_DATA_FILE_TOKENS} YAML tokens: split or shorten the file`, offset };
    if (token.startsWith('*')) this.aliases += 1;
    if (this.aliases > MAX_ALIAS_EXPANSIONS)
      return { problem: `uses aliases (*name) more than ${MAX_ALIAS_EXPANSIONS} times: reuse anchors less`, offset };
    const content = !/^[ \t\n\r]*$/.test(token) && !token.startsWith('#');
    if (content && this.lineStarts && this.flowDepth === 0) {
      // The first item on a line closes every block collection more indented than it (a block
      // scalar's text is one token, its indentation included).
      const indent = this.column + token.length - token.trimStart().length;
      while (open.length > 0 && open[open.length - 1]! > indent) open.pop();
      if (token === '---' || token === '...') open.length = 0;
    }
    if (content && (this.lineStarts || this.nodeColumn < 0)) this.nodeColumn = this.column;
    if (content) this.lineStarts = false;
    if (token === '[' || token === '{') this.flowDepth += 1;
    else if (token === ']' || token === '}') this.flowDepth -= 1;
    else if (this.flowDepth === 0 && (token === '-' || token === '?')) {
      this.openAt(this.column);
      this.nodeColumn = -1;
    } else if (this.flowDepth === 0 && token === ':') {
      this.openAt(this.nodeColumn);
      this.nodeColumn = -1;
    }
    if (open.length + this.flowDepth > MAX_NESTING)
      return { problem: `nested more than ${MAX_NESTING} levels deep`, offset };
    this.offset += token.length;
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) {
      this.column = token.length - newline - 1;
      this.lineStarts = this.column === 0;
    } else this.column += token.length;
    return undefined;
  }

  private openAt(column: number): void {
    const { open } = this;
    if (open.length === 0 || open[open.length - 1]! < column) open.push(column);
  }
}

type Shape = { firstAlias: number | undefined } | { problem: string; offset: number };

/**
 * What the YAML library accepts but the data must not hold, found in one pass without recursion
 * (the nesting is what is being checked): tags (`!!js/function`, `!custom`) that would smuggle in
 * types the schemas do not describe, keys that are not plain values, a key given twice, and
 * nesting deeper than {@link MAX_NESTING}.
 */
function checkShape(root: Node): Shape {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  let firstAlias: number | undefined;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isNode(node)) continue;
    const offset = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      firstAlias = Math.min(firstAlias ?? offset, offset);
      continue;
    }
    if (node.tag !== undefined)
      return {
        problem: `the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: data files hold plain text, numbers, lists and maps`,
        offset,
      };
    if (depth > MAX_NESTING) return { problem: `nested more than ${MAX_NESTING} levels deep`, offset };
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    } else if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key))
          return {
            problem: 'a key must be a plain value, not a list, a map or an alias',
            offset: isNode(pair.key) ? (pair.key.range?.[0] ?? offset) : offset,
          };
        if (pair.key.tag !== undefined) stack.push({ node: pair.key, depth });
        if (keys.has(pair.key.value))
          return {
            problem: `the key "${String(pair.key.value).slice(0, 80)}" is given twice in the same map`,
            offset: pair.key.range?.[0] ?? offset,
          };
        keys.add(pair.key.value);
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    }
  }
  return { firstAlias };
}

function lineOfPath(
  doc: Document,
  path: readonly PropertyKey[],
  lineOf: (offset: number) => number,
): number | undefined {
  // Walk down as far as the path exists. A field is reported at its key's line (`title:`), so a
  // missing field is reported at the line of its parent's key.
  for (let depth = path.length; depth >= 0; depth--) {
    const parent = depth === 0 ? undefined : doc.getIn(path.slice(0, depth - 1) as unknown[], true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[depth - 1]);
      if (pair && isNode(pair.key) && pair.key.range) return lineOf(pair.key.range[0]);
    }
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineOf(node.range[0]);
  }
  return undefined;
}

/** `['events', 3, 'title', 'es']` -> `events[3].title.es` */
function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
