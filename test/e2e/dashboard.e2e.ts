/**
 * End to end: the real binary in tmux panes, driven with keys, checked with capture-pane.
 * First the exact-screen walks (test/e2e/exact-screen.ts) at six sizes: after every step the whole
 * pane must equal the frame the app renders off-screen. Then scenarios at 160×48 and the terminal
 * life cycle (NO_COLOR, TERM=dumb, tiny, stdin closed, signals, Ctrl-C, Ctrl-Z and fg, a vanished
 * terminal). Run with `npm run e2e` (needs tmux). Prints one line per check and "N passed, N failed".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { openAtlas } from '../../src/atlas.js';
import { loadDataset } from '../../src/load/dataset.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { walkAt, WALK } from './exact-screen.js';
import { sanitizeInline } from '../../src/text/sanitize.js';
import { displayWidth } from '../../src/text/width.js';
import { WIDTH_CASES } from '../helpers/width-cases.js';

const socket = `nk20x10-e2e-${process.pid}`;
const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'xterm-256color' };
delete env.CI; // Ink treats CI as "print the last frame only"; this is an interactive session.
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env });
const screen = (session = 'e2e') => tmux('capture-pane', '-p', '-t', session);
const paneState = (session: string) => tmux('display', '-p', '-t', session, '#{alternate_on} #{cursor_flag}').trim();

let passed = 0;
let failed = 0;

async function expect(label: string, pattern: RegExp, timeoutMs = 8000, session = 'e2e'): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = screen(session);
    if (pattern.test(last)) {
      passed++;
      console.log(`ok - ${label}`);
      return;
    }
    await delay(100);
  }
  failed++;
  console.log(`not ok - ${label}: ${pattern} not on screen:\n${last}`);
}

async function keys(...k: string[]): Promise<void> {
  await keysTo('e2e', ...k);
}

async function keysTo(session: string, ...k: string[]): Promise<void> {
  for (const key of k) {
    tmux('send-keys', '-t', session, key);
    await delay(120);
  }
}

function check(label: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${label}${ok || !detail ? '' : `: ${detail}`}`);
}

/** A new tmux session running the binary; the shell prints EXIT:<code> when it ends. */
function start(session: string, cwd: string, bin: string, cols: number, rows: number, prefix = '', suffix = ''): void {
  const command = `${prefix}node ${JSON.stringify(bin)} --as-of 2025-12-31${suffix}; echo "EXIT:$?"; sleep 30`;
  tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), '-c', cwd, command);
}

/** The dashboard's node process in a session (a child of the pane's shell). */
function nodePid(session: string): string {
  const shell = tmux('display', '-p', '-t', session, '#{pane_pid}').trim();
  return execFileSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
}

/** The exact-screen walks, one check per size. */
async function exactScreens(bin: string): Promise<void> {
  const atlas = openAtlas(loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR }));
  for (const [cols, rows] of [[60, 16], [80, 24], [100, 30], [120, 40], [160, 48], [220, 60]] as const) {
    const result = await walkAt(socket, bin, atlas, cols, rows, '2025-12-31');
    check(`${cols}×${rows}: after each of ${result.steps} steps the screen is exactly the app's frame, and full redraws change nothing`, result.failures.length === 0, `\n${result.failures.slice(0, 4).join('\n')}${result.failures.length > 4 ? `\n… and ${result.failures.length - 4} more` : ''}`);
  }
  console.log(`(the walk: ${WALK.length} steps, ${WALK.filter((s) => 'resize' in s).length} of them resizes)`);
}

/**
 * Text width in a real terminal: each string, drawn as the app draws it (cell-safe), moves tmux's
 * cursor by exactly the cells the layout counts.
 */
