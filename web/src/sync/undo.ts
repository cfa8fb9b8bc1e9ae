// Per-user undo and redo (docs/protocol.md, "Client rules", P-UNDO-1..4). Only this client's own
// edits are recorded; remote edits never enter the stacks. An undo is an inverse patch computed
// against the board as it is now, so it never overwrites what someone else changed meanwhile.
// Pure: the caller supplies the current elements and fresh ids, and sends the ops it gets back.
import { ELEMENT_DEFAULTS, type Element, type ElementProps } from '../protocol';
import type { NewElementOp } from './pendingQueue';

/** One element's change inside an undo step: `before`/`after` hold only the properties involved. */
export interface ChangeRecord {
  readonly id: string;
  readonly type: string;
  /** null: the element did not exist (a create). */
  readonly before: ElementProps | null;
  /** null: the element no longer exists (a delete). */
  readonly after: ElementProps | null;
}

/** One user action (e.g. "move three shapes"), undone and redone as a whole. */
export interface UndoStep {
  readonly changes: readonly ChangeRecord[];
}

/** Values a property takes when it was absent before a patch, so undo can put "absent" back. */
const RESET_VALUES: Readonly<Record<string, unknown>> = {
  ...ELEMENT_DEFAULTS,
  text: '',
  startBinding: '',
  endBinding: '',
  locked: false,
};

/**
 * Records the step that local ops make, given the elements as they were just before them
 * (`before(id)`). Patches keep only the properties they name.
 */
export function recordOps(ops: readonly NewElementOp[], before: (id: string) => Element | undefined): UndoStep {
  const changes: ChangeRecord[] = [];
  for (const op of ops) {
    const old = before(op.elementId);
    switch (op.kind) {
      case 'create':
        changes.push({ id: op.elementId, type: op.type ?? 'freehand', before: null, after: { ...op.props } });
        break;
      case 'delete':
        if (old !== undefined) changes.push({ id: op.elementId, type: old.type, before: { ...old.props }, after: null });
        break;
      case 'patch': {
        if (old === undefined || op.props === undefined) break;
        const prior: Record<string, unknown> = {};
        for (const key of Object.keys(op.props)) prior[key] = (old.props as Record<string, unknown>)[key];
        changes.push({ id: op.elementId, type: old.type, before: prior, after: { ...op.props } });
        break;
      }
    }
  }
  return { changes };
}

/** What reverting a step does: the ops to send, and the step that would revert them (for redo). */
export interface Reversal {
  readonly ops: readonly NewElementOp[];
  readonly inverse: UndoStep;
  /** Old id → id of the element re-created in its place (ids are never reused, P-OPS-5). */
  readonly renamed: ReadonlyMap<string, string>;
}

/**
 * Reverts a step against the current board (P-UNDO-2): a create is undone by a delete unless
 * someone deleted the element already; a delete by a create under a new id; a patch restores only
 * the properties this step set, and only those still holding the value it set — a property someone
 * changed since keeps their value — and an element deleted by someone else is skipped.
 */
export function revertStep(step: UndoStep, current: (id: string) => Element | undefined, newId: () => string): Reversal {
  const ops: NewElementOp[] = [];
  const inverse: ChangeRecord[] = [];
  const renamed = new Map<string, string>();
  // Reverse order, so "create then patch" undoes as "unpatch then delete".
  for (let i = step.changes.length - 1; i >= 0; i--) {
    const change = step.changes[i];
    if (change === undefined) continue;
    const now = current(change.id);
    if (change.after === null) {
      if (now !== undefined || change.before === null) continue;
      const id = newId();
      renamed.set(change.id, id);
      ops.push({ kind: 'create', elementId: id, type: change.type, props: change.before });
      inverse.push({ id, type: change.type, before: null, after: change.before });
      continue;
    }
    if (now === undefined) continue;
    if (change.before === null) {
      ops.push({ kind: 'delete', elementId: change.id });
      inverse.push({ id: change.id, type: now.type, before: { ...now.props }, after: null });
      continue;
    }
    const props: Record<string, unknown> = {};
    const undone: Record<string, unknown> = {};
    const nowProps = now.props as Record<string, unknown>;
    for (const [key, value] of Object.entries(change.after)) {
      if (!sameValue(nowProps[key], value)) continue;
      const restored = (change.before as Record<string, unknown>)[key] ?? RESET_VALUES[key];
      if (restored === undefined || sameValue(restored, value)) continue;
      props[key] = restored;
      undone[key] = value;
    }
    if (Object.keys(props).length === 0) continue;
    ops.push({ kind: 'patch', elementId: change.id, props: props });
    inverse.push({ id: change.id, type: now.type, before: undone, after: props });
  }
  return { ops, inverse: { changes: inverse.reverse() }, renamed };
}

/** Deep equality for property values (numbers, strings, number arrays). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return false;
}

/** Most steps kept per stack. */
export const UNDO_LIMIT = 200;

/** The two stacks of one user's steps; ids are followed through re-creations. */
export class UndoHistory {
  private readonly undoStack: UndoStep[] = [];
  private readonly redoStack: UndoStep[] = [];

  /** Records a new local step; a new step clears redo. */
  push(step: UndoStep): void {
    if (step.changes.length === 0) return;
    this.undoStack.push(step);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Ops that undo the newest step that still changes something (steps that would do nothing are dropped). */
  undo(current: (id: string) => Element | undefined, newId: () => string): readonly NewElementOp[] {
    return this.move(this.undoStack, this.redoStack, current, newId);
  }

  /** Ops that redo the newest undone step. */
  redo(current: (id: string) => Element | undefined, newId: () => string): readonly NewElementOp[] {
    return this.move(this.redoStack, this.undoStack, current, newId);
  }

  private move(from: UndoStep[], to: UndoStep[], current: (id: string) => Element | undefined, newId: () => string): readonly NewElementOp[] {
    for (;;) {
      const step = from.pop();
      if (step === undefined) return [];
      const reversal = revertStep(step, current, newId);
      if (reversal.renamed.size > 0) this.rename(reversal.renamed);
      if (reversal.ops.length === 0) continue;
      to.push(reversal.inverse);
      return reversal.ops;
    }
  }

  private rename(renamed: ReadonlyMap<string, string>): void {
    for (const stack of [this.undoStack, this.redoStack]) {
      for (let i = 0; i < stack.length; i++) {
        const step = stack[i];
        if (step === undefined || !step.changes.some((c) => renamed.has(c.id))) continue;
        stack[i] = { changes: step.changes.map((c) => ({ ...c, id: renamed.get(c.id) ?? c.id })) };
      }
    }
  }
}
