/**
 * The one sanitiser for text that comes from data files (or any other untrusted input) on its
 * way to a terminal or an export. It removes escape sequences (CSI, OSC — including 0, 8 and 52 —
 * DCS, APC, PM, SOS and two-byte ESC forms), carriage returns, bidi overrides and isolates, and
 * replaces any other C0/C1 control character with U+FFFD so that it is visible. Hangul, Hanja
 * and emoji are kept; emoji sequences that renderers measure differently are reduced first (cell-safe.ts).
 */
import { cellSafe } from './cell-safe.js';

// ESC [ … final byte; ESC ] … (BEL | ESC \\); ESC P/X/^/_ … ESC \\; ESC + one byte. C1 forms too.
// A string sequence (OSC, DCS, …) without its terminator loses only its introducer: the text after
// it stays visible rather than being swallowed to the end of the quote.
const ESCAPES =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** For one line of text: newlines (also U+2028/U+2029) and tabs become spaces. */
export function sanitizeInline(text: string): string {
  return clean(text).replace(/[\n\t]+/g, ' ');
}

/** For text that may span lines: newlines are kept, tabs become spaces. */
export function sanitizeBlock(text: string): string {
  return clean(text).replace(/\t/g, '  ');
}

function clean(text: string): string {
  // U+2028/U+2029 end lines in editors and some terminals: they count as newlines.
  return cellSafe(text).replace(ESCAPES, '').replace(/\r/g, '').replace(BIDI, '').replace(CONTROLS, '\ufffd').replace(/[\u2028\u2029]/g, '\n');
}
