/**
 * Rasterises the county layer for one grid size, once: which county owns each cell, which cells
 * each county touches, braille border dots, first-level labels. Composing a frame for a new
 * selection or new statuses reads these arrays and never rasterises again. Pure.
 */
import { DOTS_X, DOTS_Y, fitProjection, type FitOptions, type GridProjection } from './projection.js';
import { placeLabels, type MapLabel } from './labels.js';
import { provinceZoomBox, type PreparedLayer } from './prepared.js';

export interface RasterOptions extends FitOptions {
  /** A cell is land when at least this many of its 8 dot centres are land. Default 4. */
  landDots?: number;
  /**
   * County borders as dotted braille lines: 'auto' draws them only when counties are big enough
   * on average (at least `autoCellsPerCounty` land cells each, default 6: on at 160×48, off at 80×24). Default 'auto'.
   */
  countyBorders?: 'dotted' | 'none' | 'auto';
  autoCellsPerCounty?: number;
  /** Place first-level labels. Default true. */
  labels?: boolean;
  /** First-level borders two dots thick (province zoom). Default false. */
  thickProvinceBorders?: boolean;
  /** The lon/lat box to fit into the grid (a province zoom). Default: the whole layer. */
  view?: [minLon: number, minLat: number, maxLon: number, maxLat: number];
}

export interface MapRaster {
  prepared: PreparedLayer;
  projection: GridProjection;
  cols: number;
  rows: number;
  /** Owner county index of each cell (row-major), -1 for sea / outside. */
  cellCounty: Int16Array;
  /** Braille bits of the outline and first-level borders per cell. */
  strongDots: Uint8Array;
  /** Braille bits of county borders per cell (dotted; empty when switched off). */
  countyDots: Uint8Array;
  /** Cells owned by county i: ownedCells[ownedStart[i] .. ownedStart[i+1]). */
  ownedStart: Int32Array;
  ownedCells: Int32Array;
  /** Cells holding at least one dot of county i (plus its owned cells), same layout. */
  touchStart: Int32Array;
  touchCells: Int32Array;
  /** The owned cell of each county nearest to its anchor point. */
  anchorCell: Int32Array;
  labels: MapLabel[];
  /**
   * Per cell: the first-level unit (province index) the 4 middle dots (around the cell's centre)
   * all lie in, or -1 when they are mixed or not all land. Labels go only on such cells, so a label never spills over a border.
   */
  cellProvinceCore: Int16Array;
}

/** Braille bit of dot (dx, dy) in its cell, dx 0..1, dy 0..3 (Unicode U+2800 block layout). */
export const BRAILLE_BITS: readonly (readonly number[])[] = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

export function brailleChar(bits: number): string {
  return String.fromCharCode(0x2800 + (bits & 0xff));
}

/**
 * Fills the dot grid with county indices by scanline at dot centres. Each polygon part is filled
 * on its own with the even-odd rule (its holes stay empty), and parts are painted one after the
 * other, so a MultiPolygon whose parts overlap is filled without holes. Counties whose box lies
 * outside the grid are skipped.
 */
function fillDots(prepared: PreparedLayer, proj: GridProjection, dots: Int16Array): void {
  const W = proj.dotsWide;
  const H = proj.dotsHigh;
  // Linear form of the projection, so identical vertices give identical dot coordinates.
  const [ox, oy] = proj.project(0, 0);
  const [px, py] = proj.project(1, 1);
  const ax = px - ox;
  const ay = py - oy;
  const bb = prepared.bboxes;
  prepared.polygons.forEach((polys, ci) => {
    const xa = bb[4 * ci]! * ax + ox;
    const xb = bb[4 * ci + 2]! * ax + ox;
    const ya = bb[4 * ci + 3]! * ay + oy;
    const yb = bb[4 * ci + 1]! * ay + oy;
    if (xb < 0 || xa > W || yb < 0 || ya > H) return;
    for (const rings of polys) fillPolygon(rings, ci);
  });

  function fillPolygon(rings: Float64Array[], ci: number): void {
    let ymin = Infinity;
    let ymax = -Infinity;
    const outer = rings[0]!;
    for (let i = 1; i < outer.length; i += 2) {
      const y = outer[i]! * ay + oy;
      if (y < ymin) ymin = y;
      if (y > ymax) ymax = y;
    }
    const r0 = Math.max(0, Math.ceil(ymin - 0.5));
    const r1 = Math.min(H - 1, Math.ceil(ymax - 0.5) - 1);
    if (r1 < r0) return;
    const buckets: number[][] = Array.from({ length: r1 - r0 + 1 }, () => []);
    for (const r of rings) {
      const n = r.length / 2;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        let x1 = r[2 * i]! * ax + ox;
        let y1 = r[2 * i + 1]! * ay + oy;
        let x2 = r[2 * j]! * ax + ox;
        let y2 = r[2 * j + 1]! * ay + oy;
        if (y1 === y2) continue;
        if (y1 > y2) {
          [x1, x2] = [x2, x1];
          [y1, y2] = [y2, y1];
        }
        const rs = Math.max(r0, Math.ceil(y1 - 0.5));
        const re = Math.min(r1, Math.ceil(y2 - 0.5) - 1);
        const slope = (x2 - x1) / (y2 - y1);
        for (let row = rs; row <= re; row++) buckets[row - r0]!.push(x1 + (row + 0.5 - y1) * slope);
      }
    }
    for (let b = 0; b < buckets.length; b++) {
      const xs = buckets[b]!.sort((p, q) => p - q);
      const base = (b + r0) * W;
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const c0 = Math.max(0, Math.ceil(xs[i]! - 0.5));
        const c1 = Math.min(W - 1, Math.ceil(xs[i + 1]! - 0.5) - 1);
        for (let c = c0; c <= c1; c++) dots[base + c] = ci;
      }
    }
  }
}

