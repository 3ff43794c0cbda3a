/**
 * A lookup from any spelling of a place to the things named by it.
 * Exact keys are tried before loose keys; a name shared by two places is reported, never guessed.
 */
import { editDistance, foldLatin, isHangul, looseKeyOf, nameKey } from './normalize.js';

export interface Named {
  id: string;
  /** How the place is shown in messages, e.g. "Unsan (운산군), North Pyongan". */
  label: string;
  /** Province id and spellings used to narrow "Unsan, North Pyongan". */
  provinceKeys: string[];
}

export type Resolution<T extends Named> =
  | { kind: 'found'; target: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'unknown'; suggestions: T[] };

export class NameIndex<T extends Named> {
  private readonly ids = new Map<string, T>();
  private readonly exact = new Map<string, Set<T>>();
  private readonly loose = new Map<string, Set<T>>();

  add(target: T, names: Iterable<string>): void {
    this.ids.set(target.id, target);
    for (const name of names) {
      const key = nameKey(name);
      if (key.length === 0) continue;
      addTo(this.exact, key, target);
      addTo(this.loose, looseKeyOf(key), target);
    }
  }

  resolve(query: string): Resolution<T> {
    const trimmed = query.trim();
    const byId = this.ids.get(trimmed) ?? this.ids.get(trimmed.toLowerCase());
    if (byId) return { kind: 'found', target: byId };

    const { name, province } = splitQualifier(trimmed);
    const exactKey = nameKey(name);
    const p = province === undefined ? undefined : nameKey(province);
    // A Revised Romanization spelling (eo, eu) is South Korean usage and spells its Hangul exactly:
    // the RR forms of every county are exact keys. Loosening it (ch = j, l = n, …) turns South
    // Korean places into North Korean counties (Bucheon 부천 → Pujon 부전), so it is not loosened.
    const maps = isRevisedRomanization(name) ? [this.exact] : [this.exact, this.loose];
    for (const map of maps) {
      const key = map === this.exact ? exactKey : looseKeyOf(exactKey);
      let found = [...(map.get(key) ?? [])];
      if (p !== undefined) found = found.filter((t) => t.provinceKeys.some((k) => nameKey(k) === p));
      if (found.length === 1) return { kind: 'found', target: found[0]! };
      if (found.length > 1) return { kind: 'ambiguous', candidates: sortById(found) };
    }
    return { kind: 'unknown', suggestions: this.suggest(name) };
  }

  /** Up to `limit` places whose names are closest to `name`. */
  suggest(name: string, limit = 3): T[] {
    const key = nameKey(name);
    if (key.length > 60) return []; // no place name is this long; edit distances would only cost time
    const best = new Map<T, number>();
    for (const [candidate, targets] of this.exact) {
      const d = editDistance(key, candidate);
      if (d > Math.max(2, Math.floor(key.length / 3))) continue;
      for (const t of targets) best.set(t, Math.min(d, best.get(t) ?? Infinity));
    }
    return [...best]
      .sort((a, b) => a[1] - b[1] || a[0].id.localeCompare(b[0].id))
      .slice(0, limit)
      .map(([t]) => t);
  }
}

/** True for Latin spellings with the vowels only Revised Romanization writes (eo ㅓ, eu ㅡ). */
export function isRevisedRomanization(name: string): boolean {
  const folded = foldLatin(name);
  return !isHangul(folded) && /eo|eu/.test(folded);
}

/** "Unsan, North Pyongan", "Unsan (North Pyongan)" or "North Pyongan/Unsan". */
function splitQualifier(query: string): { name: string; province?: string } {
  const paren = /^(.*?)\s*\((.+)\)\s*$/.exec(query);
  if (paren) return { name: paren[1]!, province: paren[2]! };
  const comma = query.indexOf(',');
  if (comma > 0) return { name: query.slice(0, comma), province: query.slice(comma + 1) };
  const slash = query.indexOf('/');
  if (slash > 0) return { name: query.slice(slash + 1), province: query.slice(0, slash) };
  return { name: query };
}

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function sortById<T extends Named>(items: T[]): T[] {
  return items.sort((a, b) => a.id.localeCompare(b.id));
}

export function describeResolution<T extends Named>(query: string, r: Resolution<T>): string {
  const safe = foldLatin(query) === '' ? JSON.stringify(query) : `"${query}"`;
  if (r.kind === 'ambiguous') {
    return `${safe} is ambiguous: it names ${r.candidates.length} places: ${r.candidates
      .map((c) => `${c.label} [${c.id}]`)
      .join('; ')}. Use the id or add the province, e.g. "${query}, ${r.candidates[0]!.provinceKeys[0] ?? ''}"`;
  }
  if (r.kind === 'unknown') {
    const hint = r.suggestions.length ? `; did you mean ${r.suggestions.map((s) => s.label).join(', ')}?` : '';
    return `unknown place ${safe}${hint}`;
  }
  return `${safe} is ${r.target.label}`;
}
