/**
 * The timeline chart as vector SVG: a `<g>` fragment in px, origin top-left of `box`, for slides
 * and standalone exports. The same chart as the screen (view/timeline-chart.ts): batches stacked
 * oldest at the bottom on a linear y axis from 0 (the top edge is the total), the target as a
 * dashed line when on the scale or an "↑ target 200 (off scale)" note, outside reports of
 * disruption as `!` marks under the time axis (one per report, each with a <title> naming the
 * site, status, outlet and publication day), the as-of day as a vertical cursor, and a legend.
 *
 * Each batch is one `<polyline class="series">` along its band's top edge with exactly one vertex
 * per month (at the month's centre), over a filled `<path class="band">`. Every string from data
 * is sanitised and XML-escaped (escape.ts); fonts are the exports' (fonts.ts). Deterministic: the
 * same Rollout and box give the same bytes.
 */
import type { Rollout } from '../model/rollout.js';
import { STATUS_LABELS, type Status } from '../model/vocabulary.js';
import {
  AXIS_COLOUR,
  CURSOR_COLOUR,
  MARKER_COLOUR,
  TARGET_COLOUR,
  batchColour,
  dayLabel,
  legendItems,
  monthLabel,
  titleVariants,
  yScale,
} from '../view/timeline-style.js';
import { safeLine, xmlEscape } from './escape.js';
import { DEFAULT_FONT_FAMILY, LATIN_ADVANCE_EM } from './fonts.js';
import { FRAME, num } from './geometry.js';

export interface TimelineSvgOptions {
  /** Background fill; default the export frame's background. `none` draws no background. */
  background?: string;
  /** Text colour; default the export frame's text colour. */
  foreground?: string;
  /** CSS font-family list; default the exports' (fonts.ts). */
  fontFamily?: string;
}

/** Where things are, for tests and for callers that place labels around the chart. */
export interface TimelineSvgGeometry {
  plot: { x: number; y: number; width: number; height: number };
  /** Top of the y scale (sites) at `plot.y`; 0 at `plot.y + plot.height`. */
  yMax: number;
}

/**
 * Geometry of the chart in `box` (px): the plot rectangle and the y scale. Pure.
 */
export function timelineSvgGeometry(rollout: Rollout, box: { width: number; height: number }): TimelineSvgGeometry & { font: number; legendRows: number } {
  const font = clamp(Math.round(Math.min(box.width / 60, box.height / 24)), 10, 18);
  const legendRows = legendLayout(rollout, box.width - 2 * pad(box), font).rows;
  const { max } = yScale(rollout);
  const labelCells = String(max).length + 1;
  const x = pad(box) + labelCells * font * LATIN_ADVANCE_EM + 6;
  const top = pad(box) + font * 1.3 + font * 1.6;
  const bottom = box.height - pad(box) - legendRows * font * 1.6 - font * 1.4 - markerBand(rollout, font);
  return { plot: { x, y: top, width: Math.max(1, box.width - pad(box) - x), height: Math.max(1, bottom - top) }, yMax: max, font, legendRows };
}

/**
 * The chart as an SVG `<g>` fragment sized to `box` (px). Takes a Rollout (model/rollout.ts);
 * returns markup (no XML prolog). Pure and deterministic.
 */
