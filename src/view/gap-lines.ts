/**
 * The gap table as screen lines: one row per site, state media | outside sources in two aligned
 * columns. (Stub; written in the gap branch.)
 */
import type { GapRow } from '../model/gap.js';
import type { Line } from './paint.js';

/** Lines for the rows at `width` cells; `cursor` is the index of the highlighted row (-1: none). */
export function gapTableLines(_rows: GapRow[], _width: number, _cursor: number, _noColor: boolean): Line[] {
  return [];
}
