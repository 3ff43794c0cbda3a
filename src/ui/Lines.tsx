/** Draws styled lines, one Ink <Text> per line, cut to the box width. */
import { Box, Text } from 'ink';
import type { Line } from '../view/paint.js';

export function Lines({ lines, paint, height }: { lines: readonly Line[]; paint: (l: Line) => string; height?: number }) {
  const shown = height === undefined ? lines : lines.slice(0, height);
  return (
    <Box flexDirection="column" flexGrow={1} overflow="hidden">
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {paint(line) || ' '}
        </Text>
      ))}
    </Box>
  );
}
