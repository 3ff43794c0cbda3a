import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rokInitialForm, romanizeMR, romanizeRR, splitAdminSuffix } from '../../src/registry/romanize.js';

/** [Hangul, MR, RR] from the research dossier (its typo "T'aean" for 대안 corrected to "Taean"). */
const DOSSIER: ReadonlyArray<readonly [string, string, string]> = [
  ['성천군', 'Sŏngch’ŏn-gun', 'Seongcheon-gun'],
  ['숙천군', 'Sukch’ŏn-gun', 'Sukcheon-gun'],
  ['구성시', 'Kusŏng-si', 'Guseong-si'],
  ['구장군', 'Kujang-gun', 'Gujang-gun'],
  ['연탄군', 'Yŏnt’an-gun', 'Yeontan-gun'],
  ['은파군', 'Ŭnp’a-gun', 'Eunpa-gun'],
  ['재령군', 'Chaeryŏng-gun', 'Jaeryeong-gun'],
  ['은천군', 'Ŭnch’ŏn-gun', 'Euncheon-gun'],
  ['이천군', 'Ich’ŏn-gun', 'Icheon-gun'],
  ['금야군', 'Kŭmya-gun', 'Geumya-gun'],
  ['경성군', 'Kyŏngsŏng-gun', 'Gyeongseong-gun'],
  ['어랑군', 'Ŏrang-gun', 'Eorang-gun'],
  ['김형직군', 'Kimhyŏngjik-kun', 'Gimhyeongjik-gun'],
  ['장풍군', 'Changp’ung-gun', 'Jangpung-gun'],
  ['온천군', 'Onch’ŏn-gun', 'Oncheon-gun'],
  ['북창군', 'Pukch’ang-gun', 'Bukchang-gun'],
  ['염주군', 'Yŏmju-gun', 'Yeomju-gun'],
  ['장연군', 'Changyŏn-gun', 'Jangyeon-gun'],
  ['배천군', 'Paech’ŏn-gun', 'Baecheon-gun'],
  ['철원군', 'Ch’ŏrwŏn-gun', 'Cheorwon-gun'],
  ['세포군', 'Sep’o-gun', 'Sepo-gun'],
  ['신포시', 'Sinp’o-si', 'Sinpo-si'],
  ['정평군', 'Chŏngp’yŏng-gun', 'Jeongpyeong-gun'],
  ['부령군', 'Puryŏng-gun', 'Buryeong-gun'],
  ['김정숙군', 'Kimjŏngsuk-kun', 'Gimjeongsuk-gun'],
  ['개풍구역', 'Kaep’ung-guyŏk', 'Gaepung-guyeok'],
  ['은률군', 'Ŭnnyul-gun', 'Eunnyul-gun'],
  ['평원군', 'P’yŏngwŏn-gun', 'Pyeongwon-gun'],
  ['대안구역', 'Taean-guyŏk', 'Daean-guyeok'],
  ['룡강군', 'Ryonggang-gun', 'Ryonggang-gun'],
];

for (const [hangul, mr, rr] of DOSSIER) {
  test(`${hangul} → MR ${mr}, RR ${rr}`, () => {
    assert.equal(romanizeMR(hangul), mr);
    assert.equal(romanizeRR(hangul), rr);
  });
}

test('known difference: 랑림군 is nasalised (ㅇ+ㄹ → ng n), not the DPRK-style "Rangrim"', () => {
  // The dossier expects MR 'Rangrim-gun', the spelling the DPRK uses without sound change.
  // The general rule ㅇ+ㄹ → ㅇ+ㄴ (as in ROK 낭림 → Nangnim) gives 'Rangnim'; no special case is made.
  // 'Rangrim' remains findable through the registry's own English name and normalize.looseKey (r/l/n merge).
  assert.equal(romanizeMR('랑림군'), 'Rangnim-gun');
  assert.equal(romanizeRR('랑림군'), 'Rangnim-gun');
  assert.equal(romanizeRR(rokInitialForm('랑림군')), 'Nangnim-gun');
});

test('MR uses the aspirate apostrophe U+2019 and the diacritics are precomposed', () => {
  const mr = romanizeMR('성천군');
  assert.ok(mr.includes('\u2019'));
  assert.equal(mr, mr.normalize('NFC'));
});

