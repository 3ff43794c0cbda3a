import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeBlock, sanitizeInline } from '../../src/text/sanitize.js';

const HOSTILE: [string, string][] = [
  ['colour \u001b[31mred\u001b[0m text', 'colour red text'],
  ['title \u001b]0;pwned\u0007 here', 'title  here'],
  ['link \u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', 'link click'],
  ['clip \u001b]52;c;ZXZpbA==\u0007!', 'clip !'],
  ['C1 CSI \u009b2J clear', 'C1 CSI  clear'],
  ['over\rwrite', 'overwrite'],
  ['bidi \u202eevil\u202c and \u2067iso\u2069', 'bidi evil and iso'],
  ['bell\u0007 nul\u0000', 'bell\ufffd nul\ufffd'],
];

test('escape sequences, CR, bidi controls and other controls never survive', () => {
  for (const [input, expected] of HOSTILE) assert.equal(sanitizeInline(input), expected, JSON.stringify(input));
});

test('Hangul, Hanja and emoji are kept; a ZWJ sequence is drawn as its first emoji (same width everywhere)', () => {
  assert.equal(sanitizeInline('김형직군 金亨稷郡 🇰🇵'), '김형직군 金亨稷郡 🇰🇵');
  assert.equal(sanitizeInline('👩‍🏭 ☁️'), '👩 ☁');
});

test('inline text loses newlines; block text keeps them', () => {
  assert.equal(sanitizeInline('a\nb\tc'), 'a b c');
  assert.equal(sanitizeBlock('a\nb\tc'), 'a\nb  c');
});

test('an unterminated OSC loses its introducer, not the text after it', () => {
  assert.equal(sanitizeInline('quote \u001b]0;rest of the quote'), 'quote 0;rest of the quote');
  assert.equal(sanitizeInline('C1 \u009d0;rest'), 'C1 \ufffd0;rest');
});

test('Unicode line and paragraph separators count as newlines', () => {
  assert.equal(sanitizeInline('one\u2028two\u2029three'), 'one two three');
  assert.equal(sanitizeBlock('one\u2028two'), 'one\ntwo');
});
