/** The validated dataset, as the rest of the program sees it. Built by load/dataset.ts. */
import type { County, Registry } from '../registry/types.js';
import type { NameIndex, Named } from '../registry/name-index.js';
import type { DateSpan } from './dates.js';
import type { FacilityKind, Market, MilestoneType, Role, Stance, Status } from './vocabulary.js';

export interface Source {
  id: string;
  outlet: string;
  title?: string;
  date: DateSpan;
  url?: string;
  kind: Stance;
  via?: string;
  language?: string;
  uncertain: boolean;
  note?: string;
}

/** One dated statement about status: from a milestone, an observation, or a batch-wide claim. */
export interface StatusEvidence {
  /** The period it describes (event or observation). */
  date: DateSpan;
  /**
   * When it became public: the earliest publication date among its sources that is not before
   * the period begins (sources.yaml `date`); the period itself when no source qualifies.
   */
  published: DateSpan;
  /**
   * Id of the source that made it public (whose date is `published`); absent when no cited
   * source is dated on or after the period's start (then `published` is the period itself).
   */
  publishedBy?: string;
  status: Status;
  claimedBy: Stance;
  sources: string[];
  /** Facility ids it is about; empty = the whole site. */
  facilities: string[];
  origin: 'milestone' | 'observation' | 'claim';
  title?: string;
  uncertain: boolean;
  note?: string;
}

export interface Milestone {
  id: string;
  date: DateSpan;
  type: MilestoneType;
  title: string;
  facilities: string[];
  status?: Status;
  claimedBy: Stance;
  people: string[];
  sources: string[];
  uncertain: boolean;
  note?: string;
}

export interface Facility {
  id: string;
  kind: FacilityKind;
  name: string;
  name_ko?: string;
  sources: string[];
  uncertain: boolean;
  note?: string;
}

export interface Product {
  name: string;
  name_ko?: string;
  facility?: string;
  source: string;
  uncertain: boolean;
  note?: string;
}

export interface Price {
  item: string;
  item_ko?: string;
  unit: string;
  won: number;
  market: Market;
  date: DateSpan;
  source: string;
  uncertain: boolean;
  note?: string;
}

export interface Quote {
  text: string;
  speaker: string;
  stance: Stance;
  date: DateSpan;
  source: string;
  language?: string;
  translated: boolean;
  original?: string;
  uncertain: boolean;
  note?: string;
}

export interface Note {
  text: string;
  source: string;
  uncertain: boolean;
  note?: string;
}

export interface Alias {
  name: string;
  source: string;
  uncertain: boolean;
  note?: string;
}

/** One program site: usually a whole county, sometimes a district inside a registry unit. */
export interface Site {
  id: string;
  file: string;
  county: County;
  name_en: string;
  name_ko: string;
  year: number;
  role: Role;
  province: string;
  province_note?: string;
  aliases: Alias[];
  milestones: Milestone[];
  facilities: Facility[];
  /** Every status statement, site-wide and per facility, sorted by date. */
  evidence: StatusEvidence[];
  products: Product[];
  prices: Price[];
  quotes: Quote[];
  notes: Note[];
}

export interface PolicyFact {
  id: string;
  label: string;
  value: number;
  unit?: string;
  sources: string[];
  uncertain: boolean;
  note?: string;
}

export interface PolicyEvent {
  id: string;
  date: DateSpan;
  title: string;
  people: string[];
  sources: string[];
  uncertain: boolean;
  note?: string;
}

export interface Policy {
  name_en: string;
  name_ko: string;
  facts: Map<string, PolicyFact>;
  timeline: PolicyEvent[];
}

/** What a name can resolve to: a program site, or a registry county with no site. */
export type Place = Named & ({ kind: 'site'; site: Site } | { kind: 'county'; county: County; sites: Site[] });

export interface Dataset {
  dataDir: string;
  registry: Registry;
  policy: Policy;
  sources: Map<string, Source>;
  sites: Site[];
  places: NameIndex<Place>;
}
