// Two stacked canvases: a static layer for committed (and pending) elements, which changes when
// the document does, and an interactive layer for previews and the stroke being drawn, which
// changes on every pointer move. Each is redrawn on the next animation frame, only when dirty.
import { cullToViewport, type Box } from '../geometry/geometry';
import type { Element } from '../protocol';
import type { StrokePreview } from '../store/previews';
import { drawElement, HIGHLIGHTER_ALPHA } from './drawElement';
import { drawStroke } from './drawStroke';
import { applyView, boardToScreen, IDENTITY_VIEW, screenToBoard, visibleBoardBox, type ViewTransform } from './viewTransform';

/** A stroke in absolute board coordinates. */
export interface LiveStroke {
  readonly points: readonly number[];
  readonly strokeColor: string;
  readonly strokeWidth: number;
  readonly type: string;
  readonly opacity: number;
}

/** Where the renderer reads the scene from. */
export interface SceneSource {
  /** Elements in drawing order. */
  elements(): readonly Element[];
  /** Remote in-progress strokes. */
  previews(): Iterable<StrokePreview>;
  /** The stroke being drawn here. */
  localStroke(): LiveStroke | null;
  /** Name and colour to tag a remote preview with. */
  author(userId: string): { readonly name: string; readonly color: string } | undefined;
  /** Draws the rest of the interactive layer (selection, drafts, cursors) in board coordinates. */
  overlay(ctx: CanvasRenderingContext2D, view: ViewTransform, pixelRatio: number): void;
}

/** Renders a board into a host element. */
export class BoardRenderer {
  /** The top canvas; it receives pointer input. */
  readonly inputCanvas: HTMLCanvasElement;
  private readonly staticCanvas: HTMLCanvasElement;
  private readonly staticCtx: CanvasRenderingContext2D;
  private readonly interactiveCtx: CanvasRenderingContext2D;
  private readonly resizeObserver: ResizeObserver;
  private viewTransform: ViewTransform = IDENTITY_VIEW;
  private staticDirty = true;
  private interactiveDirty = true;
  private frame: number | null = null;
  private cssWidth = 0;
  private cssHeight = 0;
  private pixelRatio = 1;
  private lastDrawn = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly source: SceneSource,
  ) {
    this.staticCanvas = layer('board-layer board-layer-static');
    this.inputCanvas = layer('board-layer board-layer-interactive');
    this.staticCanvas.setAttribute('aria-hidden', 'true');
    host.append(this.staticCanvas, this.inputCanvas);
    this.staticCtx = context(this.staticCanvas);
    this.interactiveCtx = context(this.inputCanvas);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.resize();
  }

  /** The current view (pan/zoom). */
  get view(): ViewTransform {
    return this.viewTransform;
  }

  set view(view: ViewTransform) {
    this.viewTransform = view;
    this.invalidateStatic();
    this.invalidateInteractive();
  }

  /** The document changed. */
  invalidateStatic(): void {
    this.staticDirty = true;
    this.schedule();
  }

  /** Previews or the local stroke changed. */
  invalidateInteractive(): void {
    this.interactiveDirty = true;
    this.schedule();
  }

  /** CSS size of the board. */
  get size(): { readonly width: number; readonly height: number } {
    return { width: this.cssWidth, height: this.cssHeight };
  }

  /** The board rectangle in view. */
  get visibleBox(): Box {
    return visibleBoardBox(this.viewTransform, this.cssWidth, this.cssHeight);
  }

  /** Elements drawn in the last static frame (after culling), for tests and benchmarks. */
  get drawnCount(): number {
    return this.lastDrawn;
  }

  /** Board coordinates of a pointer position given in client (viewport) pixels. */
  toBoard(clientX: number, clientY: number): [number, number] {
    const rect = this.inputCanvas.getBoundingClientRect();
    return screenToBoard(this.viewTransform, clientX - rect.left, clientY - rect.top);
  }

  dispose(): void {
    this.resizeObserver.disconnect();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.staticCanvas.remove();
    this.inputCanvas.remove();
  }

  private resize(): void {
    const width = this.host.clientWidth;
    const height = this.host.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    if (width === this.cssWidth && height === this.cssHeight && ratio === this.pixelRatio) return;
    this.cssWidth = width;
    this.cssHeight = height;
    this.pixelRatio = ratio;
    for (const canvas of [this.staticCanvas, this.inputCanvas]) {
      canvas.width = Math.max(1, Math.round(width * ratio));
      canvas.height = Math.max(1, Math.round(height * ratio));
    }
    // Resizing clears a canvas: both layers must be drawn again.
    this.invalidateStatic();
    this.invalidateInteractive();
  }

  private schedule(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.render();
    });
  }

  private render(): void {
    if (this.staticDirty) {
      this.staticDirty = false;
      const ctx = this.staticCtx;
      clear(ctx, this.staticCanvas);
      applyView(ctx, this.viewTransform, this.pixelRatio);
      // Only what meets the viewport is drawn, so a 10,000-element board pans smoothly.
      const visible = cullToViewport(this.source.elements(), this.visibleBox);
      this.lastDrawn = visible.length;
      for (const element of visible) drawElement(ctx, element);
    }
    if (this.interactiveDirty) {
      this.interactiveDirty = false;
      const ctx = this.interactiveCtx;
      clear(ctx, this.inputCanvas);
      applyView(ctx, this.viewTransform, this.pixelRatio);
      for (const preview of this.source.previews()) {
        drawStroke(ctx, preview.points, 0, 0, preview.strokeColor, preview.strokeWidth, 0.85);
      }
      const local = this.source.localStroke();
      if (local !== null) {
        const highlighter = local.type === 'highlighter';
        drawStroke(ctx, local.points, 0, 0, local.strokeColor, highlighter ? local.strokeWidth * 4 : local.strokeWidth, highlighter ? local.opacity * HIGHLIGHTER_ALPHA : local.opacity);
      }
      this.source.overlay(ctx, this.viewTransform, this.pixelRatio);
      this.drawAuthorTags(ctx);
    }
  }

  /** A small name tag in the author's colour at the pen end of each remote preview. */
  private drawAuthorTags(ctx: CanvasRenderingContext2D): void {
    ctx.setTransform(this.pixelRatio, 0, 0, this.pixelRatio, 0, 0);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (const preview of this.source.previews()) {
      const author = this.source.author(preview.userId);
      const n = preview.points.length;
      if (author === undefined || n < 2) continue;
      const [sx, sy] = boardToScreen(this.viewTransform, preview.points[n - 2] ?? 0, preview.points[n - 1] ?? 0);
      const label = author.name;
      const width = ctx.measureText(label).width + 10;
      const x = sx + 8;
      const y = sy + 8;
      ctx.fillStyle = author.color;
      ctx.beginPath();
      ctx.roundRect(x, y - 9, width, 18, 4);
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.fillText(label, x + 5, y);
    }
  }
}

function layer(className: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = className;
  return canvas;
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('Canvas 2D is not available in this browser.');
  return ctx;
}

function clear(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
}
