/** Why `from` may not import `to` (paths relative to the root), or undefined when it may. */
export function forbiddenImport(from: string, to: string): string | undefined;
