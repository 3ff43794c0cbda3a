/**
 * The `geo import` report: what was read, what matched and how, what was left out and why, what
 * the file looks like as a whole. Text for a terminal (bounded lists) or JSON (every item). Every
 * string from the input passes through the sanitiser. Pure: report in, lines or a value out.
 */
import { basename } from 'node:path';
import { SOURCE_LABEL, displayName, type InputLayer, type SourceKind } from '../import-features.js';
import { featureNames, JOIN_METHODS, type FieldValue, type JoinMethod, type JoinReport, type MisplacedFeature } from '../join.js';
import type { GateFinding } from './gate.js';
import type { Registry } from '../../registry/types.js';
import { sanitizeInline } from '../../text/sanitize.js';

/** Items listed per report section in text; JSON lists all. */
const LIST_LIMIT = 25;

export const METHOD_LABEL: Record<JoinMethod, string> = {
  id: 'registry id',
  wikidata: 'Wikidata id',
  osm: 'OSM relation',
  name: 'name',
  'name+province': 'name + province',
  'name+seat': 'name + seat inside',
  seat: 'seat inside (no name matched)',
};

export interface Summary {
  input: string;
  layer: InputLayer;
  source: SourceKind;
  attribution: string;
  minMatch: number;
  gate: GateFinding[];
  /** Counties matched but not written (a shape that did not survive simplification). */
  dropped: { county: string; reason: string }[];
}

export interface Written {
  file: string;
  bytes: number;
  counties: number;
}

/** Input text on its way to the terminal: one line, bounded. */
export function safe(text: string, max = 60): string {
  const s = sanitizeInline(text);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Recursively passes every string through the sanitiser (names and keys come from the input). */
function sanitizeDeep(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeInline(value);
  if (Array.isArray(value)) return value.map(sanitizeDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitizeInline(k), sanitizeDeep(v)]));
  return value;
}

export const GADM_NOTE = 'GADM licence: non-commercial use only, and the data may not be redistributed; keep the written layer to yourself';

/** "name matches X but the shape lies N km away", and the other reasons a match was refused. */
export function misplacedText(m: MisplacedFeature, label: (id: string) => string): string {
  const what = `${m.method === 'seat' ? 'holds the seat of' : `${METHOD_LABEL[m.method]} matches`} ${label(m.county)}`;
  switch (m.why) {
    case 'elsewhere':
      return `${what} but the shape lies ${m.km === undefined || !Number.isFinite(m.km) ? 'far' : `${Math.round(m.km)} km`} away`;
    case 'seat in another feature':
      return `${what} but that county's seat lies in feature #${m.other}; this shape is ${Math.round(m.km ?? 0)} km from it`;
    case 'too large':
      return `${what} but the shape is ${Math.round(m.ratio ?? 0)}× that county's area: a larger unit`;
    case 'too small':
      return `${what} but the shape is ${((m.ratio ?? 0) * 100).toPrecision(2)}% of that county's area`;
    case 'many seats':
      return `${what} but the shape holds the seats of ${m.seats} counties: a larger unit`;
  }
}

export function reportJson(report: JoinReport, s: Summary, written: Written | null): unknown {
  return sanitizeDeep({
    input: s.input,
    format: s.layer.format,
    ...(s.layer.object !== undefined ? { object: s.layer.object } : {}),
    encoding: s.layer.encoding ?? 'UTF-8',
    features: s.layer.features.length + s.layer.rejected.length,
    skipped_features: s.layer.skipped,
    outside_features: report.outside,
    source: s.source,
    attribution: s.attribution,
    ...(s.source === 'gadm' ? { licence_note: GADM_NOTE } : {}),
    matched: report.matches.length,
    registry_counties: report.registryCounties,
    min_match: s.minMatch,
    by_method: report.byMethod,
    matches: report.matches,
    unmatched: report.unmatched,
    ambiguous: report.ambiguous,
    conflicts: report.conflicts,
    missing: report.missing,
    disagreements: report.disagreements,
    seat_outside: report.seatOutside,
    misplaced: report.misplaced,
    bad_features: s.layer.rejected.map((r) => ({ feature: r.index, ...(r.name !== undefined ? { name: r.name } : {}), reason: r.reason })),
    not_counties: [...report.notCounties, ...report.unmeasurable],
    province_named: report.provinceNamed,
    ...(report.uselessProvinceField ? { useless_province_field: report.uselessProvinceField } : {}),
    gate: s.gate,
    not_written: s.dropped,
    output: written,
  });
}

