// The module-resolution hooks that record-packages.ts registers. They run on Node's loader thread:
// each name is appended to the file as it is resolved, synchronously, so the file is complete
// whenever the process stops, even by process.exit() or a signal.
import { appendFileSync } from 'node:fs';
import type { InitializeHook, ResolveHook } from 'node:module';

let file = '';
const recorded = new Set<string>();

export const initialize: InitializeHook<{ file: string }> = (data) => {
  file = data.file;
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  const name = packageOf(resolved.url);
  if (name !== undefined && !recorded.has(name)) {
    recorded.add(name);
    appendFileSync(file, `${name}\n`);
  }
  return resolved;
};

/** `…/node_modules/@slack/bolt/dist/index.js` → `@slack/bolt`; the innermost node_modules wins. */
function packageOf(url: string): string | undefined {
  return /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
}
