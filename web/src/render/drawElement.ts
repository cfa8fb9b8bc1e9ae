// Drawing of every element type of P-EL-1 on a 2D canvas, in board coordinates.
import { elementBounds } from '../geometry/geometry';
import { ELEMENT_DEFAULTS, type Element } from '../protocol';
import { drawStroke } from './drawStroke';

/** Opacity a highlighter stroke is drawn with on top of the element's own opacity. */
export const HIGHLIGHTER_ALPHA = 0.35;
/** Line height of text, as a multiple of the font size. */
export const TEXT_LINE_HEIGHT = 1.25;
/** Inner padding of a sticky note, board units. */
export const STICKY_PADDING = 12;
/** Font family of text and notes. */
export const FONT_FAMILY = 'system-ui, "DejaVu Sans", sans-serif';

/** Below this many screen pixels an element is drawn as a box of its colour (level of detail). */
export const LOD_BOX_PX = 4;
/** Text whose font is smaller than this many screen pixels is drawn as grey bars, one per line. */
export const LOD_TEXT_PX = 5;
/** Below this zoom sticky notes lose their shadow and strokes their curves (each costs much in software). */
export const LOD_SIMPLE_SCALE = 0.5;

/**
 * Draws one element; unknown types (a newer protocol) are skipped (P-VER-1). `pixel` is the size of
 * one screen pixel in board units at the zoom drawn (0: full detail, e.g. exports): when zoomed far
 * out, what cannot be seen is drawn simply (boxes, text bars, straight strokes without pressure).
 */
export function drawElement(ctx: CanvasRenderingContext2D, element: Element, pixel = 0): void {
  if (pixel > 0 && drawSimplified(ctx, element, pixel)) return;
  const p = element.props;
  const x = p.x ?? ELEMENT_DEFAULTS.x;
  const y = p.y ?? ELEMENT_DEFAULTS.y;
  const stroke = p.strokeColor ?? ELEMENT_DEFAULTS.strokeColor;
  const width = p.strokeWidth ?? ELEMENT_DEFAULTS.strokeWidth;
  const opacity = p.opacity ?? ELEMENT_DEFAULTS.opacity;
  switch (element.type) {
    case 'freehand':
      if (pixel * LOD_SIMPLE_SCALE > 1 && (p.points?.length ?? 0) >= 4) drawPolyline(ctx, p.points ?? [], x, y, stroke, width, opacity, false, pixel);
      else if (p.pressures !== undefined && p.pressures.length > 1) drawPressureStroke(ctx, p.points ?? [], p.pressures, x, y, stroke, width, opacity);
      else drawStroke(ctx, p.points ?? [], x, y, stroke, width, opacity);
      return;
    case 'highlighter':
      drawStroke(ctx, p.points ?? [], x, y, stroke, width * 4, opacity * HIGHLIGHTER_ALPHA);
      return;
    case 'line':
    case 'arrow':
      drawPolyline(ctx, p.points ?? [], x, y, stroke, width, opacity, element.type === 'arrow');
      return;
    case 'rectangle':
    case 'ellipse':
    case 'diamond':
    case 'text':
    case 'sticky':
      drawBoxElement(ctx, element, pixel);
      return;
    default:
      return;
  }
}

/** Draws an element too small to show its detail; false when it is not that small. */
function drawSimplified(ctx: CanvasRenderingContext2D, element: Element, pixel: number): boolean {
  const b = elementBounds(element);
  const p = element.props;
  if (Math.max(b.maxX - b.minX, b.maxY - b.minY) >= LOD_BOX_PX * pixel) return false;
  const fill = p.fillColor ?? ELEMENT_DEFAULTS.fillColor;
  ctx.save();
  // An outline only, seen from afar, is lighter than a filled shape.
  const outline = element.type !== 'sticky' && fill === 'transparent';
  ctx.globalAlpha = (p.opacity ?? 1) * (element.type === 'highlighter' ? HIGHLIGHTER_ALPHA : 1) * (outline ? 0.5 : 1);
  ctx.fillStyle = element.type === 'sticky' ? (fill === 'transparent' ? '#ffec99' : fill) : outline ? (p.strokeColor ?? ELEMENT_DEFAULTS.strokeColor) : fill;
  // At least one pixel, so a zoomed-out board still shows where its content is.
  ctx.fillRect(b.minX, b.minY, Math.max(pixel, b.maxX - b.minX), Math.max(pixel, b.maxY - b.minY));
  ctx.restore();
  return true;
}

