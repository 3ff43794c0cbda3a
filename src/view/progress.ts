/** Policy progress for the header: sites inaugurated against the target, by program year. */
import { inaugurationOf } from '../model/rollout.js';
import { applicable, latestReport, siteStatusAt, type Lens } from '../model/status.js';
import type { Dataset } from '../model/types.js';

export interface Progress {
  target: number;
  inaugurated: number;
  byYear: { year: number; inaugurated: number; known: number; planned: number }[];
  /** Sites (any role) whose status is stale on the day. */
  stale: number;
  /** Latest publication day of any statement known on the day, or undefined. */
  latestReport: string | undefined;
}

/** Header figures for a day (or Lens): inaugurations per program year, stale sites, latest report. */
export function progressAt(dataset: Dataset, asOf: string | Lens): Progress {
  const perYear = dataset.policy.facts.get('counties-per-year')?.value ?? 20;
  const target = dataset.policy.facts.get('target-total')?.value ?? 200;
  const lens: Lens = typeof asOf === 'string' ? { asOf } : asOf;
  const batch = dataset.sites.filter((s) => s.role === 'batch');
  const years = [...new Set(batch.map((s) => s.year))].sort();
  const byYear = years.map((year) => {
    const sites = batch.filter((s) => s.year === year && applicable(s.evidence, asOf).length > 0);
    // The timeline's definition (model/rollout.ts), so the header and the chart always agree.
    const inaugurated = sites.filter((s) => inaugurationOf(s, lens) !== undefined).length;
    return { year, inaugurated, known: sites.length, planned: perYear };
  });
  return {
    target,
    inaugurated: byYear.reduce((n, y) => n + y.inaugurated, 0),
    byYear: byYear.filter((y) => y.known > 0),
    stale: dataset.sites.filter((s) => siteStatusAt(s, asOf)?.stale).length,
    latestReport: latestReport(dataset.sites, asOf),
  };
}
