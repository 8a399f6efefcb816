/**
 * Rows as an RFC 4180 CSV file for the secretariat's records: every field quoted (a quote inside
 * doubled), records ended by CRLF. Members' words go in, so a field that a spreadsheet would run
 * as a formula (starting with =, +, -, @, a tab or a carriage return) is written after an
 * apostrophe, which spreadsheets show as text.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${inert.replace(/"/g, '""')}"`;
}
