/**
 * The gap between what state media claims and what outside sources report, one row per program
 * site, as of a lens. Pure: dataset + lens in, rows out. (Interface fixed by the lead; the body
 * is being written in the gap branch.)
 */
import type { Lens } from './status.js';
import type { Dataset } from './types.js';
import type { Stance, Status, Strength } from './vocabulary.js';

/** One side of a gap row: the newest statement of one camp (state media, or outside) known under the lens. */
export interface GapSide {
  status: Status;
  strength: Strength;
  /** "operating (state claim)". */
  label: string;
  /** The period the statement describes, as written (`2025-04`, `since 2025-04`), and as a phrase. */
  date: string;
  date_label: string;
  /** Publication day, `YYYY-MM-DD`. */
  published: string;
  /** Whole months from publication to the as-of day. */
  age_months: number;
  stale: boolean;
  claimed_by: Stance;
  /** Outlet of the first source, with the relay kept: "Daily NK via Business Insider Polska". */
  outlet: string;
  source_ids: string[];
  /** A short quote (sanitised, ≤ 160 chars, ellipsis when cut) or the statement's title; null if none. */
  quote: string | null;
  quote_speaker: string | null;
  uncertain: boolean;
}

export interface GapRow {
  site_id: string;
  name_en: string;
  name_ko: string;
  province: string;
  province_en: string;
  year: number;
  /** The site's status label under the lens ("operating (state claim, stale)"), or "nothing known". */
  status_label: string;
  contested: boolean;
  uncertain: boolean;
  state: GapSide | null;
  outside: GapSide | null;
  /** Publication day of the newest outside evidence, or null. Rows sort by it (oldest first) after contested rows. */
  newest_outside: string | null;
}

export interface GapFilter {
  /** Registry id of a first-level unit. */
  province?: string;
  year?: number;
}

/** Rows for every program site passing the filter: contested first, then by age of the newest outside evidence. */
export function gapRows(_dataset: Dataset, _lens: Lens, _filter: GapFilter = {}): GapRow[] {
  return [];
}
