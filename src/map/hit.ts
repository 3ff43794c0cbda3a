/**
 * Hit-testing on a raster: cell → county, county → cells and anchor cell. Every county owns at
 * least one cell (the seat-cell rule in raster.ts), so every county can be selected. Pure.
 */
import type { MapRaster } from './raster.js';

export interface Cell {
  col: number;
  row: number;
}

/** The county owning cell (col, row), or undefined for sea and outside the grid. */
export function countyAt(raster: MapRaster, col: number, row: number): string | undefined {
  if (col < 0 || row < 0 || col >= raster.cols || row >= raster.rows) return undefined;
  const ci = raster.cellCounty[Math.floor(row) * raster.cols + Math.floor(col)]!;
  return ci >= 0 ? raster.prepared.ids[ci] : undefined;
}

/**
 * The county owning the cell, or the county of the nearest land cell within `maxCells`
 * (distance measured with cells' real proportions), for clicks that land just off the coast.
 */
export function nearestCounty(raster: MapRaster, col: number, row: number, maxCells = 2): string | undefined {
  const here = countyAt(raster, col, row);
  if (here !== undefined) return here;
  const aspect = raster.projection.cellAspect;
  let best: number | undefined;
  let bestD = Infinity;
  const rr = Math.ceil(maxCells / aspect);
  for (let r = Math.max(0, row - rr); r <= Math.min(raster.rows - 1, row + rr); r++) {
    for (let c = Math.max(0, col - maxCells); c <= Math.min(raster.cols - 1, col + maxCells); c++) {
      const ci = raster.cellCounty[r * raster.cols + c]!;
      if (ci < 0) continue;
      const d = (c - col) ** 2 + ((r - row) * aspect) ** 2;
      if (d <= maxCells * maxCells && d < bestD) {
        bestD = d;
        best = ci;
      }
    }
  }
  return best === undefined ? undefined : raster.prepared.ids[best];
}

function toCell(raster: MapRaster, cell: number): Cell {
  return { col: cell % raster.cols, row: Math.floor(cell / raster.cols) };
}

/** The cells a county owns (where hit-testing returns it), in row-major order. */
export function cellsOf(raster: MapRaster, id: string): Cell[] {
  const ci = raster.prepared.index.get(id);
  if (ci === undefined) return [];
  const out: Cell[] = [];
  for (let t = raster.ownedStart[ci]!; t < raster.ownedStart[ci + 1]!; t++) out.push(toCell(raster, raster.ownedCells[t]!));
  return out;
}

/** The cells a county's area touches: what the selection highlight paints. */
export function touchedCellsOf(raster: MapRaster, id: string): Cell[] {
  const ci = raster.prepared.index.get(id);
  if (ci === undefined) return [];
  const out: Cell[] = [];
  for (let t = raster.touchStart[ci]!; t < raster.touchStart[ci + 1]!; t++) out.push(toCell(raster, raster.touchCells[t]!));
  return out;
}

/** The owned cell nearest the county's interior point: where a cursor goes when it is selected. */
export function anchorCellOf(raster: MapRaster, id: string): Cell | undefined {
  const ci = raster.prepared.index.get(id);
  if (ci === undefined) return undefined;
  const cell = raster.anchorCell[ci]!;
  return cell >= 0 ? toCell(raster, cell) : undefined;
}
