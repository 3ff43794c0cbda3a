/**
 * Renders the roll-out timeline chart of the bundled data as a standalone SVG and PNG, and prints
 * the on-screen chart, so a person can look at both (issue 12, point 3).
 *
 * Run: node dist/scripts/timeline-preview.js [--as-of YYYY-MM-DD] [--hindsight] [--size WxH] [--out DIR]
 * Writes DIR/timeline-AS_OF.svg and .png (DIR defaults to the system temp directory).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../src/load/dataset.js';
import { today } from '../src/model/dates.js';
import { rolloutAt } from '../src/model/rollout.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../src/paths.js';
import { svgToPng } from '../src/export/png.js';
import { timelineChartSvg } from '../src/export/timeline-svg.js';
import { timelineChartLines } from '../src/view/timeline-chart.js';
import { painter } from '../src/view/paint.js';

/** A standalone SVG document around the chart fragment. */
export function standaloneTimelineSvg(fragment: string, width: number, height: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n${fragment}\n</svg>\n`;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const asOf = arg('--as-of') ?? today();
const [width, height] = (arg('--size') ?? '1280x720').split('x').map(Number) as [number, number];
const dir = arg('--out') ?? tmpdir();
const dataset = loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR });
const rollout = rolloutAt(dataset, { asOf, hindsight: process.argv.includes('--hindsight') });
const svg = standaloneTimelineSvg(timelineChartSvg(rollout, { width, height }), width, height);
mkdirSync(dir, { recursive: true });
const base = join(dir, `timeline-${asOf}`);
writeFileSync(`${base}.svg`, svg);
writeFileSync(`${base}.png`, svgToPng(svg, 1));
const paint = painter(process.stdout.isTTY ? 3 : 0);
for (const line of timelineChartLines(rollout, Math.min(process.stdout.columns ?? 100, 160), 20, !process.stdout.isTTY)) console.log(paint(line));
console.log(`wrote ${base}.svg and ${base}.png`);
