import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/reply/truncate.js';

const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('truncate', () => {
  it('never cuts a character as people see it in two, whatever the room', () => {
    for (const text of ['🌱'.repeat(50), family.repeat(20), '\u{1F1F0}\u{1F1F7}'.repeat(30), 'e\u0301'.repeat(40)]) {
      for (let max = 1; max < text.length; max++) {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(wellFormed(cut)).toBe(true);
        expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        // Whole characters, once there is room for one (else whole code points, checked above).
        const characterLength = text.length / [...new Intl.Segmenter('en').segment(text)].length;
        if (max > characterLength) expect(cut.slice(0, -1).length % characterLength).toBe(0);
      }
    }
  });
});
