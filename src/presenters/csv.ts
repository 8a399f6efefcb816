/**
 * Rows as CSV (RFC 4180): every field quoted, quotes doubled, lines ended by CRLF. A field that a
 * spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) is
 * prefixed with an apostrophe, so that text a person typed stays text in the secretariat's records.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(text: string): string {
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${inert.replaceAll('"', '""')}"`;
}
