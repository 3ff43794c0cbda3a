/**
 * Status at a date. The one place that turns dated evidence into a status; the list, the map,
 * the header and exports all read it. README "Status at a date" explains it for users.
 *
 * Every statement has two dates: the period it describes (`date`: a day, month, year, range or
 * "since") and the day it became public (`published`, from its sources' publication dates).
 *
 * - Knowledge: as of a day D, only statements published by D count (`published.end <= D`). In
 *   hindsight mode every statement in the dataset counts: today's best knowledge of day D.
 * - Applicability: a known statement applies at D once its period has begun (`date.start <= D`).
 * - Order: applicable statements are ordered by period start, then period end, then publication,
 *   then data order; the last one is the basis. A year-only or vague period is never ordered as
 *   its last day. When an applicable statement whose period overlaps the basis's says something
 *   else, the status is marked uncertain, naming that statement.
 * - Site status comes from site-wide statements and outside statements about any of its
 *   facilities (before there is a site-wide statement, from every facility's), and so do its
 *   strength, contested flag and staleness: the latest state-media and outside statements of that
 *   set are the two sides the gap view and the CONTESTED line show. Facility status from that facility's
 *   statements and site-wide ones, or from its own only when it has a life cycle of its own
 *   (its own selection or groundbreaking; facilityStatusAt).
 * - Strength: `claimed` when the basis is state media and no independent source agrees,
 *   `reported` when the basis is independent and state media does not agree, `confirmed` when the
 *   latest state-media statement and the latest independent one agree.
 * - Contested: the latest state-media statement and the latest independent one disagree on whether
 *   the site works (one says inaugurated/operating, the other disrupted, far below capacity or
 *   operating for show; or state media says disrupted and the other works).
 * - Stale: the newest applicable evidence ends more than `staleAfterMonths` (default 6) before D.
 */
import { addMonths, formatSpan } from './dates.js';
import type { Facility, Site, StatusEvidence } from './types.js';
import { STATUS_LABELS, type Status, type Strength } from './vocabulary.js';

/** How to look at a day: what was known then (default) or in hindsight, and when a status goes stale. */
export interface Lens {
  /** The as-of day, `YYYY-MM-DD`. */
  asOf: string;
  /** True: use every statement in the dataset (today's knowledge of that day). Default false. */
  hindsight?: boolean;
  /** Whole months; 0 = never stale. Default 6. */
  staleAfterMonths?: number;
}

export const DEFAULT_STALE_AFTER_MONTHS = 6;

export interface StatusAt {
  status: Status;
  /** The statement the status comes from: who says so, when, citing what. */
  basis: StatusEvidence;
  strength: Strength;
  contested: boolean;
  /** True when the basis is uncertain, or an overlapping statement disagrees with it. */
  uncertain: boolean;
  /** Why it is uncertain, in words (empty when it is not). */
  uncertainReasons: string[];
  /** Newest evidence considered, `YYYY-MM-DD` (a period's last day, never after the as-of day). */
  newest: string;
  /** The newest evidence is older than the lens's threshold. */
  stale: boolean;
  /** Latest state-media statement and latest independent statement, when they exist. */
  stateView?: StatusEvidence;
  outsideView?: StatusEvidence;
}

/** Statuses in which the factories work as state media present them. */
const WORKING: ReadonlySet<Status> = new Set(['inaugurated', 'operating']);
/** Statuses in which an outside report says they do not work as claimed. */
const NOT_WORKING: ReadonlySet<Status> = new Set(['disrupted', 'underproducing', 'operating_for_show']);

/** Agreement classes for strength: statuses in one class confirm each other (a class name, for comparing). */
export function agreementClass(s: Status): string {
  if (WORKING.has(s)) return 'working';
  if (s === 'underproducing' || s === 'operating_for_show') return 'weak';
  return s;
}

function lensOf(asOf: string | Lens): Required<Lens> {
  const l = typeof asOf === 'string' ? { asOf } : asOf;
  return { asOf: l.asOf, hindsight: l.hindsight ?? false, staleAfterMonths: l.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS };
}

/** Statements known on the lens's day (published by then; all of them in hindsight). */
export function known(evidence: readonly StatusEvidence[], asOf: string | Lens): StatusEvidence[] {
  const l = lensOf(asOf);
  return l.hindsight ? [...evidence] : evidence.filter((e) => e.published.end <= l.asOf);
}

/** Known statements whose period has begun by the lens's day, in status order (see the file comment). */
export function applicable(evidence: readonly StatusEvidence[], asOf: string | Lens): StatusEvidence[] {
  const l = lensOf(asOf);
  return known(evidence, l)
    .filter((e) => e.date.start <= l.asOf)
    .sort(compareEvidence);
}

/** The documented order: period start, period end, publication; stable for data order. */
export function compareEvidence(a: StatusEvidence, b: StatusEvidence): number {
  return (
    a.date.start.localeCompare(b.date.start) ||
    a.date.end.localeCompare(b.date.end) ||
    a.published.end.localeCompare(b.published.end)
  );
}

