/**
 * Status at a date. The one place that turns dated evidence into a status; the list, the map,
 * the header and exports all read it.
 *
 * - A statement counts once its whole date has passed (DateSpan.end <= asOf).
 * - Site status: the latest site-wide statement (or, before there is one, the latest statement
 *   about any facility); ties go to the later one in the data.
 * - Facility status: the latest statement about that facility or about the whole site.
 * - Contested: the latest state-media statement and the latest statement from anyone else
 *   disagree on whether the site works: one says inaugurated/operating, the other disrupted.
 */
import type { Facility, Site, StatusEvidence } from './types.js';
import type { Status } from './vocabulary.js';

export interface StatusAt {
  status: Status;
  /** The statement the status comes from: who says so, when, citing what. */
  basis: StatusEvidence;
  contested: boolean;
  /** Latest state-media statement and latest other statement, when they exist. */
  stateView?: StatusEvidence;
  outsideView?: StatusEvidence;
}

const WORKING: ReadonlySet<Status> = new Set(['inaugurated', 'operating']);

export function known(evidence: readonly StatusEvidence[], asOf: string): StatusEvidence[] {
  return evidence.filter((e) => e.date.end <= asOf);
}

/**
 * Status of a site as of a day, or undefined when nothing about it was known yet. Before any
 * site-wide statement (Kangdong: hospital and factories broke ground separately), the latest
 * statement about any of its facilities stands for the site.
 */
export function siteStatusAt(site: Site, asOf: string): StatusAt | undefined {
  const all = known(site.evidence, asOf);
  const basis = latest(all.filter((e) => e.facilities.length === 0)) ?? latest(all);
  if (!basis) return undefined;
  return withViews(basis, all);
}

export function facilityStatusAt(site: Site, facility: Facility, asOf: string): StatusAt | undefined {
  const relevant = known(site.evidence, asOf).filter(
    (e) => e.facilities.length === 0 || e.facilities.includes(facility.id),
  );
  const basis = latest(relevant);
  return basis ? withViews(basis, relevant) : undefined;
}

function withViews(basis: StatusEvidence, evidence: StatusEvidence[]): StatusAt {
  const stateView = latest(evidence.filter((e) => e.claimedBy === 'state_media'));
  const outsideView = latest(evidence.filter((e) => e.claimedBy !== 'state_media'));
  const contested =
    stateView !== undefined &&
    outsideView !== undefined &&
    ((WORKING.has(stateView.status) && outsideView.status === 'disrupted') ||
      (stateView.status === 'disrupted' && WORKING.has(outsideView.status)));
  return {
    status: basis.status,
    basis,
    contested,
    ...(stateView ? { stateView } : {}),
    ...(outsideView ? { outsideView } : {}),
  };
}

/** Evidence is kept sorted by end date (stable), so the last element is the latest. */
function latest(evidence: StatusEvidence[]): StatusEvidence | undefined {
  return evidence[evidence.length - 1];
}

/** Every distinct date on which some site's status may change, ascending (for stepping the as-of date). */
export function evidenceDates(sites: readonly Site[]): string[] {
  return [...new Set(sites.flatMap((s) => s.evidence.map((e) => e.date.end)))].sort();
}
