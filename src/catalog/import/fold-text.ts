/**
 * A cell's words as a spreadsheet's author may spell them: without accents, in any case, with
 * hyphens, apostrophes, dots or commas as spaces ("Etats-Unis", "États Unis" and "etats unis" are
 * one name). Used to match names, never to store them.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’.,_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