export function timelineChartSvg(rollout: Rollout, box: { width: number; height: number }, options: TimelineSvgOptions = {}): string {
  const fg = options.foreground ?? FRAME.text;
  const family = xmlEscape(options.fontFamily ?? DEFAULT_FONT_FAMILY);
  const bg = options.background ?? FRAME.background;
  const { targetOnScale } = yScale(rollout);
  const geo = timelineSvgGeometry(rollout, box);
  const { plot, yMax, font } = geo;
  const n = rollout.months.length;
  const out: string[] = [];
  out.push(`<g class="timeline-chart" font-family="${family}" font-size="${num(font)}">`);
  if (bg !== 'none') out.push(`<rect width="${num(box.width)}" height="${num(box.height)}" fill="${xmlEscape(bg)}"/>`);
  const titleCells = Math.floor((box.width - 2 * pad(box)) / (font * 1.15 * LATIN_ADVANCE_EM));
  const title = titleVariants(rollout, targetOnScale).find((t) => [...t].length <= titleCells) ?? titleVariants(rollout, targetOnScale).at(-1)!;
  out.push(`<text class="title" x="${num(pad(box))}" y="${num(pad(box) + font * 1.15)}" font-size="${num(font * 1.15)}" font-weight="bold" fill="${xmlEscape(fg)}">${safeLine(title)}</text>`);
  if (n === 0) {
    out.push('</g>');
    return out.join('');
  }

  const yOf = (v: number) => plot.y + plot.height - (Math.min(v, yMax) / yMax) * plot.height;
  const bw = plot.width / n;
  const xOf = (m: number) => plot.x + (m + 0.5) * bw;

  // Gridlines and y labels.
  const step = [10, 20, 40, 50, 100, 200, 500, 1000].find((s) => (s / yMax) * plot.height >= font * 2.2) ?? yMax;
  out.push(`<g class="grid" stroke="${AXIS_COLOUR}" stroke-opacity="0.35" stroke-width="1">`);
  for (let v = step; v <= yMax; v += step) out.push(`<line x1="${num(plot.x)}" y1="${num(yOf(v))}" x2="${num(plot.x + plot.width)}" y2="${num(yOf(v))}"/>`);
  out.push('</g>');
  out.push(`<g class="y-labels" fill="${AXIS_COLOUR}" text-anchor="end">`);
  for (let v = 0; v <= yMax; v += step) out.push(`<text x="${num(plot.x - 6)}" y="${num(yOf(v) + font * 0.35)}">${v}</text>`);
  out.push('</g>');

  // Stacked bands, then their top edges from the newest batch down, so where edges coincide (a
  // batch with nothing inaugurated yet) the line shows the batch that got there.
  let below = months(n).map(() => 0);
  const edges: string[] = [];
  rollout.series.forEach((s, i) => {
    const upper = below.map((b, m) => b + (s.cumulative[m] ?? 0));
    const top = upper.map((v, m) => `${num(xOf(m))},${num(yOf(v))}`);
    const bottom = below.map((v, m) => `${num(xOf(m))},${num(yOf(v))}`).reverse();
    const colour = batchColour(i);
    out.push(`<path class="band" data-batch="${s.batch}" d="M${top.join(' L')} L${bottom.join(' L')} Z" fill="${colour}" fill-opacity="0.35" stroke="none"/>`);
    edges.unshift(
      `<polyline class="series" data-batch="${s.batch}" points="${top.join(' ')}" fill="none" stroke="${colour}" stroke-width="${num(Math.max(2, font / 6))}" stroke-linejoin="round"><title>${safeLine(seriesTitle(rollout, i))}</title></polyline>`,
    );
    below = upper;
  });
  out.push(...edges);

  // Axes.
  out.push(`<g class="axes" stroke="${AXIS_COLOUR}" stroke-width="1.5">`);
  out.push(`<line x1="${num(plot.x)}" y1="${num(plot.y)}" x2="${num(plot.x)}" y2="${num(plot.y + plot.height)}"/>`);
  out.push(`<line x1="${num(plot.x)}" y1="${num(plot.y + plot.height)}" x2="${num(plot.x + plot.width)}" y2="${num(plot.y + plot.height)}"/>`);
  for (let m = 0; m <= n; m++) {
    const x = plot.x + m * bw;
    const year = m < n && rollout.months[m]!.endsWith('-01');
    out.push(`<line x1="${num(x)}" y1="${num(plot.y + plot.height)}" x2="${num(x)}" y2="${num(plot.y + plot.height + (year ? font * 0.6 : font * 0.25))}"/>`);
  }
  out.push('</g>');

  // Target.
  if (targetOnScale) {
    const y = yOf(rollout.target);
    out.push(
      `<g class="target"><line x1="${num(plot.x)}" y1="${num(y)}" x2="${num(plot.x + plot.width)}" y2="${num(y)}" stroke="${TARGET_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4"/>` +
        `<text x="${num(plot.x + 4)}" y="${num(y - 4)}" fill="${TARGET_COLOUR}">${xmlEscape(`target ${rollout.target}`)}</text><title>${targetTitle(rollout)}</title></g>`,
    );
  } else {
    out.push(
      `<g class="target" data-off-scale="true"><text x="${num(plot.x + 6)}" y="${num(plot.y + font)}" fill="${TARGET_COLOUR}">${xmlEscape(`↑ target ${rollout.target} (off scale)`)}</text><title>${targetTitle(rollout)}</title></g>`,
    );
  }

  // X labels: years at their Januaries, the first month in full when it has room.
  const labelY = plot.y + plot.height + markerBand(rollout, font) + font * 1.2;
  const cell = font * LATIN_ADVANCE_EM;
  out.push(`<g class="x-labels" fill="${AXIS_COLOUR}">`);
  let free = -Infinity;
  const firstJan = rollout.months.findIndex((x) => x.endsWith('-01'));
  if (!rollout.months[0]!.endsWith('-01')) {
    const label = monthLabel(rollout.months[0]!);
    const room = (firstJan < 0 ? plot.width : firstJan * bw) - 2 * cell;
    if (label.length * cell <= room) {
      out.push(`<text x="${num(plot.x)}" y="${num(labelY)}">${xmlEscape(label)}</text>`);
      free = plot.x + label.length * cell + cell;
    }
  }
  rollout.months.forEach((month, m) => {
    if (!month.endsWith('-01')) return;
    const x = plot.x + m * bw;
    if (x < free || x + 4 * cell > plot.x + plot.width + pad(box)) return;
    out.push(`<text x="${num(x)}" y="${num(labelY)}">${month.slice(0, 4)}</text>`);
    free = x + 5 * cell;
  });
  out.push('</g>');

  // Disruption markers: one `!` per report, stacked downward under its month, each labelled
  // "Kujang: for show" to its right as far as the next month with markers allows.
  const r = markerRadius(font);
  const perMonth = new Map<string, number>();
  const markerMonths = [...new Set(rollout.markers.map((mk) => rollout.months.indexOf(mk.month)).filter((m) => m >= 0))].sort((a, b) => a - b);
  const small = font * 0.72;
  const labels: string[] = [];
  out.push(`<g class="markers" font-weight="bold" text-anchor="middle">`);
  for (const mk of rollout.markers) {
    const m = rollout.months.indexOf(mk.month);
    if (m < 0) continue;
    const k = perMonth.get(mk.month) ?? 0;
    perMonth.set(mk.month, k + 1);
    const cx = xOf(m);
    const cy = plot.y + plot.height + font * 0.6 + r + k * (2 * r + 2);
    const tip = `${mk.name_en}: ${STATUS_LABELS[mk.status]} — ${mk.outlet}, published ${dayLabel(mk.date)}${mk.period ? ` (about ${mk.period})` : ''} [${mk.source_ids.join(', ')}]`;
    out.push(
      `<g class="marker" data-month="${xmlEscape(mk.month)}" data-site="${xmlEscape(mk.site_id)}"><title>${safeLine(tip)}</title>` +
        `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${MARKER_COLOUR}"/>` +
        `<text x="${num(cx)}" y="${num(cy + r * 0.62)}" font-size="${num(r * 1.7)}" fill="#000000">!</text></g>`,
    );
    const next = markerMonths.find((x) => x > m);
    const room = (next === undefined ? box.width - pad(box) : xOf(next) - r - small) - (cx + r + 4);
    const label = fitChars(`${shortName(mk.name_en)}: ${MARK_WORDS[mk.status] ?? STATUS_LABELS[mk.status]}`, Math.floor(room / (small * LATIN_ADVANCE_EM)));
    if (label) labels.push(`<text x="${num(cx + r + 4)}" y="${num(cy + small * 0.35)}">${safeLine(label)}</text>`);
  }
  out.push('</g>');
  out.push(`<g class="marker-labels" font-size="${num(small)}" fill="${MARKER_COLOUR}">${labels.join('')}</g>`);

  // As-of cursor.
  const day = Number(rollout.as_of.slice(8, 10)) || 1;
  const cursorX = plot.x + (n - 1 + (day - 0.5) / daysIn(rollout.months[n - 1]!)) * bw;
  out.push(
    `<g class="cursor"><line x1="${num(cursorX)}" y1="${num(plot.y - font * 0.4)}" x2="${num(cursorX)}" y2="${num(plot.y + plot.height)}" stroke="${CURSOR_COLOUR}" stroke-width="1.5"/>` +
      `<text x="${num(cursorX)}" y="${num(plot.y - font * 0.6)}" text-anchor="end" fill="${CURSOR_COLOUR}">${xmlEscape(`as of ${dayLabel(rollout.as_of)}`)}</text></g>`,
  );

  // Legend.
  const legend = legendLayout(rollout, box.width - 2 * pad(box), font);
  const legendTop = box.height - pad(box) - legend.rows * font * 1.6 + font;
  out.push(`<g class="legend" fill="${xmlEscape(fg)}">`);
  for (const it of legend.items) {
    const x = pad(box) + it.x;
    const y = legendTop + it.row * font * 1.6;
    out.push(swatch(it.kind, it.colour, x, y, font));
    out.push(`<text x="${num(x + font * 1.4)}" y="${num(y)}">${safeLine(it.label)}</text>`);
  }
  out.push('</g>');
  out.push('</g>');
  return out.join('');
}

