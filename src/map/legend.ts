/**
 * Map legend: colour and NO_COLOR glyph for each status. Pure data.
 *
 * Colours: the programme's progression (under construction → inaugurated → operating) uses the
 * 3-class ColorBrewer YlGnBu scheme, an ordinal scheme marked colour-blind safe (light to dark, so
 * it also survives greyscale); the off-scale states use Okabe–Ito colours, which stay distinct
 * under the common colour-vision deficiencies: vermillion for disrupted, reddish purple for the
 * county under the cursor, near-white for counties selected but not begun; greys for unknown and for counties outside the programme.
 *
 * Without colour (NO_COLOR), each status has its own glyph: shade density rises with progress
 * (░ ▒ ▓), the county under the cursor is a full block, a county only selected for the program is ·, and counties outside the programme stay blank so the
 * braille outline shows.
 */
import { STATUSES } from '../model/vocabulary.js';

export const MAP_STATUSES = ['cursor', ...STATUSES, 'none'] as const;

export type MapStatus = (typeof MAP_STATUSES)[number];
/**
 * What a county can be. `cursor` is the county under the view's cursor, a state of the view, not
 * of the county; `selected` is the data's status "selected for the program, work not begun".
 */
export type CountyStatus = Exclude<MapStatus, 'cursor'>;

export interface LegendEntry {
  status: MapStatus;
  label: string;
  /** Fill (background) colour, #rrggbb. */
  colour: string;
  /** Colour for text, coast and first-level border dots drawn on the fill, #rrggbb. */
  text: string;
  /** Weaker colour for county border dots on the fill, #rrggbb. */
  line: string;
  /** Glyph filling the county's cells when colour is off. */
  glyph: string;
}

export const LEGEND: Readonly<Record<MapStatus, LegendEntry>> = {
  cursor: { status: 'cursor', label: 'Selected county', colour: '#CC79A7', text: '#000000', line: '#5A2A48', glyph: '█' },
  selected: { status: 'selected', label: 'Selected for the program', colour: '#F7F7F7', text: '#000000', line: '#8C8C8C', glyph: '·' },
  under_construction: {
    status: 'under_construction',
    label: 'Under construction',
    colour: '#EDF8B1',
    text: '#000000',
    line: '#8C9468',
    glyph: '░',
  },
  inaugurated: { status: 'inaugurated', label: 'Inaugurated', colour: '#7FCDBB', text: '#000000', line: '#3F7F72', glyph: '▒' },
  operating: { status: 'operating', label: 'Operating', colour: '#2C7FB8', text: '#000000', line: '#174566', glyph: '▓' },
  underproducing: { status: 'underproducing', label: 'Far below capacity', colour: '#E69F00', text: '#000000', line: '#7A5500', glyph: '-' },
  operating_for_show: { status: 'operating_for_show', label: 'Operating for show', colour: '#F0E442', text: '#000000', line: '#7F7822', glyph: '~' },
  disrupted: { status: 'disrupted', label: 'Disrupted', colour: '#D55E00', text: '#000000', line: '#7A3500', glyph: '!' },
  unknown: { status: 'unknown', label: 'Status unknown', colour: '#969696', text: '#000000', line: '#5A5A5A', glyph: '?' },
  none: { status: 'none', label: 'Not in the programme', colour: '#3A3A3A', text: '#D0D0D0', line: '#707070', glyph: ' ' },
};

/**
 * The legend for 16-colour terminals (TERM=screen, chalk level 1), where truecolour fills collapse
 * onto the 8 basic backgrounds (today's `selected` and `unknown` would both become white): each
 * status gets its own basic background (hex values chalk maps to ANSI 40–47, which every
 * 8/16-colour terminal has), and `unknown`, which has no background left, is black filled with its
 * glyph `?`. Sea keeps the terminal's default background; counties outside the programme are green.
 */
export const LEGEND_16: Readonly<Record<MapStatus, LegendEntry>> = {
  cursor: { ...LEGEND.cursor, colour: '#CC79A7', text: '#000000', line: '#000000' }, // 45 magenta
  selected: { ...LEGEND.selected, colour: '#C0C0C0', text: '#000000', line: '#000000' }, // 47 white
  under_construction: { ...LEGEND.under_construction, colour: '#808000', text: '#000000', line: '#000000' }, // 43 yellow
  inaugurated: { ...LEGEND.inaugurated, colour: '#008080', text: '#000000', line: '#000000' }, // 46 cyan
  operating: { ...LEGEND.operating, colour: '#000080', text: '#C0C0C0', line: '#C0C0C0' }, // 44 blue
  underproducing: { ...LEGEND.underproducing, colour: '#808000', text: '#000000', line: '#000000' }, // 43 yellow + '-'
  operating_for_show: { ...LEGEND.operating_for_show, colour: '#000080', text: '#C0C0C0', line: '#C0C0C0' }, // 44 blue + '~'
  disrupted: { ...LEGEND.disrupted, colour: '#800000', text: '#C0C0C0', line: '#C0C0C0' }, // 41 red
  unknown: { ...LEGEND.unknown, colour: '#000000', text: '#C0C0C0', line: '#C0C0C0' }, // 40 black + '?'
  none: { ...LEGEND.none, colour: '#008000', text: '#000000', line: '#000000' }, // 42 green
};

/**
 * Statuses whose cells also show their glyph in 16-colour mode (their background alone is not
 * unique: far below capacity shares yellow with under construction, for show shares blue with operating).
 */
export const GLYPH_FILL_16: ReadonlySet<MapStatus> = new Set(['unknown', 'underproducing', 'operating_for_show']);

/** The legend for a colour depth: LEGEND_16 at chalk level 1, LEGEND otherwise. */
export function legendFor(level: number): Readonly<Record<MapStatus, LegendEntry>> {
  return level === 1 ? LEGEND_16 : LEGEND;
}

/**
 * Stale: the county's newest evidence is older than the stale-after threshold. Not a status: the
 * county keeps its status colour (or glyph) and is dotted over with this mark (model/status.ts).
 */
export const STALE_MARK = { label: 'Stale (newest report older than the threshold)', glyph: ':', colour: '#5A5A5A' } as const;

/** Sea and border dots outside the land. */
export const SEA_LINE_COLOUR = '#8A8A8A';
/** First-level labels on the map. */
export const LABEL_COLOUR = '#FFFFFF';

export function legendEntry(status: MapStatus): LegendEntry {
  return LEGEND[status];
}

/** The legend in display order. */
export function legendEntries(): LegendEntry[] {
  return MAP_STATUSES.map((s) => LEGEND[s]);
}

export function isMapStatus(s: string): s is MapStatus {
  return (MAP_STATUSES as readonly string[]).includes(s);
}

/** True when the NO_COLOR convention asks for no colour (https://no-color.org: set and non-empty). */
export function noColorRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.NO_COLOR;
  return v !== undefined && v !== '';
}
