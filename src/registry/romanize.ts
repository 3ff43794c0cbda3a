/**
 * Romanisation of Korean place names: Revised Romanization (RR) and McCune–Reischauer (MR).
 *
 * Pure, dependency-free. A name is romanised as it is pronounced, so the sound changes that
 * happen where two syllables meet are applied first (linking, nasalisation, liquidisation);
 * the administrative suffix (군, 시, 구역 …) is romanised separately and joined by a hyphen.
 *
 * Conventions chosen for this project (DPRK names, users typing any spelling):
 * - word-initial ㄹ is written r in both systems ('룡강' → 'Ryonggang'); use rokInitialForm for the ROK spelling;
 * - MR keeps s before i/y ('Sinp’o', not 'Shinp’o'), as DPRK-style MR does;
 * - MR writes n’g for ㄴ+ㄱ ('신계' → 'Sin’gye') so it cannot be read as ㅇ+ㄱ; aspirates use ’ (U+2019);
 * - after ㄴ, the syllables 렬/률 are read with n ('은률' → 'Ŭnnyul', 'Eunnyul'), the pronunciation
 *   behind the ROK spelling rule that writes them 열/율 there (한글 맞춤법 제11항 붙임 1);
 * - not handled (absent from county names): palatalisation (굳이), aspiration with ㅎ (좋고, 묵호),
 *   tensing, MR's ë after a/o.
 *
 * Each run of Hangul syllables is romanised as one word and capitalised; other text passes through.
 */

type System = 'rr' | 'mr';

interface Syllable {
  onset: string;
  vowel: string;
  coda: string;
}

// ---------------------------------------------------------------------------------------------
// Jamo
// ---------------------------------------------------------------------------------------------

const HANGUL_BASE = 0xac00;
const HANGUL_COUNT = 11172;
const ONSETS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const CODAS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

/**
 * The jamo table: [RR, MR] for each vowel and each consonant at the start of a syllable.
 * MR plain stops are given voiceless; MR_VOICED gives them between voiced sounds.
 */
const JAMO: Record<string, readonly [rr: string, mr: string]> = {
  ㄱ: ['g', 'k'], ㄲ: ['kk', 'kk'], ㄴ: ['n', 'n'], ㄷ: ['d', 't'], ㄸ: ['tt', 'tt'],
  ㄹ: ['r', 'r'], ㅁ: ['m', 'm'], ㅂ: ['b', 'p'], ㅃ: ['pp', 'pp'], ㅅ: ['s', 's'],
  ㅆ: ['ss', 'ss'], ㅇ: ['', ''], ㅈ: ['j', 'ch'], ㅉ: ['jj', 'tch'], ㅊ: ['ch', 'ch’'],
  ㅋ: ['k', 'k’'], ㅌ: ['t', 't’'], ㅍ: ['p', 'p’'], ㅎ: ['h', 'h'],
  ㅏ: ['a', 'a'], ㅐ: ['ae', 'ae'], ㅑ: ['ya', 'ya'], ㅒ: ['yae', 'yae'], ㅓ: ['eo', 'ŏ'],
  ㅔ: ['e', 'e'], ㅕ: ['yeo', 'yŏ'], ㅖ: ['ye', 'ye'], ㅗ: ['o', 'o'], ㅘ: ['wa', 'wa'],
  ㅙ: ['wae', 'wae'], ㅚ: ['oe', 'oe'], ㅛ: ['yo', 'yo'], ㅜ: ['u', 'u'], ㅝ: ['wo', 'wŏ'],
  ㅞ: ['we', 'we'], ㅟ: ['wi', 'wi'], ㅠ: ['yu', 'yu'], ㅡ: ['eu', 'ŭ'], ㅢ: ['ui', 'ŭi'],
  ㅣ: ['i', 'i'],
};
const MR_VOICED: Record<string, string> = { ㄱ: 'g', ㄷ: 'd', ㅂ: 'b', ㅈ: 'j' };

/** The seven sounds a final consonant can have, written the same in RR and MR. */
const CODA_SOUNDS: Record<string, string> = { '': '', ㄱ: 'k', ㄴ: 'n', ㄷ: 't', ㄹ: 'l', ㅁ: 'm', ㅂ: 'p', ㅇ: 'ng' };

/**
 * Each final consonant: [its sound before a consonant or at the end, what it becomes before a vowel].
 * Before a vowel a single final moves to the next syllable; of a double final the last part moves;
 * ㅎ is silent. ('ㅇ' never moves.)
 */
