/**
 * Reads the county registry: geo/counties.csv (one row per unit, from the gazetteer) and
 * geo/variants.yaml (spellings seen in sources), and adds spellings computed by romanisation.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { csvRecords } from '../load/csv.js';
import { DataError, fieldPath, type LocatedError } from '../load/errors.js';
import { checkShape } from '../load/validate-shape.js';
import { readYamlFile } from '../load/yaml-file.js';
import { variantsFileSchema } from '../model/schema.js';
import { PROVINCES, provinceByEnglishName } from './provinces.js';
import { rokInitialForm, romanizeMR, romanizeRR } from './romanize.js';
import type { County, Registry, Spelling, UnitType } from './types.js';

const UNIT_TYPES: readonly UnitType[] = ['county', 'city', 'district'];
const REQUIRED_COLUMNS = ['id', 'name_en', 'name_ko', 'type', 'province_en', 'lat', 'lon'] as const;

export function loadRegistry(geoDir: string, displayBase = process.cwd()): Registry {
  const csvFile = join(geoDir, 'counties.csv');
  const variantsFile = join(geoDir, 'variants.yaml');
  const shown = (f: string) => relative(displayBase, f) || f;
  const errors: LocatedError[] = [];
  const counties: County[] = [];
  const byId = new Map<string, County>();
  const sourceRefs: Registry['sourceRefs'] = [];

  let text: string;
  try {
    text = readFileSync(csvFile, 'utf8');
  } catch (err) {
    throw new DataError([{ file: shown(csvFile), line: 1, col: 1, field: '(file)', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }]);
  }
  const rows = csvRecords(text);
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) errors.push({ file: shown(csvFile), line: 1, col: 1, field: column, message: 'required column is missing' });
  }
  for (const { line, record: r } of rows) {
    if (errors.length > 0 && header.length === 0) break;
    const at = (field: string, message: string) =>
      errors.push({ file: shown(csvFile), line, col: header.indexOf(field) + 1, field, message });
    const province = provinceByEnglishName(r.province_en ?? '');
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (!/^kp-[a-z0-9-]+$/.test(r.id ?? '')) at('id', `"${r.id}" is not a registry id (kp-province-name)`);
    else if (byId.has(r.id!)) at('id', `duplicate id ${r.id}`);
    if (!r.name_en) at('name_en', 'required');
    if (!r.name_ko) at('name_ko', 'required');
    if (!UNIT_TYPES.includes(r.type as UnitType)) at('type', `must be one of ${UNIT_TYPES.join(', ')}`);
    if (!province) at('province_en', `unknown first-level unit "${r.province_en}"`);
    if (!(lat >= 37 && lat <= 43.5)) at('lat', `${r.lat} is outside North Korea`);
    if (!(lon >= 124 && lon <= 131)) at('lon', `${r.lon} is outside North Korea`);
    if (!province || !r.id || !r.name_en || !r.name_ko) continue;
    const county: County = {
      id: r.id,
      name_en: r.name_en,
      name_ko: r.name_ko,
      name_hanja: r.name_hanja ?? '',
      type: r.type as UnitType,
      type_ko: r.type_ko ?? '',
      province: province.id,
      seat: { lat, lon, source: r.coord_source ?? '' },
      ...(r.wikidata ? { wikidata: r.wikidata } : {}),
      ...(r.osm_relation ? { osm_relation: r.osm_relation } : {}),
      ...(r.notes ? { notes: r.notes } : {}),
      spellings: registrySpellings(r),
    };
    byId.set(county.id, county);
    counties.push(county);
  }

  const variants = readYamlFile(variantsFile);
  if (!variants.ok) errors.push(...variants.errors.map((e) => ({ ...e, file: shown(e.file) })));
  else {
    const checked = checkShape({ ...variants.value, file: shown(variantsFile) }, variantsFileSchema);
    if (!checked.ok) errors.push(...checked.errors);
    else {
      checked.value.variants.forEach((entry, i) => {
        const county = byId.get(entry.county);
        if (!county) {
          const path = ['variants', i, 'county'];
          errors.push({ file: shown(variantsFile), ...variants.value.locate(path), field: fieldPath(path), message: `no registry county with id "${entry.county}"` });
          return;
        }
        const cite = (id: string | undefined, path: PropertyKey[]) => {
          if (id) sourceRefs.push({ id, at: { file: shown(variantsFile), ...variants.value.locate(path), field: fieldPath(path), message: '' } });
        };
        cite(entry.source, ['variants', i, 'source']);
        entry.names.forEach((n, j) => cite(n.source, ['variants', i, 'names', j, 'source']));
        for (const n of entry.names) {
          county.spellings.push({
            name: n.name,
            system: n.system,
            ...(n.uncertain ?? entry.uncertain ? { uncertain: true } : {}),
            ...(n.former ? { former: true } : {}),
            ...(n.source ?? entry.source ? { source: (n.source ?? entry.source)! } : {}),
            ...(n.note ?? entry.note ? { note: (n.note ?? entry.note)! } : {}),
          });
        }
      });
    }
  }
  if (errors.length > 0) throw new DataError(errors);

  return {
    counties,
    provinces: PROVINCES,
    byId,
    provinceById: new Map(PROVINCES.map((p) => [p.id, p])),
    files: [shown(csvFile), shown(variantsFile)],
    sourceRefs,
  };
}

function registrySpellings(r: Record<string, string>): Spelling[] {
  const out: Spelling[] = [
    { name: r.name_en!, system: 'registry' },
    { name: r.name_ko!, system: 'hangul' },
  ];
  if (r.name_hanja) out.push({ name: r.name_hanja, system: 'hanja' });
  for (const v of (r.name_en_variants ?? '').split(';')) {
    if (v.trim()) out.push({ name: v.trim(), system: 'other', note: 'gazetteer variant' });
  }
  if (r.oad_name && r.oad_name !== r.name_en) out.push({ name: r.oad_name, system: 'other', note: 'open-admin-data name' });
  const rok = rokInitialForm(r.name_ko!);
  out.push(
    { name: romanizeMR(r.name_ko!), system: 'mr', derived: true },
    { name: romanizeRR(r.name_ko!), system: 'rr', derived: true },
  );
  if (rok !== r.name_ko) {
    out.push({ name: rok, system: 'rok', derived: true }, { name: romanizeRR(rok), system: 'rok', derived: true });
  }
  return dedupe(out);
}

function dedupe(spellings: Spelling[]): Spelling[] {
  const seen = new Set<string>();
  return spellings.filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true)));
}