/** Dot visit order inside a cell: middle dots first, so ties go to the county nearest the centre. */
const DOT_ORDER: readonly [number, number][] = [
  [0, 1], [1, 1], [0, 2], [1, 2], [0, 0], [1, 0], [0, 3], [1, 3],
];

function majorityCells(dots: Int16Array, cols: number, rows: number, landDots: number): Int16Array {
  const W = cols * DOTS_X;
  const cells = new Int16Array(cols * rows).fill(-1);
  const ids = new Int16Array(8);
  const counts = new Int8Array(8);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let distinct = 0;
      let land = 0;
      for (const [dx, dy] of DOT_ORDER) {
        const id = dots[(r * DOTS_Y + dy) * W + c * DOTS_X + dx]!;
        if (id < 0) continue;
        land++;
        let k = 0;
        while (k < distinct && ids[k] !== id) k++;
        if (k === distinct) {
          ids[distinct] = id;
          counts[distinct++] = 0;
        }
        counts[k]!++;
      }
      if (land < landDots) continue;
      let best = 0;
      for (let k = 1; k < distinct; k++) if (counts[k]! > counts[best]!) best = k;
      cells[r * cols + c] = ids[best]!;
    }
  }
  return cells;
}

/** Cells touched by each county's dots, as CSR. */
function touchedCells(dots: Int16Array, cols: number, rows: number, n: number, cellCounty: Int16Array) {
  const W = cols * DOTS_X;
  const pairs: number[] = []; // county, cell
  const seen = new Int16Array(8);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = r * cols + c;
      let m = 0;
      const owner = cellCounty[cell]!;
      if (owner >= 0) seen[m++] = owner;
      for (let dy = 0; dy < DOTS_Y; dy++) {
        for (let dx = 0; dx < DOTS_X; dx++) {
          const id = dots[(r * DOTS_Y + dy) * W + c * DOTS_X + dx]!;
          if (id < 0) continue;
          let k = 0;
          while (k < m && seen[k] !== id) k++;
          if (k === m) seen[m++] = id;
        }
      }
      for (let k = 0; k < m; k++) pairs.push(seen[k]!, cell);
    }
  }
  return csr(n, pairs);
}

function csr(n: number, pairs: number[]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < pairs.length; i += 2) start[pairs[i]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const items = new Int32Array(pairs.length / 2);
  for (let i = 0; i < pairs.length; i += 2) items[fill[pairs[i]!]!++] = pairs[i + 1]!;
  return { start, items };
}

/**
 * Gives every county without a cell one cell: the nearest cell to its anchor that it touches, or
 * failing that any nearby cell, taken from a county that keeps at least one cell.
 */
