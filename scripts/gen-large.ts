/**
 * Writes SYNTHETIC datasets at 10× and 100× the size of data/, for scale tests and benchmarks.
 *
 *   npm run gen:large                       both scales, into tmp-large/10x and tmp-large/100x
 *   node dist/scripts/gen-large.js --scale 10 [--out DIR]
 *
 * Every one of the registry's counties gets a site file (ids `syn-<province>-<name>`, years
 * 2024–2033), with milestones, facilities, observations, products, prices and quotes that cite
 * synthetic sources ("Synthetic Outlet 17"). Nothing in the output is a fact: every file says so
 * in a header comment and in a note, and every outlet is named "Synthetic …". The only real
 * records are the few sources that geo/variants.yaml cites, copied verbatim from data/sources.yaml
 * so that the registry's references resolve; no synthetic fact cites them.
 *
 * Deterministic: the same scale always gives byte-identical files (seeded PRNG, no clock).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadRegistry } from '../src/registry/load-registry.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../src/paths.js';
import type { County } from '../src/registry/types.js';

export const SCALES = [10, 100] as const;
export type Scale = (typeof SCALES)[number];

/** Marker file: a directory holding it may be overwritten by the generator. */
export const MARKER = 'SYNTHETIC.md';

export interface GenerateOptions {
  scale: Scale;
  outDir: string;
  geoDir?: string;
  /** Where the real sources cited by geo/variants.yaml are copied from. */
  dataDir?: string;
}

export interface GenerateResult {
  outDir: string;
  files: number;
  bytes: number;
  counts: {
    sites: number;
    sources: number;
    milestones: number;
    facilities: number;
    observations: number;
    products: number;
    prices: number;
    quotes: number;
    claims: number;
  };
  /** A few site ids, for tests to look up. */
  sampleSiteIds: string[];
}

