/** Data shapes shared by the export pipeline: the cell grid and the provenance shown around it. */

/** One terminal cell. A wide character (Hangul, Hanja) occupies two cells: the first holds it with
 * `width: 2`, the second is a continuation with `char: ''` and `width: 0`. */
export interface Cell {
  char: string;
  width: 0 | 1 | 2;
  /** Foreground as `#rrggbb`; absent means the terminal's default foreground. */
  fg?: string;
  /** Background as `#rrggbb`; absent means the terminal's default background. */
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

/** A screen: `cells[row][col]`, exactly `rows` × `cols`. */
export interface CellGrid {
  cols: number;
  rows: number;
  cells: Cell[][];
}

export interface LegendItem {
  label: string;
  /** Swatch colour, `#rrggbb` (anything else is drawn grey). */
  colour: string;
  /** The glyph used on screen for this item when colour is off. */
  glyph: string;
}

/** Provenance framed around the screen in SVG/PNG/HTML (and the text export's header/footer). */
export interface ExportMeta {
  title: string;
  subtitle?: string;
  /** Date the data is current to, e.g. `2025-06-30`. */
  asOf: string;
  legend: LegendItem[];
  /** Data sources, boundary attribution, one line each (long lines are wrapped). */
  credits: string[];
  /** An optional note under the credits (e.g. a caveat about the boundaries shown). */
  schematicNote?: string;
  /** ISO time of the export; `null` omits it, which makes output byte-identical for the same input. */
  generatedAt: string | null;
  /** A slide's page size in px at scale 1: the frame is at least this wide and tall (the grid centred, the rest padded). */
  pageWidth?: number;
  pageHeight?: number;
  /**
   * The size the page is shown at, in px at scale 1, when it differs from the layout's (the
   * 16:9-small preset: a 1920×1080 layout drawn at 1280×720). SVG width/height (and so PNG
   * pixels) are this size; the viewBox stays the layout's.
   */
  displayWidth?: number;
  displayHeight?: number;
  /** CSS font-family list for the screen text; defaults to the bundled fonts, then monospace. */
  fontFamily?: string;
}
