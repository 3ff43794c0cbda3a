/**
 * A hand-built Rollout shaped like the bundled data as of 30 Nov 2026 (model/rollout.ts): three
 * batches (2024: 1, 14, then 20 from Feb 2025; 2025: 20 from Dec 2025; 2026: none yet), five
 * disruption markers in Apr and Aug 2025, two disruption reports dated only to a year. Fixed here so
 * view and export tests do not move when the data is corrected.
 */
import { monthRange, type DisruptionMarker, type Rollout } from '../../src/model/rollout.js';

function marker(date: string, site_id: string, name_en: string, status: DisruptionMarker['status'], period: string): DisruptionMarker {
  return { date, month: date.slice(0, 7), site_id, name_en, status, outlet: 'Daily NK', source_ids: [`src-${site_id}`], batch: 2024, claimed_by: 'outside_report', period };
}

/** The fixture; `overrides` replace top-level fields. */
export function sampleRollout(overrides: Partial<Rollout> = {}): Rollout {
  const months = monthRange('2024-12', '2026-11');
  const s2024 = months.map((m) => (m === '2024-12' ? 1 : m === '2025-01' ? 14 : 20));
  const s2025 = months.map((m) => (m >= '2025-12' ? 20 : 0));
  const s2026 = months.map(() => 0);
  return {
    months,
    series: [
      { batch: 2024, cumulative: s2024, sites: 20, undated: 0 },
      { batch: 2025, cumulative: s2025, sites: 20, undated: 0 },
      { batch: 2026, cumulative: s2026, sites: 20, undated: 0 },
    ],
    total: months.map((_, i) => s2024[i]! + s2025[i]! + s2026[i]!),
    target: 200,
    target_sources: ['wikipedia-20x10'],
    markers: [
      marker('2025-04-04', 'kujang', 'Kujang County', 'operating_for_show', '2025-04-04'),
      marker('2025-04-04', 'kusong', 'Kusong City', 'operating_for_show', '2025-04-04'),
      marker('2025-04-04', 'unsan-north-pyongan', 'Unsan County', 'operating_for_show', '2025-04-04'),
      marker('2025-08-31', 'kimhyongjik', 'Kim Hyong Jik County', 'disrupted', 'since 2025-04'),
      marker('2025-08-31', 'kimhyongjik', 'Kim Hyong Jik County', 'underproducing', '2025-08'),
    ],
    undated: [
      { kind: 'disruption', site_id: 'songchon', name_en: 'Songchon County', batch: 2024, status: 'disrupted', date_text: '2025', outlet: 'SPN', source_ids: ['spn'] },
      { kind: 'disruption', site_id: 'sukchon', name_en: 'Sukchon County', batch: 2024, status: 'disrupted', date_text: '2025', outlet: 'SPN', source_ids: ['spn'] },
    ],
    as_of: '2026-11-30',
    hindsight: false,
    ...overrides,
  };
}
