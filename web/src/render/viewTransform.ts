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