async function textWidths(cwd: string): Promise<void> {
  const cases = WIDTH_CASES;
  const wrong: string[] = [];
  for (const [i, raw] of cases.entries()) {
    const drawn = sanitizeInline(raw);
    const file = join(cwd, `width-${i}.txt`);
    writeFileSync(file, drawn);
    const session = `width${i}`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '5', `cat ${JSON.stringify(file)}; sleep 5`);
    await delay(300);
    const x = Number(tmux('display', '-p', '-t', session, '#{cursor_x}').trim());
    tmux('kill-session', '-t', session);
    if (x !== displayWidth(drawn)) wrong.push(`${JSON.stringify(raw)} drawn as ${JSON.stringify(drawn)}: layout ${displayWidth(drawn)} cells, tmux ${x}`);
  }
  check(`text width: ${cases.length} strings (emoji with selectors, ZWJ, combining marks, Hangul, CJK) take the same cells in tmux as in the layout`, wrong.length === 0, wrong.join('; '));
}

/** Ctrl-C, Ctrl-Z with fg, and a terminal that goes away. */
async function lifeCycle(cwd: string, bin: string): Promise<void> {
  start('ctrlc', cwd, bin, 100, 30);
  await expect('Ctrl-C: the dashboard runs', /Inaugurated 40 of 200/, 20000, 'ctrlc');
  await keysTo('ctrlc', 'C-c');
  await expect('Ctrl-C in the app exits 130, as SIGINT does', /EXIT:130/, 8000, 'ctrlc');
  check('Ctrl-C: screen and cursor restored', paneState('ctrlc') === '0 1', paneState('ctrlc'));

  // Job control needs an interactive shell.
  tmux('new-session', '-d', '-s', 'jobs', '-x', '100', '-y', '30', '-c', cwd, 'bash --norc --noprofile -i');
  await delay(500);
  tmux('send-keys', '-t', 'jobs', '-l', `node ${JSON.stringify(bin)} --as-of 2025-12-31`);
  tmux('send-keys', '-t', 'jobs', 'Enter');
  await expect('Ctrl-Z: the dashboard runs under a shell', /Inaugurated 40 of 200/, 20000, 'jobs');
  await keysTo('jobs', 'j', 'j');
  await expect('Ctrl-Z: keys work before suspending', /▶ . Pukchang/, 8000, 'jobs');
  await delay(300);
  const beforeSuspend = screen('jobs');
  await keysTo('jobs', 'C-z');
  await expect('Ctrl-Z suspends: the shell says Stopped', /Stopped/, 8000, 'jobs');
  check('Ctrl-Z: alternate screen off and cursor shown while stopped', paneState('jobs') === '0 1', paneState('jobs'));
  tmux('send-keys', '-t', 'jobs', '-l', 'fg');
  tmux('send-keys', '-t', 'jobs', 'Enter');
  await expect('fg resumes in the alternate screen', /Inaugurated 40 of 200/, 8000, 'jobs');
  await delay(500);
  check('fg redraws the whole screen as it was', screen('jobs') === beforeSuspend, `\nbefore:\n${beforeSuspend}\nafter:\n${screen('jobs')}`);
  await keysTo('jobs', 'q');
  await delay(500);
  tmux('send-keys', '-t', 'jobs', '-l', 'echo "EXIT:$?"');
  tmux('send-keys', '-t', 'jobs', 'Enter');
  await expect('q after fg exits 0', /EXIT:0/, 8000, 'jobs');
  check('after fg and q: screen and cursor restored', paneState('jobs') === '0 1', paneState('jobs'));

  // A vanished terminal: the pane is closed under the app. The shell around it ignores SIGHUP so it
  // can report how the app ended.
  const status = join(cwd, 'hup-status');
  const errors = join(cwd, 'hup-stderr');
  tmux('new-session', '-d', '-s', 'hup', '-x', '100', '-y', '30', '-c', cwd, `trap '' HUP; node ${JSON.stringify(bin)} --as-of 2025-12-31 2>${JSON.stringify(errors)}; echo $? > ${JSON.stringify(status)}`);
  await expect('vanished terminal: the dashboard runs', /Inaugurated 40 of 200/, 20000, 'hup');
  tmux('kill-session', '-t', 'hup');
  const until = Date.now() + 10000;
  while (!existsSync(status) && Date.now() < until) await delay(100);
  const code = existsSync(status) ? readFileSync(status, 'utf8').trim() : 'none';
  check('a vanished terminal ends the app with exit 129', code === '129', `exit ${code}`);
  const err = existsSync(errors) ? readFileSync(errors, 'utf8') : '';
  check('a vanished terminal leaves no stack trace or error dump', !/Error|at .*\(|node:internal|Assertion/.test(err), err.slice(0, 500));
}

/** The terminal scenarios: each must end with the screen and cursor restored. */
async function terminals(cwd: string, bin: string): Promise<void> {
  start('nocolor', cwd, bin, 160, 48, 'NO_COLOR=1 ');
  await expect('NO_COLOR: the dashboard runs', /Inaugurated 40 of 200/, 20000, 'nocolor');
  const escapes = tmux('capture-pane', '-p', '-e', '-t', 'nocolor');
  check('NO_COLOR: no colour codes reach the terminal', !/\u001b\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)/.test(escapes));
  check('NO_COLOR: statuses are drawn as glyphs', /[░▒▓]/.test(escapes));
  await keysTo('nocolor', 'q');
  await expect('NO_COLOR: q quits with exit 0', /EXIT:0/, 8000, 'nocolor');
  check('NO_COLOR: screen and cursor restored', paneState('nocolor') === '0 1', paneState('nocolor'));

  start('dumb', cwd, bin, 160, 48, 'TERM=dumb ');
  await expect('TERM=dumb: one frame, then exit 0 (no in-place redraws)', /Inaugurated 40 of 200[\s\S]*EXIT:0/, 20000, 'dumb');
  check('TERM=dumb: never left the normal screen', paneState('dumb') === '0 1', paneState('dumb'));

  start('tiny', cwd, bin, 20, 6);
  await expect('20×6: says what size it needs', /Needs 60×16[\s\S]*This is 20×6/, 20000, 'tiny');
  await keysTo('tiny', 'q');
  await expect('20×6: q quits with exit 0', /EXIT:0/, 8000, 'tiny');
  check('20×6: screen and cursor restored', paneState('tiny') === '0 1', paneState('tiny'));

  start('closed', cwd, bin, 160, 48, '', ' < /dev/null');
  await expect('stdin closed: one frame, then exit 0', /Inaugurated 40 of 200[\s\S]*EXIT:0/, 20000, 'closed');
  check('stdin closed: screen and cursor restored', paneState('closed') === '0 1', paneState('closed'));

  for (const [signal, code] of [['INT', 130], ['TERM', 143]] as const) {
    const session = `sig${signal.toLowerCase()}`;
    start(session, cwd, bin, 160, 48);
    await expect(`SIG${signal}: the dashboard runs`, /Inaugurated 40 of 200/, 20000, session);
    check(`SIG${signal}: in the alternate screen while running`, paneState(session).startsWith('1'), paneState(session));
    execFileSync('kill', [`-${signal}`, nodePid(session)]);
    await expect(`SIG${signal}: exits ${code}`, new RegExp(`EXIT:${code}`), 8000, session);
    check(`SIG${signal}: screen and cursor restored`, paneState(session) === '0 1', paneState(session));
  }
}

