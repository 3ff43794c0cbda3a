/**
 * Name keys for matching a place name across romanisations, scripts and typing habits.
 * Pure functions; every variant a user might type collapses to the same key.
 */

const ADMIN_SUFFIX_LATIN =
  /\s+(county|city|district|municipality|special city|gun|kun|si|shi|guyok|guyeok|kuyok|jigu|chigu|gu|ku)$/;
const ADMIN_SUFFIX_HANGUL = /(특별시|특급시|구역|지구|군|시|구|特別市|區域|地區|郡|市|區)$/;
const HANGUL = /[\uac00-\ud7a3\u4e00-\u9fff]/;

export function isHangul(text: string): boolean {
  return HANGUL.test(text);
}

/** Lower case, strip diacritics (Hangul and Hanja are kept), apostrophes, punctuation and spaces. */
export function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’'ʼ`´‘]/g, '')
    .replace(/[^a-z0-9\uac00-\ud7a3\u4e00-\u9fff]+/g, ' ')
    .trim();
}

/**
 * Exact key: folded, without an administrative suffix, no spaces.
 * 'Kim Hyong Jik County' → 'kimhyongjik'; 'Sŏngch’ŏn-gun' → 'songchon'; '성천군' → '성천'.
 */
export function nameKey(text: string): string {
  const folded = foldLatin(text);
  if (isHangul(folded)) {
    const compact = folded.replace(/\s+/g, '');
    const stripped = compact.replace(ADMIN_SUFFIX_HANGUL, '');
    // Keep one-syllable stems whole: 중구역 stays 중구역, 우시 is not 우 + 시.
    return stripped.length >= 2 ? stripped : compact;
  }
  const stripped = folded.replace(ADMIN_SUFFIX_LATIN, '').trim();
  return (stripped.length > 0 ? stripped : folded).replace(/\s+/g, '');
}

/**
 * Loose key for Latin spellings: merges the usual romanisation differences
 * (aspirate h and apostrophes, ch/j, eo/o, eu/u, r/l/n at syllable joins, doubled letters).
 * 'Jaeryong' / 'Chaeryŏng' / 'Jaeryeong' → one key; 'Unpha' / 'Unpa' / 'Eunpa' → one key.
 */
export function looseKey(text: string): string {
  return looseKeyOf(nameKey(text));
}

/** `looseKey` from an already computed `nameKey`, so callers holding both compute the name key once. */
export function looseKeyOf(key: string): string {
  if (isHangul(key)) return key;
  return key
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/ae/g, 'e')
    .replace(/(p|t|k|ch)h/g, '$1')
    .replace(/ch|j/g, 'c')
    .replace(/sh/g, 's')
    .replace(/[gk](?=[aeiouwy])/g, 'k')
    .replace(/[bp](?=[aeiouwy])/g, 'p')
    .replace(/[dt](?=[aeiouwy])/g, 't')
    .replace(/[rln]/g, 'r')
    .replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}
