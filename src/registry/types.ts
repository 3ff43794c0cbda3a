import type { LocatedError } from '../load/errors.js';

/** The county registry: every county-level unit of North Korea, as read from geo/. */

export type UnitType = 'county' | 'city' | 'district';

/** Where a spelling comes from. `derived` marks forms computed by rule rather than seen in a source. */
export type SpellingSystem = 'dprk' | 'mr' | 'rr' | 'rok' | 'hangul' | 'hanja' | 'registry' | 'other';

export interface Spelling {
  name: string;
  system: SpellingSystem;
  /** Computed by romanisation rules, not attested in a source. */
  derived?: boolean;
  uncertain?: boolean;
  /** A name the county had before a renaming (geo/variants.yaml cites where). */
  former?: boolean;
  source?: string;
  note?: string;
}

export interface Province {
  /** Stable slug, e.g. `south-pyongan`. */
  id: string;
  name_en: string;
  name_ko: string;
  spellings: string[];
}

export interface County {
  /** Stable id from the gazetteer, e.g. `kp-ryanggang-kimhyongjik`. */
  id: string;
  name_en: string;
  name_ko: string;
  name_hanja: string;
  type: UnitType;
  type_ko: string;
  province: string;
  seat: { lat: number; lon: number; source: string };
  wikidata?: string;
  osm_relation?: string;
  spellings: Spelling[];
  notes?: string;
}

export interface Registry {
  counties: County[];
  provinces: Province[];
  byId: Map<string, County>;
  provinceById: Map<string, Province>;
  /** Where the registry was read from, for messages. */
  files: string[];
  /** Source ids cited by geo/variants.yaml, checked against the dataset's sources. */
  sourceRefs: { id: string; at: LocatedError }[];
}
