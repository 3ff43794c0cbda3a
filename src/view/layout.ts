/**
 * Pane sizes for a terminal size, in cells. Every layout fills the terminal exactly: the header
 * (2 rows), the panes, the footer (1 row); nothing is ever drawn past the last row or column.
 * Wide terminals put map, list and detail side by side; medium ones put the map above the list
 * beside the detail; narrow ones put the list beside the map and the detail; below MIN_COLS×MIN_ROWS
 * a notice says what size is needed.
 */
export const MIN_COLS = 60;
export const MIN_ROWS = 16;

/** A pane's size in cells, borders included. */
export interface Box {
  width: number;
  height: number;
}

export type Layout =
  | { kind: 'too-small'; cols: number; rows: number }
  | { kind: 'wide' | 'medium' | 'narrow'; map: Box | null; list: Box; detail: Box };

/** Rows used above and below the panes. */
export const HEADER_ROWS = 2;
export const FOOTER_ROWS = 1;
/** A pane's border and title take 3 rows; below this a pane is not drawn or not shrunk. */
export const MIN_PANE_ROWS = 5;
/** The map draws at least 4 rows plus its credit, inside a border and title. */
const MIN_MAP_ROWS = 8;

/**
 * The panes for a `cols`×`rows` terminal. Takes and returns cells. The panes tile the area
 * between header and footer without gaps or overlap (test/ui/frame-geometry.test.tsx checks it
 * at every size from the minimum to 220×60).
 */
export function layout(cols: number, rows: number, showMap: boolean): Layout {
  if (cols < MIN_COLS || rows < MIN_ROWS) return { kind: 'too-small', cols, rows };
  const body = rows - HEADER_ROWS - FOOTER_ROWS;
  if (cols >= 140) {
    const mapWidth = showMap ? Math.min(Math.floor(cols * 0.4), Math.round(body * 2.1)) : 0;
    const listWidth = Math.max(30, Math.floor((cols - mapWidth) * 0.38));
    return {
      kind: 'wide',
      map: showMap ? { width: mapWidth, height: body } : null,
      list: { width: listWidth, height: body },
      detail: { width: cols - mapWidth - listWidth, height: body },
    };
  }
  if (cols >= 100) {
    const left = Math.max(36, Math.floor(cols * 0.42));
    // The list keeps at least 8 rows of content (11 with border and title).
    let mapHeight = showMap ? Math.min(Math.floor(body * 0.55), Math.round(left / 1.9) + 2, body - 11) : 0;
    if (mapHeight < MIN_MAP_ROWS) mapHeight = 0;
    return {
      kind: 'medium',
      map: mapHeight ? { width: left, height: mapHeight } : null,
      list: { width: left, height: body - mapHeight },
      detail: { width: cols - left, height: body },
    };
  }
  // Narrow: the list takes the left column at full height; the map sits above the detail.
  const left = Math.max(28, Math.floor(cols * 0.45));
  const right = cols - left;
  let mapHeight = showMap ? Math.min(Math.max(MIN_MAP_ROWS, Math.min(Math.floor(body * 0.5), Math.round(right / 2.2) + 3)), body - MIN_PANE_ROWS) : 0;
  if (mapHeight < MIN_MAP_ROWS) mapHeight = 0;
  return {
    kind: 'narrow',
    map: mapHeight ? { width: right, height: mapHeight } : null,
    list: { width: left, height: body },
    detail: { width: right, height: body - mapHeight },
  };
}
