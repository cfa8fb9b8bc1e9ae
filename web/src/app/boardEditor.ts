// Local editing on top of the room session: every user action becomes one undo step of ops;
// arrows bound to moved shapes follow in the same step; z-order, duplicate and clipboard.
// Remote edits reach the board through the session and never enter this user's history.
import { arrowsBoundTo, followBindings } from '../geometry/bindings';
import type { Element, ElementProps } from '../protocol';
import { isValidKey, keyBetween } from '../sync/fractionalIndex';
import { newElementId } from '../sync/ids';
import type { NewElementOp } from '../sync/pendingQueue';
import { restoreOps } from '../sync/restoreDiff';
import { recordOps, UndoHistory } from '../sync/undo';
import type { RoomSession } from './roomSession';

/** Properties whose change moves or reshapes an element, so bound arrows must follow. */
const GEOMETRY_KEYS = ['x', 'y', 'width', 'height', 'angle', 'points'] as const;

/** Offset of pasted and duplicated copies, board units. */
export const PASTE_OFFSET = 20;

/** What the clipboard carries: elements without ids, with their original positions. */
export interface ClipboardContent {
  readonly studyroomsElements: readonly { readonly type: string; readonly props: ElementProps }[];
}

/** The editing side of one room page. */
export class BoardEditor {
  readonly history = new UndoHistory();
  private clipboard: ClipboardContent | null = null;

  constructor(private readonly session: RoomSession) {}

  /** Visible elements in drawing order. */
  elements(): readonly Element[] {
    return this.session.board.visibleElements();
  }

  get(id: string): Element | undefined {
    return this.session.board.visible(id);
  }

  /** Applies a user action: adds binding follow-ups, records one undo step, sends. */
  commit(ops: readonly NewElementOp[]): void {
    if (ops.length === 0) return;
    const all = [...ops, ...this.bindingFollowUps(ops)];
    this.history.push(recordOps(all, (id) => this.get(id)));
    this.session.edit(all);
  }

  /**
   * Turns the board back into a history snapshot (P-HIST-4): the difference as ordinary ops, one
   * undo step, sent like any edit. No binding follow-ups: the snapshot's arrows are restored as
   * they were. Returns the number of ops (0: the board already equals the snapshot).
   */
  restore(snapshot: readonly Element[]): number {
    const ops = restoreOps(this.elements(), snapshot, newElementId);
    if (ops.length === 0) return 0;
    this.history.push(recordOps(ops, (id) => this.get(id)));
    this.session.edit(ops);
    return ops.length;
  }

  /** Records an element the session already created (a pen stroke) as an undo step. */
  recordCreated(op: NewElementOp): void {
    this.history.push(recordOps([op], () => undefined));
  }

  undo(): boolean {
    return this.replay(this.history.undo((id) => this.get(id), newElementId));
  }

  redo(): boolean {
    return this.replay(this.history.redo((id) => this.get(id), newElementId));
  }

  /** A key above every element: new elements go on top (P-EL-3). */
  topZ(): string {
    let max: string | null = null;
    for (const element of this.elements()) {
      const z = element.props.zIndex;
      if (z !== undefined && isValidKey(z) && (max === null || z > max)) max = z;
    }
    return keyBetween(max, null);
  }

  /** A key below every element. */
  bottomZ(): string {
    let min: string | null = null;
    for (const element of this.elements()) {
      const z = element.props.zIndex;
      if (z !== undefined && isValidKey(z) && (min === null || z < min)) min = z;
    }
    return keyBetween(null, min);
  }

  /** Deletes elements. */
  remove(ids: Iterable<string>): void {
    this.commit([...ids].filter((id) => this.get(id) !== undefined).map((id): NewElementOp => ({ kind: 'delete', elementId: id })));
  }

  /** Copies elements and returns the new ids. */
  duplicate(ids: Iterable<string>): string[] {
    const content = this.contentOf(ids);
    return this.insert(content, PASTE_OFFSET, PASTE_OFFSET);
  }

  /** Puts elements on the clipboard; returns the JSON the system clipboard may also get. */
  copy(ids: Iterable<string>): string {
    this.clipboard = this.contentOf(ids);
    return JSON.stringify(this.clipboard);
  }

  /** Pastes the clipboard (or JSON from the system clipboard); returns the new ids. */
  paste(json?: string): string[] {
    let content = this.clipboard;
    if (json !== undefined) {
      const parsed = parseClipboard(json);
      if (parsed !== null) content = parsed;
    }
    if (content === null) return [];
    const ids = this.insert(content, PASTE_OFFSET, PASTE_OFFSET);
    this.clipboard = { studyroomsElements: content.studyroomsElements.map((e) => ({ ...e, props: shift(e.props, PASTE_OFFSET, PASTE_OFFSET) })) };
    return ids;
  }

