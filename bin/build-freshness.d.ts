/** The project's root folder. */
export const ROOT: string;
/**
 * The first source file under `folders` (by default the program's: src/ and commands/) whose
 * compiled .js is missing or older than it, or undefined if none.
 */
export function firstStaleSource(folders?: readonly string[]): string | undefined;
