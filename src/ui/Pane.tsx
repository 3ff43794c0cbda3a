/** A bordered pane of fixed size with a one-line title; the border is dimmed unless focused. */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { text, type Line } from '../view/paint.js';

export function Pane(props: { title: string; width: number; height: number; focused?: boolean; paint: (l: Line) => string; color: boolean; children: ReactNode }) {
  const { title, width, height, focused, paint, color, children } = props;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderDimColor={color && !focused}>
      <Text wrap="truncate-end">{paint([text(title, { bold: true })])}</Text>
      {children}
    </Box>
  );
}
