// Board ↔ screen mapping. Identity for now; pan and zoom (a later issue) only change the numbers.

/** Screen point = (board point − offset) × scale, in CSS pixels relative to the board's top left. */
export interface ViewTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/** No pan, no zoom. */
export const IDENTITY_VIEW: ViewTransform = { scale: 1, offsetX: 0, offsetY: 0 };

/** Board coordinates of a point given in CSS pixels relative to the board's top left. */
export function screenToBoard(view: ViewTransform, sx: number, sy: number): [number, number] {
  return [sx / view.scale + view.offsetX, sy / view.scale + view.offsetY];
}

/** CSS pixels relative to the board's top left of a board point. */
export function boardToScreen(view: ViewTransform, bx: number, by: number): [number, number] {
  return [(bx - view.offsetX) * view.scale, (by - view.offsetY) * view.scale];
}

/** Sets a 2D context to draw in board coordinates on a canvas of `pixelRatio` device pixels per CSS pixel. */
export function applyView(ctx: CanvasRenderingContext2D, view: ViewTransform, pixelRatio: number): void {
  const k = view.scale * pixelRatio;
  ctx.setTransform(k, 0, 0, k, -view.offsetX * k, -view.offsetY * k);
}

/** Smallest and largest zoom. */
export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;

/** The board rectangle a view shows in a viewport of `width` × `height` CSS pixels. */
export function visibleBoardBox(view: ViewTransform, width: number, height: number): { minX: number; minY: number; maxX: number; maxY: number } {
  return { minX: view.offsetX, minY: view.offsetY, maxX: view.offsetX + width / view.scale, maxY: view.offsetY + height / view.scale };
}

/** The view zoomed by `factor` keeping the board point under screen point (sx, sy) in place. */
export function zoomAt(view: ViewTransform, factor: number, sx: number, sy: number): ViewTransform {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const [bx, by] = screenToBoard(view, sx, sy);
  return { scale, offsetX: bx - sx / scale, offsetY: by - sy / scale };
}

/** The view panned by (dx, dy) screen pixels. */
export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...view, offsetX: view.offsetX - dx / view.scale, offsetY: view.offsetY - dy / view.scale };
}

/** The view that shows a board box whole and centred, with `margin` CSS pixels around it. */
export function fitBox(
  box: { minX: number; minY: number; maxX: number; maxY: number },
  width: number,
  height: number,
  margin = 40,
  maxScale = 1,
): ViewTransform {
  const bw = Math.max(1, box.maxX - box.minX);
  const bh = Math.max(1, box.maxY - box.minY);
  const scale = Math.min(maxScale, MAX_SCALE, Math.max(MIN_SCALE, Math.min((width - 2 * margin) / bw, (height - 2 * margin) / bh)));
  return {
    scale,
    offsetX: (box.minX + box.maxX) / 2 - width / 2 / scale,
    offsetY: (box.minY + box.maxY) / 2 - height / 2 / scale,
  };
}
