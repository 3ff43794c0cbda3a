/**
 * Fits a lon/lat box into a grid of terminal cells.
 *
 * Equirectangular projection with longitudes scaled by cos(φ0) (φ0 = the box's middle latitude,
 * about 40°N for North Korea), so that a kilometre east looks as long as a kilometre north.
 * Terminal cells are about twice as tall as wide (`cellAspect`), and each cell holds 2×4 braille
 * dots, so with the default aspect a dot is square.
 *
 * Coordinates: "dot space" has x to the right and y downwards, 2·cols × 4·rows dots; "cell space"
 * is cols × rows. Both are continuous; cell (c, r) covers [c, c+1) × [r, r+1).
 */
import type { BBox } from '../geo/topology.js';

export const DOTS_X = 2;
export const DOTS_Y = 4;

export interface FitOptions {
  /** Cell height / cell width. Default 2. */
  cellAspect?: number;
  /** Empty cells kept around the map on every side. Default 0. */
  padding?: number;
  /** Latitude whose cosine scales longitudes. Default: the middle latitude of the box. */
  centerLat?: number;
}

export interface CellBox {
  col: number;
  row: number;
  cols: number;
  rows: number;
}

export interface GridProjection {
  cols: number;
  rows: number;
  dotsWide: number;
  dotsHigh: number;
  cellAspect: number;
  /** cos φ0. */
  k: number;
  centerLon: number;
  centerLat: number;
  /** Dots per degree of latitude (and per degree·k of longitude, times `xStretch`). */
  scale: number;
  /** The cells the box occupies (rounded outwards). */
  content: CellBox;
  /** lon/lat → dot space. */
  project(lon: number, lat: number): [x: number, y: number];
  /** dot space → lon/lat. */
  invert(x: number, y: number): [lon: number, lat: number];
  /** lon/lat → cell space (continuous; floor it for the cell index). */
  toCell(lon: number, lat: number): [col: number, row: number];
  /** The centre of cell (col, row) → lon/lat. */
  cellCenter(col: number, row: number): [lon: number, lat: number];
  /** Horizontal dots per vertical dot for the same distance: 1 when cellAspect is 2. */
  xStretch: number;
}

export function fitProjection(bbox: BBox, cols: number, rows: number, options: FitOptions = {}): GridProjection {
  if (!(cols >= 1 && rows >= 1)) throw new Error(`grid must be at least 1×1, got ${cols}×${rows}`);
  const cellAspect = options.cellAspect ?? 2;
  const padding = Math.max(0, Math.min(options.padding ?? 0, Math.floor((Math.min(cols, rows) - 1) / 2)));
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const centerLat = options.centerLat ?? (minLat + maxLat) / 2;
  const centerLon = (minLon + maxLon) / 2;
  const k = Math.cos((centerLat * Math.PI) / 180);
  // Physical units: a cell is 1 wide and cellAspect high.
  const width = Math.max((maxLon - minLon) * k, 1e-9);
  const height = Math.max(maxLat - minLat, 1e-9);
  const innerCols = cols - 2 * padding;
  const innerRows = rows - 2 * padding;
  const phys = Math.min(innerCols / width, (innerRows * cellAspect) / height); // cell widths per unit
  const dotsWide = cols * DOTS_X;
  const dotsHigh = rows * DOTS_Y;
  const sx = phys * DOTS_X; // x dots per unit
  const sy = (phys * DOTS_Y) / cellAspect; // y dots per unit
  const cx = dotsWide / 2;
  const cy = dotsHigh / 2;
  const midLat = (minLat + maxLat) / 2;
  const project = (lon: number, lat: number): [number, number] => [
    cx + (lon - centerLon) * k * sx,
    cy - (lat - midLat) * sy,
  ];
  const invert = (x: number, y: number): [number, number] => [
    centerLon + (x - cx) / (k * sx),
    midLat - (y - cy) / sy,
  ];
  const [x0, y0] = project(minLon, maxLat);
  const [x1, y1] = project(maxLon, minLat);
  const col = Math.max(0, Math.floor(x0 / DOTS_X + 1e-9));
  const row = Math.max(0, Math.floor(y0 / DOTS_Y + 1e-9));
  const content: CellBox = {
    col,
    row,
    cols: Math.min(cols, Math.ceil(x1 / DOTS_X - 1e-9)) - col,
    rows: Math.min(rows, Math.ceil(y1 / DOTS_Y - 1e-9)) - row,
  };
  return {
    cols,
    rows,
    dotsWide,
    dotsHigh,
    cellAspect,
    k,
    centerLon,
    centerLat,
    scale: sy,
    content,
    xStretch: sx / sy,
    project,
    invert,
    toCell(lon, lat) {
      const [x, y] = project(lon, lat);
      return [x / DOTS_X, y / DOTS_Y];
    },
    cellCenter(c, r) {
      return invert((c + 0.5) * DOTS_X, (r + 0.5) * DOTS_Y);
    },
  };
}
