/**
 * Every slide view × every size: a preset page comes out at exactly its declared pixel size (every
 * continuation page too), and nothing on a page is cut: no text block line wider than its block or
 * dropped under it, no block past the grid, no frame line, legend item or credit past the page's
 * right or bottom edge. Composed through the same functions the CLI uses (compose, render).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { composeSlide, type Slide, type SlideView } from '../../src/export/slide/compose.js';
import { pageMeta, renderSlide, slidePages, slideToText } from '../../src/export/slide/render.js';
import { parseSlideSize, SIZE_PRESETS } from '../../src/export/slide/size.js';
import { layoutFrame, textWidthPx } from '../../src/export/frame-layout.js';
import { CELL_HEIGHT, FRAME } from '../../src/export/geometry.js';
import { displayWidth } from '../../src/text/width.js';
import { plain } from '../../src/view/paint.js';
import { bundledAtlas } from '../helpers/ui.js';

const LENSES = [{ asOf: '2025-12-31' }, { asOf: '2026-11-30' }];
const atlas = bundledAtlas();

/** Every view a slide can show: the nation, the gap, the timeline, every first-level unit with sites and every program site. */
function allViews(): SlideView[] {
  const d = atlas.dataset;
  return [
    { kind: 'national' },
    { kind: 'gap' },
    { kind: 'timeline' },
    ...d.registry.provinces.filter((p) => d.sites.some((s) => s.province === p.id)).map((p): SlideView => ({ kind: 'province', id: p.id })),
    ...d.sites.map((s): SlideView => ({ kind: 'county', id: s.id })),
  ];
}

function compose(view: SlideView, size: string, asOf: string, txt = false): Slide {
  return composeSlide(atlas, view, { size: parseSlideSize(size), lens: { asOf }, noColor: txt, vectorChart: !txt, generatedAt: txt ? null : '2026-12-01T00:00:00.000Z' });
}

const name = (v: SlideView) => ('id' in v ? `${v.kind}:${v.id}` : v.kind);

/** Problems that would show a reader a cut page: text past a block, a block past the grid, frame text past the page. */
function cuts(page: Slide): string[] {
  const out: string[] = [];
  const site = page.view.kind === 'county' ? atlas.dataset.sites.find((x) => 'id' in page.view && x.id === page.view.id) : undefined;
  const facilities = (site?.facilities ?? []).map((f) => f.name);
  for (const b of page.blocks) {
    if (b.col + b.width > page.grid.cols) out.push(`block at col ${b.col} is ${b.width} wide in a ${page.grid.cols}-cell grid`);
    if (b.row + b.height > page.grid.rows) out.push(`block at row ${b.row} is ${b.height} tall in a ${page.grid.rows}-row grid`);
    if (b.lines.length > b.height) out.push(`block at ${b.col},${b.row} drops ${b.lines.length - b.height} lines`);
    for (const l of b.lines) {
      const w = l.reduce((n, s) => n + displayWidth(s.text), 0);
      if (w > b.width) out.push(`line "${plain(l).trim().slice(0, 40)}" is ${w} cells in a ${b.width}-cell block`);
      // Nothing is cut with an ellipsis to fit (the compact table's "C…" column, a gap note's "fo…"),
      // but a county's facility names, which the detail (view/detail-lines.ts) shortens by design.
      const t = plain(l).trimStart();
      if (t.includes('…') && !facilities.some((f) => f.startsWith(t.slice(0, t.indexOf('…'))))) out.push(`line "${t.slice(0, 60)}" is cut with …`);
    }
  }
  const layout = layoutFrame(page.grid, pageMeta(page));
  const right = layout.width - FRAME.pad + 1;
  if (layout.screen.x + layout.screen.width > layout.width || layout.screen.y + layout.screen.height > layout.height) out.push('the grid runs past the page');
  for (const line of layout.lines) {
    if (line.x + textWidthPx(line.text, line.size) > right) out.push(`frame line "${line.text.slice(0, 40)}" runs past the right edge`);
    if (line.y > layout.height) out.push(`frame line "${line.text.slice(0, 40)}" runs past the bottom edge`);
  }
  for (const item of layout.legend) {
    if (item.labelX + textWidthPx(item.label, FRAME.legendSize) > right) out.push(`legend item "${item.label}" runs past the right edge`);
    if (item.y + CELL_HEIGHT > layout.height) out.push(`legend item "${item.label}" runs past the bottom edge`);
  }
  if (layout.legend.length !== page.meta.legend.length) out.push('a legend item is not drawn');
  return out;
}

