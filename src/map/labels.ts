/**
 * First-level labels: each placed on one row, every cell of it inside its own unit (a label that
 * fits nowhere, even in its short form, is left out), never overlapping
 * another label (one blank cell kept between labels on the same row). Pure.
 */
import type { PreparedLayer } from './prepared.js';
import type { GridProjection } from './projection.js';

/** What label placement reads from a raster (a subset of raster.ts's MapRaster; no import, no cycle). */
export interface LabelGrid {
  cols: number;
  rows: number;
  /** Owner county index of each cell (row-major), -1 for sea / outside. */
  cellCounty: Int16Array;
  /** Per cell: the province index the cell's middle dots all lie in, else -1. */
  cellProvinceCore: Int16Array;
  prepared: PreparedLayer;
  projection: GridProjection;
}

export interface MapLabel {
  province: string;
  text: string;
  col: number;
  row: number;
}

/** Shorter forms tried when the full name does not fit. */
export const PROVINCE_SHORT: Readonly<Record<string, readonly string[]>> = {
  Pyongyang: ['Pyongyang', 'P.yang'],
  'South Pyongan': ['South Pyongan', 'S.Pyongan'],
  'North Pyongan': ['North Pyongan', 'N.Pyongan'],
  Chagang: ['Chagang'],
  'South Hwanghae': ['South Hwanghae', 'S.Hwanghae'],
  'North Hwanghae': ['North Hwanghae', 'N.Hwanghae'],
  Kangwon: ['Kangwon'],
  'South Hamgyong': ['South Hamgyong', 'S.Hamgyong'],
  'North Hamgyong': ['North Hamgyong', 'N.Hamgyong'],
  Ryanggang: ['Ryanggang'],
  Nampo: ['Nampo'],
  Rason: ['Rason'],
  Kaesong: ['Kaesong'],
};

