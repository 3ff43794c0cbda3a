/**
 * The sanity gate: before anything is written, the join result is checked as a whole. A file that
 * is not a layer of North Korean counties (South Korean districts, provinces, a country outline,
 * a swarm of tiny shapes, right names on the wrong shapes) yields findings that say what the file
 * looks like; `geo import` writes nothing while there are findings, unless --force. Pure.
 */
import type { JoinReport } from '../join.js';
import { MULTI_SEAT, type Reference } from './location.js';

export type GateKind = 'country' | 'provinces' | 'outside' | 'misplaced' | 'tiny' | 'seats';

export interface GateFinding {
  kind: GateKind;
  /** One sentence saying what the file looks like, with counts. */
  message: string;
}

/** Shapes under this many km² are far smaller than any county (the smallest real unit is ~16 km²). */
export const TINY_KM2 = 1;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const fmt = (x: number) => (x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(1) : x.toPrecision(1));

/** Findings about the file as a whole; empty when it looks like a layer of North Korean counties. */
export function sanityGate(report: JoinReport, ref: Reference): GateFinding[] {
  const facts = [...report.facts.values()];
  const n = facts.length;
  if (n === 0) return [];
  const total = ref.registry.counties.length;
  const out: GateFinding[] = [];

  const country = facts.filter((f) => f.seatsInside.length >= Math.max(MULTI_SEAT, total / 2));
  if (country.length > 0) {
    out.push({
      kind: 'country',
      message: `${plural(country.length, 'feature')} ${country.length === 1 ? 'holds' : 'hold'} the seats of ${Math.max(...country.map((f) => f.seatsInside.length))} of ${total} counties: this looks like a country outline, not counties`,
    });
  }
  const big = facts.filter((f) => f.seatsInside.length >= MULTI_SEAT && f.seatsInside.length < Math.max(MULTI_SEAT, total / 2));
  if (big.length >= 2 && big.length * 10 >= n * 3) {
    const named = report.provinceNamed.length > 0 ? `; ${plural(report.provinceNamed.length, 'feature is', 'features are')} named after first-level units` : '';
    out.push({
      kind: 'provinces',
      message: `${plural(big.length, 'feature')} the size of provinces (each holds the seats of ${MULTI_SEAT} or more counties${named}): this looks like a first-level layer`,
    });
  }
  const outside = facts.filter((f) => !f.inCountry && !country.includes(f));
  if (outside.length > 0 && outside.length * 2 > n - country.length) {
    const lats = outside.map((f) => f.inner[1]);
    const lons = outside.map((f) => f.inner[0]);
    const south = median(lats) < ref.bbox[1] + 0.8 && median(lons) < 129.6 && median(lons) > 124;
    out.push({
      kind: 'outside',
      message:
        `${outside.length} of ${plural(n, 'feature')} lie outside North Korea (around ${median(lats).toFixed(2)}°N ${median(lons).toFixed(2)}°E` +
        `${south ? ', south of the DPRK: South Korean districts?' : ''}): this is not a layer of North Korean counties`,
    });
  }
  const wrongPlace = report.misplaced.filter((m) => m.why === 'elsewhere' || m.why === 'seat in another feature');
  const claimed = new Set([...report.matches.map((m) => m.feature), ...wrongPlace.map((m) => m.feature)]).size;
  const misplacedFeatures = new Set(wrongPlace.map((m) => m.feature)).size;
  if (misplacedFeatures >= 3 && misplacedFeatures * 10 > claimed * 3) {
    out.push({
      kind: 'misplaced',
      message: `${misplacedFeatures} of ${plural(claimed, 'feature')} named after counties lie where those counties are not: the names may be right but the shapes are not theirs`,
    });
  }
  const tiny = facts.filter((f) => f.km2 < TINY_KM2);
  if (tiny.length * 2 > n) {
    out.push({
      kind: 'tiny',
      message: `${tiny.length} of ${plural(n, 'feature')} are smaller than ${TINY_KM2} km² (median ${fmt(median(facts.map((f) => f.km2)))} km²): far smaller than any county`,
    });
  }
  const matched = report.matches.length;
  const holding = report.matches.filter((m) => report.placements.get(m.county)?.how === 'seat inside').length;
  if (matched >= 5 && holding * 2 < matched) {
    out.push({ kind: 'seats', message: `only ${holding} of ${matched} matched shapes hold their county's registry seat` });
  }
  return out;
}
