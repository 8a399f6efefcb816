/**
 * The text of a data file, from its bytes: UTF-8 (a leading byte-order mark is dropped), with no
 * control characters other than tabs and line breaks. Anything else is refused with its line and
 * column, rather than shown later as `��` or carried invisibly into answers.
 */
export function decodeDataText(bytes: Uint8Array): { text: string } | { problem: string; line: number } {
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== undefined) {
    const { line, column } = positionOf(bytes, invalid);
    const byte = bytes[invalid]!.toString(16).toUpperCase().padStart(2, '0');
    return { problem: `column ${column}: the byte 0x${byte} is not UTF-8: save the file as UTF-8`, line };
  }
  const text = new TextDecoder().decode(bytes); // drops a leading BOM;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      line += 1;
      lineStart = i + 1;
    } else if (isForbiddenControl(code)) {
      const name = code.toString(16).toUpperCase().padStart(4, '0');
      return {
        problem: `column ${i - lineStart + 1}: the control character U+${name} is not allowed in a data file`,
        line,
      };
    }
  }
  return { text };
}

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
function isForbiddenControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629), if any. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // The sequence's length and the range of its second byte, which rules out overlong forms,
    // surrogates and code points past U+10FFFF.
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return undefined;
}

/** 1-based line and column (in bytes) of an offset. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
