// The interactive whiteboard: tools, selection and transforms, text editing, pan and zoom,
// cursors and follow. It edits through BoardEditor (one undo step per action) and draws through
// BoardRenderer (static layer for the document, interactive layer for everything that moves).
import { boardStrings } from './boardStrings';
import { BoardEditor } from '../app/boardEditor';
import type { RoomSession } from '../app/roomSession';
import { bindingTargetAt } from '../geometry/bindings';
import { BOX_TYPES, boxContains, boxesIntersect, boxFromCorners, elementBounds, POINT_TYPES, topmostAt, unionBoxes, type Box } from '../geometry/geometry';
import { MAX_TEXT_LENGTH, type Element, type ElementProps } from '../protocol';
import { CURSOR_SWEEP_MS, LASER_FADE_MS, type TrailPoint } from '../store/cursors';
import { newElementId } from '../sync/ids';
import type { NewElementOp } from '../sync/pendingQueue';
import { roundCoordinate } from '../sync/stroke';
import { BoardRenderer } from '../render/boardRenderer';
import { drawElement, FONT_FAMILY, STICKY_PADDING, TEXT_LINE_HEIGHT, wrapText } from '../render/drawElement';
import { download, exportJson, exportPng, exportSvg } from '../render/exportBoard';
import { boardToScreen, fitBox, panBy, zoomAt, type ViewTransform } from '../render/viewTransform';
import { groupScale, handleAngle, rotateGroup, scaleGroup } from '../geometry/groupTransform';
import type { StyleSettings } from './stylePanel';
import { isShapeTool, toolForKey, type ToolId } from './tools';
import { peerCursorLook } from './peerCursorLook';

/** Screen pixels within which a click hits an element or a handle. */
export const HIT_TOLERANCE_PX = 6;
/** Size of a new sticky note, board units. */
export const STICKY_SIZE = 200;
/** Zoom step of the keyboard and of one wheel notch. */
const ZOOM_STEP = 1.2;

type Drag =
  | { kind: 'stroke' }
  | { kind: 'pan'; lastX: number; lastY: number }
  | { kind: 'move'; x0: number; y0: number; dx: number; dy: number; ids: string[] }
  | { kind: 'resize'; id: string; box: Box; x: number; y: number }
  | { kind: 'rotate'; id: string; cx: number; cy: number; angle: number }
  | { kind: 'groupResize'; ids: string[]; box: Box; x: number; y: number; keepRatio: boolean }
  | { kind: 'groupRotate'; ids: string[]; cx: number; cy: number; start: number; angle: number }
  | { kind: 'marquee'; x0: number; y0: number; x1: number; y1: number; base: ReadonlySet<string> }
  | { kind: 'draft'; tool: ToolId; x0: number; y0: number; x1: number; y1: number; shift: boolean }
  | { kind: 'erase'; ids: Set<string> }
  | { kind: 'laser' };

/** What the page shows around the board (counts, tool, selection). */
export interface WhiteboardEvents {
  toolChanged(tool: ToolId): void;
  selectionChanged(count: number): void;
  followChanged(userId: string | null): void;
  help(): void;
}

/** A peer cursor as the last interactive frame drew it (for the browser tests' debug hook). */
export interface DrawnCursor {
  readonly userId: string;
  readonly clientId: string | null;
  readonly label: string;
  readonly opacity: number;
}

