/**
 * Draws a pane's styled lines as one Ink <Text>. Lines are cut to the pane width here, on plain
 * segments, so Ink never has to wrap, clip or re-measure ANSI text: one text node per pane keeps
 * a 160×48 redraw cheap.
 */
import { Text } from 'ink';
import { fitLine, type Line } from '../view/paint.js';

export function Lines({ lines, paint, width, height }: { lines: readonly Line[]; paint: (l: Line) => string; width: number; height?: number }) {
  const shown = height === undefined ? lines : lines.slice(0, height);
  return <Text wrap="truncate-end">{shown.map((line) => paint(fitLine(line, width))).join('\n')}</Text>;
}