function swatch(kind: string, colour: string, x: number, y: number, font: number): string {
  const mid = y - font * 0.35;
  switch (kind) {
    case 'batch':
      return `<rect x="${num(x)}" y="${num(mid - font * 0.45)}" width="${num(font * 0.9)}" height="${num(font * 0.9)}" fill="${colour}"/>`;
    case 'marker':
      return `<circle cx="${num(x + font * 0.45)}" cy="${num(mid)}" r="${num(markerRadius(font))}" fill="${colour}"/>`;
    case 'cursor':
      return `<line x1="${num(x + font * 0.45)}" y1="${num(mid - font * 0.5)}" x2="${num(x + font * 0.45)}" y2="${num(mid + font * 0.5)}" stroke="${colour}" stroke-width="1.5"/>`;
    case 'target':
      return `<line x1="${num(x)}" y1="${num(mid)}" x2="${num(x + font)}" y2="${num(mid)}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="3 2"/>`;
    default:
      return `<text x="${num(x + font * 0.2)}" y="${num(y)}" fill="${colour}">+</text>`;
  }
}

/** Legend items flowed into rows of `width` px. */
function legendLayout(rollout: Rollout, width: number, font: number): { rows: number; items: { x: number; row: number; label: string; colour: string; kind: string }[] } {
  const cell = font * LATIN_ADVANCE_EM;
  const items = legendItems(rollout, false, yScale(rollout).targetOnScale);
  let x = 0;
  let row = 0;
  const out = items.map((it) => {
    const w = font * 1.4 + [...it.label].length * cell;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const placed = { x, row, label: it.label, colour: it.colour, kind: it.kind };
    x += w + font * 1.5;
    return placed;
  });
  return { rows: row + 1, items: out };
}

