/**
 * Characters that show nothing, or only steer how the text around them is laid out: controls
 * (C0, C1, DEL), format characters (bidirectional controls, zero-width spaces and joiners, the
 * soft hyphen, the byte-order mark, tag characters…), the other default-ignorable ones
 * (variation selectors, the combining grapheme joiner, Hangul fillers…), lone surrogates and
 * noncharacters. Slipped inside `@everyone` or `<!channel>` they hide it from a filter, and
 * any program that drops them later brings it back: they go before anything else looks at the
 * text. Tab and newline are kept: they are layout the author meant.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/** The combining enclosing keycap, which follows a digit, "#" or "*" and a variation selector (1️⃣). */
const KEYCAP = '\u20E3';
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** The skin-tone modifiers and the emoji presentation selector, which may stand between a pictograph and a joiner (👩🏽‍💻, ❤️‍🔥). */
const EMOJI_TAIL = /^(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)$/u;

/**
 * Removes every invisible character except two that emoji need: a variation selector (U+FE0E,
 * U+FE0F) right after a pictograph or inside a keycap (1️⃣), and a zero-width joiner between two
 * pictographs (👨‍👩‍👧). A kept one always touches a pictograph or a keycap mark, which no
 * mention or markup contains, so dropping it later cannot join the pieces of a mention. The
 * result is stable: a kept character keeps the neighbours that let it stay.
 */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, (char: string, at: number, whole: string) =>
    char === '\t' || char === '\n' || isEmojiGlue(char, whole, at) ? char : '',
  );
}

function isEmojiGlue(char: string, whole: string, at: number): boolean {
  const before = [...whole.slice(Math.max(0, at - 4), at)];
  const previous = before.at(-1) ?? '';
  if (char === '\uFE0F' || char === '\uFE0E')
    return PICTOGRAPH.test(previous) || (/^[0-9#*]$/.test(previous) && whole[at + 1] === KEYCAP);
  if (char !== '\u200D') return false;
  const next = String.fromCodePoint(whole.codePointAt(at + 1) ?? 0);
  const base = EMOJI_TAIL.test(previous) ? (before.at(-2) ?? '') : previous;
  return PICTOGRAPH.test(base) && PICTOGRAPH.test(next);
}