/** The whiteboard of one room page. */
export class Whiteboard {
  readonly editor: BoardEditor;
  readonly renderer: BoardRenderer;
  private toolId: ToolId = 'pen';
  private readonly selection = new Set<string>();
  private readonly hidden = new Set<string>();
  private drag: Drag | null = null;
  private activePointer: number | null = null;
  private readonly touches = new Map<number, { x: number; y: number }>();
  private pinch: { distance: number; midX: number; midY: number } | null = null;
  private spaceDown = false;
  private textEditor: { area: HTMLTextAreaElement; id: string | null; type: 'text' | 'sticky'; x: number; y: number } | null = null;
  private readonly laserTrail: TrailPoint[] = [];
  private fadeTimer: ReturnType<typeof setInterval> | null = null;
  private readonly staleTabTimer: ReturnType<typeof setInterval>;
  private following: string | null = null;
  private lastPointer: [number, number] = [0, 0];
  private drawn: readonly DrawnCursor[] = [];
  private readonly measureCtx: CanvasRenderingContext2D | null;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly layers: HTMLElement,
    private readonly session: RoomSession,
    private readonly style: StyleSettings,
    private readonly events: WhiteboardEvents,
  ) {
    this.editor = new BoardEditor(session);
    this.measureCtx = document.createElement('canvas').getContext('2d');
    this.renderer = new BoardRenderer(layers, {
      elements: () => {
        const all = this.editor.elements();
        return this.hidden.size === 0 ? all : all.filter((e) => !this.hidden.has(e.id));
      },
      previews: () => session.previews.values(),
      localStroke: () => session.localStroke,
      author: (userId) => {
        const p = session.participants.get(userId);
        return p === undefined ? undefined : { name: p.displayName, color: p.color };
      },
      overlay: (ctx, view, ratio) => this.drawOverlay(ctx, view, ratio),
    });
    const canvas = this.renderer.inputCanvas;
    canvas.style.touchAction = 'none';
    this.listen(canvas, 'pointerdown', (e) => this.onPointerDown(e));
    this.listen(canvas, 'pointermove', (e) => this.onPointerMove(e));
    this.listen(canvas, 'pointerup', (e) => this.onPointerUp(e, false));
    this.listen(canvas, 'pointercancel', (e) => this.onPointerUp(e, true));
    this.listen(canvas, 'pointerleave', () => this.session.moveCursor({ ...this.cursorBase(), visible: false, laser: false }));
    // A closing tab hides its cursor at once rather than leaving a stale one to peers (P-LIVE-5).
    const onPageHide = (): void => this.session.hideCursorNow(this.cursorBase());
    window.addEventListener('pagehide', onPageHide);
    this.cleanup.push(() => window.removeEventListener('pagehide', onPageHide));
    this.listen(canvas, 'dblclick', (e) => this.onDoubleClick(e));
    this.listen(canvas, 'wheel', (e) => this.onWheel(e), { passive: false });
    this.listen(window, 'keydown', (e) => this.onKeyDown(e));
    this.listen(window, 'keyup', (e) => {
      if (e.key === ' ') this.spaceDown = false;
    });
    this.listen(window, 'copy', (e) => this.onCopy(e));
    this.listen(window, 'paste', (e) => this.onPaste(e));
    this.cleanup.push(
      session.events.on('board', () => this.pruneSelection()),
      // A peer's status, name or colour changed: their cursor is drawn anew (dimmed while idle or away).
      session.events.on('participants', () => this.renderer.invalidateInteractive()),
      session.events.on('cursor', (event) => {
        if (event.userId === this.following && event.viewport) this.showViewport(event.viewport);
        if (event.laser) this.startFading();
      }),
    );
    // A tab that closed without its `visible: false` leaves a cursor behind; drop it once stale (P-LIVE-5).
    this.staleTabTimer = setInterval(() => {
      if (this.session.cursors.dropStaleTabs(Date.now())) this.renderer.invalidateInteractive();
    }, CURSOR_SWEEP_MS);
  }

  /** The current tool. */
  get tool(): ToolId {
    return this.toolId;
  }

  /** Selected element ids. */
  get selected(): readonly string[] {
    return [...this.selection];
  }

  /** Peers' cursors as the last interactive frame drew them. */
  get drawnCursors(): readonly DrawnCursor[] {
    return this.drawn;
  }

  /** The user being followed, if any. */
  get followedUser(): string | null {
    return this.following;
  }

  /** Picks a tool. */
  setTool(tool: ToolId): void {
    this.commitText();
    this.toolId = tool;
    if (tool !== 'select') this.select([]);
    this.renderer.inputCanvas.dataset.tool = tool;
    this.events.toolChanged(tool);
    this.renderer.invalidateInteractive();
  }

  /** Applies a style change to the selection (one undo step). */
  restyle(patch: ElementProps): void {
    const ops: NewElementOp[] = [];
    for (const id of this.selection) {
      const element = this.editor.get(id);
      if (element === undefined) continue;
      const props: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch)) {
        // Only properties meaningful for the type (P-EL-1); a note's fill is its colour.
        if (key === 'fillColor' && !(BOX_TYPES.has(element.type) && element.type !== 'text')) continue;
        if (key === 'fontSize' && element.type !== 'text' && element.type !== 'sticky') continue;
        if (key === 'strokeWidth' && (element.type === 'text' || element.type === 'sticky')) continue;
        props[key] = value;
      }
      if (Object.keys(props).length > 0) ops.push({ kind: 'patch', elementId: id, props: props });
    }
    this.editor.commit(ops);
  }

  /**
   * Locks the selection, or unlocks it when every selected element is locked (P-MOD-7). Only the
   * owner and mentors may; the server refuses anyone else and the edit rolls back.
   */
  toggleLockSelection(): void {
    const elements = this.selectedElements();
    if (elements.length === 0) return;
    const locked = !elements.every((e) => e.props.locked === true);
    this.editor.commit(elements.map((e): NewElementOp => ({ kind: 'patch', elementId: e.id, props: { locked } })));
  }

  undo(): void {
    this.commitText();
    this.editor.undo();
  }

  redo(): void {
    this.commitText();
    this.editor.redo();
  }

  deleteSelection(): void {
    this.editor.remove(this.selection);
    this.select([]);
  }

  duplicateSelection(): void {
    if (this.selection.size > 0) this.select(this.editor.duplicate(this.selection));
  }

  reorderSelection(direction: 'forward' | 'backward' | 'front' | 'back'): void {
    this.editor.reorder(new Set(this.selection), direction);
  }

  /** Zooms so all content (or the selection) fits. */
  zoomToContent(selectionOnly = false): void {
    const elements = this.editor.elements().filter((e) => !selectionOnly || this.selection.has(e.id));
    const box = unionBoxes(elements.map(elementBounds));
    if (box === null) {
      this.setView({ scale: 1, offsetX: 0, offsetY: 0 });
      return;
    }
    const { width, height } = this.renderer.size;
    this.setView(fitBox(box, width, height, 40, selectionOnly ? 4 : 1));
  }

  /** Pans (same zoom) so the board point (x, y) is in the middle of the view; the minimap uses it. */
  centerOn(x: number, y: number): void {
    const { width, height } = this.renderer.size;
    const scale = this.renderer.view.scale;
    this.stopFollowing();
    this.setView({ scale, offsetX: x - width / 2 / scale, offsetY: y - height / 2 / scale });
  }

  /** Zooms in or out about the centre. */
  zoomBy(factor: number): void {
    const { width, height } = this.renderer.size;
    this.setView(zoomAt(this.renderer.view, factor, width / 2, height / 2));
  }

  /** Follows a participant's viewport (null: stop). */
  follow(userId: string | null): void {
    this.following = userId;
    if (userId !== null) {
      const viewport = this.session.cursors.get(userId)?.viewport;
      if (viewport) this.showViewport(viewport);
    }
    this.events.followChanged(userId);
  }

  /** Downloads the board. */
  async export(format: 'png' | 'svg' | 'json'): Promise<void> {
    const elements = this.editor.elements();
    const name = `board-${this.session.roomId}`;
    if (format === 'json') download(exportJson(elements), `${name}.json`, 'application/json');
    else if (format === 'svg') download(exportSvg(elements), `${name}.svg`, 'image/svg+xml');
    else download(await exportPng(elements), `${name}.png`, 'image/png');
  }

  dispose(): void {
    for (const stop of this.cleanup) stop();
    if (this.fadeTimer !== null) clearInterval(this.fadeTimer);
    clearInterval(this.staleTabTimer);
    this.textEditor?.area.remove();
    this.renderer.dispose();
  }

  // ---- input ----

  private listen<K extends keyof HTMLElementEventMap>(target: HTMLElement | Window, type: K, handler: (event: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions): void {
    const listener = handler as EventListener;
    target.addEventListener(type, listener, options);
    this.cleanup.push(() => target.removeEventListener(type, listener, options));
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.pointerType === 'touch') {
      this.touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (this.touches.size === 2) {
        // A second finger turns whatever the first began into a pinch.
        this.abortDrag();
        this.pinch = this.pinchState();
        return;
      }
    }
    if (this.activePointer !== null || !event.isPrimary) return;
    if (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 1) return;
    event.preventDefault();
    this.commitText();
    this.activePointer = event.pointerId;
    this.renderer.inputCanvas.setPointerCapture(event.pointerId);
    const [x, y] = this.renderer.toBoard(event.clientX, event.clientY);
    this.lastPointer = [x, y];
    if (event.button === 1 || this.spaceDown || this.toolId === 'hand') {
      this.drag = { kind: 'pan', lastX: event.clientX, lastY: event.clientY };
      this.stopFollowing();
      return;
    }
    const tolerance = HIT_TOLERANCE_PX / this.renderer.view.scale;
    switch (this.toolId) {
      case 'pen':
      case 'highlighter': {
        const highlighter = this.toolId === 'highlighter';
        this.session.beginStroke(x, y, this.style.strokeColor, this.style.strokeWidth, { type: highlighter ? 'highlighter' : 'freehand', opacity: this.style.opacity, zIndex: highlighter ? this.bottomZ() : this.editor.topZ() }, pressureOf(event));
        this.drag = { kind: 'stroke' };
        return;
      }
      case 'eraser':
        this.drag = { kind: 'erase', ids: new Set() };
        this.eraseAt(x, y);
        return;
      case 'laser':
        this.drag = { kind: 'laser' };
        this.addLaserPoint(x, y);
        return;
      case 'text': {
        const hit = topmostAt(this.editable(), x, y, tolerance);
        if (hit !== undefined && (hit.type === 'text' || hit.type === 'sticky')) this.openTextEditor(hit);
        else this.openTextEditor(null, 'text', x, y);
        this.activePointer = null;
        return;
      }
      case 'sticky': {
        const id = newElementId();
        const props: ElementProps = { x: roundCoordinate(x - STICKY_SIZE / 2), y: roundCoordinate(y - STICKY_SIZE / 2), width: STICKY_SIZE, height: STICKY_SIZE, fillColor: this.style.stickyColor, fontSize: this.style.fontSize, text: '', zIndex: this.editor.topZ() };
        this.editor.commit([{ kind: 'create', elementId: id, type: 'sticky', props }]);
        const created = this.editor.get(id);
        if (created !== undefined) this.openTextEditor(created);
        this.activePointer = null;
        return;
      }
      case 'select':
        this.beginSelectDrag(x, y, event.shiftKey, tolerance);
        return;
      default:
        this.drag = { kind: 'draft', tool: this.toolId, x0: x, y0: y, x1: x, y1: y, shift: event.shiftKey };
    }
  }

  private beginSelectDrag(x: number, y: number, additive: boolean, tolerance: number): void {
    if (this.selection.size > 1 && this.beginGroupDrag(x, y, tolerance * 1.5)) return;
    const single = this.selection.size === 1 ? this.editor.get([...this.selection][0] ?? '') : undefined;
    if (single !== undefined) {
      const handle = this.handleAt(single, x, y, tolerance * 1.5);
      if (handle === 'rotate') {
        const b = elementBounds(single);
        this.drag = { kind: 'rotate', id: single.id, cx: (b.minX + b.maxX) / 2, cy: (b.minY + b.maxY) / 2, angle: single.props.angle ?? 0 };
        this.hidden.add(single.id);
        this.renderer.invalidateStatic();
        return;
      }
      if (handle === 'resize') {
        this.drag = { kind: 'resize', id: single.id, box: elementBounds(single), x, y };
        this.hidden.add(single.id);
        this.renderer.invalidateStatic();
        return;
      }
    }
    const hit = topmostAt(this.editable(), x, y, tolerance);
    if (hit === undefined) {
      if (!additive) this.select([]);
      this.drag = { kind: 'marquee', x0: x, y0: y, x1: x, y1: y, base: new Set(this.selection) };
      return;
    }
    if (additive) {
      const next = new Set(this.selection);
      if (next.has(hit.id)) next.delete(hit.id);
      else next.add(hit.id);
      this.select([...next]);
    } else if (!this.selection.has(hit.id)) this.select([hit.id]);
    if (!this.selection.has(hit.id)) return;
    const ids = [...this.selection];
    this.drag = { kind: 'move', x0: x, y0: y, dx: 0, dy: 0, ids };
    for (const id of ids) this.hidden.add(id);
    this.renderer.invalidateStatic();
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch' && this.touches.has(event.pointerId)) {
      this.touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (this.pinch !== null && this.touches.size === 2) {
        const now = this.pinchState();
        const rect = this.renderer.inputCanvas.getBoundingClientRect();
        let view = panBy(this.renderer.view, now.midX - this.pinch.midX, now.midY - this.pinch.midY);
        view = zoomAt(view, now.distance / Math.max(1, this.pinch.distance), now.midX - rect.left, now.midY - rect.top);
        this.pinch = now;
        this.stopFollowing();
        this.setView(view);
        return;
      }
    }
    const [x, y] = this.renderer.toBoard(event.clientX, event.clientY);
    this.lastPointer = [x, y];
    const drag = this.drag;
    this.session.moveCursor({ ...this.cursorBase(), x: roundCoordinate(x), y: roundCoordinate(y), visible: true, laser: drag?.kind === 'laser' });
    if (event.pointerId !== this.activePointer || drag === null) return;
    switch (drag.kind) {
      case 'stroke': {
        const coalesced = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
        const events = coalesced.length > 0 ? coalesced : [event];
        this.session.extendStroke(events.map((e) => [...this.renderer.toBoard(e.clientX, e.clientY), pressureOf(e)] as const));
        return;
      }
      case 'pan':
        this.setView(panBy(this.renderer.view, event.clientX - drag.lastX, event.clientY - drag.lastY));
        drag.lastX = event.clientX;
        drag.lastY = event.clientY;
        return;
      case 'move':
        drag.dx = x - drag.x0;
        drag.dy = y - drag.y0;
        break;
      case 'resize':
        drag.x = x;
        drag.y = y;
        break;
      case 'groupResize':
        drag.x = x;
        drag.y = y;
        drag.keepRatio = event.shiftKey;
        break;
      case 'groupRotate': {
        let angle = handleAngle(drag.cx, drag.cy, x, y);
        if (event.shiftKey) angle = drag.start + Math.round((angle - drag.start) / (Math.PI / 12)) * (Math.PI / 12);
        drag.angle = angle;
        break;
      }
      case 'rotate': {
        let angle = Math.atan2(y - drag.cy, x - drag.cx) + Math.PI / 2;
        if (event.shiftKey) angle = Math.round(angle / (Math.PI / 12)) * (Math.PI / 12);
        drag.angle = angle;
        break;
      }
      case 'marquee':
        drag.x1 = x;
        drag.y1 = y;
        break;
      case 'draft':
        drag.x1 = x;
        drag.y1 = y;
        drag.shift = event.shiftKey;
        break;
      case 'erase':
        this.eraseAt(x, y);
        return;
      case 'laser':
        this.addLaserPoint(x, y);
        return;
    }
    this.renderer.invalidateInteractive();
  }

  private onPointerUp(event: PointerEvent, cancelled: boolean): void {
    if (event.pointerType === 'touch') {
      this.touches.delete(event.pointerId);
      if (this.touches.size < 2) this.pinch = null;
    }
    if (event.pointerId !== this.activePointer) return;
    this.activePointer = null;
    if (this.renderer.inputCanvas.hasPointerCapture(event.pointerId)) this.renderer.inputCanvas.releasePointerCapture(event.pointerId);
    if (cancelled) {
      this.abortDrag();
      return;
    }
    const drag = this.drag;
    this.drag = null;
    if (drag === null) return;
    switch (drag.kind) {
      case 'stroke': {
        const op = this.session.endStroke();
        if (op !== null) this.editor.recordCreated(op);
        break;
      }
      case 'move':
        if (drag.dx !== 0 || drag.dy !== 0) {
          this.editor.commit(drag.ids.flatMap((id): NewElementOp[] => {
            const e = this.editor.get(id);
            return e === undefined ? [] : [{ kind: 'patch', elementId: id, props: { x: roundCoordinate((e.props.x ?? 0) + drag.dx), y: roundCoordinate((e.props.y ?? 0) + drag.dy) } }];
          }));
        }
        break;
      case 'resize': {
        const e = this.editor.get(drag.id);
        const next = e === undefined ? undefined : this.transformed(e, drag);
        if (e !== undefined && next !== undefined) this.editor.commit([{ kind: 'patch', elementId: e.id, props: changedProps(e.props, next.props) }]);
        break;
      }
      case 'rotate':
        this.editor.commit([{ kind: 'patch', elementId: drag.id, props: { angle: Math.round(drag.angle * 1000) / 1000 } }]);
        break;
      case 'groupResize':
      case 'groupRotate':
        this.commitGroupTransform(drag);
        break;
      case 'marquee':
        break;
      case 'draft':
        this.finishDraft(drag);
        break;
      case 'erase':
        for (const id of drag.ids) this.hidden.delete(id);
        this.editor.remove(drag.ids);
        break;
      case 'laser':
      case 'pan':
        break;
    }
    this.hidden.clear();
    this.renderer.invalidateStatic();
    this.renderer.invalidateInteractive();
  }

  private abortDrag(): void {
    if (this.drag?.kind === 'stroke') this.session.cancelStroke();
    this.drag = null;
    this.activePointer = null;
    this.hidden.clear();
    this.renderer.invalidateStatic();
    this.renderer.invalidateInteractive();
  }

  private finishDraft(drag: Extract<Drag, { kind: 'draft' }>): void {
    const element = this.draftElement(drag);
    if (element === null) return;
    let props = element.props;
    if (drag.tool === 'arrow') {
      const elements = this.editor.elements();
      const tolerance = HIT_TOLERANCE_PX / this.renderer.view.scale;
      const start = bindingTargetAt(elements, drag.x0, drag.y0, element.id, tolerance);
      const end = bindingTargetAt(elements, drag.x1, drag.y1, element.id, tolerance);
      props = { ...props, startBinding: start?.id ?? '', endBinding: end?.id ?? '' };
    }
    this.editor.commit([{ kind: 'create', elementId: element.id, type: element.type, props }]);
    if (drag.tool !== 'line' && drag.tool !== 'arrow') {
      this.setTool('select');
      this.select([element.id]);
    }
  }

  /** The element a line, arrow or shape drag would create now, or null when it is too small. */
  private draftElement(drag: Extract<Drag, { kind: 'draft' }>): Element | null {
    const base = { id: 'draft', version: 0, createdBy: this.session.selfUserId ?? '' };
    const common = { strokeColor: this.style.strokeColor, strokeWidth: this.style.strokeWidth, opacity: this.style.opacity, zIndex: this.editor.topZ() };
    if (drag.tool === 'line' || drag.tool === 'arrow') {
      let dx = drag.x1 - drag.x0;
      let dy = drag.y1 - drag.y0;
      if (drag.shift) {
        // Snap to 15° steps.
        const angle = Math.round(Math.atan2(dy, dx) / (Math.PI / 12)) * (Math.PI / 12);
        const len = Math.hypot(dx, dy);
        dx = Math.cos(angle) * len;
        dy = Math.sin(angle) * len;
      }
      if (Math.hypot(dx, dy) * this.renderer.view.scale < 4) return null;
      return { ...base, id: newElementId(), type: drag.tool, props: { ...common, x: roundCoordinate(drag.x0), y: roundCoordinate(drag.y0), points: [0, 0, roundCoordinate(dx), roundCoordinate(dy)] } };
    }
    if (!isShapeTool(drag.tool)) return null;
    let w = Math.abs(drag.x1 - drag.x0);
    let h = Math.abs(drag.y1 - drag.y0);
    if (drag.shift) w = h = Math.max(w, h);
    const x = drag.x1 < drag.x0 ? drag.x0 - w : drag.x0;
    const y = drag.y1 < drag.y0 ? drag.y0 - h : drag.y0;
    if (w * this.renderer.view.scale < 3 && h * this.renderer.view.scale < 3) {
      // A click: a default-sized shape centred on it.
      return { ...base, id: newElementId(), type: drag.tool, props: { ...common, fillColor: this.style.fillColor, x: roundCoordinate(drag.x0 - 60), y: roundCoordinate(drag.y0 - 40), width: 120, height: 80, angle: 0 } };
    }
    return { ...base, id: newElementId(), type: drag.tool, props: { ...common, fillColor: this.style.fillColor, x: roundCoordinate(x), y: roundCoordinate(y), width: roundCoordinate(w), height: roundCoordinate(h), angle: 0 } };
  }

  private onDoubleClick(event: MouseEvent): void {
    if (this.toolId !== 'select') return;
    const [x, y] = this.renderer.toBoard(event.clientX, event.clientY);
    const hit = topmostAt(this.editor.elements(), x, y, HIT_TOLERANCE_PX / this.renderer.view.scale);
    if (hit !== undefined && (hit.type === 'text' || hit.type === 'sticky')) this.openTextEditor(hit);
    else if (hit === undefined) this.openTextEditor(null, 'text', x, y);
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    this.stopFollowing();
    const rect = this.renderer.inputCanvas.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey) {
      // Trackpad pinch arrives as ctrl+wheel with small deltas.
      this.setView(zoomAt(this.renderer.view, Math.exp(-event.deltaY * 0.01), event.clientX - rect.left, event.clientY - rect.top));
    } else {
      const scale = event.deltaMode === 1 ? 16 : 1;
      this.setView(panBy(this.renderer.view, -event.deltaX * scale, -event.deltaY * scale));
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (isTextTarget(event.target) || event.defaultPrevented || isPanelTarget(event.target)) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (key === ' ') {
      this.spaceDown = true;
      event.preventDefault();
      return;
    }
    let handled = true;
    if (mod && key.toLowerCase() === 'z') {
      if (event.shiftKey) this.redo();
      else this.undo();
    } else if (mod && key.toLowerCase() === 'y') this.redo();
    else if (mod && key.toLowerCase() === 'd') this.duplicateSelection();
    else if (mod && key.toLowerCase() === 'a') {
      this.setTool('select');
      this.select(this.editor.elements().map((e) => e.id));
    } else if (mod && (key === ']' || key === '}')) this.reorderSelection(event.shiftKey ? 'front' : 'forward');
    else if (mod && (key === '[' || key === '{')) this.reorderSelection(event.shiftKey ? 'back' : 'backward');
    else if (mod) handled = false;
    else if (key === 'Delete' || key === 'Backspace') this.deleteSelection();
    else if (key === 'Escape') {
      if (this.drag !== null) this.abortDrag();
      this.select([]);
      this.stopFollowing();
    } else if (key === '+' || key === '=') this.zoomBy(ZOOM_STEP);
    else if (key === '-' || key === '_') this.zoomBy(1 / ZOOM_STEP);
    else if (key === '0' || key === ')') this.zoomResetKeepingCentre();
    else if (key === '!' || (event.shiftKey && event.code === 'Digit1')) this.zoomToContent(false);
    else if (key === '@' || (event.shiftKey && event.code === 'Digit2')) this.zoomToContent(true);
    else if (key === '?') this.events.help();
    else if (key.startsWith('Arrow')) this.nudge(key, event.shiftKey);
    else {
      const tool = event.altKey ? undefined : toolForKey(key);
      if (tool !== undefined) this.setTool(tool);
      else handled = false;
    }
    if (handled) event.preventDefault();
  }

  private nudge(key: string, big: boolean): void {
    const step = big ? 10 : 1;
    const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
    const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
    if (this.selection.size === 0) {
      this.setView(panBy(this.renderer.view, -dx * 20, -dy * 20));
      return;
    }
    this.editor.commit([...this.selection].flatMap((id): NewElementOp[] => {
      const e = this.editor.get(id);
      return e === undefined ? [] : [{ kind: 'patch', elementId: id, props: { x: (e.props.x ?? 0) + dx, y: (e.props.y ?? 0) + dy } }];
    }));
  }

  private onCopy(event: ClipboardEvent): void {
    if (this.selection.size === 0 || isTextTarget(event.target)) return;
    event.clipboardData?.setData('text/plain', this.editor.copy(this.selection));
    event.preventDefault();
  }

  private onPaste(event: ClipboardEvent): void {
    if (isTextTarget(event.target)) return;
    const text = event.clipboardData?.getData('text/plain');
    const ids = this.editor.paste(text === undefined || text === '' ? undefined : text);
    if (ids.length > 0) {
      this.setTool('select');
      this.select(ids);
      event.preventDefault();
    }
  }

  // ---- helpers ----

  private select(ids: readonly string[]): void {
    this.selection.clear();
    for (const id of ids) this.selection.add(id);
    this.events.selectionChanged(this.selection.size);
    this.session.moveCursor({ ...this.cursorBase(), visible: true, laser: false });
    this.renderer.invalidateInteractive();
  }

  private pruneSelection(): void {
    let changed = false;
    for (const id of [...this.selection]) {
      if (this.editor.get(id) === undefined) changed = this.selection.delete(id) || changed;
    }
    if (changed) this.events.selectionChanged(this.selection.size);
    this.renderer.invalidateInteractive();
  }

  private cursorBase(): { x: number; y: number; selection: string[]; viewport: { x: number; y: number; width: number; height: number } } {
    const box = this.renderer.visibleBox;
    return {
      x: roundCoordinate(this.lastPointer[0]),
      y: roundCoordinate(this.lastPointer[1]),
      selection: [...this.selection],
      viewport: { x: roundCoordinate(box.minX), y: roundCoordinate(box.minY), width: roundCoordinate(box.maxX - box.minX), height: roundCoordinate(box.maxY - box.minY) },
    };
  }

  private setView(view: ViewTransform): void {
    this.renderer.view = view;
    this.session.moveCursor({ ...this.cursorBase(), visible: true, laser: false });
    this.repositionTextEditor();
  }

  private zoomResetKeepingCentre(): void {
    const { width, height } = this.renderer.size;
    const view = this.renderer.view;
    this.setView(zoomAt(view, 1 / view.scale, width / 2, height / 2));
  }

  private showViewport(viewport: { x: number; y: number; width: number; height: number }): void {
    const { width, height } = this.renderer.size;
    this.renderer.view = fitBox({ minX: viewport.x, minY: viewport.y, maxX: viewport.x + viewport.width, maxY: viewport.y + viewport.height }, width, height, 0, 8);
  }

  private stopFollowing(): void {
    if (this.following !== null) this.follow(null);
  }

  private bottomZ(): string {
    // Highlighter ink goes under what is already there ("drawn under ink", P-EL-1).
    return this.editor.bottomZ();
  }

  private pinchState(): { distance: number; midX: number; midY: number } {
    const [a, b] = [...this.touches.values()];
    if (a === undefined || b === undefined) return { distance: 1, midX: 0, midY: 0 };
    return { distance: Math.hypot(a.x - b.x, a.y - b.y), midX: (a.x + b.x) / 2, midY: (a.y + b.y) / 2 };
  }

  private eraseAt(x: number, y: number): void {
    const drag = this.drag;
    if (drag?.kind !== 'erase') return;
    const hit = topmostAt(this.editor.elements().filter((e) => !drag.ids.has(e.id)), x, y, (HIT_TOLERANCE_PX * 1.5) / this.renderer.view.scale);
    if (hit === undefined) return;
    drag.ids.add(hit.id);
    this.hidden.add(hit.id);
    this.renderer.invalidateStatic();
  }

  private addLaserPoint(x: number, y: number): void {
    this.laserTrail.push({ x, y, at: performance.now() });
    this.startFading();
  }

  private startFading(): void {
    if (this.fadeTimer !== null) return;
    this.fadeTimer = setInterval(() => {
      const now = performance.now();
      while (this.laserTrail.length > 0 && now - (this.laserTrail[0]?.at ?? now) > LASER_FADE_MS) this.laserTrail.shift();
      const peersFading = this.session.cursors.fade(Date.now());
      this.renderer.invalidateInteractive();
      if (!peersFading && this.laserTrail.length === 0 && this.drag?.kind !== 'laser' && this.fadeTimer !== null) {
        clearInterval(this.fadeTimer);
        this.fadeTimer = null;
      }
    }, 33);
  }

  private handleAt(element: Element, x: number, y: number, tolerance: number): 'resize' | 'rotate' | null {
    const b = elementBounds(element);
    if (Math.hypot(x - b.maxX, y - b.maxY) <= tolerance * 2) return 'resize';
    if (BOX_TYPES.has(element.type) && Math.hypot(x - (b.minX + b.maxX) / 2, y - (b.minY - 24 / this.renderer.view.scale)) <= tolerance * 2) return 'rotate';
    return null;
  }

  /** Starts a resize or rotation of the whole selection when the pointer is on a group handle. */
  private beginGroupDrag(x: number, y: number, tolerance: number): boolean {
    const elements = this.selectedElements();
    const box = unionBoxes(elements.map(elementBounds));
    if (box === null) return false;
    const ids = elements.map((e) => e.id);
    const cx = (box.minX + box.maxX) / 2;
    const cy = (box.minY + box.maxY) / 2;
    if (Math.hypot(x - box.maxX, y - box.maxY) <= tolerance * 2) {
      this.drag = { kind: 'groupResize', ids, box, x, y, keepRatio: false };
    } else if (Math.hypot(x - cx, y - (box.minY - 24 / this.renderer.view.scale)) <= tolerance * 2) {
      const start = handleAngle(cx, cy, x, y);
      this.drag = { kind: 'groupRotate', ids, cx, cy, start, angle: start };
    } else {
      return false;
    }
    for (const id of ids) this.hidden.add(id);
    this.renderer.invalidateStatic();
    return true;
  }

  /** The patches a group gesture makes, per element id. */
  private groupPatches(drag: Extract<Drag, { kind: 'groupResize' | 'groupRotate' }>, elements: readonly Element[]): Map<string, ElementProps> {
    if (drag.kind === 'groupRotate') return rotateGroup(elements, drag.cx, drag.cy, drag.angle - drag.start);
    const { sx, sy } = groupScale(drag.box, drag.x, drag.y, drag.keepRatio);
    return scaleGroup(elements, drag.box, sx, sy);
  }

  /** Commits a group resize or rotation as one step of patches (one undo step). */
  private commitGroupTransform(drag: Extract<Drag, { kind: 'groupResize' | 'groupRotate' }>): void {
    const elements = drag.ids.map((id) => this.editor.get(id)).filter((e): e is Element => e !== undefined);
    const patches = this.groupPatches(drag, elements);
    this.editor.commit([...patches].map(([id, props]): NewElementOp => ({ kind: 'patch', elementId: id, props })));
  }

  /**
   * The elements this user may pick up: all of them for the owner and mentors, all but the locked
   * ones for everyone else (P-MOD-7), so a member never drags what the server would refuse.
   */
  private editable(): readonly Element[] {
    const all = this.editor.elements();
    const self = this.session.participants.self?.userId;
    const role = this.session.participants.list().find((p) => p.userId === self)?.role;
    return role === 'owner' || role === 'mentor' ? all : all.filter((e) => e.props.locked !== true);
  }

  private selectedElements(): Element[] {
    return [...this.selection].map((id) => this.editor.get(id)).filter((e): e is Element => e !== undefined);
  }

  /** An element as the current transform drag shows it. */
  private transformed(element: Element, drag: Drag): Element {
    const p = element.props;
    switch (drag.kind) {
      case 'groupResize':
      case 'groupRotate': {
        const patch = this.groupPatches(drag, [element]).get(element.id);
        return patch === undefined ? element : { ...element, props: { ...p, ...patch } };
      }
      case 'move':
        return { ...element, props: { ...p, x: (p.x ?? 0) + drag.dx, y: (p.y ?? 0) + drag.dy } };
      case 'rotate':
        return { ...element, props: { ...p, angle: drag.angle } };
      case 'resize': {
        const b = drag.box;
        const sx = Math.max(0.05, (drag.x - b.minX) / Math.max(1, b.maxX - b.minX));
        const sy = Math.max(0.05, (drag.y - b.minY) / Math.max(1, b.maxY - b.minY));
        if (POINT_TYPES.has(element.type)) {
          const x = p.x ?? 0;
          const y = p.y ?? 0;
          const points = (p.points ?? []).map((v, i) => roundCoordinate(i % 2 === 0 ? (x + v - b.minX) * sx + b.minX - x : (y + v - b.minY) * sy + b.minY - y));
          return { ...element, props: { ...p, points } };
        }
        return { ...element, props: { ...p, width: roundCoordinate(Math.max(4, (p.width ?? 0) * sx)), height: roundCoordinate(Math.max(4, (p.height ?? 0) * sy)) } };
      }
      default:
        return element;
    }
  }

  // ---- text editing ----

  private openTextEditor(element: Element | null, type: 'text' | 'sticky' = 'text', x = 0, y = 0): void {
    this.commitText();
    const area = document.createElement('textarea');
    area.className = 'text-editor';
    area.setAttribute('data-testid', 'text-editor');
    area.setAttribute('aria-label', boardStrings.textEditor);
    area.maxLength = MAX_TEXT_LENGTH;
    area.value = element?.props.text ?? '';
    const kind = element === null ? type : element.type === 'sticky' ? 'sticky' : 'text';
    this.textEditor = { area, id: element?.id ?? null, type: kind, x: element?.props.x ?? x, y: element?.props.y ?? y };
    if (element !== null) {
      this.hidden.add(element.id);
      this.renderer.invalidateStatic();
    }
    area.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        this.commitText();
      }
    });
    area.addEventListener('blur', () => this.commitText());
    this.layers.append(area);
    this.repositionTextEditor();
    area.focus();
  }

  private repositionTextEditor(): void {
    const editor = this.textEditor;
    if (editor === null) return;
    const view = this.renderer.view;
    const element = editor.id === null ? undefined : this.editor.get(editor.id);
    const fontSize = element?.props.fontSize ?? this.style.fontSize;
    const pad = editor.type === 'sticky' ? STICKY_PADDING : 0;
    const [sx, sy] = boardToScreen(view, editor.x + pad, editor.y + pad);
    const area = editor.area;
    area.style.left = `${sx}px`;
    area.style.top = `${sy}px`;
    area.style.fontSize = `${fontSize * view.scale}px`;
    area.style.fontFamily = FONT_FAMILY;
    area.style.lineHeight = String(TEXT_LINE_HEIGHT);
    area.style.color = editor.type === 'sticky' ? '#1e1e1e' : (element?.props.strokeColor ?? this.style.strokeColor);
    if (editor.type === 'sticky') {
      area.style.width = `${((element?.props.width ?? STICKY_SIZE) - 2 * pad) * view.scale}px`;
      area.style.height = `${((element?.props.height ?? STICKY_SIZE) - 2 * pad) * view.scale}px`;
      area.style.background = element?.props.fillColor ?? this.style.stickyColor;
    } else {
      area.style.width = `${Math.max(120, (element?.props.width ?? 200) * view.scale + 20)}px`;
      area.style.height = `${Math.max(1.5 * fontSize * view.scale, (element?.props.height ?? 0) * view.scale + 10)}px`;
    }
  }

  private commitText(): void {
    const editor = this.textEditor;
    if (editor === null) return;
    this.textEditor = null;
    editor.area.remove();
    const text = editor.area.value.replace(/\r/g, '');
    const existing = editor.id === null ? undefined : this.editor.get(editor.id);
    if (editor.id !== null) this.hidden.delete(editor.id);
    const fontSize = existing?.props.fontSize ?? this.style.fontSize;
    const size = this.measure(text, fontSize);
    if (existing === undefined) {
      if (text.trim() === '') return;
      const id = newElementId();
      this.editor.commit([{ kind: 'create', elementId: id, type: 'text', props: { x: roundCoordinate(editor.x), y: roundCoordinate(editor.y), text, fontSize, strokeColor: this.style.strokeColor, opacity: this.style.opacity, width: size.width, height: size.height, angle: 0, zIndex: this.editor.topZ() } }]);
    } else if (existing.type === 'text' && text.trim() === '') {
      this.editor.remove([existing.id]);
    } else if (text !== (existing.props.text ?? '')) {
      const props: ElementProps = existing.type === 'text' ? { text, width: size.width, height: size.height } : { text };
      this.editor.commit([{ kind: 'patch', elementId: existing.id, props }]);
    }
    this.renderer.invalidateStatic();
  }

  private measure(text: string, fontSize: number): { width: number; height: number } {
    const ctx = this.measureCtx;
    const lines = text.split('\n');
    if (ctx === null) return { width: fontSize * 0.6 * Math.max(...lines.map((l) => l.length)), height: lines.length * fontSize * TEXT_LINE_HEIGHT };
    ctx.font = `${fontSize}px ${FONT_FAMILY}`;
    const wrapped = wrapText(ctx, text, 0);
    const width = Math.max(1, ...wrapped.map((l) => ctx.measureText(l).width));
    return { width: roundCoordinate(width + 2), height: roundCoordinate(wrapped.length * fontSize * TEXT_LINE_HEIGHT) };
  }

  // ---- interactive layer ----

  private drawOverlay(ctx: CanvasRenderingContext2D, view: ViewTransform, ratio: number): void {
    const drag = this.drag;
    // Elements being transformed, drawn where the drag puts them.
    if (drag !== null && (drag.kind === 'move' || drag.kind === 'resize' || drag.kind === 'rotate' || drag.kind === 'groupResize' || drag.kind === 'groupRotate')) {
      const ids = drag.kind === 'move' || drag.kind === 'groupResize' || drag.kind === 'groupRotate' ? drag.ids : [drag.id];
      for (const id of ids) {
        const e = this.editor.get(id);
        if (e !== undefined) drawElement(ctx, this.transformed(e, drag));
      }
    }
    if (drag?.kind === 'draft') {
      const draft = this.draftElement(drag);
      if (draft !== null) drawElement(ctx, draft);
    }
    const px = 1 / view.scale;
    // Peers' selections in their colour.
    for (const cursor of this.session.cursors.values()) {
      const color = this.session.participants.get(cursor.userId)?.color ?? '#868e96';
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash([]);
      for (const id of cursor.selection.slice(0, 200)) {
        const e = this.editor.get(id);
        if (e === undefined) continue;
        const b = elementBounds(e);
        ctx.strokeRect(b.minX - 6 * px, b.minY - 6 * px, b.maxX - b.minX + 12 * px, b.maxY - b.minY + 12 * px);
      }
    }
    // Own selection with handles.
    const selected = [...this.selection].map((id) => this.editor.get(id)).filter((e): e is Element => e !== undefined);
    if (selected.length > 0 && !(drag !== null && drag.kind !== 'marquee')) {
      ctx.strokeStyle = '#4263eb';
      ctx.lineWidth = px;
      ctx.setLineDash([4 * px, 3 * px]);
      // One path for all outlines in view: a selection of thousands redraws on every pan frame.
      const inView = this.renderer.visibleBox;
      ctx.beginPath();
      for (const e of selected) {
        const b = elementBounds(e);
        if (boxesIntersect(b, inView)) ctx.rect(b.minX - 3 * px, b.minY - 3 * px, b.maxX - b.minX + 6 * px, b.maxY - b.minY + 6 * px);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      const single = selected.length === 1 ? selected[0] : undefined;
      const group = selected.length > 1 ? unionBoxes(selected.map(elementBounds)) : null;
      if (group !== null) {
        // Group handles: resize at the bottom-right corner, rotate above the middle (one undo step each).
        ctx.setLineDash([2 * px, 2 * px]);
        ctx.strokeRect(group.minX - 8 * px, group.minY - 8 * px, group.maxX - group.minX + 16 * px, group.maxY - group.minY + 16 * px);
        ctx.setLineDash([]);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(group.maxX - 5 * px, group.maxY - 5 * px, 10 * px, 10 * px);
        ctx.strokeRect(group.maxX - 5 * px, group.maxY - 5 * px, 10 * px, 10 * px);
        ctx.beginPath();
        ctx.arc((group.minX + group.maxX) / 2, group.minY - 24 * px, 5 * px, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
      if (single !== undefined) {
        const b = elementBounds(single);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(b.maxX - 5 * px, b.maxY - 5 * px, 10 * px, 10 * px);
        ctx.strokeRect(b.maxX - 5 * px, b.maxY - 5 * px, 10 * px, 10 * px);
        if (BOX_TYPES.has(single.type)) {
          ctx.beginPath();
          ctx.arc((b.minX + b.maxX) / 2, b.minY - 24 * px, 5 * px, 0, Math.PI * 2);
          ctx.fill();
          ctx.stroke();
        }
      }
    }
    if (drag?.kind === 'marquee') {
      const box = boxFromCorners(drag.x0, drag.y0, drag.x1, drag.y1);
      ctx.fillStyle = 'rgba(66, 99, 235, 0.08)';
      ctx.strokeStyle = '#4263eb';
      ctx.lineWidth = px;
      ctx.fillRect(box.minX, box.minY, box.maxX - box.minX, box.maxY - box.minY);
      ctx.strokeRect(box.minX, box.minY, box.maxX - box.minX, box.maxY - box.minY);
      this.applyMarquee(drag, box);
    }
    // Laser trails: own and peers', fading.
    const now = performance.now();
    this.drawTrail(ctx, this.laserTrail, now, px);
    const wall = Date.now();
    for (const cursor of this.session.cursors.values()) this.drawTrail(ctx, cursor.trail, wall, px);
    // Peers' cursors with name labels, in screen pixels.
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const drawn: DrawnCursor[] = [];
    for (const cursor of this.session.cursors.values()) {
      if (!cursor.visible) continue;
      const participant = this.session.participants.get(cursor.userId);
      if (participant === undefined) continue;
      const look = peerCursorLook(participant);
      drawn.push({ userId: cursor.userId, clientId: cursor.clientId, label: look.label, opacity: look.opacity });
      const [sx, sy] = boardToScreen(view, cursor.x, cursor.y);
      ctx.globalAlpha = look.opacity;
      ctx.fillStyle = participant.color;
      ctx.beginPath();
      ctx.moveTo(sx, sy);
      ctx.lineTo(sx + 4, sy + 14);
      ctx.lineTo(sx + 7, sy + 8);
      ctx.lineTo(sx + 14, sy + 6);
      ctx.closePath();
      ctx.fill();
      const width = ctx.measureText(look.label).width + 10;
      ctx.beginPath();
      ctx.roundRect(sx + 10, sy + 12, width, 18, 4);
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.fillText(look.label, sx + 15, sy + 21);
    }
    ctx.globalAlpha = 1;
    this.drawn = drawn;
  }

  private applyMarquee(drag: Extract<Drag, { kind: 'marquee' }>, box: Box): void {
    const inside = this.editable().filter((e) => boxesIntersect(elementBounds(e), box) && boxContains(box, elementBounds(e)));
    const next = new Set(drag.base);
    for (const e of inside) next.add(e.id);
    if (next.size !== this.selection.size || [...next].some((id) => !this.selection.has(id))) {
      this.selection.clear();
      for (const id of next) this.selection.add(id);
      this.events.selectionChanged(this.selection.size);
    }
  }

  private drawTrail(ctx: CanvasRenderingContext2D, trail: readonly TrailPoint[], now: number, px: number): void {
    ctx.lineCap = 'round';
    for (let i = 1; i < trail.length; i++) {
      const a = trail[i - 1];
      const b = trail[i];
      if (a === undefined || b === undefined) continue;
      const life = 1 - (now - b.at) / LASER_FADE_MS;
      if (life <= 0) continue;
      ctx.strokeStyle = `rgba(250, 82, 82, ${life.toFixed(3)})`;
      ctx.lineWidth = 4 * px;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    }
  }
}

function pressureOf(event: PointerEvent): number | undefined {
  return event.pointerType === 'pen' ? event.pressure : undefined;
}

/** Where keys type text: shortcuts stay off there (radio swatches and sliders do not count). */
/** Keys pressed in a dialog or the side panel belong there (Escape closes the dialog, arrows move between tabs). */
function isPanelTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog, .side-panel') !== null;
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'range', 'button'].includes(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable;
}

/** Only the properties that differ, so a patch names no more than it changes (P-OPS-5). */
function changedProps(before: ElementProps, after: ElementProps): ElementProps {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = (before as Record<string, unknown>)[key];
    if (Array.isArray(value) && Array.isArray(old) ? value.length !== old.length || value.some((v, i) => v !== old[i]) : value !== old) result[key] = value;
  }
  return result;
}
