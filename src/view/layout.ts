/**
 * Pane sizes for a terminal size. Wide terminals put map, list and detail side by side; medium
 * ones put the map above the list; narrow ones stack everything; tiny ones get a notice.
 */
export const MIN_COLS = 60;
export const MIN_ROWS = 16;

export interface Box {
  width: number;
  height: number;
}

export type Layout =
  | { kind: 'too-small'; cols: number; rows: number }
  | { kind: 'wide' | 'medium' | 'narrow'; map: Box | null; list: Box; detail: Box };

/** Rows used above and below the panes. */
const HEADER = 2;
const FOOTER = 1;

export function layout(cols: number, rows: number, showMap: boolean): Layout {
  if (cols < MIN_COLS || rows < MIN_ROWS) return { kind: 'too-small', cols, rows };
  // Keep one row free: Ink clears the whole screen when a frame reaches the terminal height.
  const body = rows - HEADER - FOOTER - 1;
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
    const mapHeight = showMap ? Math.min(Math.floor(body * 0.55), Math.round(left / 1.9) + 2) : 0;
    return {
      kind: 'medium',
      map: showMap ? { width: left, height: mapHeight } : null,
      list: { width: left, height: body - mapHeight },
      detail: { width: cols - left, height: body },
    };
  }
  const mapHeight = showMap ? Math.max(8, Math.floor(body * 0.4)) : 0;
  const listHeight = Math.max(5, Math.floor((body - mapHeight) * 0.4));
  return {
    kind: 'narrow',
    map: showMap ? { width: cols, height: mapHeight } : null,
    list: { width: cols, height: listHeight },
    detail: { width: cols, height: body - mapHeight - listHeight },
  };
}
