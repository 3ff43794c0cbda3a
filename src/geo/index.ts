/**
 * The map's geography core: load the county layer once, rasterise once per terminal size, compose
 * frames per selection/status change. Everything here is pure except layer-file.ts (reads the
 * committed layer).
 *
 *   const prepared = prepareLayer(readDefaultLayer());
 *   const rasterFor = rasterCache(prepared);
 *   const frame = composeFrame(rasterFor(cols, rows), { selected, statuses, noColor });
 */
export * from './topology.js';
export * from './layer-file.js';
export * from './projection.js';
export * from './prepared.js';
export * from './raster.js';
export * from './labels.js';
export * from './hit.js';
export * from './legend.js';
export * from './frame.js';
