/**
 * The timeline chart as vector SVG (a `<g>` fragment in px, origin top-left of `box`). (Stub;
 * written in the timeline branch.)
 */
import type { Rollout } from '../model/rollout.js';

export function timelineChartSvg(_rollout: Rollout, _box: { width: number; height: number }): string {
  return '<g></g>';
}
