/**
 * Text that every renderer gives the same number of cells: the layout (string-width), a real
 * terminal (tmux, xterm, wcwidth-based) and the export grid (xterm.js). They disagree on emoji
 * presentation selectors, ZWJ sequences and skin-tone modifiers, so those are reduced to one
 * well-defined glyph:
 * - U+FE0E/U+FE0F (text/emoji presentation) are dropped: "☁️" is drawn as its base "☁" (one cell
 *   everywhere; string-width alone would count two);
 * - a ZWJ sequence keeps its first emoji: "👨‍👩‍👧" is drawn as "👨" (two cells everywhere; tmux would
 *   draw three faces in six cells);
 * - skin-tone modifiers (U+1F3FB–U+1F3FF) and tag characters are dropped.
 * Text is composed (NFC), so a base letter and its combining mark are one character where Unicode
 * has one (e + U+0301 → é); marks that remain take no cell in any of the three.
 * The underlying data keeps the original text; only what is drawn is reduced (README "Text width").
 */
const PRESENTATION = /[\uFE0E\uFE0F]/g;
const ZWJ_TAIL = /\u200D[\s\S]*?(?=$|[^\p{Extended_Pictographic}\u200D\u{1F3FB}-\u{1F3FF}\uFE0F])/gu;
const MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/gu;

/** The form of `text` to draw; unchanged for text without emoji sequences. */
export function cellSafe(text: string): string {
  // Fast path: plain ASCII and most Hangul/Latin text.
  if (!/[\u0300-\u036f\u200d\ufe0e\ufe0f\u{1F000}-\u{1FFFF}\u{E0020}-\u{E007F}]/u.test(text)) return text;
  return text.normalize('NFC').replace(ZWJ_TAIL, '').replace(MODIFIERS, '').replace(PRESENTATION, '');
}
