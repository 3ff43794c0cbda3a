/** Policy progress for the header: sites inaugurated against the target, by program year. */
import { known } from '../model/status.js';
import type { Dataset } from '../model/types.js';

export interface Progress {
  target: number;
  inaugurated: number;
  byYear: { year: number; inaugurated: number; known: number; planned: number }[];
}

const BUILT = new Set(['inaugurated', 'operating', 'disrupted']);

export function progressAt(dataset: Dataset, asOf: string): Progress {
  const perYear = dataset.policy.facts.get('counties-per-year')?.value ?? 20;
  const target = dataset.policy.facts.get('target-total')?.value ?? 200;
  const batch = dataset.sites.filter((s) => s.role === 'batch');
  const years = [...new Set(batch.map((s) => s.year))].sort();
  const byYear = years.map((year) => {
    const sites = batch.filter((s) => s.year === year && known(s.evidence, asOf).length > 0);
    const inaugurated = sites.filter((s) => known(s.evidence, asOf).some((e) => BUILT.has(e.status) && e.facilities.length === 0)).length;
    return { year, inaugurated, known: sites.length, planned: perYear };
  });
  return { target, inaugurated: byYear.reduce((n, y) => n + y.inaugurated, 0), byYear: byYear.filter((y) => y.known > 0) };
}
