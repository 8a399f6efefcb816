import { readFile } from 'node:fs/promises';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { formatFieldPath, type DataProblem } from './data-error.js';

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

export async function readYamlSource(absolutePath: string, shownPath: string): Promise<{ source?: YamlSource; problems: DataProblem[] }> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is missing' : String(error);
    return { problems: [{ file: shownPath, message: reason }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      file: shownPath,
      line: lineCounter.linePos(error.pos[0]).line,
      message: `YAML syntax error: ${error.message.split('\n')[0]}`,
    }));
    return { problems };
  }
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const source: YamlSource = {
    file: shownPath,
    value: doc.toJS({ maxAliasCount: 100 }),
    problemAt: (path, message) => ({
      file: shownPath,
      line: lineOfPath(doc, path, lineOf),
      field: formatFieldPath(path),
      message,
    }),
  };
  return { source, problems: [] };
}

function lineOfPath(doc: Document, path: readonly PropertyKey[], lineOf: (offset: number) => number): number | undefined {
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
