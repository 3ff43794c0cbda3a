/**
 * What the on-screen timeline chart and its SVG share: one colour and one glyph per batch, the
 * y scale (an honest linear axis), and the words of the title and legend.
 */
import { formatSpan, parseDateSpan } from '../model/dates.js';
import type { Rollout } from '../model/rollout.js';
import { CONTESTED, MUTED } from './theme.js';

/**
 * Batch colours, in batch order: bright blue, green, yellow, magenta, cyan, white of the
 * 16-colour ANSI palette (export/palette.ts, xterm's Tango defaults). Cycles after six batches.
 */
export const BATCH_COLOURS = ['#729fcf', '#8ae234', '#fce94f', '#ad7fa8', '#34e2e2', '#eeeeec'] as const;
/** Without colour, each batch has its own fill glyph (cycles after six). */
export const BATCH_GLYPHS = ['█', '▓', '▒', '░', '#', '='] as const;
/** Outside reports of disruption. */
export const MARKER_COLOUR = CONTESTED;
export const MARKER_GLYPH = '!';
export const AXIS_COLOUR = MUTED;
/** The as-of cursor. */
export const CURSOR_COLOUR = '#eeeeec';
export const TARGET_COLOUR = '#ef2929';

export function batchColour(index: number): string {
  return BATCH_COLOURS[index % BATCH_COLOURS.length]!;
}

export function batchGlyph(index: number): string {
  return BATCH_GLYPHS[index % BATCH_GLYPHS.length]!;
}

/** Smallest floor for the y scale: three first-year batches of 20 (data/policy.yaml). */
const MIN_SCALE = 60;

/**
 * The y scale: linear from 0, never broken or logarithmic. Its top is the larger of 60 and the
 * highest total rounded up to a multiple of 20; the target (200) is drawn on the scale when it is
 * at most 1.5 × that top (the scale then reaches the target), otherwise it is off scale and the
 * chart says so ("target 200 ↑ off scale").
 */
export function yScale(rollout: Rollout): { max: number; targetOnScale: boolean } {
  const high = Math.max(0, ...rollout.total);
  const top = Math.max(MIN_SCALE, Math.ceil(high / 20) * 20);
  if (rollout.target <= top * 1.5) return { max: Math.max(top, Math.ceil(rollout.target / 20) * 20), targetOnScale: true };
  return { max: top, targetOnScale: false };
}

/** `30 Nov 2026` for a `YYYY-MM-DD` day (the day itself when it does not parse). */
export function dayLabel(day: string): string {
  const span = parseDateSpan(day);
  return typeof span === 'string' ? day : formatSpan(span);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `Dec 2024` for `2024-12`. */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/** The latest total (sites inaugurated by the as-of day, on the curve). */
export function latestTotal(rollout: Rollout): number {
  return rollout.total[rollout.total.length - 1] ?? 0;
}

/**
 * Title words, longest first: callers take the first that fits. Says what is counted, against
 * what, as of when, and whether the target is off the scale.
 */
export function titleVariants(rollout: Rollout, targetOnScale: boolean): string[] {
  const n = latestTotal(rollout);
  const asOf = dayLabel(rollout.as_of);
  const hind = rollout.hindsight ? ' (hindsight)' : '';
  const off = targetOnScale ? '' : ` · target ${rollout.target} ↑ off scale`;
  return [
    `Inaugurated sites, cumulative by month: ${n} of the ${rollout.target}-site target by ${asOf}${hind}${off}`,
    `Inaugurated, cumulative: ${n} of ${rollout.target} by ${asOf}${hind}${off}`,
    `${n} of ${rollout.target} inaugurated by ${asOf}${hind}`,
    `${n}/${rollout.target} by ${rollout.as_of}`,
  ];
}

export interface LegendItem {
  glyph: string;
  colour: string;
  /** Long label and short label. */
  label: string;
  short: string;
  kind: 'batch' | 'marker' | 'cursor' | 'target' | 'note';
}

/** Legend entries: each batch (inaugurated / sites), disruption markers, the as-of cursor, the target, undated notes. */
export function legendItems(rollout: Rollout, noColor: boolean, targetOnScale: boolean): LegendItem[] {
  const items: LegendItem[] = rollout.series.map((s, i) => {
    const done = s.cumulative[s.cumulative.length - 1] ?? 0;
    const of = s.sites === undefined ? '' : `/${s.sites}`;
    return {
      glyph: noColor ? batchGlyph(i) : '█',
      colour: batchColour(i),
      label: `${s.batch} batch ${done}${of}`,
      short: `${s.batch} ${done}${of}`,
      kind: 'batch' as const,
    };
  });
  const undatedMarkers = (rollout.undated ?? []).filter((u) => u.kind === 'disruption').length;
  const undatedSites = (rollout.undated ?? []).filter((u) => u.kind === 'inauguration').length;
  items.push({
    glyph: MARKER_GLYPH,
    colour: MARKER_COLOUR,
    label: `outside report of disruption (${rollout.markers.length})`,
    short: `disruption report (${rollout.markers.length})`,
    kind: 'marker',
  });
  // The as-of entry keeps its date in both forms: "│ as-of date" alone says nothing.
  const asOf = `as-of date ${dayLabel(rollout.as_of)}`;
  items.push({ glyph: '│', colour: CURSOR_COLOUR, label: asOf, short: asOf, kind: 'cursor' });
  if (targetOnScale) items.push({ glyph: '┄', colour: TARGET_COLOUR, label: `target ${rollout.target}`, short: `target ${rollout.target}`, kind: 'target' });
  if (undatedSites > 0)
    items.push({ glyph: '+', colour: MUTED, label: `${undatedSites} inaugurated, month unknown (not plotted)`, short: `${undatedSites} inaugurated, month unknown`, kind: 'note' });
  if (undatedMarkers > 0)
    items.push({ glyph: '+', colour: MUTED, label: `${undatedMarkers} disruption report${undatedMarkers === 1 ? '' : 's'} dated only by year (not marked)`, short: `${undatedMarkers} disruption report${undatedMarkers === 1 ? '' : 's'} dated only by year`, kind: 'note' });
  return items;
}