test('suffix: false returns only the stem', () => {
  assert.equal(romanizeRR('성천군', { suffix: false }), 'Seongcheon');
  assert.equal(romanizeMR('성천군', { suffix: false }), 'Sŏngch’ŏn');
  assert.equal(romanizeMR('김형직군', { suffix: false }), 'Kimhyŏngjik');
  assert.equal(romanizeRR('개풍구역', { suffix: false }), 'Gaepung');
  assert.equal(romanizeRR('개성특별시', { suffix: false }), 'Gaeseong');
  assert.equal(romanizeRR('성천', { suffix: false }), 'Seongcheon');
  assert.equal(romanizeRR('성천군', { suffix: true }), 'Seongcheon-gun');
});

test('every administrative suffix, with MR voicing after the stem', () => {
  assert.equal(romanizeRR('개성특별시'), 'Gaeseong-teukbyeolsi');
  assert.equal(romanizeMR('개성특별시'), 'Kaesŏng-t’ŭkpyŏlsi');
  assert.equal(romanizeRR('남포특급시'), 'Nampo-teukgeupsi');
  assert.equal(romanizeMR('남포특급시'), 'Namp’o-t’ŭkkŭpsi');
  assert.equal(romanizeRR('중구역'), 'Jung-guyeok');
  assert.equal(romanizeMR('중구역'), 'Chung-guyŏk');
  assert.equal(romanizeMR('락랑구역'), 'Rangnang-guyŏk');
  assert.equal(romanizeMR('북구역'), 'Puk-kuyŏk');
  assert.equal(romanizeRR('북구역'), 'Buk-guyeok');
  assert.equal(romanizeRR('청남지구'), 'Cheongnam-jigu');
  assert.equal(romanizeMR('청남지구'), 'Ch’ŏngnam-jigu');
  assert.equal(romanizeMR('덕천지구'), 'Tŏkch’ŏn-jigu');
  assert.equal(romanizeMR('석탄지구'), 'Sŏkt’an-jigu');
  assert.equal(romanizeMR('선봉구'), 'Sŏnbong-gu');
  assert.equal(romanizeMR('옥구'), 'Ok-ku');
  assert.equal(romanizeMR('남포시'), 'Namp’o-si');
});

test('sound changes at syllable joins', () => {
  // ㄱ+ㄴ/ㅁ → ng n / ng m
  assert.equal(romanizeRR('학문'), 'Hangmun');
  assert.equal(romanizeMR('백마'), 'Paengma');
  // ㄱ+ㄹ → ngn, ㅂ+ㄹ → mn, ㅂ+ㄴ/ㅁ → mn/mm
  assert.equal(romanizeRR('독립'), 'Dongnip');
  assert.equal(romanizeMR('독립'), 'Tongnip');
  assert.equal(romanizeRR('협력'), 'Hyeomnyeok');
  assert.equal(romanizeRR('십만'), 'Simman');
  assert.equal(romanizeRR('갑내'), 'Gamnae');
  // ㅇ/ㅁ + ㄹ → ng n / m n
  assert.equal(romanizeRR('종로구'), 'Jongno-gu');
  assert.equal(romanizeMR('종로구'), 'Chongno-gu');
  assert.equal(romanizeRR('삼릉'), 'Samneung');
  // ㄴ+ㄹ and ㄹ+ㄴ → ll; ㄹ+ㄹ → ll
  assert.equal(romanizeRR('신라'), 'Silla');
  assert.equal(romanizeMR('천리마구역'), 'Ch’ŏllima-guyŏk');
  assert.equal(romanizeRR('별내'), 'Byeollae');
  assert.equal(romanizeRR('칠림'), 'Chillim');
  // ㄴ + 렬/률: read with n (the only exception to ㄴ+ㄹ → ll)
  assert.equal(romanizeMR('은률'), 'Ŭnnyul');
  assert.equal(romanizeRR('전류'), 'Jeollyu');
  // stops and nasals before other consonants are unchanged
  assert.equal(romanizeRR('북창'), 'Bukchang');
  // linking: the final moves onto the following vowel
  assert.equal(romanizeRR('금야'), 'Geumya');
  assert.equal(romanizeMR('덕유'), 'Tŏgyu');
  assert.equal(romanizeRR('철원'), 'Cheorwon');
  assert.equal(romanizeRR('옷이'), 'Osi');
  assert.equal(romanizeRR('장연'), 'Jangyeon'); // ㅇ never moves
  // neutralised finals: ㅅ ㅈ ㅊ ㅌ → t, ㅍ → p, ㅋ ㄲ → k, double finals keep one sound
  assert.equal(romanizeRR('옷'), 'Ot');
  assert.equal(romanizeRR('앞산'), 'Apsan');
  assert.equal(romanizeRR('닭'), 'Dak');
  assert.equal(romanizeRR('읽어'), 'Ilgeo');
  // ㄷ+ㄴ → nn
  assert.equal(romanizeRR('받는'), 'Banneun');
});

