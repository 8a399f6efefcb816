import { halfOfYear, monthNumber } from './month-names.js';

/** A date read from the seed's two cells, written in one of the data's forms (EVENT_DATE_FORMS). */
export type CalendarDate = { when: string } | { problem: string; column: 'day' | 'month' };

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The seed's calendar writes a date as a day cell and a month cell: "8" "Janvier", "10-12"
 * "Janvier", "?" "Février" (day unknown), "" "Mars" (the month alone), "30-05" "Avril/ Mai" (a
 * range across months), "27-3/11" "Octobre" (the end's month after a slash) and "2ème semestre".
 * Whether the day exists (31 February) is left to the schema, which says it as check-data does.
 */
export function calendarDate(dayCell: string, monthCell: string, year: number): CalendarDate {
  const day = dayCell.trim();
  const half = halfOfYear(monthCell) ?? (monthCell.trim() === '' ? halfOfYear(day) : undefined);
  if (half !== undefined) {
    if (day !== '' && halfOfYear(day) === undefined)
      return { problem: `"${day}": a half-year has no day; leave the day empty`, column: 'day' };
    return { when: `${year}-H${half}` };
  }
  const names = monthCell.split('/').map((name) => name.trim());
  const months = names.map(monthNumber);
  const unknown = names.findIndex((name, i) => months[i] === undefined);
  if (names.length > 2 || unknown >= 0)
    return { problem: `"${names[unknown] ?? monthCell.trim()}" is not a month`, column: 'month' };
  const [first, second] = months as [number, number | undefined];
  const month = `${year}-${two(first)}`;

  if (day === '' || day === '?') {
    if (second !== undefined)
      return { problem: `"${monthCell.trim()}" spans two months: give the days, such as 30-05`, column: 'day' };
    return { when: day === '' ? month : `${month}-??` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(day))
    // Excel reads "10-12" typed in a General cell as the 12th of October.
    return {
      problem: `"${day}" is a date the spreadsheet made of the days: format the column as text and type them again (10-12)`,
      column: 'day',
    };
  const range = /^(\d{1,2})(?:\s*-\s*(\d{1,2})(?:\s*\/\s*(\d{1,2}))?)?$/.exec(day);
  if (!range)
    return {
      problem: `"${day}" is not a day or a range of days (8, 10-12, 30-05 across two months, 27-3/11, or ? when unknown)`,
      column: 'day',
    };
  const [, from, to, toMonth] = range;
  if (to === undefined) {
    if (second !== undefined)
      return { problem: `"${monthCell.trim()}" spans two months: give the days, such as 30-05`, column: 'day' };
    return { when: `${month}-${two(Number(from))}` };
  }
  const endMonth = toMonth === undefined ? (second ?? first) : Number(toMonth);
  // December to January: the range ends the next year.
  const endYear = endMonth < first ? year + 1 : year;
  return { when: `${month}-${two(Number(from))}/${endYear}-${two(endMonth)}-${two(Number(to))}` };
}
