/**
 * The one sanitiser for text that comes from data files (or any other untrusted input) on its
 * way to a terminal or an export. It removes escape sequences (CSI, OSC — including 0, 8 and 52 —
 * DCS, APC, PM, SOS and two-byte ESC forms), carriage returns, bidi overrides and isolates, and
 * replaces any other C0/C1 control character, and any lone surrogate, with U+FFFD so that it is
 * visible. Hangul, Hanja and emoji are kept; for display (sanitizeInline, sanitizeBlock) emoji
 * sequences that renderers measure differently are reduced first (cell-safe.ts).
 */
import { cellSafe } from './cell-safe.js';

// ESC [ … final byte; ESC ] … (BEL | ESC \\); ESC P/X/^/_ … ESC \\; ESC + one byte. C1 forms too.
// A string sequence (OSC, DCS, …) without its terminator loses only its introducer: the text after
// it stays visible rather than being swallowed to the end of the quote.
const ESCAPES =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** A surrogate without its pair (not text: terminals and encoders each do something different with it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** For one line of text: newlines (also U+2028/U+2029) and tabs become spaces. */
export function sanitizeInline(text: string): string {
  return clean(cellSafe(text)).replace(/[\n\t]+/g, ' ');
}

/** For text that may span lines: newlines are kept, tabs become spaces. */
export function sanitizeBlock(text: string): string {
  return clean(cellSafe(text)).replace(/\t/g, '  ');
}

function clean(text: string): string {
  // U+2028/U+2029 end lines in editors and some terminals: they count as newlines.
  return text.replace(ESCAPES, '').replace(/\r/g, '').replace(BIDI, '').replace(CONTROLS, '\ufffd').replace(LONE_SURROGATE, '\ufffd').replace(/[\u2028\u2029]/g, '\n');
}

/** Any character sanitizeBlock would change (a quick test first: most strings have none). */
const SUSPECT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;
// The model keeps emoji sequences as written (only display reduces them, see cell-safe.ts).
const sanitizeBlockSlow = (text: string) => clean(text).replace(/\t/g, '  ');

/**
 * Sanitises, in place, every string in a tree of plain objects, arrays and Maps (their values):
 * the input boundary for a model read from files. Strings become `sanitizeBlock` strings
 * (newlines kept, escapes, controls and bidi controls removed). Shared nodes are visited once;
 * Map keys and object keys are left alone (ids are checked by the schema). Returns `root`.
 */
export function sanitizeTree<T>(root: T): T {
  const seen = new Set<object>();
  const sanitizeBlock = (text: string) => (SUSPECT.test(text) ? sanitizeBlockSlow(text) : text);
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return sanitizeBlock(value);
    if (typeof value !== 'object' || value === null || seen.has(value)) return value;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'number') continue;
        value[i] = visit(v);
      }
    } else if (value instanceof Map) {
      for (const [k, v] of value) {
        const next = visit(v);
        if (next !== v) value.set(k, next);
      }
    } else if (value instanceof Set) {
      // Sets of strings are left to their owners (none comes from input files today).
    } else {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const v = record[key];
        if (typeof v === 'string') {
          const clean = sanitizeBlock(v);
          if (clean !== v) record[key] = clean;
        } else if (typeof v === 'object' && v !== null) visit(v);
      }
    }
    return value;
  };
  return visit(root) as T;
}

/**
 * JSON for output: JSON.stringify, then every C1 control, bidi control, line/paragraph separator
 * and lone surrogate is written as a \uXXXX escape (JSON.stringify already escapes C0), so the
 * bytes are inert on any terminal while JSON.parse gives back exactly the same values.
 */
export function safeJson(value: unknown, indent?: number): string {
  // Outside strings JSON is ASCII, so replacing these characters anywhere only touches string contents.
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
