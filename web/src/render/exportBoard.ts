// Client-side export of the board: JSON (elements as the protocol names them), SVG and PNG.
import { elementBounds, unionBoxes, type Box } from '../geometry/geometry';
import { ELEMENT_DEFAULTS, PROTOCOL_VERSION, type Element } from '../protocol';
import { drawElement, FONT_FAMILY, HIGHLIGHTER_ALPHA, STICKY_PADDING, TEXT_LINE_HEIGHT } from './drawElement';

/** Margin around the content in SVG and PNG exports, board units. */
export const EXPORT_MARGIN = 20;

/** The board as JSON: a format name, the protocol version and the elements in drawing order. */
export function exportJson(elements: readonly Element[]): string {
  return JSON.stringify({ type: 'studyrooms-board', protocolVersion: PROTOCOL_VERSION, elements }, null, 2);
}

/** The box the export covers. */
export function exportBox(elements: readonly Element[]): Box {
  const box = unionBoxes(elements.map(elementBounds)) ?? { minX: 0, minY: 0, maxX: 100, maxY: 100 };
  return { minX: box.minX - EXPORT_MARGIN, minY: box.minY - EXPORT_MARGIN, maxX: box.maxX + EXPORT_MARGIN, maxY: box.maxY + EXPORT_MARGIN };
}

/** The board as a standalone SVG document. */
export function exportSvg(elements: readonly Element[]): string {
  const box = exportBox(elements);
  const w = round(box.maxX - box.minX);
  const h = round(box.maxY - box.minY);
  const body = elements.map(svgElement).filter((s) => s !== '').join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${round(box.minX)} ${round(box.minY)} ${w} ${h}" width="${w}" height="${h}">\n<rect x="${round(box.minX)}" y="${round(box.minY)}" width="${w}" height="${h}" fill="#ffffff"/>\n${body}\n</svg>\n`;
}

/** Draws the board on a new canvas (white background) and encodes it as PNG. */
export function exportPng(elements: readonly Element[], pixelRatio = 2): Promise<Blob> {
  const box = exportBox(elements);
  const canvas = document.createElement('canvas');
  const scale = Math.min(pixelRatio, 8_000 / Math.max(1, box.maxX - box.minX, box.maxY - box.minY));
  canvas.width = Math.max(1, Math.ceil((box.maxX - box.minX) * scale));
  canvas.height = Math.max(1, Math.ceil((box.maxY - box.minY) * scale));
  const ctx = canvas.getContext('2d');
  if (ctx === null) return Promise.reject(new Error('Canvas 2D is not available.'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -box.minX * scale, -box.minY * scale);
  for (const element of elements) drawElement(ctx, element);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new Error('PNG encoding failed.')) : resolve(blob)), 'image/png'));
}

/** Offers data as a file download. */
export function download(data: Blob | string, fileName: string, mime: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type: mime }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function svgElement(element: Element): string {
  const p = element.props;
  const x = p.x ?? 0;
  const y = p.y ?? 0;
  const stroke = attr(p.strokeColor ?? ELEMENT_DEFAULTS.strokeColor);
  const width = p.strokeWidth ?? ELEMENT_DEFAULTS.strokeWidth;
  const opacity = p.opacity ?? 1;
  const fill = attr(p.fillColor ?? ELEMENT_DEFAULTS.fillColor);
  const w = p.width ?? 0;
  const h = p.height ?? 0;
  const rotate = p.angle ? ` transform="rotate(${round((p.angle * 180) / Math.PI)} ${round(x + w / 2)} ${round(y + h / 2)})"` : '';
  const pts = p.points ?? [];
  const poly = (): string => {
    const pairs: string[] = [];
    for (let i = 0; i + 1 < pts.length; i += 2) pairs.push(`${round(x + (pts[i] ?? 0))},${round(y + (pts[i + 1] ?? 0))}`);
    return pairs.join(' ');
  };
  switch (element.type) {
    case 'freehand':
    case 'line':
      return `<polyline points="${poly()}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round" opacity="${opacity}"/>`;
    case 'highlighter':
      return `<polyline points="${poly()}" fill="none" stroke="${stroke}" stroke-width="${width * 4}" stroke-linecap="round" stroke-linejoin="round" opacity="${round(opacity * HIGHLIGHTER_ALPHA)}"/>`;
    case 'arrow': {
      const n = pts.length;
      const ex = x + (pts[n - 2] ?? 0);
      const ey = y + (pts[n - 1] ?? 0);
      const a = Math.atan2(ey - (y + (pts[n - 3] ?? 0)), ex - (x + (pts[n - 4] ?? 0)));
      const s = 10 + width * 2;
      const head = [-1, 1].map((side) => `M${round(ex)},${round(ey)} L${round(ex - s * Math.cos(a + side * 0.45))},${round(ey - s * Math.sin(a + side * 0.45))}`).join(' ');
      return `<g opacity="${opacity}" stroke="${stroke}" stroke-width="${width}" fill="none" stroke-linecap="round"><polyline points="${poly()}"/><path d="${head}"/></g>`;
    }
    case 'rectangle':
      return `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" fill="${fill === 'transparent' ? 'none' : fill}" stroke="${stroke}" stroke-width="${width}" opacity="${opacity}"${rotate}/>`;
    case 'ellipse':
      return `<ellipse cx="${round(x + w / 2)}" cy="${round(y + h / 2)}" rx="${round(w / 2)}" ry="${round(h / 2)}" fill="${fill === 'transparent' ? 'none' : fill}" stroke="${stroke}" stroke-width="${width}" opacity="${opacity}"${rotate}/>`;
    case 'diamond':
      return `<polygon points="${round(x + w / 2)},${round(y)} ${round(x + w)},${round(y + h / 2)} ${round(x + w / 2)},${round(y + h)} ${round(x)},${round(y + h / 2)}" fill="${fill === 'transparent' ? 'none' : fill}" stroke="${stroke}" stroke-width="${width}" opacity="${opacity}"${rotate}/>`;
    case 'text':
      return svgText(p.text ?? '', x, y, p.fontSize ?? ELEMENT_DEFAULTS.fontSize, stroke, opacity, rotate);
    case 'sticky':
      return `<g opacity="${opacity}"${rotate}><rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" fill="${fill === 'transparent' ? '#ffec99' : fill}"/>${svgText(p.text ?? '', x + STICKY_PADDING, y + STICKY_PADDING, p.fontSize ?? ELEMENT_DEFAULTS.fontSize, '#1e1e1e', 1, '')}</g>`;
    default:
      return '';
  }
}

function svgText(text: string, x: number, y: number, size: number, color: string, opacity: number, rotate: string): string {
  const lines = text.split('\n').map((line, i) => `<tspan x="${round(x)}" dy="${i === 0 ? 0 : round(size * TEXT_LINE_HEIGHT)}">${escapeXml(line)}</tspan>`);
  return `<text x="${round(x)}" y="${round(y)}" dominant-baseline="text-before-edge" font-family='${FONT_FAMILY}' font-size="${size}" fill="${color}" opacity="${opacity}"${rotate}>${lines.join('')}</text>`;
}

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function attr(value: string): string {
  return escapeXml(value);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
