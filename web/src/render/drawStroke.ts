// Drawing of freehand strokes, shared by committed elements, previews and the local stroke.

/** Strokes a flat point list, shifted by (originX, originY), as a smoothed round-capped line. */
export function drawStroke(
  ctx: CanvasRenderingContext2D,
  points: readonly number[],
  originX: number,
  originY: number,
  color: string,
  width: number,
  opacity = 1,
): void {
  const n = points.length - (points.length % 2);
  if (n < 2) return;
  ctx.save();
  ctx.globalAlpha = opacity;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const x0 = (points[0] ?? 0) + originX;
  const y0 = (points[1] ?? 0) + originY;
  if (n === 2) {
    // A tap: a dot as wide as the stroke.
    ctx.beginPath();
    ctx.arc(x0, y0, width / 2, 0, Math.PI * 2);
    ctx.fill();
    ctx.restore();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  // Quadratic curves through the midpoints smooth the polyline without overshooting it.
  for (let i = 2; i < n - 2; i += 2) {
    const cx = (points[i] ?? 0) + originX;
    const cy = (points[i + 1] ?? 0) + originY;
    const nx = (points[i + 2] ?? 0) + originX;
    const ny = (points[i + 3] ?? 0) + originY;
    ctx.quadraticCurveTo(cx, cy, (cx + nx) / 2, (cy + ny) / 2);
  }
  ctx.lineTo((points[n - 2] ?? 0) + originX, (points[n - 1] ?? 0) + originY);
  ctx.stroke();
  ctx.restore();
}