export function placeLabels(raster: LabelGrid): MapLabel[] {
  const { cols, rows, cellCounty, prepared } = raster;
  const aspect = raster.projection.cellAspect;
  const np = prepared.provinces.length;
  const cellProvince = Int16Array.from(cellCounty, (c) => (c >= 0 ? prepared.provinceOf[c]! : -1));
  // Per province: cell count and centroid.
  const count = new Float64Array(np);
  const sumC = new Float64Array(np);
  const sumR = new Float64Array(np);
  cellProvince.forEach((p, cell) => {
    if (p < 0) return;
    count[p]!++;
    sumC[p]! += (cell % cols) + 0.5;
    sumR[p]! += Math.floor(cell / cols) + 0.5;
  });
  const taken = new Uint8Array(cols * rows);
  const labels: MapLabel[] = [];
  const order = [...prepared.provinces.keys()].sort((a, b) => count[b]! - count[a]! || a - b);

  // The box of each province's core cells: labels are only searched for there.
  const box = Array.from({ length: np }, () => [cols, rows, -1, -1]);
  raster.cellProvinceCore.forEach((p, cell) => {
    if (p < 0) return;
    const b = box[p]!;
    const c = cell % cols;
    const r = Math.floor(cell / cols);
    b[0] = Math.min(b[0]!, c);
    b[1] = Math.min(b[1]!, r);
    b[2] = Math.max(b[2]!, c);
    b[3] = Math.max(b[3]!, r);
  });

  const tryPlace = (p: number, text: string, strict: boolean): boolean => {
    const len = text.length;
    if (len > cols || count[p] === 0) return false;
    const cc = sumC[p]! / count[p]!;
    const cr = sumR[p]! / count[p]!;
    const [bc0, br0, bc1, br1] = box[p]! as [number, number, number, number];
    let best: { col: number; row: number; d: number } | undefined;
    for (let r = br0; r <= br1; r++) {
      for (let c = bc0; c + len <= Math.min(cols, bc1 + 1); c++) {
        let inside = 0;
        let ok = true;
        for (let i = 0; i < len && ok; i++) {
          const cell = r * cols + c + i;
          if (taken[cell]) ok = false;
          else if (cellProvince[cell] === p && (!strict || raster.cellProvinceCore[cell] === p)) inside++;
          else if (strict || cellProvince[cell]! < 0) ok = false;
        }
        if (!ok) continue;
        const mid = r * cols + c + Math.floor(len / 2);
        if (!strict && (cellProvince[mid] !== p || inside * 2 < len)) continue;
        const dc = c + len / 2 - cc;
        const dr = (r + 0.5 - cr) * aspect;
        const d = dc * dc + dr * dr;
        if (!best || d < best.d) best = { col: c, row: r, d };
      }
    }
    if (!best) return false;
    labels.push({ province: prepared.provinces[p]!, text, col: best.col, row: best.row });
    for (let i = -1; i <= len; i++) {
      const c = best.col + i;
      if (c >= 0 && c < cols) taken[best.row * cols + c] = 1;
    }
    return true;
  };

  const placed = new Set<number>();
  const formsOf = (p: number) => {
    const name = prepared.provinces[p]!;
    return (Object.hasOwn(PROVINCE_SHORT, name) ? PROVINCE_SHORT[name] : undefined) ?? [name];
  };
  /**
   * A unit with under 3% of the land's cells: the directly governed cities (Pyongyang, Nampo,
   * Rason, Kaesong are each under 2% of the country; every province is over 5%). It may be named
   * over its neighbours, and is named first.
   */
  const land = count.reduce((a, b) => a + b, 0);
  const tiny = (p: number) => count[p]! > 0 && count[p]! < 0.03 * land;
  const inside = (p: number) => {
    for (const text of formsOf(p)) {
      if (tryPlace(p, text, true)) {
        placed.add(p);
        return;
      }
    }
  };
  // A unit with no room for its name inside (Pyongyang, Nampo, Rason, Kaesong at national zoom) is
  // named beside itself with an arrow pointing at it: "◂Rason" just right of one of its cells, or
  // "Rason▸" just left of one, on cells no other label takes: over the sea, or, for a unit
  // smaller than its name, over its neighbours when need be; sea first, nearest its centre.
  const beside = (p: number) => {
    if (placed.has(p) || count[p] === 0) return;
    const name = prepared.provinces[p]!;
    const forms = (Object.hasOwn(PROVINCE_SHORT, name) ? PROVINCE_SHORT[name] : undefined) ?? [name];
    const cc = sumC[p]! / count[p]!;
    const cr = sumR[p]! / count[p]!;
    const small = tiny(p);
    let best: { col: number; row: number; text: string; d: number } | undefined;
    for (const form of forms) {
      for (const side of ['right', 'left'] as const) {
        const text = side === 'right' ? `◂${form}` : `${form}▸`;
        const len = text.length;
        // The arrow points at a core cell of the unit (its middle dots all inside it, and drawn as
        // one of its counties), never at a stray dot or islet.
        raster.cellProvinceCore.forEach((q, cell) => {
          if (q !== p || cellProvince[cell] !== p) return;
          const r = Math.floor(cell / cols);
          const c = side === 'right' ? (cell % cols) + 1 : (cell % cols) - len;
          if (c < 0 || c + len > cols) return;
          let sea = 0;
          for (let i = 0; i < len; i++) {
            const k = r * cols + c + i;
            if (taken[k] || cellProvince[k] === p) return;
            if (cellProvince[k]! < 0) sea++;
            // Over another unit only for a city (tiny); a province that lacks room inside is
            // left unnamed rather than named over its neighbours.
            else if (!small) return;
          }
          const dc = c + len / 2 - cc;
          const dr = (r + 0.5 - cr) * aspect;
          // Sea cells cost nothing; a cell over another unit costs as much as 4 cells of distance.
          const d = Math.sqrt(dc * dc + dr * dr) + 4 * (len - sea);
          if (!best || d < best.d) best = { col: c, row: r, text, d };
        });
      }
      if (best) break;
    }
    if (!best) return;
    const { col, row, text } = best;
    labels.push({ province: name, text, col, row });
    placed.add(p);
    for (let i = -1; i <= text.length; i++) if (col + i >= 0 && col + i < cols) taken[row * cols + col + i] = 1;
  };

  // Cities first (inside, else beside), so the larger units' names do not crowd them out; then
  // the others inside; then beside, over the sea only.
  for (const p of order) if (tiny(p)) inside(p);
  for (const p of order) if (tiny(p)) beside(p);
  for (const p of order) if (!placed.has(p)) inside(p);
  for (const p of order) beside(p);
  return labels.sort((a, b) => a.row - b.row || a.col - b.col);
}
