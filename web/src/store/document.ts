// The board document: committed elements by id. Presence never enters here.
import type { CommittedOp, Element, ElementOp, ElementProps } from '../protocol';

/** The part of an op that changes elements (shared by `ElementOp` and `CommittedOp`). */
export type ElementChange = Pick<ElementOp | CommittedOp, 'kind' | 'elementId' | 'type' | 'props'>;

/** Who made a change and at which board clock (0 while it is only local). */
export interface ChangeMeta {
  readonly clock: number;
  readonly authorId: string;
}

/**
 * The state of one element after a change (P-OPS-5): `create` sets it whole, `patch` merges only the
 * properties it names, `delete` removes it. Returns undefined when no element exists afterwards.
 */
export function nextElementState(
  current: Element | undefined,
  change: ElementChange,
  meta: ChangeMeta,
): Element | undefined {
  switch (change.kind) {
    case 'create':
      return {
        id: change.elementId,
        type: change.type ?? current?.type ?? 'freehand',
        version: meta.clock,
        createdBy: meta.authorId,
        props: { ...change.props },
      };
    case 'patch':
      if (current === undefined) return undefined;
      return { ...current, version: meta.clock, props: mergeProps(current.props, change.props) };
    case 'delete':
      return undefined;
    default:
      // An op kind from a newer protocol: leave the element as it is (P-VER-1).
      return current;
  }
}

function mergeProps(base: ElementProps, patch: ElementProps | undefined): ElementProps {
  if (patch === undefined) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** Committed elements by id, in creation order. */
export class BoardDocument {
  private readonly elements = new Map<string, Element>();

  /** Replaces every element, e.g. with a join snapshot. */
  reset(elements: readonly Element[]): void {
    this.elements.clear();
    for (const element of elements) this.elements.set(element.id, element);
  }

  /** Applies one change. */
  apply(change: ElementChange, meta: ChangeMeta): void {
    const next = nextElementState(this.elements.get(change.elementId), change, meta);
    if (next === undefined) this.elements.delete(change.elementId);
    else this.elements.set(change.elementId, next);
  }

  get(id: string): Element | undefined {
    return this.elements.get(id);
  }

  has(id: string): boolean {
    return this.elements.has(id);
  }

  get size(): number {
    return this.elements.size;
  }

  values(): IterableIterator<Element> {
    return this.elements.values();
  }
}