  /** Moves elements one step up (forward) or down (back) in z-order, or to the very top/bottom. */
  reorder(ids: ReadonlySet<string>, direction: 'forward' | 'backward' | 'front' | 'back'): void {
    const ordered = this.elements();
    const keys = ordered.map((e) => (e.props.zIndex !== undefined && isValidKey(e.props.zIndex) ? e.props.zIndex : null));
    // Elements without a valid key (older clients) get keys first, so "between" is well defined.
    const ops: NewElementOp[] = [];
    let last: string | null = null;
    const fixed = keys.map((key, i) => {
      if (key !== null && (last === null || key > last)) return (last = key);
      const next = keyBetween(last, null);
      const element = ordered[i];
      if (element !== undefined) ops.push({ kind: 'patch', elementId: element.id, props: { zIndex: next } });
      return (last = next);
    });
    const zOf = new Map(ordered.map((e, i) => [e.id, fixed[i] ?? null]));
    const set = (id: string, z: string): void => {
      const existing = ops.findIndex((op) => op.elementId === id);
      if (existing >= 0) ops.splice(existing, 1);
      ops.push({ kind: 'patch', elementId: id, props: { zIndex: z } });
    };
    const others = ordered.filter((e) => !ids.has(e.id));
    const moving = ordered.filter((e) => ids.has(e.id));
    if (moving.length === 0) return;
    let lower: string | null;
    let upper: string | null;
    if (direction === 'front') {
      lower = zOf.get(others.at(-1)?.id ?? '') ?? null;
      upper = null;
    } else if (direction === 'back') {
      lower = null;
      upper = zOf.get(others[0]?.id ?? '') ?? null;
    } else {
      const topIndex = ordered.findIndex((e) => e.id === moving.at(-1)?.id);
      const bottomIndex = ordered.findIndex((e) => e.id === moving[0]?.id);
      if (direction === 'forward') {
        const above = ordered.slice(topIndex + 1).filter((e) => !ids.has(e.id));
        if (above.length === 0) return;
        lower = zOf.get(above[0]?.id ?? '') ?? null;
        upper = zOf.get(above[1]?.id ?? '') ?? null;
      } else {
        const below = ordered.slice(0, bottomIndex).filter((e) => !ids.has(e.id));
        if (below.length === 0) return;
        upper = zOf.get(below.at(-1)?.id ?? '') ?? null;
        lower = zOf.get(below.at(-2)?.id ?? '') ?? null;
      }
    }
    let previous = lower;
    for (const element of moving) {
      const key = keyBetween(previous, upper);
      set(element.id, key);
      previous = key;
    }
    this.commit(ops);
  }

  /** Serialisable content of elements, in drawing order. */
  contentOf(ids: Iterable<string>): ClipboardContent {
    const wanted = new Set(ids);
    return {
      studyroomsElements: this.elements()
        .filter((e) => wanted.has(e.id))
        .map((e) => ({ type: e.type, props: { ...e.props } })),
    };
  }

  private insert(content: ClipboardContent, dx: number, dy: number): string[] {
    let z = this.topZ();
    const ops: NewElementOp[] = [];
    for (const element of content.studyroomsElements) {
      const id = newElementId();
      ops.push({ kind: 'create', elementId: id, type: element.type, props: { ...shift(element.props, dx, dy), zIndex: z, startBinding: '', endBinding: '', locked: false } });
      z = keyBetween(z, null);
    }
    this.commit(ops);
    return ops.map((op) => op.elementId);
  }

  private replay(ops: readonly NewElementOp[]): boolean {
    if (ops.length === 0) return false;
    this.session.edit(ops);
    return true;
  }

  /** Patches for arrows bound to elements these ops move or reshape (P-EL-2). */
  private bindingFollowUps(ops: readonly NewElementOp[]): NewElementOp[] {
    const moved = new Set<string>();
    for (const op of ops) {
      if (op.kind === 'patch' && op.props !== undefined && GEOMETRY_KEYS.some((k) => op.props?.[k] !== undefined)) moved.add(op.elementId);
    }
    if (moved.size === 0) return [];
    const touched = new Set(ops.map((op) => op.elementId));
    const before = new Map<string, Element>();
    const after = new Map<string, Element>();
    for (const id of moved) {
      const element = this.get(id);
      if (element === undefined) continue;
      before.set(id, element);
      let props = element.props;
      for (const op of ops) if (op.elementId === id && op.props !== undefined) props = { ...props, ...op.props };
      after.set(id, { ...element, props });
    }
    const followUps: NewElementOp[] = [];
    for (const arrow of arrowsBoundTo(this.elements(), moved)) {
      // An arrow moved in the same action moves as a whole; re-pinning it would undo that move.
      if (touched.has(arrow.id)) continue;
      const patch = followBindings(arrow, before, after);
      if (patch !== null) followUps.push({ kind: 'patch', elementId: arrow.id, props: patch });
    }
    return followUps;
  }
}

function shift(props: ElementProps, dx: number, dy: number): ElementProps {
  return { ...props, x: (props.x ?? 0) + dx, y: (props.y ?? 0) + dy };
}

/** Reads clipboard JSON written by `copy` (from this or another board); null when it is not ours. */
export function parseClipboard(json: string): ClipboardContent | null {
  try {
    const value = JSON.parse(json) as { studyroomsElements?: unknown } | null;
    if (value === null || !Array.isArray(value.studyroomsElements)) return null;
    const list: unknown[] = value.studyroomsElements;
    const elements = list.filter((e): e is { type: string; props: ElementProps } => {
      if (typeof e !== 'object' || e === null) return false;
      const candidate = e as { type?: unknown; props?: unknown };
      return typeof candidate.type === 'string' && typeof candidate.props === 'object' && candidate.props !== null;
    });
    return { studyroomsElements: elements };
  } catch {
    // Plain text on the clipboard is not a board selection.
    return null;
  }
}
