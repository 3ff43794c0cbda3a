/** The plain-text export: the screen as text, with the provenance as a header and footer. */
import type { CellGrid, ExportMeta } from './types.js';
import { gridToText } from './ansi-to-grid.js';
import { cleanLine } from './escape.js';

/** Title, as-of, screen, legend, credits, note, generation time; no escape codes anywhere. */
export function gridToTextDocument(grid: CellGrid, meta: ExportMeta): string {
  const line = (s: string) => cleanLine(s);
  const out: string[] = [line(meta.title)];
  if (meta.subtitle) out.push(line(meta.subtitle));
  out.push(`Data as of ${line(meta.asOf)}`, '', gridToText(grid), '');
  if (meta.legend.length > 0)
    out.push(`Legend: ${meta.legend.map((l) => `${line(l.glyph) || ' '} ${line(l.label)}`).join('  ')}`);
  for (const c of meta.credits) out.push(line(c));
  if (meta.schematicNote) out.push(line(meta.schematicNote));
  if (meta.generatedAt !== null) out.push(`Generated ${line(meta.generatedAt)}`);
  return `${out.join('\n')}\n`;
}
