import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { withoutPassword } from '../url-credentials.js';

/** The store's default: an embedded SQLite file in the project's var/ folder, created on first use. */
export const DEFAULT_STORE_URL = `sqlite://${path.join(PROJECT_ROOT, 'var', 'gsef.sqlite')}`;

/** The stores GSEF_STORE_URL may name, by the scheme that names them. */
export type StoreKind = 'sqlite' | 'postgres' | 'redis' | 'memory';

const SCHEMES: readonly { kind: StoreKind; scheme: RegExp }[] = [
  // sqlite://relative/path (to the working directory) or sqlite:///absolute/path
  { kind: 'sqlite', scheme: /^sqlite:\/\/./ },
  { kind: 'postgres', scheme: /^postgres(ql)?:\/\// },
  { kind: 'redis', scheme: /^rediss?:\/\// },
  { kind: 'memory', scheme: /^memory:\/\/$/ },
];

/** The kind of store a URL names, or what makes it unusable (with its credentials masked). */
export function parseStoreUrl(url: string): { kind: StoreKind } | { problem: string } {
  const kind = SCHEMES.find((s) => s.scheme.test(url))?.kind;
  if (!kind)
    return {
      problem: `"${withoutPassword(url)}" is not a store this bot can open; use sqlite://FILE (by default var/gsef.sqlite in the bot's folder), postgres://user@host/database, redis://host:6379 or memory://`,
    };
  if (kind === 'sqlite' && url.endsWith('/')) {
    return {
      problem: `"${withoutPassword(url)}" names a folder: name the store's file in it, such as ${url}gsef.sqlite`,
    };
  }
  if ((kind === 'postgres' || kind === 'redis') && !URL.canParse(url)) {
    return {
      problem: `"${withoutPassword(url)}" is not a valid URL: percent-encode special characters of the user name and password (@ is %40, / is %2F, # is %23)`,
    };
  }
  return { kind };
}