/**
 * Status of a site as of a day (a `YYYY-MM-DD` string or a Lens), or undefined when nothing about
 * it was known yet. Before any site-wide statement (Kangdong: hospital and factories broke ground
 * and opened separately), the latest statement about any of its facilities stands for the site;
 * after one, state-media statements about a single facility no longer do (see the file comment).
 */
export function siteStatusAt(site: Site, asOf: string | Lens): StatusAt | undefined {
  const l = lensOf(asOf);
  const all = applicable(site.evidence, l);
  // Once state media has spoken of the site as a whole, its statements about one facility (Kusong's
  // hospital, inaugurated Dec 2025) no longer stand for the site; an outside report about one of
  // its factories still answers the claim that the site works. One set decides the status, its
  // strength, contested flag and staleness, so the headline is always one of the two sides.
  const from = all.some((e) => e.facilities.length === 0) ? all.filter((e) => e.facilities.length === 0 || e.claimedBy !== 'state_media') : all;
  const basis = latest(from);
  if (!basis) return undefined;
  return resolve(basis, from, from, l);
}

/** Statuses that begin a facility's own life cycle (a selection or a groundbreaking of its own). */
const LIFECYCLE_START: ReadonlySet<Status> = new Set(['selected', 'under_construction']);

/**
 * Status of one facility as of a day. A facility with a life cycle of its own in the data (a
 * selection or groundbreaking statement naming it: Kusong's and Kangdong's hospitals, built
 * apart from the factories) takes its status from its own statements only, so that a site-wide
 * statement about the factories (an inauguration, a batch claim, an outside report) never stands
 * for it. Any other facility takes its own statements and the site-wide ones. Returns undefined
 * when nothing applies yet.
 */
export function facilityStatusAt(site: Site, facility: Facility, asOf: string | Lens): StatusAt | undefined {
  const l = lensOf(asOf);
  const ownTrack = site.evidence.some((e) => e.facilities.includes(facility.id) && LIFECYCLE_START.has(e.status));
  const relevant = applicable(site.evidence, l).filter((e) => (!ownTrack && e.facilities.length === 0) || e.facilities.includes(facility.id));
  const basis = latest(relevant);
  return basis ? resolve(basis, relevant, relevant, l) : undefined;
}

/**
 * `candidates`: the statements the basis was chosen from (overlaps among them make it uncertain);
 * `views`: the statements that decide strength, contested and age.
 */
function resolve(basis: StatusEvidence, candidates: StatusEvidence[], views: StatusEvidence[], l: Required<Lens>): StatusAt {
  const stateView = latest(views.filter((e) => e.claimedBy === 'state_media'));
  const outsideView = latest(views.filter((e) => e.claimedBy !== 'state_media'));
  const contested =
    stateView !== undefined &&
    outsideView !== undefined &&
    ((WORKING.has(stateView.status) && NOT_WORKING.has(outsideView.status)) ||
      (stateView.status === 'disrupted' && WORKING.has(outsideView.status)));
  const other = basis.claimedBy === 'state_media' ? outsideView : stateView;
  const agrees = other !== undefined && basis.status !== 'unknown' && agreementClass(other.status) === agreementClass(basis.status);
  const strength: Strength = agrees ? 'confirmed' : basis.claimedBy === 'state_media' ? 'claimed' : 'reported';

  const reasons: string[] = [];
  if (basis.uncertain) reasons.push('the statement it rests on is marked uncertain');
  for (const e of candidates) {
    if (e === basis || e.status === basis.status) continue;
    if (e.date.start <= basis.date.end && basis.date.start <= e.date.end) {
      const word = STATUS_LABELS[e.status];
      reasons.push(`overlaps ${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word} report (${formatSpan(e.date)}) [${e.sources.join(', ')}]`);
    }
  }
  const newest = views.reduce((n, e) => {
    const end = e.date.end < l.asOf ? e.date.end : l.asOf;
    return end > n ? end : n;
  }, '0000-00-00');
  const stale = l.staleAfterMonths > 0 && newest < addMonths(l.asOf, -l.staleAfterMonths);
  return {
    status: basis.status,
    basis,
    strength,
    contested,
    uncertain: reasons.length > 0,
    uncertainReasons: reasons,
    newest,
    stale,
    ...(stateView ? { stateView } : {}),
    ...(outsideView ? { outsideView } : {}),
  };
}

function latest(sorted: StatusEvidence[]): StatusEvidence | undefined {
  return sorted[sorted.length - 1];
}

/**
 * Every distinct day on which some site's status may change, ascending (for stepping the as-of
 * date): publication days (knowledge changes) and period starts and ends (hindsight changes).
 */
export function evidenceDates(sites: readonly Site[]): string[] {
  return [...new Set(sites.flatMap((s) => s.evidence.flatMap((e) => [e.published.end, e.date.start, e.date.end])))].sort();
}

/** Latest publication day of any statement known on the lens's day, or undefined. */
export function latestReport(sites: readonly Site[], asOf: string | Lens): string | undefined {
  let out: string | undefined;
  for (const s of sites) for (const e of known(s.evidence, asOf)) if (out === undefined || e.published.end > out) out = e.published.end;
  return out;
}