test('MR voicing, n’g separator and vowels', () => {
  assert.equal(romanizeMR('부산'), 'Pusan');
  assert.equal(romanizeMR('대동강'), 'Taedonggang');
  assert.equal(romanizeMR('강계시'), 'Kanggye-si');
  assert.equal(romanizeMR('신계군'), 'Sin’gye-gun');
  assert.equal(romanizeRR('신계군'), 'Singye-gun');
  assert.equal(romanizeMR('의주군'), 'Ŭiju-gun');
  assert.equal(romanizeRR('의주군'), 'Uiju-gun');
  assert.equal(romanizeMR('회령시'), 'Hoeryŏng-si');
  assert.equal(romanizeMR('쌍꼬리'), 'Ssangkkori');
  assert.equal(romanizeMR('짜'), 'Tcha');
  assert.equal(romanizeMR('원산시'), 'Wŏnsan-si');
  assert.equal(romanizeRR('원산시'), 'Wonsan-si');
  assert.equal(romanizeMR('신의주시'), 'Sinŭiju-si'); // DPRK-style MR: s, not sh
});

test('initial ㄹ is r in both systems', () => {
  assert.equal(romanizeMR('룡강군'), 'Ryonggang-gun');
  assert.equal(romanizeRR('리원군'), 'Riwon-gun');
  assert.equal(romanizeRR(rokInitialForm('룡강군')), 'Yonggang-gun');
  assert.equal(romanizeRR(rokInitialForm('리원군')), 'Iwon-gun');
});

test('non-Hangul text passes through; each Hangul word is capitalised', () => {
  assert.equal(romanizeRR('Pyongyang'), 'Pyongyang');
  assert.equal(romanizeMR(''), '');
  assert.equal(romanizeRR('성천군 (평안남도)'), 'Seongcheon-gun (Pyeongannamdo)');
  assert.equal(romanizeMR('평안남도 성천군'), 'P’yŏngannamdo Sŏngch’ŏn-gun');
  assert.equal(romanizeRR('2.16 성천군'), '2.16 Seongcheon-gun');
  assert.equal(romanizeRR('ㄱ'), 'ㄱ'); // a lone jamo is not a syllable
  assert.equal(romanizeMR('成川郡'), '成川郡');
});

test('rokInitialForm applies 두음법칙 to the first syllable only', () => {
  assert.equal(rokInitialForm('룡강군'), '용강군');
  assert.equal(rokInitialForm('랑림군'), '낭림군');
  assert.equal(rokInitialForm('리원군'), '이원군');
  assert.equal(rokInitialForm('녕변'), '영변');
  assert.equal(rokInitialForm('락랑구역'), '낙랑구역');
  assert.equal(rokInitialForm('로동'), '노동');
  assert.equal(rokInitialForm('령림'), '영림'); // second syllable untouched
  assert.equal(rokInitialForm('성천군'), '성천군');
  assert.equal(rokInitialForm('은률군'), '은률군');
  assert.equal(rokInitialForm('나선시'), '나선시');
  assert.equal(rokInitialForm('라선시'), '나선시');
  assert.equal(rokInitialForm(''), '');
  assert.equal(rokInitialForm('Rason'), 'Rason');
});

test('splitAdminSuffix', () => {
  assert.deepEqual(splitAdminSuffix('성천군'), { stem: '성천', suffix: '군' });
  assert.deepEqual(splitAdminSuffix('구성시'), { stem: '구성', suffix: '시' });
  assert.deepEqual(splitAdminSuffix('개풍구역'), { stem: '개풍', suffix: '구역' });
  assert.deepEqual(splitAdminSuffix('청남지구'), { stem: '청남', suffix: '지구' });
  assert.deepEqual(splitAdminSuffix('선봉구'), { stem: '선봉', suffix: '구' });
  assert.deepEqual(splitAdminSuffix('개성특별시'), { stem: '개성', suffix: '특별시' });
  assert.deepEqual(splitAdminSuffix('남포특급시'), { stem: '남포', suffix: '특급시' });
  assert.deepEqual(splitAdminSuffix('중구역'), { stem: '중', suffix: '구역' });
  assert.deepEqual(splitAdminSuffix('성천'), { stem: '성천', suffix: '' });
  assert.deepEqual(splitAdminSuffix('군'), { stem: '군', suffix: '' });
  assert.deepEqual(splitAdminSuffix('구역'), { stem: '구역', suffix: '' });
  assert.deepEqual(splitAdminSuffix(''), { stem: '', suffix: '' });
  assert.deepEqual(splitAdminSuffix('X군'), { stem: 'X군', suffix: '' });
});
