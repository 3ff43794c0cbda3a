/**
 * SVG → PNG with resvg, using only the bundled fonts (fonts.ts): no system fonts, so the image is
 * the same on every machine. Scale 2 doubles width and height (for print).
 */
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { fontFiles, HANGUL_FAMILY, LATIN_FAMILY } from './fonts.js';
import { ExportError } from './errors.js';

function options(scale: 1 | 2) {
  return {
    fitTo: { mode: 'zoom' as const, value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: fontFiles(),
      defaultFontFamily: LATIN_FAMILY,
      monospaceFamily: LATIN_FAMILY,
      sansSerifFamily: LATIN_FAMILY,
      serifFamily: LATIN_FAMILY,
    },
    languages: ['en', 'ko'],
    logLevel: 'off' as const,
  };
}

/**
 * svgToPng off the main thread (resvg's own thread pool), so a pack can compose the next slides
 * while earlier ones are drawn, on several cores. Same output; throws ExportError('RENDER').
 */
export async function svgToPngAsync(svg: string, scale: 1 | 2): Promise<Buffer> {
  if (scale !== 1 && scale !== 2) throw new RangeError(`PNG scale must be 1 or 2, got ${String(scale)}`);
  try {
    return (await renderAsync(svg, options(scale))).asPng();
  } catch (e) {
    throw new ExportError('RENDER', `Could not render the PNG: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function svgToPng(svg: string, scale: 1 | 2): Buffer {
  if (scale !== 1 && scale !== 2) throw new RangeError(`PNG scale must be 1 or 2, got ${String(scale)}`);
  try {
    const resvg = new Resvg(svg, options(scale));
    return resvg.render().asPng();
  } catch (e) {
    throw new ExportError('RENDER', `Could not render the PNG: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The families the PNG renderer knows (for callers that pass their own `fontFamily`). */
export const PNG_FONT_FAMILIES = [LATIN_FAMILY, HANGUL_FAMILY] as const;
