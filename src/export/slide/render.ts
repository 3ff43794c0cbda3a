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
import { painter, plain } from '../../view/paint.js';
import type { ExportMeta } from '../types.js';
import type { Slide } from './compose.js';
import { gridToLines } from './lines-to-grid.js';

export const SLIDE_FORMATS = ['png', 'svg', 'html', 'txt', 'ansi'] as const;
export type SlideFormat = (typeof SLIDE_FORMATS)[number];

/** The plain-text slide: provenance header, map, legend (exactly the glyphs the map uses), text, credits. */
export function slideToText(slide: Slide): string {
  const m: ExportMeta = slide.meta;
  const out: string[] = [cleanLine(m.title)];
  if (m.subtitle) out.push(cleanLine(m.subtitle));
  out.push(`Data as of ${cleanLine(m.asOf)}`, '');
  if (slide.map.length > 0) {
    out.push(...slide.map.map((l) => cleanText(plain(l)).trimEnd()));
    if (m.legend.length > 0) out.push(`Legend: ${m.legend.map((l) => `${cleanLine(l.glyph) || ' '} ${cleanLine(l.label)}`).join('  ')}`);
    out.push('');
  }
  out.push(...slide.flow.map((l) => cleanText(plain(l)).trimEnd()), '');
  for (const c of m.credits) out.push(cleanLine(c));
  if (m.schematicNote) out.push(cleanLine(m.schematicNote));
  if (m.generatedAt !== null) out.push(`Generated ${cleanLine(m.generatedAt)}`);
  return `${out.join('\n')}\n`;
}

/** The slide in one format: a string, or a Buffer for PNG (`scale` 1 or 2). */
export async function renderSlide(slide: Slide, format: SlideFormat, scale: 1 | 2 = 2): Promise<string | Buffer> {
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

/** Renders and writes atomically (never over a file without `force`, never into a forbidden directory); returns the bytes written. */
export async function writeSlide(file: string, slide: Slide, format: SlideFormat, options: { scale: 1 | 2; force: boolean; forbiddenDirs: string[] }): Promise<number> {
  const data = await renderSlide(slide, format, options.scale);
  await writeFileAtomic(file, data, { force: options.force, forbiddenDirs: options.forbiddenDirs });
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}
