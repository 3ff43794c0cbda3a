/** The fixed vocabularies of the data model. Order matters: it is the display order. */

/**
 * Status values (data/README.md documents each). `underproducing` and `operating_for_show` are what
 * outside reports describe (e.g. Daily NK, 4 Apr 2025: "the appearance of normal operations while
 * actually minimizing production", output diverted to priority customers).
 */
export const STATUSES = [
  'selected',
  'under_construction',
  'inaugurated',
  'operating',
  'underproducing',
  'operating_for_show',
  'disrupted',
  'unknown',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  selected: 'selected',
  under_construction: 'under construction',
  inaugurated: 'inaugurated',
  operating: 'operating',
  underproducing: 'far below capacity',
  operating_for_show: 'operating for show',
  disrupted: 'disrupted',
  unknown: 'unknown',
};

/**
 * How strong a status is: `claimed` rests on state media alone, `reported` on independent sources
 * alone (outside reports, ROK government, analysts), `confirmed` when both agree.
 */
export const STRENGTHS = ['claimed', 'reported', 'confirmed'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** Shown after the status: "operating (state claim)". */
export const STRENGTH_LABELS: Record<Strength, string> = {
  claimed: 'state claim',
  reported: 'reported',
  confirmed: 'confirmed',
};

/** "operating (state claim)", "disrupted (reported, stale)". */
export function statusLabel(status: Status, strength: Strength, stale: boolean): string {
  return `${STATUS_LABELS[status]} (${STRENGTH_LABELS[strength]}${stale ? ', stale' : ''})`;
}

export const STANCES = ['state_media', 'outside_report', 'rok_government', 'analyst'] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  state_media: 'state media',
  outside_report: 'outside report',
  rok_government: 'ROK government',
  analyst: 'analyst',
};

export const FACILITY_KINDS = [
  'food',
  'garment',
  'daily_necessities',
  'hospital',
  'service_complex',
  'grain_management',
  'paper_mill',
  'aquaculture',
  'other',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const MILESTONE_TYPES = [
  'selected',
  'groundbreaking',
  'inauguration',
  'leader_visit',
  'inspection',
  'report',
  'other',
] as const;
export type MilestoneType = (typeof MILESTONE_TYPES)[number];

/** Status a milestone implies when it does not state one. */
export const MILESTONE_STATUS: Partial<Record<MilestoneType, Status>> = {
  selected: 'selected',
  groundbreaking: 'under_construction',
  inauguration: 'inaugurated',
};

export const ROLES = ['batch', 'pilot', 'related'] as const;
export type Role = (typeof ROLES)[number];

export const MARKETS = ['state', 'market'] as const;
export type Market = (typeof MARKETS)[number];
