// Board elements and the ops that change them (docs/protocol.md, "Shapes").

/** Element types known in protocol version 1 (P-EL-1). */
export type ElementType =
  | 'freehand'
  | 'highlighter'
  | 'line'
  | 'arrow'
  | 'rectangle'
  | 'ellipse'
  | 'diamond'
  | 'text'
  | 'sticky';

/** Every element type of P-EL-1, for validation and tool lists. */
export const ELEMENT_TYPES: readonly ElementType[] = [
  'freehand',
  'highlighter',
  'line',
  'arrow',
  'rectangle',
  'ellipse',
  'diamond',
  'text',
  'sticky',
];

/** Element properties; every member optional: absent = unchanged (patch) or default (create). */
export interface ElementProps {
  readonly x?: number;
  readonly y?: number;
  /** Flat `[dx0, dy0, dx1, dy1, …]`, relative to `x`, `y` (P-EL-1). */
  readonly points?: readonly number[];
  /** One number in [0, 1] per point (P-EL-2). */
  readonly pressures?: readonly number[];
  readonly width?: number;
  readonly height?: number;
  readonly angle?: number;
  readonly strokeColor?: string;
  readonly fillColor?: string;
  readonly strokeWidth?: number;
  readonly opacity?: number;
  readonly text?: string;
  readonly fontSize?: number;
  readonly zIndex?: string;
  /** Id of the element an arrow's start is attached to, or `""` (P-EL-2). */
  readonly startBinding?: string;
  /** Id of the element an arrow's end is attached to, or `""` (P-EL-2). */
  readonly endBinding?: string;
  /** Locked by the owner or a mentor: only they change, delete or unlock it (P-MOD-7). */
  readonly locked?: boolean;
}

/** Defaults for properties a `create` leaves out. */
export const ELEMENT_DEFAULTS = {
  x: 0,
  y: 0,
  width: 0,
  height: 0,
  angle: 0,
  strokeColor: '#1e1e1e',
  fillColor: 'transparent',
  strokeWidth: 2,
  opacity: 1,
  fontSize: 20,
} as const;

/** An element as snapshots carry it. */
export interface Element {
  readonly id: string;
  readonly type: ElementType | (string & {});
  /** Board clock of the element's last change. */
  readonly version: number;
  readonly createdBy: string;
  readonly props: ElementProps;
}

/** Kinds of element op (P-OPS-5). */
export type OpKind = 'create' | 'patch' | 'delete';

/** An edit as the client pushes it (P-OPS-3: `clientSeq` strictly increasing per `clientId`). */
export interface ElementOp {
  readonly kind: OpKind;
  readonly elementId: string;
  readonly clientSeq: number;
  /** `create` only. */
  readonly type?: ElementType | (string & {});
  /** `create`: initial properties; `patch`: only the changed ones. */
  readonly props?: ElementProps;
}

/** An edit as the server broadcasts it: `ElementOp` without `clientSeq`, plus its board `clock`. */
export interface CommittedOp {
  readonly clock: number;
  /** Author, when the server includes it (resume ops). */
  readonly authorId?: string;
  readonly kind: OpKind;
  readonly elementId: string;
  readonly type?: ElementType | (string & {});
  readonly props?: ElementProps;
}

/** The board as `JoinRoomResult.board` carries it. */
export interface BoardSnapshot {
  readonly clock: number;
  readonly elements: readonly Element[];
}
