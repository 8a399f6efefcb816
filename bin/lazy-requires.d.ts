/** The top-level requires the bundle makes lazy: each statement, in the file of a package (`@slack/bolt/dist/App.js`). */
export const LAZY_REQUIRES: readonly { file: string; statement: string }[];
/**
 * `code` with each of `statements` (`const NAME = …require("…")…;`) replaced by a stand-in that
 * evaluates the right-hand side when one of its properties is first read; and the statements not found.
 */
export function makeRequiresLazy(code: string, statements: readonly string[]): { code: string; missing: string[] };
/** The esbuild plugin applying LAZY_REQUIRES. */
export const lazyRequiresPlugin: import('esbuild').Plugin;
