// The ops that turn the board as this client shows it into a history snapshot (P-HIST-4). A
// restore is ordinary edits: the caller pushes them as one undo step under its own client id.
// Pure: the caller supplies the elements and fresh ids.
import { ELEMENT_DEFAULTS, type Element, type ElementProps } from '../protocol';
import type { NewElementOp } from './pendingQueue';

/** Values a property takes when the snapshot's element does not have it (as undo puts "absent" back). */
const ABSENT_VALUES: Readonly<Record<string, unknown>> = {
  ...ELEMENT_DEFAULTS,
  text: '',
  startBinding: '',
  endBinding: '',
  locked: false,
};

/**
 * The difference between `current` and `snapshot` as create, patch and delete ops (P-HIST-4):
 * elements only in `current` are deleted; elements in both are patched with the properties whose
 * values differ; elements only in the snapshot are created again under a fresh id from `newId`
 * (ids are never reused, P-OPS-5), and arrow bindings naming them follow to the new ids.
 * Creates come first, then patches, then deletes. Empty when the board already equals the snapshot.
 */
export function restoreOps(current: readonly Element[], snapshot: readonly Element[], newId: () => string): NewElementOp[] {
  const now = new Map(current.map((e) => [e.id, e]));
  const renamed = new Map<string, string>();
  for (const element of snapshot) if (!now.has(element.id)) renamed.set(element.id, newId());
  const rebind = (props: ElementProps): ElementProps => {
    const start = props.startBinding !== undefined ? renamed.get(props.startBinding) : undefined;
    const end = props.endBinding !== undefined ? renamed.get(props.endBinding) : undefined;
    if (start === undefined && end === undefined) return props;
    return { ...props, ...(start !== undefined ? { startBinding: start } : {}), ...(end !== undefined ? { endBinding: end } : {}) };
  };

  const creates: NewElementOp[] = [];
  const patches: NewElementOp[] = [];
  const wanted = new Set<string>();
  for (const element of snapshot) {
    wanted.add(element.id);
    const target = rebind(element.props);
    const existing = now.get(element.id);
    const fresh = renamed.get(element.id);
    if (existing === undefined || fresh !== undefined) {
      creates.push({ kind: 'create', elementId: fresh ?? newId(), type: element.type, props: target });
      continue;
    }
    const patch = propsDiff(existing.props, target);
    if (patch !== null) patches.push({ kind: 'patch', elementId: element.id, props: patch });
  }
  const deletes: NewElementOp[] = current
    .filter((e) => !wanted.has(e.id))
    .map((e): NewElementOp => ({ kind: 'delete', elementId: e.id }));
  return [...creates, ...patches, ...deletes];
}

/** The properties to patch so `from` reads as `to`; null when nothing differs. */
export function propsDiff(from: ElementProps, to: ElementProps): ElementProps | null {
  const source = from as Record<string, unknown>;
  const target = to as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (value !== undefined && !sameValue(source[key], value)) patch[key] = value;
  }
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined || target[key] !== undefined || !(key in ABSENT_VALUES)) continue;
    const absent = ABSENT_VALUES[key];
    if (!sameValue(value, absent)) patch[key] = absent;
  }
  return Object.keys(patch).length === 0 ? null : patch;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}