const FINALS: Record<string, readonly [neutral: string, beforeVowel: string]> = {
  ㄱ: ['ㄱ', 'ㄱ'], ㄲ: ['ㄱ', 'ㄲ'], ㄳ: ['ㄱ', 'ㄱㅅ'], ㄴ: ['ㄴ', 'ㄴ'], ㄵ: ['ㄴ', 'ㄴㅈ'],
  ㄶ: ['ㄴ', 'ㄴ'], ㄷ: ['ㄷ', 'ㄷ'], ㄹ: ['ㄹ', 'ㄹ'], ㄺ: ['ㄱ', 'ㄹㄱ'], ㄻ: ['ㅁ', 'ㄹㅁ'],
  ㄼ: ['ㄹ', 'ㄹㅂ'], ㄽ: ['ㄹ', 'ㄹㅅ'], ㄾ: ['ㄹ', 'ㄹㅌ'], ㄿ: ['ㅂ', 'ㄹㅍ'], ㅀ: ['ㄹ', 'ㄹ'],
  ㅁ: ['ㅁ', 'ㅁ'], ㅂ: ['ㅂ', 'ㅂ'], ㅄ: ['ㅂ', 'ㅂㅅ'], ㅅ: ['ㄷ', 'ㅅ'], ㅆ: ['ㄷ', 'ㅆ'],
  ㅇ: ['ㅇ', 'ㅇ'], ㅈ: ['ㄷ', 'ㅈ'], ㅊ: ['ㄷ', 'ㅊ'], ㅋ: ['ㄱ', 'ㅋ'], ㅌ: ['ㄷ', 'ㅌ'],
  ㅍ: ['ㅂ', 'ㅍ'], ㅎ: ['ㄷ', ''],
};

const STOPS = 'ㄱㄷㅂ';
const NASAL_OF_STOP: Record<string, string> = { ㄱ: 'ㅇ', ㄷ: 'ㄴ', ㅂ: 'ㅁ' };
/** Finals after which MR voices a following plain stop (vowel, nasal, ㄹ). */
const VOICED_FINALS = ['', 'ㄴ', 'ㅁ', 'ㅇ', 'ㄹ'];

/** Administrative suffixes, longest first. */
const ADMIN_SUFFIXES = ['특별시', '특급시', '구역', '지구', '군', '시', '구'];

function isSyllable(ch: string): boolean {
  const code = ch.charCodeAt(0) - HANGUL_BASE;
  return ch.length === 1 && code >= 0 && code < HANGUL_COUNT;
}

function decompose(ch: string): Syllable {
  const code = ch.charCodeAt(0) - HANGUL_BASE;
  return {
    onset: ONSETS.charAt(Math.floor(code / 588)),
    vowel: VOWELS.charAt(Math.floor((code % 588) / 28)),
    coda: CODAS[code % 28] ?? '',
  };
}

function compose({ onset, vowel, coda }: Syllable): string {
  const code = (ONSETS.indexOf(onset) * 21 + VOWELS.indexOf(vowel)) * 28 + CODAS.indexOf(coda);
  return String.fromCharCode(HANGUL_BASE + code);
}

// ---------------------------------------------------------------------------------------------
// Sound changes where a syllable ending `a` meets the next syllable `b` (both mutated in place)
// ---------------------------------------------------------------------------------------------

/** 받침 + ㅇ: the final moves over to the vowel ('금야' → 그먀, '철원' → 처뤈); ㅇ stays. */
function link(a: Syllable, b: Syllable): void {
  if (b.onset !== 'ㅇ' || a.coda === '' || a.coda === 'ㅇ') return;
  const moved = FINALS[a.coda]?.[1] ?? '';
  a.coda = moved.length === 2 ? moved.charAt(0) : '';
  b.onset = moved.slice(-1) || 'ㅇ';
}

/** A final not followed by a vowel keeps only one of seven sounds: ㅅ ㅈ ㅊ ㅌ ㅎ → ㄷ, ㅋ ㄲ → ㄱ, ㅍ → ㅂ … */
function neutralise(a: Syllable): void {
  a.coda = FINALS[a.coda]?.[0] ?? a.coda;
}

/** ㄹ after any final but ㄴ/ㄹ is read ㄴ: ㅇ+ㄹ → ㅇ+ㄴ, ㅁ+ㄹ → ㅁ+ㄴ, ㄱ+ㄹ → ㄱ+ㄴ (then nasalised). */
function rieulToNieun(a: Syllable, b: Syllable): void {
  if (b.onset === 'ㄹ' && a.coda !== '' && 'ㄱㄷㅂㅁㅇ'.includes(a.coda)) b.onset = 'ㄴ';
}

/** A stop before ㄴ/ㅁ becomes the nasal of its place: ㄱ → ㅇ, ㄷ → ㄴ, ㅂ → ㅁ. */
function nasalise(a: Syllable, b: Syllable): void {
  if ((b.onset === 'ㄴ' || b.onset === 'ㅁ') && a.coda !== '' && STOPS.includes(a.coda)) {
    a.coda = NASAL_OF_STOP[a.coda] ?? a.coda;
  }
}

/**
 * ㄴ+ㄹ and ㄹ+ㄴ are read ㄹ+ㄹ ('천리' → Ch’ŏlli). Exception: after ㄴ the syllables 렬/률 are
 * read with ㄴ ('은률' → 은뉼), the pronunciation the ROK spelling 열/율 records.
 */
