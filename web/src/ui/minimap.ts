// A small overview of the whole board with the current viewport as a rectangle; click or drag on
// it to pan. Cheap on large boards: it draws only element bounds (cached per element), keeps them
// on an offscreen layer that is redrawn only when the document or the mapping changes, and checks
// for changes at most MINIMAP_REDRAW_MS apart.
import { elementBounds, unionBoxes, type Box } from '../geometry/geometry';
import { boxOnMinimap, minimapToBoard, minimapTransform, sameTransform, type MinimapTransform } from '../geometry/minimap';
import type { Element } from '../protocol';
import { visibleBoardBox, type ViewTransform } from '../render/viewTransform';
import { boardStrings } from './boardStrings';
import { h } from './dom';

/** Size of the minimap, CSS pixels. */
export const MINIMAP_WIDTH_PX = 200;
export const MINIMAP_HEIGHT_PX = 140;
/** Smallest time between two redraws of the minimap. */
export const MINIMAP_REDRAW_MS = 100;

/** What the minimap reads and drives. */
export interface MinimapSource {
  /** Visible elements in drawing order. */
  elements(): readonly Element[];
  view(): ViewTransform;
  /** CSS size of the board. */
  size(): { readonly width: number; readonly height: number };
  /** Pans the board so this board point is in the middle. */
  centerOn(x: number, y: number): void;
}

/** The minimap of one board. */
export class Minimap {
  readonly element: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly content: HTMLCanvasElement;
  private readonly contentCtx: CanvasRenderingContext2D | null;
  private readonly timer: ReturnType<typeof setInterval>;
  private contentDirty = true;
  private contentBox: Box | null = null;
  private drawnTransform: MinimapTransform | null = null;
  private drawnView: ViewTransform | null = null;
  private drawnSize = '';
  private transform: MinimapTransform | null = null;
  private dragTransform: MinimapTransform | null = null;
  private readonly ratio = window.devicePixelRatio || 1;
  /** Redraws so far (tests and benchmarks read it). */
  redraws = 0;

  constructor(private readonly source: MinimapSource) {
    this.element = h('canvas', { class: 'minimap', 'data-testid': 'minimap', 'aria-label': boardStrings.minimap, role: 'img' });
    this.element.style.width = `${String(MINIMAP_WIDTH_PX)}px`;
    this.element.style.height = `${String(MINIMAP_HEIGHT_PX)}px`;
    this.element.width = Math.round(MINIMAP_WIDTH_PX * this.ratio);
    this.element.height = Math.round(MINIMAP_HEIGHT_PX * this.ratio);
    this.ctx = this.element.getContext('2d');
    this.content = document.createElement('canvas');
    this.content.width = this.element.width;
    this.content.height = this.element.height;
    this.contentCtx = this.content.getContext('2d');
    this.element.addEventListener('pointerdown', (e) => this.onPointer(e, 'down'));
    this.element.addEventListener('pointermove', (e) => this.onPointer(e, 'move'));
    this.element.addEventListener('pointerup', (e) => this.onPointer(e, 'up'));
    this.element.addEventListener('pointercancel', (e) => this.onPointer(e, 'up'));
    this.timer = setInterval(() => this.redrawIfChanged(), MINIMAP_REDRAW_MS);
  }

  /** The document changed: its bounds are drawn again at the next check. */
  invalidateContent(): void {
    this.contentDirty = true;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.element.remove();
  }

  private redrawIfChanged(): void {
    const view = this.source.view();
    const size = this.source.size();
    const sizeKey = `${String(size.width)}x${String(size.height)}`;
    if (!this.contentDirty && view === this.drawnView && sizeKey === this.drawnSize) return;
    if (this.contentDirty) this.contentBox = unionBoxes(this.source.elements().map(elementBounds));
    const viewport = visibleBoardBox(view, size.width, size.height);
    // While dragging on the minimap its mapping stays put, so the board point under the pointer does too.
    const transform = this.dragTransform ?? minimapTransform(this.contentBox, viewport, MINIMAP_WIDTH_PX, MINIMAP_HEIGHT_PX);
    if (this.contentDirty || !sameTransform(this.drawnTransform, transform)) {
      this.drawContent(transform);
      this.drawnTransform = transform;
    }
    this.contentDirty = false;
    this.drawnView = view;
    this.drawnSize = sizeKey;
    this.transform = transform;
    this.compose(viewport, this.drawnTransform ?? transform);
  }

  private drawContent(t: MinimapTransform): void {
    const ctx = this.contentCtx;
    if (ctx === null) return;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, MINIMAP_WIDTH_PX, MINIMAP_HEIGHT_PX);
    ctx.fillStyle = 'rgba(73, 80, 87, 0.55)';
    // One path for every element: a single fill, however many elements.
    ctx.beginPath();
    for (const element of this.source.elements()) {
      const r = boxOnMinimap(t, elementBounds(element));
      ctx.rect(r.x, r.y, r.w, r.h);
    }
    ctx.fill();
  }

  private compose(viewport: Box, t: MinimapTransform): void {
    const ctx = this.ctx;
    if (ctx === null) return;
    this.redraws += 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.element.width, this.element.height);
    ctx.drawImage(this.content, 0, 0);
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    const r = boxOnMinimap(t, viewport, 2);
    ctx.strokeStyle = '#1971c2';
    ctx.lineWidth = 1.5;
    ctx.fillStyle = 'rgba(25, 113, 194, 0.08)';
    ctx.fillRect(r.x, r.y, r.w, r.h);
    ctx.strokeRect(r.x, r.y, r.w, r.h);
    this.element.dataset.viewport = [r.x, r.y, r.w, r.h].map((n) => n.toFixed(1)).join(',');
  }

  private onPointer(event: PointerEvent, phase: 'down' | 'move' | 'up'): void {
    if (phase === 'down') {
      if (event.button !== 0 || this.transform === null) return;
      event.preventDefault();
      this.element.setPointerCapture(event.pointerId);
      this.dragTransform = this.transform;
    }
    const t = this.dragTransform;
    if (t === null) return;
    const rect = this.element.getBoundingClientRect();
    const [x, y] = minimapToBoard(t, event.clientX - rect.left, event.clientY - rect.top);
    if (phase !== 'up' || event.type === 'pointerup') this.source.centerOn(x, y);
    if (phase === 'up') {
      this.dragTransform = null;
      if (this.element.hasPointerCapture(event.pointerId)) this.element.releasePointerCapture(event.pointerId);
    }
    this.redrawIfChanged();
  }
}