export function reportLines(registry: Registry, report: JoinReport, s: Summary, written: Written | null): string[] {
  const label = (id: string) => {
    const c = registry.byId.get(id);
    return c ? `${c.name_en} (${c.name_ko}), ${registry.provinceById.get(c.province)?.name_en ?? c.province} [${id}]` : id;
  };
  const byIndex = new Map(s.layer.features.map((f) => [f.index, f]));
  const names = (list: FieldValue[]) => (list.length === 0 ? 'no name properties' : list.slice(0, 3).map((n) => `${safe(n.field, 20)} "${safe(n.value)}"`).join(', '));
  const featureLabel = (index: number) => {
    const f = byIndex.get(index);
    return `#${index} ${f ? names(featureNames(f)) : ''}`.trim();
  };
  const nameOf = (index: number) => {
    const f = byIndex.get(index);
    const n = f ? displayName(f.properties) : undefined;
    return `#${index}${n !== undefined ? ` "${safe(n)}"` : ''}`;
  };
  const section = <T>(title: string, items: T[], line: (item: T) => string, note = ''): string[] => {
    if (items.length === 0) return [`${title}: none`];
    const shown = items.slice(0, LIST_LIMIT).map((i) => `  ${line(i)}`);
    const more = items.length > LIST_LIMIT ? [`  … and ${items.length - LIST_LIMIT} more (--format json lists all)`] : [];
    return [`${title} (${items.length})${note ? ` — ${note}` : ''}:`, ...shown, ...more];
  };
  const optional = <T>(title: string, items: T[], line: (item: T) => string, note = '') => (items.length ? section(title, items, line, note) : []);
  const methods = JOIN_METHODS.filter((m) => report.byMethod[m] > 0).map((m) => `${report.byMethod[m]} by ${METHOD_LABEL[m]}`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const total = s.layer.features.length + s.layer.rejected.length;
  const pf = report.uselessProvinceField;

  const lines = [
    `${safe(basename(s.input), 120)}: ${plural(total, 'polygon feature')}` +
      ` (${s.layer.format === 'topojson' ? `TopoJSON object "${safe(s.layer.object ?? '')}"` : 'GeoJSON'}` +
      `${s.layer.encoding && s.layer.encoding !== 'UTF-8' ? `, decoded from ${s.layer.encoding}` : ''})` +
      `${s.layer.skipped > 0 ? `, ${s.layer.skipped} without polygons skipped` : ''}` +
      `${report.outside > 0 ? `, ${report.outside} outside North Korea skipped` : ''}; looks like: ${SOURCE_LABEL[s.source]}`,
    ...(s.source === 'gadm' ? [GADM_NOTE] : []),
    `Matched ${report.matches.length} of ${report.registryCounties} registry counties` + (methods.length ? `: ${methods.join(', ')}` : ''),
    ...optional(
      'Matched by a former name',
      report.matches.filter((m) => m.former !== undefined),
      (m) => `${nameOf(m.feature)}: ${label(m.county)}, formerly "${safe(m.former!)}"`,
      'renamed since; geo/variants.yaml cites the renaming',
    ),
    ...optional('Bad features, skipped', s.layer.rejected, (r) => `#${r.index}${r.name !== undefined ? ` "${safe(r.name)}"` : ''}: ${safe(r.reason, 160)}`),
    ...optional('Not counties, skipped', [...report.notCounties, ...report.unmeasurable], (n) => `${nameOf(n.feature)}: ${safe(n.reason, 120)}`),
    ...optional(
      'Wrong place, not matched',
      report.misplaced,
      (m) => `${nameOf(m.feature)}: ${misplacedText(m, label)}`,
      'the location check refused these',
    ),
    ...section('Unmatched features', report.unmatched, (u) => {
      const hints = [
        ...(u.suggestions.length ? [`similar: ${u.suggestions.map(label).join('; ')}`] : []),
        ...(u.seatsInside.length ? [`holds the seat of ${u.seatsInside.slice(0, 3).map(label).join('; ')}${u.seatsInside.length > 3 ? ` and ${u.seatsInside.length - 3} more` : ''}`] : []),
      ];
      return `#${u.feature} ${names(u.names)}${hints.length ? ` — ${hints.join('; ')}` : ''}`;
    }),
    ...section('Registry counties without a shape', report.missing, label),
    ...section(
      'Ambiguous features',
      report.ambiguous,
      (a) => `${featureLabel(a.feature)} could be: ${a.candidates.map(label).join(' | ')}`,
      'pass --province-field, or --id-field with registry ids',
    ),
    ...section(
      'Conflicts',
      report.conflicts,
      (c) =>
        `${label(c.county)}: kept #${c.kept.feature} (${METHOD_LABEL[c.kept.method]}), dropped ` +
        c.dropped.map((d) => `${featureLabel(d.feature)} (${METHOD_LABEL[d.method]})`).join(', '),
      'a county claimed twice keeps the better match',
    ),
    ...optional(
      'Methods disagree',
      report.disagreements,
      (d) =>
        `#${d.feature}: ${METHOD_LABEL[d.chosen.method]} gives ${label(d.chosen.county)} (kept); ` +
        d.other.map((o) => `${METHOD_LABEL[o.method]} gives ${label(o.county)}`).join('; '),
    ),
    ...optional('Registry seat outside its matched shape', report.seatOutside, label, 'matched by nearness or overlap; check these'),
    ...(pf
      ? [`Province field ${safe(pf.field, 30)}: none of its values names a first-level unit (${pf.values.map((v) => `"${safe(v, 30)}"`).join(', ')}); it was not used`]
      : []),
    ...(report.provinceNamed.length > 0 ? [`${plural(report.provinceNamed.length, 'feature')} named after first-level units (provinces), not counties`] : []),
    ...optional('Matched but not written', s.dropped, (d) => `${label(d.county)}: ${safe(d.reason, 120)}`),
    ...(s.gate.length > 0 ? ['What this file looks like:', ...s.gate.map((g) => `  ${g.message}`)] : []),
  ];
  if (written) {
    lines.push(
      `Wrote ${safe(written.file, 300)}: ${written.counties} ${written.counties === 1 ? 'county' : 'counties'}, ${(written.bytes / 1024).toFixed(1)} KiB`,
      `Attribution stored in the layer: ${safe(s.attribution, 300)}`,
      `Use it with: nk20x10 --geo ${safe(written.file, 300)}`,
    );
  }
  return lines;
}
