/** The fixed vocabularies of the data model. Order matters: it is the display order. */

export const STATUSES = ['selected', 'under_construction', 'inaugurated', 'operating', 'disrupted', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  selected: 'selected',
  under_construction: 'under construction',
  inaugurated: 'inaugurated',
  operating: 'operating',
  disrupted: 'disrupted',
  unknown: 'unknown',
};

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
