// Two stacked canvases: a static layer for committed (and pending) elements, which changes when
// the document does, and an interactive layer for previews and the stroke being drawn, which
// changes on every pointer move. Each is redrawn on the next animation frame, only when dirty.
//
// The static layer is composed of cached tiles drawn at the current zoom: panning only blits them,
// and a document change redraws only the tiles the changed elements touched before and after
// (`SceneDiff`, `TileCache`). A grid index finds the elements of a tile. While the zoom changes
// from frame to frame the layer is drawn directly (tiles would be thrown away at once); the tiles
// are built once the zoom has settled. Far out, elements are drawn with less detail (`drawElement`).
import { elementBounds, type Box } from '../geometry/geometry';
import { GridIndex } from '../geometry/gridIndex';
import type { Element } from '../protocol';
import type { StrokePreview } from '../store/previews';
import { drawElement, HIGHLIGHTER_ALPHA } from './drawElement';
import { drawStroke } from './drawStroke';
import { padBox, SceneDiff, TILE_PAD_PX, TILE_SIZE_PX, TileCache, type Tile } from './tileCache';
import { applyView, boardToScreen, IDENTITY_VIEW, screenToBoard, visibleBoardBox, type ViewTransform } from './viewTransform';

/** After the zoom last changed, the tiles are built at the new zoom once this many ms pass without another change. */
const ZOOM_SETTLE_MS = 150;
/** Tiles held, as a multiple of the tiles the static canvas (viewport and margins) shows. */
const TILE_CACHE_VIEWPORTS = 2;
/** Spare tile canvases kept for reuse. */
const TILE_POOL_SIZE = 24;
/**
 * CSS pixels the static canvas reaches past each edge of the host. A pan within this margin of the
 * last drawing only moves the canvas (a CSS transform, no drawing at all); beyond it, the tiles
 * are copied again.
 */
