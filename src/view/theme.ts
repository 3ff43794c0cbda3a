/** Colours and marks for stances and statuses, shared by every pane and by exports. */
import { LEGEND } from '../map/legend.js';
import type { Stance, Status } from '../model/vocabulary.js';

export const STANCE_MARK: Record<Stance, { short: string; long: string; colour: string }> = {
  state_media: { short: 'SM', long: 'STATE MEDIA', colour: '#E69F00' },
  outside_report: { short: 'OUT', long: 'OUTSIDE REPORT', colour: '#56B4E9' },
  rok_government: { short: 'ROK', long: 'ROK GOVERNMENT', colour: '#009E73' },
  analyst: { short: 'AN', long: 'ANALYST', colour: '#F0E442' },
};

export function statusColour(status: Status): string {
  return LEGEND[status].colour;
}

export function statusGlyph(status: Status): string {
  return LEGEND[status].glyph;
}

export const MUTED = '#9A9A9A';
export const CONTESTED = '#D55E00';