function seatCells(
  prepared: PreparedLayer,
  proj: GridProjection,
  cellCounty: Int16Array,
  touch: { start: Int32Array; items: Int32Array },
): void {
  const { cols, rows } = proj;
  const n = prepared.ids.length;
  const owned = new Int32Array(n);
  for (const c of cellCounty) if (c >= 0) owned[c]!++;
  const pinned = new Uint8Array(cols * rows);
  const aspect = proj.cellAspect;
  for (let ci = 0; ci < n; ci++) {
    if (owned[ci]! > 0) continue;
    const [ac, ar] = proj.toCell(prepared.anchors[2 * ci]!, prepared.anchors[2 * ci + 1]!);
    // A zoomed view shows only part of the country: counties whose seat is off the grid get no cell.
    if (!(ac >= 0 && ar >= 0 && ac < cols && ar < rows)) continue;
    const dist = (cell: number) => {
      const dc = (cell % cols) + 0.5 - ac;
      const dr = (Math.floor(cell / cols) + 0.5 - ar) * aspect;
      return dc * dc + dr * dr;
    };
    const free = (cell: number) => {
      if (pinned[cell]) return false;
      const o = cellCounty[cell]!;
      return o < 0 || owned[o]! >= 2;
    };
    let pick = -1;
    // First choice: a cell the county touches.
    for (let t = touch.start[ci]!; t < touch.start[ci + 1]!; t++) {
      const cell = touch.items[t]!;
      if (free(cell) && (pick < 0 || dist(cell) < dist(pick))) pick = cell;
    }
    // Otherwise the nearest free cell, searching outwards.
    for (let radius = 1; pick < 0 && radius <= Math.max(cols, rows); radius++) {
      const c0 = Math.floor(ac);
      const r0 = Math.floor(ar);
      for (let r = Math.max(0, r0 - radius); r <= Math.min(rows - 1, r0 + radius); r++) {
        for (let c = Math.max(0, c0 - radius); c <= Math.min(cols - 1, c0 + radius); c++) {
          const cell = r * cols + c;
          if (cellCounty[cell]! < 0) continue; // take land from a neighbour, not open sea
          if (free(cell) && (pick < 0 || dist(cell) < dist(pick))) pick = cell;
        }
      }
    }
    if (pick < 0) continue; // grid smaller than the number of counties
    const prev = cellCounty[pick]!;
    if (prev >= 0) owned[prev]!--;
    cellCounty[pick] = ci;
    owned[ci] = 1;
    pinned[pick] = 1;
  }
}

/**
 * Plots polylines into per-cell braille bits; `spacing` > 0 draws a dot every `spacing` dots;
 * `thick` also sets the dot to the right and the one below (a two-dot line).
 */