/** Totals per scale: the real dataset's counts × scale (prices and quotes as the issue states). */
function totals(scale: Scale) {
  return {
    sources: 115 * scale,
    milestones: 135 * scale,
    facilities: 95 * scale,
    observations: 200 * scale,
    products: 94 * scale,
    prices: 500 * scale,
    quotes: 200 * scale,
    timeline: 25 * scale,
    claims: 4 * scale,
  };
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small, fast, seedable PRNG with a 2^32 period; floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Splits `total` over `n` buckets, unevenly but exactly. */
function allocate(total: number, n: number, rng: Rng, spread = 0.8): number[] {
  const weights = Array.from({ length: n }, () => 1 - spread / 2 + rng.float() * spread);
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates (always real calendar dates)

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function day(rng: Rng, y: number, mFrom = 1, mTo = 12): string {
  const m = rng.int(mFrom, mTo);
  return `${y}-${pad(m)}-${pad(rng.int(1, daysIn(y, m)))}`;
}

/** Mostly days, some months, a few ranges and bare years, as sources give them. */
function someDate(rng: Rng, y: number, mFrom = 1, mTo = 12): string {
  const r = rng.float();
  if (r < 0.6) return day(rng, y, mFrom, mTo);
  if (r < 0.88) return `${y}-${pad(rng.int(mFrom, mTo))}`;
  if (r < 0.96) {
    const m = rng.int(mFrom, mTo);
    const d = rng.int(1, daysIn(y, m) - 4);
    return `${y}-${pad(m)}-${pad(d)}/${y}-${pad(m)}-${pad(d + rng.int(1, 4))}`;
  }
  return String(y);
}

// ---------------------------------------------------------------------------------------------
// YAML text (written by hand: fast, and shaped like the hand-edited files)

const KEYWORDS = /^(true|false|null|yes|no|on|off|~)$/i;
const PLAIN = /^[A-Za-z\uac00-\ud7a3][A-Za-z0-9\uac00-\ud7a3 .,()×–—/-]*[A-Za-z0-9\uac00-\ud7a3.)]$/;
const DATE = /^\d{4}-\d{2}(-\d{2})?(\/\d{4}-\d{2}-\d{2})?$/;

/** A scalar: plain when safe, else double-quoted (JSON escapes are valid YAML escapes). */
function q(text: string): string {
  if (DATE.test(text)) return text;
  if (PLAIN.test(text) && !KEYWORDS.test(text)) return text;
  return JSON.stringify(text);
}

/** A flow sequence of ids or names. */
function flow(items: readonly string[]): string {
  return `[${items.map((s) => (/^[A-Za-z0-9][A-Za-z0-9 .-]*$/.test(s) && !KEYWORDS.test(s) ? s : JSON.stringify(s))).join(', ')}]`;
}

class Writer {
  readonly lines: string[] = [];
  line(text: string): void {
    this.lines.push(text);
  }
  /** `indent- key: value` for the first field of a list item, `indent  key: value` after. */
  item(indent: string, fields: [string, string | undefined][]): void {
    let first = true;
    for (const [key, value] of fields) {
      if (value === undefined) continue;
      this.lines.push(`${indent}${first ? '- ' : '  '}${key}: ${value}`);
      first = false;
    }
  }
  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary for realistic-looking synthetic text

const KINDS = ['state_media', 'outside_report', 'rok_government', 'analyst'] as const;
type Kind = (typeof KINDS)[number];
const KIND_WEIGHTS: [Kind, number][] = [
  ['state_media', 0.45],
  ['outside_report', 0.4],
  ['rok_government', 0.08],
  ['analyst', 0.07],
];
function pickKind(rng: Rng): Kind {
  let r = rng.float();
  for (const [k, w] of KIND_WEIGHTS) {
    if (r < w) return k;
    r -= w;
  }
  return 'outside_report';
}

const FACILITY_TYPES: [kind: string, en: string, ko: string][] = [
  ['food', 'Foodstuff factory', '식료공장'],
  ['garment', 'Garment factory', '피복공장'],
  ['daily_necessities', 'Daily-necessities factory', '일용품공장'],
  ['hospital', 'County people’s hospital', '군인민병원'],
  ['service_complex', 'Service complex', '종합봉사소'],
  ['grain_management', 'Grain management station', '량정사업소'],
  ['paper_mill', 'Paper mill', '종이공장'],
  ['aquaculture', 'Fish farm', '양어장'],
  ['other', 'Building-materials workshop', '건재직장'],
];

const PRODUCTS: [en: string, ko: string, unit: string, lo: number, hi: number][] = [
  ['face soap', '세수비누', 'piece', 1500, 4500],
  ['laundry soap', '빨래비누', 'piece', 1000, 3500],
  ['toothpaste', '치약', 'tube', 1500, 4000],
  ['toothbrush', '칫솔', 'piece', 500, 1800],
  ['soybean paste', '된장', 'kg', 3000, 9000],
  ['soy sauce', '간장', 'bottle', 2500, 7000],
  ['corn noodles', '강냉이국수', 'kg', 4000, 11000],
  ['biscuits', '과자', 'bag', 2000, 6000],
  ['wild-pear drink', '돌배단물', 'bottle', 1500, 5000],
  ['kiwi-berry jam', '다래단졸임', 'jar', 5000, 14000],
  ['children’s shoes', '아동신발', 'pair', 15000, 48000],
  ['work clothes', '작업복', 'set', 22000, 70000],
  ['underwear', '내의', 'set', 9000, 30000],
  ['school bag', '책가방', 'piece', 18000, 55000],
  ['cooking oil', '식용유', 'kg', 14000, 32000],
  ['rice', '쌀', 'kg', 5200, 9800],
  ['corn', '강냉이', 'kg', 2400, 5600],
  ['dried fish', '마른 물고기', 'kg', 20000, 60000],
];

const HEADLINES = [
  'Modern regional-industry factories inaugurated in {site}',
  'Groundbreaking held for regional-industry factories in {site}',
  'Products of {site} factories supplied to residents',
  'Officials inspect production at the {site} factories',
  'Sources say output at the {site} factories has slowed',
  'Satellite imagery shows new factory buildings in {site}',
  'How the regional-development policy is changing {site}',
  '{site}: shortages of raw materials reported',
];

const EN_SENTENCES = [
  'The factories in {site} have been running at less than half capacity since the spring.',
  'Residents lined up for soap and soybean paste sold at state prices for the holiday.',
  'Electricity comes on for only a few hours a day, so the food factory works at night.',
  'Workers were mobilised from the county’s farms to finish the buildings before the deadline.',
  'The local Party committee ordered every household to contribute materials to the construction.',
  'Managers were told to raise output before the Party Foundation Day inspection.',
  'Goods from the new factories appear in the markets at two or three times the state price.',
  'The garment factory lacks fabric and has switched to repairing school uniforms.',
  'Officials praised the products as being of a quality equal to those made in the capital.',
  'Farmers say the new hospital has equipment but not enough medicine.',
  'The county exceeded its production plan for the first quarter, the report said.',
  'Raw materials are supposed to come from the county itself, which has little to give.',
];

const KO_SENTENCES = [
  '{siteKo}의 지방공업공장들에서 생산된 제품들이 주민들에게 공급되고 있다.',
  '공장 일군들과 로동자들은 지방의 원료에 기초하여 특색있는 제품을 만들어내고 있다.',
  '전기 사정이 나빠 식료공장은 한 달에 일주일 정도만 가동된다고 소식통은 전했다.',
  '군당위원회는 당창건기념일 전까지 생산을 정상화하라고 지시했다.',
  '새로 지은 공장의 제품이 장마당에서 국정가격의 두세 배에 팔리고 있다.',
  '주민들은 명절 공급을 위해 몇 시간씩 줄을 서야 했다고 한다.',
  '원자재가 부족해 피복공장은 교복 수선으로 업종을 바꾸었다.',
  '준공식에는 도당 책임비서와 군 일군들이 참가하였다.',
];

const PEOPLE = ['Kim Song Chol', 'Ri Yong Ho', 'Pak Myong Sun', 'Choe Un Hui', 'Han Kwang Il', 'O Su Yon', 'Jong Chol Man', 'Kang Hye Ok'];

function fill(template: string, c: County, siteName: string): string {
  return template.replaceAll('{site}', siteName).replaceAll('{siteKo}', c.name_ko);
}

function paragraph(rng: Rng, pool: readonly string[], minChars: number, c: County, siteName: string, sep: string): string {
  const parts: string[] = [];
  let n = 0;
  while (n < minChars) {
    const s = fill(rng.pick(pool), c, siteName);
    parts.push(s);
    n += s.length + sep.length;
  }
  return parts.join(sep);
}

// ---------------------------------------------------------------------------------------------
// Generation

interface SourceGen {
  id: string;
  kind: Kind;
  year: number;
}

function siteIdOf(c: County): string {
  return `syn-${c.id.replace(/^kp-/, '')}`;
}

export function generateLarge(options: GenerateOptions): GenerateResult {
  const { scale } = options;
  const outDir = resolve(options.outDir);
  const geoDir = options.geoDir ?? DEFAULT_GEO_DIR;
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const t = totals(scale);
  const rng = new Rng(0x20a10 + scale);
  const registry = loadRegistry(geoDir);
  const counties = [...registry.counties].sort((a, b) => a.id.localeCompare(b.id));
  const banner = (what: string) =>
    `# SYNTHETIC TEST DATA (${scale}× scale), written by scripts/gen-large.ts. NOT FACTS: ${what}`;

  prepareOutDir(outDir);
  let bytes = 0;
  let files = 0;
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
    files++;
  };

  // Sources --------------------------------------------------------------------------------
  const sources: SourceGen[] = [];
  const byKind = new Map<Kind, SourceGen[]>(KINDS.map((k) => [k, []]));
  const src = new Writer();
  src.line(banner('every outlet, title and URL below is invented, except the records marked "real" at the end.'));
  src.line('sources:');
  for (let i = 1; i <= t.sources; i++) {
    const kind = pickKind(rng);
    const year = rng.int(2024, 2033);
    const outlet = rng.int(1, 40 + scale);
    const date = someDate(rng, year);
    const id = `syn-outlet${outlet}-${date.slice(0, 7)}-${i}`;
    const s: SourceGen = { id, kind, year };
    sources.push(s);
    byKind.get(kind)!.push(s);
    const c = rng.pick(counties);
    const language = kind === 'state_media' ? rng.pick(['en', 'ko', 'ko', 'ja']) : rng.pick(['en', 'en', 'ko']);
    const title = language === 'ko' ? `${c.name_ko} 지방공업공장 소식 (합성 자료 ${i})` : `${fill(rng.pick(HEADLINES), c, c.name_en)} (synthetic ${i})`;
    src.item('  ', [
      ['id', id],
      ['outlet', q(`Synthetic Outlet ${outlet}`)],
      ['title', q(title)],
      ['date', q(date)],
      ['url', rng.chance(0.85) ? `https://example.org/synthetic/${outlet}/${i}` : undefined],
      ['kind', kind],
      ['via', rng.chance(0.1) ? q(`Synthetic Archive ${rng.int(1, 5)}`) : undefined],
      ['language', language],
      ['uncertain', rng.chance(0.1) ? 'true' : undefined],
      ['note', rng.chance(0.2) ? q('Synthetic source for scale tests; no such publication exists.') : undefined],
    ]);
  }
  const realSources = copiedRealSources(registry.sourceRefs.map((r) => r.id), dataDir);
  if (realSources.length > 0) {
    src.line('  # Real records copied from data/sources.yaml only because geo/variants.yaml cites them.');
    for (const r of realSources) src.item('  ', r);
  }
  write(join(outDir, 'sources.yaml'), src.text());

  const sourceOf = (kind?: Kind): SourceGen => rng.pick(kind ? byKind.get(kind)! : sources);

  // Sites ----------------------------------------------------------------------------------
  const n = counties.length;
  const per = {
    milestones: allocate(t.milestones - 2 * n, n, rng).map((k) => k + 2),
    facilities: allocate(t.facilities - n, n, rng).map((k) => k + 1),
    observations: allocate(t.observations, n, rng),
    products: allocate(t.products, n, rng),
    prices: allocate(t.prices, n, rng),
    quotes: allocate(t.quotes, n, rng),
  };
  const counts = { sites: n, sources: sources.length + realSources.length, milestones: 0, facilities: 0, observations: 0, products: 0, prices: 0, quotes: 0, claims: 0 };
  // Program years 2024–2033, 20 a year in registry order shuffled deterministically.
  const order = counties.map((_county, i) => [rng.float(), i] as const).sort((a, b) => a[0] - b[0]);
  const yearOf = new Map<string, number>();
  order.forEach(([, i], k) => yearOf.set(counties[i]!.id, 2024 + Math.min(9, Math.floor(k / 20))));
  const batchYears = new Set<number>();
  const sampleSiteIds: string[] = [];

  const countiesDir = join(outDir, 'counties');
  mkdirSync(countiesDir, { recursive: true });
  counties.forEach((c, ci) => {
    const id = siteIdOf(c);
    if (ci % 40 === 0) sampleSiteIds.push(id);
    const year = yearOf.get(c.id)!;
    const role = ci % 61 === 7 ? 'related' : ci % 89 === 3 ? 'pilot' : 'batch';
    if (role === 'batch') batchYears.add(year);
    const name = c.name_en;
    const w = new Writer();
    w.line(banner(`a made-up program site for the registry county ${c.id}; every date, outlet, price and quote is invented.`));
    w.line(`id: ${id}`);
    w.line(`county: ${c.id}`);
    if (rng.chance(0.15)) {
      w.line(`site: ${q(`${name} Regional Industry Zone`)}`);
      w.line(`site_ko: ${q(`${c.name_ko} 지방공업지구`)}`);
    }
    w.line(`year: ${year}`);
    w.line(`role: ${role}`);
    if (rng.chance(0.1)) w.line(`province_note: ${q('Synthetic: one made-up source places this site in a neighbouring province.')}`);
    if (rng.chance(0.3)) {
      w.line('aliases:');
      w.item('  ', [
        ['name', q(`${name}-kun`)],
        ['source', sourceOf().id],
        ['note', q('Synthetic spelling variant.')],
      ]);
    }

    // Facilities first (milestones refer to them).
    const facilityIds: string[] = [];
    const facilities: { id: string; kind: string; en: string; ko: string }[] = [];
    for (let k = 0; k < per.facilities[ci]!; k++) {
      const [kind, en, ko] = FACILITY_TYPES[k < 3 ? k : rng.int(0, FACILITY_TYPES.length - 1)]!;
      const fid = `${id}-f${k + 1}-${kind.replace(/_/g, '-')}`;
      facilityIds.push(fid);
      facilities.push({ id: fid, kind, en: k < 3 ? en : `${en} No. ${k + 1}`, ko });
    }

    w.line('milestones:');
    const mCount = per.milestones[ci]!;
    for (let k = 0; k < mCount; k++) {
      const type =
        k === 0 ? 'selected' : k === 1 ? 'groundbreaking' : k === 2 ? 'inauguration' : rng.pick(['leader_visit', 'inspection', 'report', 'other', 'report'] as const);
      const mYear = type === 'selected' ? year - 1 : type === 'groundbreaking' ? year : type === 'inauguration' ? year : Math.min(2034, year + rng.int(0, 2));
      const date = type === 'inauguration' ? someDate(rng, mYear, 10, 12) : type === 'groundbreaking' ? someDate(rng, mYear, 2, 4) : someDate(rng, mYear);
      const kind = type === 'report' ? rng.pick(['outside_report', 'rok_government', 'analyst'] as const) : 'state_media';
      const s1 = sourceOf(kind);
      const cited = rng.chance(0.3) ? [s1.id, sourceOf().id] : [s1.id];
      const status =
        type === 'report' ? rng.pick(['under_construction', 'operating', 'disrupted', 'unknown', undefined] as const) : type === 'other' ? rng.pick(['operating', undefined] as const) : undefined;
      const some = facilityIds.length > 1 && rng.chance(0.2) ? [rng.pick(facilityIds)] : undefined;
      w.item('  ', [
        ['id', `${id}-m${k + 1}`],
        ['date', q(date)],
        ['type', type],
        ['title', q(`${milestoneTitle(type, name)} (synthetic)`)],
        ['facilities', some ? flow(some) : undefined],
        ['status', status],
        ['claimed_by', rng.chance(0.7) ? kind : undefined],
        ['people', type === 'leader_visit' || (type === 'inauguration' && rng.chance(0.5)) ? flow([rng.pick(PEOPLE), rng.pick(PEOPLE)].filter((p, i, a) => a.indexOf(p) === i)) : undefined],
        ['sources', flow(cited)],
        ['uncertain', rng.chance(0.12) ? 'true' : undefined],
        ['note', rng.chance(0.35) ? q(paragraph(rng, EN_SENTENCES, 60, c, name, ' ')) : undefined],
      ]);
    }
    counts.milestones += mCount;

    // Observations: spread over the facilities and the whole site.
    const obsTotal = per.observations[ci]!;
    const facilityObs = allocate(Math.floor(obsTotal * 0.7), facilities.length, rng, 1.5);
    const observation = (indent: string) => {
      const kind = rng.pick(['state_media', 'outside_report', 'outside_report', 'rok_government'] as const);
      w.item(indent, [
        ['date', q(someDate(rng, Math.min(2034, year + rng.int(0, 2))))],
        ['status', rng.pick(['operating', 'operating', 'disrupted', 'inaugurated', 'unknown', 'under_construction'] as const)],
        ['claimed_by', rng.chance(0.6) ? kind : undefined],
        ['source', sourceOf(kind).id],
        ['uncertain', rng.chance(0.15) ? 'true' : undefined],
        ['note', rng.chance(0.5) ? q(fill(rng.pick(EN_SENTENCES), c, name)) : undefined],
      ]);
    };
    w.line('facilities:');
    facilities.forEach((f, k) => {
      w.item('  ', [
        ['id', f.id],
        ['kind', f.kind],
        ['name', q(f.en)],
        ['name_ko', rng.chance(0.6) ? q(f.ko) : undefined],
        ['sources', flow(rng.chance(0.4) ? [sourceOf('state_media').id, sourceOf().id] : [sourceOf().id])],
      ]);
      const o = facilityObs[k]!;
      if (o > 0) {
        w.line('    observations:');
        for (let j = 0; j < o; j++) observation('      ');
      }
    });
    counts.facilities += facilities.length;
    const siteObs = obsTotal - facilityObs.reduce((a, b) => a + b, 0);
    if (siteObs > 0) {
      w.line('observations:');
      for (let j = 0; j < siteObs; j++) observation('  ');
    }
    counts.observations += obsTotal;

    if (per.products[ci]! > 0) {
      w.line('products:');
      for (let k = 0; k < per.products[ci]!; k++) {
        const [en, ko] = rng.pick(PRODUCTS);
        w.item('  ', [
          ['name', q(en)],
          ['name_ko', rng.chance(0.5) ? q(ko) : undefined],
          ['facility', rng.chance(0.6) ? rng.pick(facilityIds) : undefined],
          ['source', sourceOf().id],
        ]);
      }
      counts.products += per.products[ci]!;
    }

    if (per.prices[ci]! > 0) {
      w.line('prices:');
      for (let k = 0; k < per.prices[ci]!; k++) {
        const [en, ko, unit, lo, hi] = rng.pick(PRODUCTS);
        const market = rng.chance(0.45) ? 'state' : 'market';
        const won = Math.round((market === 'market' ? 1.8 : 1) * rng.int(lo, hi) / 10) * 10;
        w.item('  ', [
          ['item', q(en)],
          ['item_ko', rng.chance(0.4) ? q(ko) : undefined],
          ['unit', rng.chance(0.1) ? 'not stated' : unit],
          ['won', String(won)],
          ['market', market],
          ['date', q(someDate(rng, Math.min(2034, year + rng.int(0, 2))))],
          ['source', sourceOf(rng.chance(0.8) ? 'outside_report' : undefined).id],
          ['uncertain', rng.chance(0.1) ? 'true' : undefined],
          ['note', rng.chance(0.25) ? q(`Synthetic price${market === 'market' ? ' in the local market' : ' at the state shop'}.`) : undefined],
        ]);
      }
      counts.prices += per.prices[ci]!;
    }

    if (per.quotes[ci]! > 0) {
      w.line('quotes:');
      for (let k = 0; k < per.quotes[ci]!; k++) {
        const stance = pickKind(rng);
        const r = rng.float();
        const long = rng.chance(0.03);
        const ko = r < 0.35;
        const translated = !ko && r < 0.6;
        const text = ko
          ? paragraph(rng, KO_SENTENCES, long ? 900 : rng.int(30, 160), c, name, ' ')
          : paragraph(rng, EN_SENTENCES, long ? 1800 : rng.int(60, 320), c, name, ' ');
        const qYear = Math.min(2034, year + rng.int(0, 2));
        w.item('  ', [
          ['text', q(text)],
          ['speaker', q(stance === 'state_media' ? `Synthetic Outlet ${rng.int(1, 40 + scale)} correspondent` : `${registry.provinceById.get(c.province)?.name_en ?? c.province} source (synthetic), to Synthetic Outlet ${rng.int(1, 40 + scale)}`)],
          ['stance', stance],
          ['date', q(someDate(rng, qYear))],
          ['source', sourceOf(stance).id],
          ['language', ko ? 'ko' : 'en'],
          ['translated', translated ? 'true' : rng.chance(0.3) ? 'false' : undefined],
          ['original', translated ? q(paragraph(rng, KO_SENTENCES, Math.min(600, text.length / 3), c, name, ' ')) : undefined],
          ['uncertain', rng.chance(0.08) ? 'true' : undefined],
          ['note', translated ? q('Translated by the synthetic-data generator.') : undefined],
        ]);
      }
      counts.quotes += per.quotes[ci]!;
    }

    w.line('notes:');
    w.item('  ', [
      ['text', q(`Synthetic test data generated by scripts/gen-large.ts at ${scale}× scale. Nothing in this file is a fact about ${name} (${c.name_ko}).`)],
      ['source', sourceOf().id],
    ]);
    write(join(countiesDir, `${id}.yaml`), w.text());
  });

  // Policy ---------------------------------------------------------------------------------
  const p = new Writer();
  p.line(banner('made-up figures, timeline and claims for scale tests.'));
  p.line(`name_en: ${q(`Regional Development 20×10 Policy — SYNTHETIC ${scale}× test data`)}`);
  p.line(`name_ko: ${q(`지방발전 20×10 정책 (합성 시험 자료 ${scale}배)`)}`);
  p.line('facts:');
  const facts: [string, string, number][] = [
    ['counties-per-year', 'Cities/counties per year', 20],
    ['years', 'Years', 10],
    ['target-total', 'Target cities/counties (20 a year × 10 years)', 200],
    ['regional-units', 'Regional units (cities, counties, districts)', counties.length],
    ['counties-done-2025', 'Cities/counties with new factories by 2025', 40],
  ];
  for (const [fid, label, value] of facts) {
    p.item('  ', [
      ['id', fid],
      ['label', q(label)],
      ['value', String(value)],
      ['sources', flow([sourceOf('state_media').id])],
      ['note', q('Synthetic figure for scale tests.')],
    ]);
  }
  p.line('timeline:');
  for (let k = 1; k <= t.timeline; k++) {
    const y = rng.int(2024, 2033);
    p.item('  ', [
      ['id', `syn-timeline-${k}`],
      ['date', q(someDate(rng, y))],
      ['title', q(`Synthetic policy event ${k}: ${rng.pick(['plenary meeting reviews the regional-development policy', 'batch of sites announced', 'construction campaign launched', 'national review of regional industry'])}`)],
      ['people', rng.chance(0.3) ? flow([rng.pick(PEOPLE)]) : undefined],
      ['sources', flow([sourceOf('state_media').id])],
    ]);
  }
  p.line('claims:');
  const years = [...batchYears].sort();
  for (let k = 1; k <= t.claims; k++) {
    const y = years[(k - 1) % years.length]!;
    p.item('  ', [
      ['id', `syn-claim-${k}`],
      ['date', q(someDate(rng, Math.min(2034, y + 1)))],
      ['title', rng.chance(0.5) ? q(`Synthetic batch-wide claim ${k}`) : undefined],
      ['applies_to', `{year: ${y}}`],
      ['status', rng.pick(['operating', 'inaugurated', 'operating'] as const)],
      ['claimed_by', 'state_media'],
      ['sources', flow([sourceOf('state_media').id])],
      ['uncertain', rng.chance(0.3) ? 'true' : undefined],
      ['note', q('Synthetic claim covering every batch site of the year.')],
    ]);
  }
  counts.claims = t.claims;
  write(join(outDir, 'policy.yaml'), p.text());
  write(
    join(outDir, MARKER),
    `# SYNTHETIC TEST DATA (${scale}×)\n\nWritten by \`scripts/gen-large.ts\` (\`npm run gen:large\`) for scale tests and benchmarks.\n` +
      'Nothing here is a fact: outlets, dates, prices and quotes are invented. The generator may delete and rewrite this directory.\n',
  );
  return { outDir, files, bytes, counts, sampleSiteIds };
}

function milestoneTitle(type: string, name: string): string {
  switch (type) {
    case 'selected':
      return `${name} named among the year's program sites`;
    case 'groundbreaking':
      return `Groundbreaking of the regional-industry factories in ${name}`;
    case 'inauguration':
      return `Inauguration of the regional-industry factories in ${name}`;
    case 'leader_visit':
      return `Leader visits the ${name} factories`;
    case 'inspection':
      return `Provincial inspection of the ${name} factories`;
    case 'report':
      return `Report on the state of the ${name} factories`;
    default:
      return `Event at the ${name} factories`;
  }
}

/** The real sources that geo/variants.yaml cites, as writer fields. */
function copiedRealSources(ids: string[], dataDir: string): [string, string | undefined][][] {
  const wanted = new Set(ids);
  if (wanted.size === 0) return [];
  const doc = parse(readFileSync(join(dataDir, 'sources.yaml'), 'utf8')) as { sources: Record<string, unknown>[] };
  const out: [string, string | undefined][][] = [];
  for (const s of doc.sources) {
    if (!wanted.has(String(s.id))) continue;
    const field = (k: string): [string, string | undefined] => {
      const v = s[k];
      return [k, v === undefined ? undefined : typeof v === 'string' ? (k === 'id' || k === 'kind' || k === 'language' ? v : q(v)) : String(v)];
    };
    out.push(['id', 'outlet', 'title', 'date', 'url', 'kind', 'via', 'language', 'uncertain', 'note'].map(field));
  }
  return out;
}

/** Creates the directory, or empties one the generator wrote before; refuses anything else. */
function prepareOutDir(dir: string): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`${dir} exists and was not written by gen-large (no ${MARKER}); refusing to overwrite it`);
    }
    rmSync(join(dir, 'counties'), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

// ---------------------------------------------------------------------------------------------
// CLI

function main(argv: string[]): void {
  let scales: Scale[] = [...SCALES];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--scale') {
      const v = Number(argv[++i]);
      if (v !== 10 && v !== 100) throw new Error('--scale must be 10 or 100');
      scales = [v];
    } else if (a === '--out') {
      out = argv[++i];
      if (!out) throw new Error('--out needs a directory');
    } else if (a === '-h' || a === '--help') {
      console.log('Usage: node dist/scripts/gen-large.js [--scale 10|100] [--out DIR]\n' +
        'Writes synthetic datasets (default: both scales into tmp-large/10x and tmp-large/100x).\n' +
        'With --scale and --out, the dataset goes into DIR itself; with --out alone, into DIR/10x and DIR/100x.');
      return;
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const scale of scales) {
    const dir = out && scales.length === 1 ? out : join(out ?? 'tmp-large', `${scale}x`);
    const start = performance.now();
    const r = generateLarge({ scale, outDir: dir });
    const c = r.counts;
    console.log(
      `${scale}×: ${r.outDir}: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB; ${c.sites} sites, ${c.sources} sources, ` +
        `${c.milestones} milestones, ${c.facilities} facilities, ${c.observations} observations, ${c.products} products, ` +
        `${c.prices} prices, ${c.quotes} quotes, ${c.claims} claims (${((performance.now() - start) / 1000).toFixed(1)} s)`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(`gen-large: ${(err as Error).message}`);
    process.exitCode = 2;
  }
}