function seriesTitle(rollout: Rollout, i: number): string {
  const s = rollout.series[i]!;
  const done = s.cumulative.at(-1) ?? 0;
  return `${s.batch} batch: ${done}${s.sites === undefined ? '' : ` of ${s.sites}`} sites inaugurated by ${dayLabel(rollout.as_of)}`;
}

function targetTitle(rollout: Rollout): string {
  const src = rollout.target_sources?.length ? ` [${rollout.target_sources.join(', ')}]` : '';
  return safeLine(`Target: ${rollout.target} cities/counties (20 a year × 10 years, policy announced 15 Jan 2024)${src}`);
}

/** Status words short enough to sit beside a mark ("Kujang: for show"); tooltips use the full labels. */
const MARK_WORDS: Partial<Record<Status, string>> = { operating_for_show: 'for show', underproducing: 'far below capacity', disrupted: 'disrupted' };

/** "Kusong" for "Kusong City": the short name a marker label has room for. */
function shortName(name: string): string {
  return name.replace(/ (County|City|District)$/, '');
}

/** The text cut to `cells` characters with …, or '' when fewer than 6 fit. */
function fitChars(text: string, cells: number): string {
  const chars = [...text];
  if (cells < 6) return '';
  return chars.length <= cells ? text : `${chars.slice(0, cells - 1).join('')}…`;
}

function markerBand(rollout: Rollout, font: number): number {
  const counts = new Map<string, number>();
  for (const m of rollout.markers) counts.set(m.month, (counts.get(m.month) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return most === 0 ? font * 0.6 : font * 0.6 + most * (2 * markerRadius(font) + 2);
}

function markerRadius(font: number): number {
  return font * 0.45;
}

function pad(box: { width: number; height: number }): number {
  return Math.round(clamp(Math.min(box.width, box.height) / 30, 8, 24));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

function months(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function daysIn(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}
