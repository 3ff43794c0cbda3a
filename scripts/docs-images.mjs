// Regenerates the slide images README.md shows (docs/slide-*.png): one slide of each kind, 16:9
// preset, scale 1, no time stamp, at a fixed as-of date so the images change only with the data.
// Run: npm run docs:images   (builds first; pass another date as the first argument)
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const asOf = process.argv[2] ?? '2026-11-30';
const slides = [
  ['county:kimhyongjik', 'slide-county-kimhyongjik.png'],
  ['province:ryanggang', 'slide-province-ryanggang.png'],
  ['national', 'slide-national.png'],
  ['gap', 'slide-gap.png'],
  ['timeline', 'slide-timeline.png'],
];
// README shows each slide's first page: continuation pages (slide-gap-2.png…) are not kept.
const continuation = /^slide-.*-\d+\.png$/;
for (const f of readdirSync(new URL('../docs/', import.meta.url))) if (continuation.test(f)) rmSync(new URL(`../docs/${f}`, import.meta.url));
for (const [view, file] of slides) {
  const args = ['bin/nk20x10.js', 'export', '--view', view, '--size', 'slide', '--scale', '1', '--as-of', asOf, '--no-timestamp', '--force', '-o', `docs/${file}`];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
for (const f of readdirSync(new URL('../docs/', import.meta.url))) if (continuation.test(f)) rmSync(new URL(`../docs/${f}`, import.meta.url));
