/** The store's default: an embedded SQLite file under var/, created on first use. */
export const DEFAULT_STORE_URL = 'sqlite://var/gsef.sqlite';

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
      problem: `"${withoutPassword(url)}" is not a store this bot can open; use ${DEFAULT_STORE_URL} (the default), postgres://user@host/database, redis://host:6379 or memory://`,
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

// Query parameters that carry a secret (PostgreSQL's password and sslpassword, tokens, keys).
const SECRET_PARAMETER = /([?&#;](?:[^=&#;]*(?:pass|secret|token|key|auth|credential)[^=&#;]*)=)[^&#;]*/gi;

/**
 * A URL fit for a log or an error message: the userinfo (`user:password@` shows as `user:***@`;
 * `:password@` and a bare `token@` as `***@`) and every secret query parameter (`?password=`,
 * `?sslpassword=`…) masked. It fails safe on malformed URLs: a password with an unencoded `@`,
 * `/`, `?` or `#` is masked whole, even if the host goes with it.
 */
export function withoutPassword(url: string): string {
  const { scheme, userinfo, rest } = credentialsOf(url);
  if (userinfo === undefined) return scheme + rest.replace(SECRET_PARAMETER, '$1***');
  const colon = userinfo.indexOf(':');
  const user = colon <= 0 || /[/?#]/.test(userinfo.slice(0, colon)) ? '***' : `${userinfo.slice(0, colon)}:***`;
  return `${scheme}${user}@${rest.replace(SECRET_PARAMETER, '$1***')}`;
}

/**
 * A message that may quote the URL or its secrets (a driver's error, a parser's complaint), with
 * the URL shown masked and every password and secret parameter of it masked, raw or
 * percent-decoded.
 */
export function maskCredentials(text: string, url: string): string {
  const { userinfo } = credentialsOf(url);
  const secrets = [...url.matchAll(SECRET_PARAMETER)].map((match) => match[0].slice(match[1]!.length));
  if (userinfo !== undefined)
    secrets.push(userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : userinfo);
  const variants = secrets.filter((secret) => secret !== '').flatMap((secret) => [secret, safeDecode(secret)]);
  let masked = text.split(url).join(withoutPassword(url));
  // Longest first, so that a secret holding another is masked whole.
  for (const secret of [...new Set(variants)].sort((a, b) => b.length - a.length))
    masked = masked.split(secret).join('***');
  return masked;
}

/** The scheme (`postgres://`), the userinfo before the host if any, and what follows it. */
function credentialsOf(url: string): { scheme: string; userinfo: string | undefined; rest: string } {
  const schemeEnd = url.indexOf('://');
  const scheme = schemeEnd < 0 ? '' : url.slice(0, schemeEnd + 3);
  const afterScheme = url.slice(scheme.length);
  // The userinfo ends at the last `@` before the query; a password holding `?` pushes it further.
  const query = afterScheme.indexOf('?');
  const beforeQuery = query < 0 ? afterScheme : afterScheme.slice(0, query);
  const at =
    schemeEnd < 0 ? -1 : beforeQuery.includes('@') ? beforeQuery.lastIndexOf('@') : afterScheme.lastIndexOf('@');
  if (at < 0) return { scheme, userinfo: undefined, rest: afterScheme };
  return { scheme, userinfo: afterScheme.slice(0, at), rest: afterScheme.slice(at + 1) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
