/**
 * Masking the credentials of a URL (a store's, above all) wherever it is shown: in a log, in an
 * error message, on a terminal. Used by the store, which names its URL in its errors, and by every
 * entry point, which prints errors that may quote it.
 */

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
