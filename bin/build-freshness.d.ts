/** The project's root folder. */
export const ROOT: string;
/**
 * The first source file under `folders` (by default the program's: src/ and commands/) whose
 * compiled .js is missing or older than it, or undefined if none.
 */
export function firstStaleSource(folders?: readonly string[]): string | undefined;
/** dist/src: where tsc writes the program. */
export const COMPILED: string;
/** dist/bundle: where bin/bundle.js bundles the program from COMPILED. */
export const BUNDLE: string;
/** The list of files the bundle was made from, written after it. */
export const BUNDLE_INPUTS: string;
/** npm's record of the packages it installed: the bundle's input standing for the packages bundled in it. */
export const INSTALLED_PACKAGES: string;
/** The programs bundled as ES modules, relative to COMPILED and to BUNDLE alike. */
export const BUNDLED_ENTRIES: readonly string[];
/** The one-shot CLI: its entry in COMPILED, and the CommonJS script it is bundled into in BUNDLE. */
export const CLI_SCRIPT: { readonly entry: string; readonly bundled: string };
/** BUNDLE while it is a bundle of the current build, else COMPILED. */
export function programFolder(): string;