/** Lines of the TXT slide wider than its grid (header, map, legend, text, credits). */
function wideTxtLines(slide: Slide): string[] {
  return slideToText(slide).split('\n').filter((l) => displayWidth(l) > slide.grid.cols).map((l) => `${displayWidth(l)} > ${slide.grid.cols}: ${l.slice(0, 60)}`);
}

test('every TXT slide at every preset keeps every line within the slide width, and nothing in it is cut with …', () => {
  for (const size of ['16:9', '16:9-small']) {
    for (const asOf of LENSES.map((l) => l.asOf)) {
      for (const view of allViews()) {
        const slide = compose(view, size, asOf, true);
        const where = `${size} ${name(view)} ${asOf} txt`;
        assert.deepEqual(wideTxtLines(slide), [], where);
        assert.deepEqual(cuts(slide), [], where);
      }
    }
  }
});

test('every view at every preset is exactly the preset size, on every page, and nothing on a page is cut', async () => {
  const views = allViews();
  for (const size of Object.keys(SIZE_PRESETS)) {
    const preset = SIZE_PRESETS[size]!;
    // Both days at the first preset; the first day at the others ('slide' and '16:9' are the same page).
    for (const asOf of (size === 'slide' ? LENSES : LENSES.slice(0, 1)).map((l) => l.asOf)) {
      for (const view of views) {
        const slide = compose(view, size, asOf);
        const pages = slidePages(slide, 'svg');
        assert.equal(pages.length, slide.page.of, `${size} ${name(view)}`);
        for (const page of pages) {
          const where = `${size} ${name(view)} ${asOf} page ${page.page.n}/${page.page.of}`;
          assert.deepEqual(cuts(page), [], where);
          // The SVG's own size (and so the PNG's pixels at scale 1) is the preset's.
          const svg = (await renderSlide(page, 'svg')) as string;
          const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement!;
          assert.deepEqual([Number(root.getAttribute('width')), Number(root.getAttribute('height'))], [preset.width, preset.height], where);
          const layout = layoutFrame(page.grid, pageMeta(page));
          assert.equal(root.getAttribute('viewBox'), `0 0 ${layout.width} ${layout.height}`, where);
          // The viewBox keeps the page's shape: a 16:9 preset is never stretched.
          assert.equal(layout.width * preset.height, layout.height * preset.width, where);
        }
      }
    }
  }
});

test('at COLSxROWS sizes a slide keeps its width, grows taller rather than cut, and its legend is whole', () => {
  let longestLegend = 0;
  for (const size of ['60x16', '120x36', '160x48', '400x200']) {
    const [cols, rows] = size.split('x').map(Number) as [number, number];
    for (const view of allViews()) {
      for (const txt of [false, true]) {
        const slide = compose(view, size, '2025-12-31', txt);
        const where = `${size} ${name(view)}${txt ? ' txt' : ''}`;
        assert.equal(slide.continued.length, 0, where);
        assert.equal(slide.grid.cols, cols, where);
        assert.ok(slide.grid.rows >= rows, where);
        assert.deepEqual(cuts(slide), [], where);
        if (txt) assert.deepEqual(wideTxtLines(slide), [], where);
        longestLegend = Math.max(longestLegend, slide.meta.legend.length);
      }
    }
  }
  // The legends checked include long ones (highlight, several statuses, the stale mark), wrapped over rows at 60 cells.
  assert.ok(longestLegend >= 4, `longest legend: ${longestLegend} items`);
});

test('a slide that continues says so on every page, and its pages together hold every line of its text', () => {
  const slide = compose({ kind: 'gap' }, '16:9', '2025-12-31');
  assert.ok(slide.page.of > 1, 'the gap slide of 2025 needs more than one 16:9 page');
  const pages = slidePages(slide, 'png');
  pages.forEach((p, i) => {
    assert.deepEqual(p.page, { n: i + 1, of: pages.length });
    assert.match(pageMeta(p).subtitle!, i === 0 ? new RegExp(`^Page 1 of ${pages.length}: `) : new RegExp(`^Continued, page ${i + 1} of ${pages.length}: `));
  });
  const shown = pages.flatMap((p) => p.blocks.flatMap((b) => b.lines.map(plain))).filter((l) => l.trim() !== '');
  assert.deepEqual(shown, slide.flow.map(plain).filter((l) => l.trim() !== ''));
  // The TXT slide is one file: no continuation, no page note.
  assert.deepEqual(slidePages(slide, 'txt'), [slide]);
});
