// The module-resolution hooks that record-packages.ts registers. They run on Node's loader thread:
// each name is appended to the file as it is resolved, synchronously, so the file is complete
// whenever the process stops, even by process.exit() or a signal.
import { appendFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InitializeHook, ResolveHook } from 'node:module';

let file = '';
const recorded = new Set<string>();

export const initialize: InitializeHook<{ file: string }> = (data) => {
  file = data.file;
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  const name = packageOf(resolved.url);
  for (const loaded of name === undefined ? bundledIn(resolved.url) : [name]) {
    if (recorded.has(loaded)) continue;
    recorded.add(loaded);
    appendFileSync(file, `${loaded}\n`);
  }
  return resolved;
};

/** What bin/bundle.js lists for each file of a bundle: the packages bundled into it. */
const bundles = new Map<string, Record<string, string[]>>();

/** The packages bundled into a file of dist/bundle/ (bin/bundle.js bundles the chat platforms' libraries). */
function bundledIn(url: string): readonly string[] {
  const match = /^(.*\/dist\/bundle)\/(.+\.js)$/.exec(url.startsWith('file:') ? fileURLToPath(url) : url);
  if (!match) return [];
  const [, folder, file] = match as unknown as [string, string, string];
  if (!bundles.has(folder))
    bundles.set(
      folder,
      JSON.parse(readFileSync(`${folder}/bundled-packages.json`, 'utf8')) as Record<string, string[]>,
    );
  return bundles.get(folder)![file] ?? [];
}

/** `…/node_modules/@slack/bolt/dist/index.js` → `@slack/bolt`; the innermost node_modules wins. */
export function packageOf(url: string): string | undefined {
  return /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
}
