import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/presenters/csv.js';

describe('CSV for the records', () => {
  it('quotes every field, doubles quotes, keeps commas and line breaks inside a field, ends lines with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b, c'],
        ['say "hi"', 'two\nlines'],
        ['', 'é'],
      ]),
    ).toBe('"a","b, c"\r\n"say ""hi""","two\nlines"\r\n"","é"\r\n');
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    const cells = ['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', 'a=b', ' =x'];
    expect(toCsv([cells])).toBe(`"'=HYPERLINK(""x"")","'+1","'-1+2","'@SUM(A1)","'\tx","'\rx","a=b"," =x"\r\n`);
  });
});