function drawBoxElement(ctx: CanvasRenderingContext2D, element: Element, pixel: number): void {
  const p = element.props;
  const x = p.x ?? 0;
  const y = p.y ?? 0;
  const w = p.width ?? 0;
  const h = p.height ?? 0;
  ctx.save();
  ctx.globalAlpha = p.opacity ?? 1;
  const angle = p.angle ?? 0;
  if (angle !== 0) {
    ctx.translate(x + w / 2, y + h / 2);
    ctx.rotate(angle);
    ctx.translate(-(x + w / 2), -(y + h / 2));
  }
  const fill = p.fillColor ?? ELEMENT_DEFAULTS.fillColor;
  const stroke = p.strokeColor ?? ELEMENT_DEFAULTS.strokeColor;
  const fontSize = p.fontSize ?? ELEMENT_DEFAULTS.fontSize;
  switch (element.type) {
    case 'text':
      drawText(ctx, p.text ?? '', x, y, w, fontSize, stroke, pixel);
      break;
    case 'sticky': {
      if (pixel * LOD_SIMPLE_SCALE <= 1) {
        ctx.shadowColor = 'rgba(0,0,0,0.18)';
        ctx.shadowBlur = 8;
        ctx.shadowOffsetY = 3;
      }
      ctx.fillStyle = fill === 'transparent' ? '#ffec99' : fill;
      ctx.fillRect(x, y, w, h);
      ctx.shadowColor = 'transparent';
      drawText(ctx, p.text ?? '', x + STICKY_PADDING, y + STICKY_PADDING, Math.max(0, w - 2 * STICKY_PADDING), fontSize, '#1e1e1e', pixel);
      break;
    }
    default: {
      ctx.beginPath();
      shapePath(ctx, element.type, x, y, w, h);
      if (fill !== 'transparent') {
        ctx.fillStyle = fill;
        ctx.fill();
      }
      ctx.lineWidth = p.strokeWidth ?? ELEMENT_DEFAULTS.strokeWidth;
      ctx.strokeStyle = stroke;
      ctx.lineJoin = 'round';
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** Adds the outline of a rectangle, ellipse or diamond to the current path. */
export function shapePath(ctx: CanvasRenderingContext2D | Path2D, type: string, x: number, y: number, w: number, h: number): void {
  switch (type) {
    case 'ellipse':
      ctx.ellipse(x + w / 2, y + h / 2, w / 2, h / 2, 0, 0, Math.PI * 2);
      return;
    case 'diamond':
      ctx.moveTo(x + w / 2, y);
      ctx.lineTo(x + w, y + h / 2);
      ctx.lineTo(x + w / 2, y + h);
      ctx.lineTo(x, y + h / 2);
      ctx.closePath();
      return;
    default:
      ctx.rect(x, y, w, h);
  }
}

/** Splits text into lines that fit `maxWidth` (0: only explicit line breaks). */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (maxWidth <= 0) {
      lines.push(paragraph);
      continue;
    }
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && ctx.measureText(candidate).width > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

function drawText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number, fontSize: number, color: string, pixel: number): void {
  if (pixel > 0 && fontSize < LOD_TEXT_PX * pixel) {
    drawTextBars(ctx, text, x, y, maxWidth, fontSize, color);
    return;
  }
  ctx.font = `${fontSize}px ${FONT_FAMILY}`;
  ctx.textBaseline = 'top';
  ctx.fillStyle = color;
  const lines = wrapText(ctx, text, maxWidth);
  lines.forEach((line, i) => ctx.fillText(line, x, y + i * fontSize * TEXT_LINE_HEIGHT));
}

/**
 * Text too small to read: a faint bar per line, about as long as the line would be (no font
 * metrics, no wrapping by measure: long lines are cut at the box width).
 */
function drawTextBars(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number, fontSize: number, color: string): void {
  const alpha = ctx.globalAlpha;
  ctx.globalAlpha = alpha * 0.45;
  ctx.fillStyle = color;
  const lineHeight = fontSize * TEXT_LINE_HEIGHT;
  text.split('\n').forEach((line, i) => {
    const estimate = line.length * fontSize * 0.55;
    const width = maxWidth > 0 ? Math.min(maxWidth, estimate) : estimate;
    if (width > 0) ctx.fillRect(x, y + i * lineHeight + fontSize * 0.2, width, fontSize * 0.6);
  });
  ctx.globalAlpha = alpha;
}

function drawPolyline(
  ctx: CanvasRenderingContext2D,
  points: readonly number[],
  x: number,
  y: number,
  color: string,
  width: number,
  opacity: number,
  arrowHead: boolean,
  skip = 0,
): void {
  const n = points.length - (points.length % 2);
  if (n < 4) return;
  ctx.save();
  ctx.globalAlpha = opacity;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  let lastX = points[0] ?? 0;
  let lastY = points[1] ?? 0;
  ctx.moveTo(x + lastX, y + lastY);
  for (let i = 2; i < n; i += 2) {
    const px = points[i] ?? 0;
    const py = points[i + 1] ?? 0;
    // Zoomed out, points closer than `skip` (a screen pixel) to the last one drawn add nothing visible.
    if (skip > 0 && i < n - 2 && Math.abs(px - lastX) < skip && Math.abs(py - lastY) < skip) continue;
    ctx.lineTo(x + px, y + py);
    lastX = px;
    lastY = py;
  }
  if (arrowHead) {
    const ex = x + (points[n - 2] ?? 0);
    const ey = y + (points[n - 1] ?? 0);
    const angle = Math.atan2(ey - (y + (points[n - 3] ?? 0)), ex - (x + (points[n - 4] ?? 0)));
    const size = 10 + width * 2;
    for (const side of [-1, 1]) {
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - size * Math.cos(angle + side * 0.45), ey - size * Math.sin(angle + side * 0.45));
    }
  }
  ctx.stroke();
  ctx.restore();
}

/** A stroke whose width follows the pen pressure, segment by segment. */
function drawPressureStroke(
  ctx: CanvasRenderingContext2D,
  points: readonly number[],
  pressures: readonly number[],
  x: number,
  y: number,
  color: string,
  width: number,
  opacity: number,
): void {
  const n = points.length - (points.length % 2);
  ctx.save();
  ctx.globalAlpha = opacity;
  ctx.strokeStyle = color;
  ctx.lineCap = 'round';
  for (let i = 0; i + 3 < n; i += 2) {
    const pressure = ((pressures[i / 2] ?? 0.5) + (pressures[i / 2 + 1] ?? 0.5)) / 2;
    ctx.lineWidth = Math.max(0.5, width * (0.3 + pressure * 1.4));
    ctx.beginPath();
    ctx.moveTo(x + (points[i] ?? 0), y + (points[i + 1] ?? 0));
    ctx.lineTo(x + (points[i + 2] ?? 0), y + (points[i + 3] ?? 0));
    ctx.stroke();
  }
  ctx.restore();
}