export const STATIC_MARGIN_PX = 192;

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
  private staticContext: CanvasRenderingContext2D | null = null;
  /** The host's background when it is opaque: the static layer and its tiles are then opaque too. */
  private background: string | null = null;
  private readonly interactiveCtx: CanvasRenderingContext2D;
  private readonly resizeObserver: ResizeObserver;
  private viewTransform: ViewTransform = IDENTITY_VIEW;
  private staticDirty = true;
  private contentDirty = true;
  private interactiveDirty = true;
  private frame: number | null = null;
  private cssWidth = 0;
  private cssHeight = 0;
  private pixelRatio = 1;
  private readonly scene = new SceneDiff();
  private readonly index = new GridIndex<Element>();
  private readonly pool: HTMLCanvasElement[] = [];
  private readonly tiles = new TileCache<HTMLCanvasElement>(64, (canvas) => {
    if (this.pool.length < TILE_POOL_SIZE) this.pool.push(canvas);
  });
  private lastFrameScale = 0;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private drawnBox: Box | null = null;
  /** Where the static canvas's content stands: its zoom and its origin in canvas pixels (null: redraw). */
  private drawnAt: { readonly scale: number; readonly ox: number; readonly oy: number } | null = null;
  private tilesDrawn = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly source: SceneSource,
  ) {
    this.staticCanvas = layer('board-layer board-layer-static');
    this.inputCanvas = layer('board-layer board-layer-interactive');
    this.staticCanvas.setAttribute('aria-hidden', 'true');
    // The static canvas reaches past the host by STATIC_MARGIN_PX on each side.
    host.style.overflow = 'hidden';
    this.staticCanvas.style.left = `${String(-STATIC_MARGIN_PX)}px`;
    this.staticCanvas.style.top = `${String(-STATIC_MARGIN_PX)}px`;
    this.staticCanvas.style.willChange = 'transform';
    host.append(this.staticCanvas, this.inputCanvas);
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
    this.staticDirty = true;
    this.invalidateInteractive();
  }

  /** The document (or what of it is shown) may have changed. */
  invalidateStatic(): void {
    this.contentDirty = true;
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

  /** Elements in view in the last static frame (after culling), for tests and benchmarks. */
  get drawnCount(): number {
    return this.drawnBox === null ? 0 : this.index.query(this.drawnBox).length;
  }

  /** Tiles drawn (not blitted from the cache) since the renderer was made, for tests and benchmarks. */
  get tileDraws(): number {
    return this.tilesDrawn;
  }

  /** Board coordinates of a pointer position given in client (viewport) pixels. */
  toBoard(clientX: number, clientY: number): [number, number] {
    const rect = this.inputCanvas.getBoundingClientRect();
    return screenToBoard(this.viewTransform, clientX - rect.left, clientY - rect.top);
  }

  dispose(): void {
    this.resizeObserver.disconnect();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.frame = null;
    this.settleTimer = null;
    this.tiles.clear();
    this.pool.length = 0;
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
    this.inputCanvas.width = Math.max(1, Math.round(width * ratio));
    this.inputCanvas.height = Math.max(1, Math.round(height * ratio));
    const margin = 2 * STATIC_MARGIN_PX;
    this.staticCanvas.width = Math.max(1, Math.round((width + margin) * ratio));
    this.staticCanvas.height = Math.max(1, Math.round((height + margin) * ratio));
    this.staticCanvas.style.width = `${String(width + margin)}px`;
    this.staticCanvas.style.height = `${String(height + margin)}px`;
    this.drawnAt = null;
    const perViewport = (Math.ceil((width + margin) / TILE_SIZE_PX) + 1) * (Math.ceil((height + margin) / TILE_SIZE_PX) + 1);
    this.tiles.capacity = Math.ceil(perViewport * TILE_CACHE_VIEWPORTS);
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
      if (this.contentDirty) {
        this.contentDirty = false;
        if (this.takeChanges()) this.drawnAt = null;
      }
      const view = this.viewTransform;
      const k = view.scale * this.pixelRatio;
      const tilePx = Math.max(1, Math.round(TILE_SIZE_PX * this.pixelRatio));
      const box = this.visibleBox;
      this.drawnBox = box;
      const ox = Math.round(view.offsetX * k);
      const oy = Math.round(view.offsetY * k);
      const reach = STATIC_MARGIN_PX * this.pixelRatio;
      const drawn = this.drawnAt;
      if (drawn !== null && drawn.scale === view.scale && Math.abs(drawn.ox - ox) <= reach && Math.abs(drawn.oy - oy) <= reach) {
        // A pan within the margin: move the canvas, draw nothing.
        this.placeStatic(drawn.ox - ox, drawn.oy - oy);
      } else {
        this.clearStatic();
        this.placeStatic(0, 0);
        const margin = STATIC_MARGIN_PX / view.scale;
        if ((k !== this.tiles.scale || tilePx !== this.tiles.tilePx) && view.scale !== this.lastFrameScale) {
          // The zoom is changing: draw what is in view directly and build tiles once it settles.
          this.staticCtx.setTransform(k, 0, 0, k, reach - view.offsetX * k, reach - view.offsetY * k);
          this.drawElements(this.staticCtx, box, k);
          this.drawnAt = null;
          this.settleLater();
        } else {
          this.tiles.setScale(k, tilePx);
          this.blitTiles(padBox(box, margin), ox - reach, oy - reach);
          this.drawnAt = { scale: view.scale, ox, oy };
        }
      }
      this.lastFrameScale = view.scale;
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

  /**
   * The static layer's context, made at the first frame (when the host is in the page): opaque when
   * the host's background is, because an opaque canvas and opaque tiles copy without blending,
   * about twice as fast in software rendering.
   */
  private get staticCtx(): CanvasRenderingContext2D {
    if (this.staticContext === null) {
      this.background = opaqueColor(getComputedStyle(this.host).backgroundColor);
      this.staticContext = context(this.staticCanvas, this.background === null);
    }
    return this.staticContext;
  }

  private clearStatic(): void {
    const ctx = this.staticCtx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.background === null) ctx.clearRect(0, 0, this.staticCanvas.width, this.staticCanvas.height);
    else {
      ctx.fillStyle = this.background;
      ctx.fillRect(0, 0, this.staticCanvas.width, this.staticCanvas.height);
    }
  }

  /** Brings the spatial index and the tile cache up to date with the scene; false when nothing changed. */
  private takeChanges(): boolean {
    const change = this.scene.update(this.source.elements());
    for (const element of change.removed) this.index.remove(element);
    for (const element of change.added) this.index.insert(element, elementBounds(element));
    this.tiles.invalidate(change.dirty);
    return change.dirty.length > 0;
  }

  /** Shifts the static canvas by whole canvas pixels from where it was drawn. */
  private placeStatic(dx: number, dy: number): void {
    const transform = dx === 0 && dy === 0 ? '' : `translate(${String(dx / this.pixelRatio)}px, ${String(dy / this.pixelRatio)}px)`;
    if (this.staticCanvas.style.transform !== transform) this.staticCanvas.style.transform = transform;
  }

  /**
   * Draws, in drawing order, the elements that meet `box` grown by the margin drawing may reach
   * beyond bounds, at `k` canvas pixels per board unit.
   */
  private drawElements(ctx: CanvasRenderingContext2D, box: Box, k: number): void {
    const pixel = this.pixelRatio / k;
    const found = this.index.query(padBox(box, TILE_PAD_PX / k));
    const order = new Int32Array(found.length);
    found.forEach((element, i) => (order[i] = this.scene.orderOf(element)));
    order.sort();
    const list = this.scene.current;
    for (const i of order) {
      const element = list[i];
      if (element !== undefined) drawElement(ctx, element, pixel);
    }
  }

  /**
   * Copies the tiles that meet `box` onto the static layer, drawing those not cached; the board
   * origin lands at canvas pixel (-ox, -oy), whole pixels so the tiles meet without seams.
   */
  private blitTiles(box: Box, ox: number, oy: number): void {
    const ctx = this.staticCtx;
    const tilePx = this.tiles.tilePx;
    const k = this.tiles.scale;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    for (const tile of this.tiles.tilesFor(box)) {
      let canvas = this.tiles.get(tile.key);
      if (canvas === undefined) {
        canvas = this.drawTile(tile, k, tilePx);
        this.tiles.set(tile, canvas);
      }
      ctx.drawImage(canvas, tile.col * tilePx - ox, tile.row * tilePx - oy);
    }
  }

  private drawTile(tile: Tile, k: number, tilePx: number): HTMLCanvasElement {
    const canvas = this.pool.pop() ?? document.createElement('canvas');
    if (canvas.width !== tilePx || canvas.height !== tilePx) {
      canvas.width = tilePx;
      canvas.height = tilePx;
    }
    const ctx = context(canvas, this.background === null);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.background === null) ctx.clearRect(0, 0, tilePx, tilePx);
    else {
      ctx.fillStyle = this.background;
      ctx.fillRect(0, 0, tilePx, tilePx);
    }
    ctx.setTransform(k, 0, 0, k, -tile.col * tilePx, -tile.row * tilePx);
    this.drawElements(ctx, tile.box, k);
    this.tilesDrawn += 1;
    return canvas;
  }

  private settleLater(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.staticDirty = true;
      this.schedule();
    }, ZOOM_SETTLE_MS);
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

/** A CSS colour if it is fully opaque (as `getComputedStyle` writes colours), else null. */
export function opaqueColor(color: string): string | null {
  const rgb = /^rgba?\(\s*\d+(?:\.\d+)?[\s,]+\d+(?:\.\d+)?[\s,]+\d+(?:\.\d+)?\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(color.trim());
  if (rgb === null) return null;
  const alpha = rgb[1];
  if (alpha === undefined) return color;
  return alpha === '1' || alpha === '100%' ? color : null;
}

function context(canvas: HTMLCanvasElement, alpha = true): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { alpha });
  if (ctx === null) throw new Error('Canvas 2D is not available in this browser.');
  return ctx;
}

function clear(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
}
