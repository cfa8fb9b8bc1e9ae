// Geometry of the minimap: which board rectangle it shows and how its pixels map to the board.
// Pure; the UI (ui/minimap.ts) draws and handles input with it.
import type { Box } from './geometry';

/** Board → minimap pixels: minimap point = (board point − origin) × scale. */
export interface MinimapTransform {
  readonly scale: number;
  readonly originX: number;
  readonly originY: number;
}

/**
 * The transform that fits the content and the viewport (so the viewport rectangle is always on
 * the minimap) into `width` × `height` pixels with `padding` pixels around, centred.
 */
export function minimapTransform(content: Box | null, viewport: Box, width: number, height: number, padding = 6): MinimapTransform {
  const box = content === null ? viewport : union(content, viewport);
  const bw = Math.max(1, box.maxX - box.minX);
  const bh = Math.max(1, box.maxY - box.minY);
  const scale = Math.max(1e-6, Math.min((width - 2 * padding) / bw, (height - 2 * padding) / bh));
  return {
    scale,
    originX: (box.minX + box.maxX) / 2 - width / 2 / scale,
    originY: (box.minY + box.maxY) / 2 - height / 2 / scale,
  };
}

/** Minimap pixels of a board point. */
export function boardToMinimap(t: MinimapTransform, x: number, y: number): [number, number] {
  return [(x - t.originX) * t.scale, (y - t.originY) * t.scale];
}

/** Board point under a minimap pixel. */
export function minimapToBoard(t: MinimapTransform, mx: number, my: number): [number, number] {
  return [mx / t.scale + t.originX, my / t.scale + t.originY];
}

/** A board box in minimap pixels, at least `minSize` pixels wide and high so tiny elements stay visible. */
export function boxOnMinimap(t: MinimapTransform, box: Box, minSize = 1): { x: number; y: number; w: number; h: number } {
  const [x, y] = boardToMinimap(t, box.minX, box.minY);
  return { x, y, w: Math.max(minSize, (box.maxX - box.minX) * t.scale), h: Math.max(minSize, (box.maxY - box.minY) * t.scale) };
}

/** Whether two transforms place every point within a tenth of a minimap pixel of each other (near the origin). */
export function sameTransform(a: MinimapTransform | null, b: MinimapTransform): boolean {
  return (
    a !== null &&
    Math.abs(a.scale - b.scale) <= b.scale * 1e-4 &&
    Math.abs(a.originX - b.originX) * b.scale < 0.1 &&
    Math.abs(a.originY - b.originY) * b.scale < 0.1
  );
}

function union(a: Box, b: Box): Box {
  return { minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) };
}
