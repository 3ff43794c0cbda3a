/**
 * "Did you mean" hints that only ever suggest a name which is itself accepted: each suggested
 * place is offered under the first of its short name, its name with the province, or its id that
 * resolves back to exactly that place. Shared by the command line (show, export) and the app's
 * search, so both give the same hint. Pure.
 */
import { editDistance, foldLatin, nameKey } from '../registry/normalize.js';
import type { Resolution } from '../registry/name-index.js';
import { PROVINCES } from '../registry/provinces.js';
import type { Province } from '../registry/types.js';
import { resolvePlace } from './places.js';
import type { Dataset, Place } from './types.js';

/** A name for `place` that `resolvePlace` maps back to it (the id as the last resort). */
export function typedNameFor(dataset: Dataset, place: Place): string {
  const name = place.kind === 'site' ? place.site.name_en : place.county.name_en;
  const short = name.replace(/ (County|City|District)$/, '');
  const provinceId = place.kind === 'site' ? place.site.province : place.county.province;
  const province = dataset.registry.provinceById.get(provinceId)?.name_en ?? provinceId;
  for (const candidate of [short, name, `${short}, ${province}`]) {
    const r = resolvePlace(dataset, candidate);
    if (r.kind === 'found' && r.target.id === place.id) return candidate;
  }
  return place.id;
}

function quoted(query: string): string {
  return foldLatin(query) === '' ? JSON.stringify(query) : `"${query}"`;
}

/** `did you mean "Kangdong" (Kangdong County (강동군), Pyongyang, 2025), …?`, or '' when nothing is close. */
export function suggestionText(dataset: Dataset, places: readonly Place[], provinces: readonly Province[] = []): string {
  const items = [
    ...provinces.map((p) => `"${p.name_en}" (${p.name_ko}, first-level unit)`),
    ...places.map((p) => `"${typedNameFor(dataset, p)}" (${p.label})`),
  ];
  return items.length ? `did you mean ${items.join(', ')}?` : '';
}

/**
 * The message for a name that did not resolve to one place: unknown (with suggestions that
 * resolve) or ambiguous (listing each candidate under a name that picks it).
 */
export function describePlaceLookup(dataset: Dataset, query: string, r: Resolution<Place>): string {
  if (r.kind === 'ambiguous') {
    return `${quoted(query)} is ambiguous: it names ${r.candidates.length} places: ${r.candidates
      .map((c) => `${c.label} ["${typedNameFor(dataset, c)}"]`)
      .join('; ')}. Use one of the names in brackets`;
  }
  if (r.kind === 'unknown') {
    const hint = suggestionText(dataset, r.suggestions);
    return `unknown place ${quoted(query)}${hint ? `; ${hint}` : ''}`;
  }
  return `${quoted(query)} is ${r.target.label}`;
}

/** First-level units whose spellings are within a few edits of `query` (for the app, where they can be searched). */
export function nearProvinces(query: string, limit = 2): Province[] {
  const key = nameKey(query);
  if (key.length < 3) return [];
  const scored = PROVINCES.map((p) => ({ p, d: Math.min(...p.spellings.map((s) => editDistance(key, nameKey(s)))) }));
  return scored
    .filter((s) => s.d > 0 && s.d <= Math.max(1, Math.floor(key.length / 4)))
    .sort((a, b) => a.d - b.d || a.p.id.localeCompare(b.p.id))
    .slice(0, limit)
    .map((s) => s.p);
}

/** The app's hint for a query with no match: the command line's suggestions, plus near first-level units. */
export function searchHint(dataset: Dataset, query: string): string {
  if (nameKey(query) === '') return '';
  const r = resolvePlace(dataset, query);
  const places = r.kind === 'unknown' ? r.suggestions : [];
  return suggestionText(dataset, places, nearProvinces(query));
}