function plotLines(lines: Float64Array[], proj: GridProjection, bits: Uint8Array, spacing: number, thick = false): void {
  const W = proj.dotsWide;
  const H = proj.dotsHigh;
  const cols = proj.cols;
  const dot = (dx: number, dy: number) => {
    if (dx < 0 || dy < 0 || dx >= W || dy >= H) return;
    bits[(dy >> 2) * cols + (dx >> 1)]! |= BRAILLE_BITS[dx & 1]![dy & 3]!;
  };
  const plot = (x: number, y: number) => {
    const dx = Math.floor(x);
    const dy = Math.floor(y);
    dot(dx, dy);
    if (thick) {
      dot(dx + 1, dy);
      dot(dx, dy + 1);
    }
  };
  for (const line of lines) {
    let [x0, y0] = proj.project(line[0]!, line[1]!);
    let phase = 0;
    if (spacing <= 0) plot(x0, y0);
    for (let i = 2; i < line.length; i += 2) {
      const [x1, y1] = proj.project(line[i]!, line[i + 1]!);
      const len = Math.hypot(x1 - x0, y1 - y0);
      // A segment wholly off one side of the grid draws nothing (most of the country at a province zoom).
      if ((x0 < -2 && x1 < -2) || (y0 < -2 && y1 < -2) || (x0 > W + 2 && x1 > W + 2) || (y0 > H + 2 && y1 > H + 2)) {
        if (spacing > 0) phase = (phase + len) % spacing;
        x0 = x1;
        y0 = y1;
        continue;
      }
      if (spacing > 0) {
        // Dots at fixed arc-length spacing along the line.
        let t = phase;
        while (t <= len) {
          const f = len === 0 ? 0 : t / len;
          plot(x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
          t += spacing;
        }
        phase = t - len;
      } else {
        const steps = Math.max(1, Math.ceil(len * 2));
        for (let s = 1; s <= steps; s++) plot(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps);
      }
      x0 = x1;
      y0 = y1;
    }
  }
}

export function rasterize(prepared: PreparedLayer, cols: number, rows: number, options: RasterOptions = {}): MapRaster {
  const projection = fitProjection(options.view ?? prepared.layer.bbox, cols, rows, options);
  const n = prepared.ids.length;
  const dots = new Int16Array(projection.dotsWide * projection.dotsHigh).fill(-1);
  fillDots(prepared, projection, dots);
  const cellCounty = majorityCells(dots, cols, rows, options.landDots ?? 4);
  // Counties in view without a cell get one at their seat (seatCells); skipped when there are none.
  const hasCell = new Uint8Array(n);
  for (const c of cellCounty) if (c >= 0) hasCell[c] = 1;
  let needSeat = false;
  for (let ci = 0; ci < n && !needSeat; ci++) {
    if (hasCell[ci]) continue;
    const [ac, ar] = projection.toCell(prepared.anchors[2 * ci]!, prepared.anchors[2 * ci + 1]!);
    needSeat = ac >= 0 && ar >= 0 && ac < cols && ar < rows;
  }
  let touch = touchedCells(dots, cols, rows, n, cellCounty);
  if (needSeat) {
    seatCells(prepared, projection, cellCounty, touch);
    // Seat cells may lie outside what a county touches: recompute with the final owners.
    touch = touchedCells(dots, cols, rows, n, cellCounty);
  }
  const ownedPairs: number[] = [];
  cellCounty.forEach((ci, cell) => {
    if (ci >= 0) ownedPairs.push(ci, cell);
  });
  const owned = csr(n, ownedPairs);

  const anchorCell = new Int32Array(n).fill(-1);
  for (let ci = 0; ci < n; ci++) {
    const [ac, ar] = projection.toCell(prepared.anchors[2 * ci]!, prepared.anchors[2 * ci + 1]!);
    let best = Infinity;
    for (let t = owned.start[ci]!; t < owned.start[ci + 1]!; t++) {
      const cell = owned.items[t]!;
      const dc = (cell % cols) + 0.5 - ac;
      const dr = (Math.floor(cell / cols) + 0.5 - ar) * projection.cellAspect;
      const d = dc * dc + dr * dr;
      if (d < best) {
        best = d;
        anchorCell[ci] = cell;
      }
    }
  }

  const strongDots = new Uint8Array(cols * rows);
  plotLines(prepared.lines.outline, projection, strongDots, 0);
  plotLines(prepared.lines.province, projection, strongDots, 0, options.thickProvinceBorders ?? false);
  const countyDots = new Uint8Array(cols * rows);
  const mode = options.countyBorders ?? 'auto';
  const landCells = ownedPairs.length / 2;
  const shown = owned.start.reduce((k, v, i) => (i > 0 && v > owned.start[i - 1]! ? k + 1 : k), 0);
  if (mode === 'dotted' || (mode === 'auto' && landCells / Math.max(1, shown) >= (options.autoCellsPerCounty ?? 6))) {
    plotLines(prepared.lines.county, projection, countyDots, 2);
  }

  const cellProvinceCore = new Int16Array(cols * rows).fill(-1);
  const W = projection.dotsWide;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let p = -2;
      for (let dy = 1; dy < DOTS_Y - 1 && p !== -1; dy++) {
        for (let dx = 0; dx < DOTS_X; dx++) {
          const id = dots[(r * DOTS_Y + dy) * W + c * DOTS_X + dx]!;
          const q = id < 0 ? -1 : prepared.provinceOf[id]!;
          if (p === -2) p = q;
          else if (q !== p) p = -1;
          if (p === -1) break;
        }
      }
      cellProvinceCore[r * cols + c] = p < 0 ? -1 : p;
    }
  }

  const raster: MapRaster = {
    prepared,
    projection,
    cols,
    rows,
    cellCounty,
    strongDots,
    countyDots,
    ownedStart: owned.start,
    ownedCells: owned.items,
    touchStart: touch.start,
    touchCells: touch.items,
    anchorCell,
    labels: [],
    cellProvinceCore,
  };
  if (options.labels ?? true) raster.labels = placeLabels(raster);
  return raster;
}

/**
 * Keeps the rasters of the last few (size, province zoom) pairs, so a resize or a move back and
 * forth costs nothing. Call with a first-level unit name (the layer's `province`) for its zoom,
 * or without for the national view; an unknown name gives the national view.
 */
export function rasterCache(prepared: PreparedLayer, options: RasterOptions = {}, keep = 8) {
  const cache = new Map<string, MapRaster>();
  return (cols: number, rows: number, province?: string): MapRaster => {
    const view = province === undefined ? undefined : provinceZoomBox(prepared, province);
    const key = `${cols}x${rows}:${view ? province : ''}`;
    let r = cache.get(key);
    if (r) {
      cache.delete(key);
    } else {
      r = rasterize(prepared, cols, rows, view ? { ...options, view, labels: false, countyBorders: 'dotted', thickProvinceBorders: true } : options);
      if (cache.size >= keep) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, r);
    return r;
  };
}