function liquidise(a: Syllable, b: Syllable): void {
  if (a.coda === 'ㄴ' && b.onset === 'ㄹ') {
    const yeolYul = b.coda === 'ㄹ' && (b.vowel === 'ㅕ' || b.vowel === 'ㅠ');
    if (yeolYul) b.onset = 'ㄴ';
    else a.coda = 'ㄹ';
  } else if (a.coda === 'ㄹ' && b.onset === 'ㄴ') {
    b.onset = 'ㄹ';
  }
}

/** The syllables of a Hangul word as pronounced. */
function pronounce(word: string): Syllable[] {
  const syllables = [...word].map(decompose);
  syllables.forEach((a, i) => {
    const b = syllables[i + 1];
    if (b) link(a, b);
    neutralise(a);
    if (!b) return;
    rieulToNieun(a, b);
    nasalise(a, b);
    liquidise(a, b);
  });
  return syllables;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/**
 * Latin letters for pronounced syllables. `voicedBefore`: whether the sound before the word is voiced
 * (MR writes the suffix of '성천군' -gun but of '김형직군' -kun).
 */
function write(syllables: Syllable[], system: System, voicedBefore = false): string {
  let out = '';
  let previous: string | undefined; // final of the previous syllable; undefined at the word start
  for (const { onset, vowel, coda } of syllables) {
    out += writeOnset(onset, previous, system, voicedBefore) + (JAMO[vowel]?.[system === 'rr' ? 0 : 1] ?? '');
    out += CODA_SOUNDS[coda] ?? '';
    previous = coda;
  }
  return out;
}

function writeOnset(onset: string, previous: string | undefined, system: System, voicedBefore: boolean): string {
  if (onset === 'ㄹ' && previous === 'ㄹ') return 'l';
  if (system === 'rr') return JAMO[onset]?.[0] ?? '';
  const voiced = previous === undefined ? voicedBefore : VOICED_FINALS.includes(previous);
  const plain = voiced ? MR_VOICED[onset] : undefined;
  if (plain === undefined) return JAMO[onset]?.[1] ?? '';
  return previous === 'ㄴ' && onset === 'ㄱ' ? '’g' : plain;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One run of Hangul syllables: stem as pronounced, then the suffix, hyphenated. */
function romanizeWord(word: string, system: System, withSuffix: boolean): string {
  const { stem, suffix } = splitAdminSuffix(word);
  const sounds = pronounce(stem);
  let out = write(sounds, system);
  if (withSuffix && suffix !== '') {
    const voicedBefore = VOICED_FINALS.includes(sounds[sounds.length - 1]?.coda ?? '');
    out += '-' + write(pronounce(suffix), system, voicedBefore);
  }
  return capitalise(out);
}

function romanize(text: string, system: System, withSuffix: boolean): string {
  return text.replace(/[\uac00-\ud7a3]+/g, (word) => romanizeWord(word, system, withSuffix));
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

/** Revised Romanization (ROK standard, 2000) of a Hangul string, e.g. '성천군' → 'Seongcheon-gun'. */
export function romanizeRR(hangul: string, options: { suffix?: boolean } = {}): string {
  return romanize(hangul, 'rr', options.suffix ?? true);
}

/** McCune–Reischauer with diacritics (ŏ, ŭ, and ʼ apostrophe for aspirates), e.g. '성천군' → 'Sŏngch’ŏn-gun'. */
export function romanizeMR(hangul: string, options: { suffix?: boolean } = {}): string {
  return romanize(hangul, 'mr', options.suffix ?? true);
}

/**
 * The ROK (South Korean) spelling of a DPRK Hangul name, applying the initial-sound rule (두음법칙)
 * to the first syllable only: 랑림군 → 낭림군, 룡강군 → 용강군, 리원군 → 이원군, 녕변 → 영변;
 * names not affected are returned unchanged.
 */
export function rokInitialForm(hangul: string): string {
  const first = hangul.charAt(0);
  if (!isSyllable(first)) return hangul;
  const syllable = decompose(first);
  const { onset, vowel } = syllable;
  let initial = onset;
  if (onset === 'ㄹ') initial = 'ㅑㅕㅖㅛㅠㅣ'.includes(vowel) ? 'ㅇ' : 'ㄴ'; // 한글 맞춤법 제11, 12항
  else if (onset === 'ㄴ' && 'ㅕㅛㅠㅣ'.includes(vowel)) initial = 'ㅇ'; // 제10항
  if (initial === onset) return hangul;
  return compose({ ...syllable, onset: initial }) + hangul.slice(1);
}

/**
 * Split a unit name into stem + administrative suffix: '성천군' → { stem: '성천', suffix: '군' };
 * handles 군, 시, 구역, 지구, 구, 특별시, 특급시; '개성특별시' → { stem:'개성', suffix:'특별시' }.
 * The stem must keep at least one Hangul syllable; otherwise the suffix is ''.
 */
export function splitAdminSuffix(hangul: string): { stem: string; suffix: string } {
  for (const suffix of ADMIN_SUFFIXES) {
    const stem = hangul.slice(0, hangul.length - suffix.length);
    if (hangul.endsWith(suffix) && stem.length > 0 && isSyllable(stem.charAt(stem.length - 1))) {
      return { stem, suffix };
    }
  }
  return { stem: hangul, suffix: '' };
}
