/**
 * A composed slide in each export format. SVG and PNG: the grid framed by title, legend and credits
 * (svg.ts, png.ts), with the slide's vector overlays; HTML: the same grid inline (html.ts); TXT:
 * title, the map, its legend, then the text in reading order (not in columns); ANSI: the grid as
 * coloured terminal text. Written atomically (write-atomic.ts).
 */
import { gridToSvg } from '../svg.js';
import { gridToHtml } from '../html.js';
import { cleanLine, cleanText } from '../escape.js';
import { writeFileAtomic } from '../write-atomic.js';
import { painter, plain, text, wrapLine } from '../../view/paint.js';
import { displayWidth } from '../../text/width.js';
import type { ExportMeta } from '../types.js';
import type { Slide } from './compose.js';
import { gridToLines } from './lines-to-grid.js';

export const SLIDE_FORMATS = ['png', 'svg', 'html', 'txt', 'ansi'] as const;
export type SlideFormat = (typeof SLIDE_FORMATS)[number];

/**
 * The plain-text slide: provenance header, map, legend (exactly the glyphs the map uses), text, credits.
 * No line is wider than the slide's grid (`slide.grid.cols` cells): the header, legend and credits
 * wrap (a legend item is never split across lines unless it alone is wider than the slide).
 */
export function slideToText(slide: Slide): string {
  const m: ExportMeta = slide.meta;
  const width = slide.grid.cols;
  const wrap = (s: string, indent = 2): string[] => wrapLine([text(s)], width, indent).map((l) => plain(l).trimEnd());
  const out: string[] = [...wrap(cleanLine(m.title))];
  if (m.subtitle) out.push(...wrap(cleanLine(m.subtitle)));
  out.push(...wrap(`Data as of ${cleanLine(m.asOf)}`), '');
  if (slide.map.length > 0) {
    out.push(...slide.map.map((l) => cleanText(plain(l)).trimEnd()));
    if (m.legend.length > 0) out.push(...legendLines(m.legend.map((l) => `${cleanLine(l.glyph) || ' '} ${cleanLine(l.label)}`), width));
    out.push('');
  }
  out.push(...slide.flow.map((l) => cleanText(plain(l)).trimEnd()), '');
  for (const c of m.credits) out.push(...wrap(cleanLine(c)));
  if (m.schematicNote) out.push(...wrap(cleanLine(m.schematicNote)));
  if (m.generatedAt !== null) out.push(...wrap(`Generated ${cleanLine(m.generatedAt)}`));
  return `${out.join('\n')}\n`;
}

/** "Legend: " and the items two spaces apart, packed into lines of at most `width` cells; continuation lines indented under the first item. */
function legendLines(items: readonly string[], width: number): string[] {
  const head = 'Legend: ';
  const pad = ' '.repeat(head.length);
  const out: string[] = [];
  let line = head;
  for (const item of items) {
    const start = line === head || line === pad;
    if (!start && displayWidth(line) + 2 + displayWidth(item) > width) {
      out.push(line);
      line = pad;
    }
    line += (line === head || line === pad ? '' : '  ') + item;
  }
  out.push(line);
  // An item wider than the slide by itself wraps at its spaces.
  return out.flatMap((l) => wrapLine([text(l)], width, head.length).map((w) => plain(w).trimEnd()));
}

/**
 * The frame text of a page: the subtitle starts "Page 1 of 3: " on the first of several pages,
 * "Continued, page 2 of 3: " on the others (one page: unchanged).
 */
export function pageMeta(slide: Slide): ExportMeta {
  const { n, of } = slide.page;
  if (of <= 1) return slide.meta;
  const note = n === 1 ? `Page 1 of ${of}` : `Continued, page ${n} of ${of}`;
  return { ...slide.meta, subtitle: slide.meta.subtitle ? `${note}: ${slide.meta.subtitle}` : note };
}

/** The slide in one format: a string, or a Buffer for PNG (`scale` 1 or 2). TXT is never paged (slideToText). */
export async function renderSlide(slide: Slide, format: SlideFormat, scale: 1 | 2 = 2): Promise<string | Buffer> {
  if (format !== 'txt' && slide.page.of > 1) slide = { ...slide, meta: pageMeta(slide) };
  switch (format) {
    case 'svg':
      return gridToSvg(slide.grid, slide.meta, slide.vectors);
    case 'png':
      // The native PNG renderer and its fonts are loaded only when a PNG is asked for.
      return (await import('../png.js')).svgToPngAsync(gridToSvg(slide.grid, slide.meta, slide.vectors), scale);
    case 'html':
      return gridToHtml(slide.grid, slide.meta);
    case 'txt':
      return slideToText(slide);
    case 'ansi': {
      const paint = painter(3);
      return `${gridToLines(slide.grid).map(paint).join('\n')}\n`;
    }
  }
}

/** The file of continuation page `n` (2, 3…) of a slide written to `file`: slide.png → slide-2.png. */
export function continuationFile(file: string, n: number): string {
  const m = /^(.*?)(\.[^./\\]*)?$/.exec(file)!;
  return `${m[1]}-${n}${m[2] ?? ''}`;
}

/** The pages of `slide` a format writes, one file each: every page for the paged formats, the slide alone for TXT (its text flows whole). */
export function slidePages(slide: Slide, format: SlideFormat): Slide[] {
  return format === 'txt' ? [slide] : [slide, ...slide.continued];
}

/**
 * Renders and writes atomically (never over a file without `force`, never into a forbidden
 * directory): the slide to `file`, its continuation pages (slidePages) to continuationFile(file, 2…).
 * Returns the bytes written in all and the files, first page first.
 */
export async function writeSlide(file: string, slide: Slide, format: SlideFormat, options: { scale: 1 | 2; force: boolean; forbiddenDirs: string[] }): Promise<{ bytes: number; files: string[] }> {
  const pages = slidePages(slide, format);
  const files = pages.map((_, i) => (i === 0 ? file : continuationFile(file, i + 1)));
  let bytes = 0;
  for (let i = 0; i < pages.length; i++) {
    const data = await renderSlide(pages[i]!, format, options.scale);
    await writeFileAtomic(files[i]!, data, { force: options.force, forbiddenDirs: options.forbiddenDirs });
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  }
  return { bytes, files };
}
