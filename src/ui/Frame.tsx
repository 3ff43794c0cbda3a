/**
 * Draws a composed frame (one string per terminal row, from src/view/frame.ts).
 *
 * Inside a <FrameSink> (the interactive terminal, and the off-screen mirror of it in the tests) the
 * frame goes straight to the sink at commit time, and Ink draws nothing: Ink's own layout and
 * re-serialisation of a 160×48 frame cost more than the rest of a keystroke (issue 12). Without a
 * sink (one-frame mode, export captures) the frame is one Ink <Text>, which gives the same text.
 */
import { Text } from 'ink';
import { createContext, useContext, useLayoutEffect } from 'react';
import type { ComposedFrame } from '../view/frame.js';

/** Receives every frame the dashboard draws: its lines (no line breaks) and its pieces per row. */
export type FrameSinkFn = (frame: ComposedFrame) => void;

const FrameSinkContext = createContext<FrameSinkFn | null>(null);

/** Provides the sink that frames are written to instead of Ink's output. */
export const FrameSink = FrameSinkContext.Provider;

export function Frame({ frame }: { frame: ComposedFrame }) {
  const sink = useContext(FrameSinkContext);
  // Layout effect: runs in the same commit that Ink would have drawn in, so the order of frames
  // and the moment they reach the terminal are unchanged.
  useLayoutEffect(() => {
    sink?.(frame);
  }, [sink, frame]);
  if (sink) return null;
  return <Text wrap="truncate-end">{frame.lines.join('\n')}</Text>;
}