async function main(): Promise<number> {
  try {
    execFileSync('tmux', ['-V']);
  } catch {
    console.log('e2e: tmux is not installed; install it (apt-get install tmux) to run this script');
    return 1;
  }
  const cwd = mkdtempSync(join(tmpdir(), 'nk20x10-e2e-'));
  const bin = join(PACKAGE_ROOT, 'bin', 'nk20x10.js');
  const command = `node ${JSON.stringify(bin)} --as-of 2025-12-31; echo "EXIT:$?"; sleep 30`;
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'e2e', '-x', '160', '-y', '48', '-c', cwd, command);
  // Per window: a global `window-size manual` makes tmux 3.3a crash on the next new-session.
  tmux('set-option', '-w', '-t', 'e2e', 'window-size', 'manual');
  try {
    await expect('first frame: header, map, list', /Inaugurated 40 of 200[\s\S]*Map · [\s\S]*Provinces · /, 20000);
    // As of 2025-12-31 Pyongyang has one site (Kangdong); the 2026 sites are not known yet.
    await keys('j');
    await expect('j moves down the list (to the next province header)', /▶▾ South Pyongan 평안남도/);
    await keys('l');
    await expect('l moves to the first county of the next province', /▶ . Kujang 구장군/);
    await keys('k');
    await expect('k moves up', /▶ . Yomju 염주군|▶▾ North Pyongan/);
    await keys('/');
    tmux('send-keys', '-t', 'e2e', '-l', '김형직');
    await expect('search by Hangul shows live results', /Search: 김형직[\s\S]*Kim Hyong Jik 김형직군 2024/);
    await keys('Enter');
    await expect('Enter selects the county: detail and contested flag', /Kim Hyong Jik County  김형직군[\s\S]*CONTESTED/);
    await keys('t');
    await expect('t steps the as-of date back (to the previous dated report)', /as of 2025-(0\d|1[01])-\d\d|as of 2025-12-([0-2]\d|30)/);
    await keys('T');
    await expect('T steps it forward again', /as of 2025-12-29|as of 2025-12-31|as of 2026/);
    await keys('?');
    await expect('? opens the help', /Keys[\s\S]*search by any spelling/);
    await keys('x');
    await expect('any key closes the help', /Detail/);
    await keys('e', '2');
    await expect('e exports the screen and says where', /Exported SVG to .*nk20x10-county-kimhyongjik-/);
    const exported = readdirSync(cwd).filter((f) => f.endsWith('.svg'));
    if (exported.length === 1) {
      passed++;
      console.log(`ok - the export is in the working directory (${exported[0]})`);
    } else {
      failed++;
      console.log(`not ok - expected one SVG in ${cwd}, found ${exported.join(', ') || 'none'}`);
    }
    tmux('resize-window', '-t', 'e2e', '-x', '80', '-y', '24');
    await expect('a resize to 80×24 re-lays out (list beside map and detail)', /Provinces · [\s\S]*Detail/);
    tmux('resize-window', '-t', 'e2e', '-x', '50', '-y', '12');
    await expect('a tiny terminal says what size it needs', /needs a terminal of at least 60×16/);
    tmux('resize-window', '-t', 'e2e', '-x', '160', '-y', '48');
    await expect('back to 160×48', /Map · /);
    // A resize storm: hundreds of size changes, then the right frame for the last size.
    for (let i = 0; i < 300; i++) tmux('resize-window', '-t', 'e2e', '-x', String(40 + ((i * 37) % 160)), '-y', String(8 + ((i * 13) % 50)));
    tmux('resize-window', '-t', 'e2e', '-x', '120', '-y', '40');
    // At 120 columns the map sits above the list and the detail is beside them.
    await expect('after 300 resizes the app is alive and laid out for 120×40', /^ nk20x10 [\s\S]*Map · [\s\S]*Detail[\s\S]*Provinces · /);
    const wide = screen().split('\n').filter((l) => l.includes('╮'));
    check('the frame fits the final width', wide.every((l) => [...l].length <= 120), wide.join('\n'));
    await keys('q');
    await expect('q quits with exit 0 and restores the screen', /EXIT:0/);
    const after = screen();
    if (!after.includes('Provinces · ')) {
      passed++;
      console.log('ok - the alternate screen is gone after quitting');
    } else {
      failed++;
      console.log(`not ok - the dashboard is still on screen after quitting:\n${after}`);
    }
    await terminals(cwd, bin);
    await lifeCycle(cwd, bin);
    await textWidths(cwd);
    await exactScreens(bin);
  } finally {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    if (existsSync(cwd)) rmSync(cwd, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
