/** Display width (terminal cells) of text, and padding/truncation by cells, not UTF-16 units. */
import stringWidth from 'string-width';

const widths = new Map<string, number>();

/**
 * Characters that are always one cell: printable ASCII, Latin-1 and Latin Extended-A/B (ŏ, ŭ),
 * general punctuation (– — · …), box drawing, block elements and braille. Most of what the map,
 * borders and English text draw: measured by length, without string-width's grapheme work.
 */
const NARROW = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2500-\u259f\u2800-\u28ff]*$/;

/** Memoised: the same labels and words are measured on every frame. */
export function displayWidth(text: string): number {
  if (NARROW.test(text)) return text.length;
  let w = widths.get(text);
  if (w === undefined) {
    w = stringWidth(text);
    if (widths.size >= 50_000) widths.clear();
    widths.set(text, w);
  }
  return w;
}

/** Pads with spaces to `width` cells (left-aligned, or right-aligned for numbers). */
export function padCells(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - displayWidth(text));
  return align === 'left' ? text + ' '.repeat(gap) : ' '.repeat(gap) + text;
}

/** Cuts text to at most `width` cells, ending with … when cut; never splits a wide character. */
export function truncateCells(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  // One cell per UTF-16 unit: cut by length (no grapheme segmentation needed).
  if (NARROW.test(text)) return `${text.slice(0, width - 1)}…`;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/**
 * Wraps text to lines of at most `width` cells (width ≥ 1), at spaces; a word wider than a line
 * (a URL, or Chinese or Japanese text, which has no spaces) is broken between characters. Never
 * drops text: joining the lines gives every word back.
 */
export function wrapCells(text: string, width: number): string[] {
  const lines: string[] = [];
  const room = Math.max(1, width);
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (displayWidth(candidate) <= room) {
        line = candidate;
        continue;
      }
      if (displayWidth(word) <= room) {
        if (line) lines.push(line);
        line = word;
        continue;
      }
      // Too wide for any line: fill the current line, then break it by character.
      let rest = line ? `${line} ` : '';
      let used = displayWidth(rest);
      for (const { segment } of new Intl.Segmenter().segment(word)) {
        const w = displayWidth(segment);
        if (used + w > room && rest !== '') {
          lines.push(rest.trimEnd());
          rest = '';
          used = 0;
        }
        rest += segment;
        used += w;
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
