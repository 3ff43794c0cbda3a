/**
 * The 13 first-level units, with the spellings sources use for them
 * (DPRK "Phyongan"/"Jagang"/"Nampho", MR, RR, Hangul, short forms such as "N. Pyongan").
 */
import { NameIndex } from './name-index.js';
import type { Province } from './types.js';

const TABLE: [id: string, en: string, ko: string, spellings: string[]][] = [
  ['pyongyang', 'Pyongyang', '평양시', ['Pyongyang City', 'Phyongyang', 'Pyeongyang', 'P’yŏngyang', '평양']],
  ['south-pyongan', 'South Pyongan', '평안남도', ['South Phyongan', 'S. Pyongan', 'S. Phyongan', 'Pyongannam-do', 'Phyongannam', 'Pyeongannam-do', '평남']],
  ['north-pyongan', 'North Pyongan', '평안북도', ['North Phyongan', 'N. Pyongan', 'N. Phyongan', 'Pyonganbuk-do', 'Phyonganbuk', 'Pyeonganbuk-do', '평북']],
  ['chagang', 'Chagang', '자강도', ['Jagang', 'Chagang-do', 'Jagang-do']],
  ['south-hwanghae', 'South Hwanghae', '황해남도', ['S. Hwanghae', 'Hwanghaenam-do', '황남']],
  ['north-hwanghae', 'North Hwanghae', '황해북도', ['N. Hwanghae', 'Hwanghaebuk-do', '황북']],
  ['kangwon', 'Kangwon', '강원도', ['Gangwon', 'Kangwon-do', 'Kangwon (DPRK)']],
  ['south-hamgyong', 'South Hamgyong', '함경남도', ['S. Hamgyong', 'Hamgyongnam-do', 'Hamgyeongnam-do', '함남']],
  ['north-hamgyong', 'North Hamgyong', '함경북도', ['N. Hamgyong', 'Hamgyongbuk-do', 'Hamgyeongbuk-do', '함북']],
  ['ryanggang', 'Ryanggang', '량강도', ['Yanggang', 'Ryanggang-do', '양강도']],
  ['nampo', 'Nampo', '남포시', ['Nampho', 'Nampho City', 'Nampo City', 'Nampho Municipality']],
  ['rason', 'Rason', '라선시', ['Rason City', 'Rajin-Sonbong', '나선시']],
  ['kaesong', 'Kaesong', '개성특별시', ['Kaesong City', 'Kaesong Special City', 'Gaeseong', '개성시']],
];

export const PROVINCES: Province[] = TABLE.map(([id, name_en, name_ko, spellings]) => ({
  id,
  name_en,
  name_ko,
  spellings: [name_en, id, name_ko, ...spellings],
}));

const BY_EN = new Map(PROVINCES.map((p) => [p.name_en, p]));

export function provinceByEnglishName(name: string): Province | undefined {
  return BY_EN.get(name);
}

/** A first-level unit by any of its spellings ("N. Phyongan", 평안북도, north-pyongan). */
export function findProvince(query: string): Province | undefined {
  const index = new NameIndex<Province & { label: string; provinceKeys: string[] }>();
  for (const p of PROVINCES) index.add({ ...p, label: `${p.name_en} (${p.name_ko})`, provinceKeys: [] }, p.spellings);
  const r = index.resolve(query);
  return r.kind === 'found' ? r.target : undefined;
}
