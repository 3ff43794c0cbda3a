/**
 * The timeline chart as screen lines: cumulative inaugurations against the target, one series per
 * batch, disruption markers on the time axis, the as-of cursor. (Stub; written in the timeline branch.)
 */
import type { Rollout } from '../model/rollout.js';
import type { Line } from './paint.js';

/** Exactly `height` lines, each at most `width` cells. */
export function timelineChartLines(_rollout: Rollout, _width: number, _height: number, _noColor: boolean): Line[] {
  return [];
}
