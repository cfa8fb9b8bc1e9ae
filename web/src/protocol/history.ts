// Board history (docs/protocol.md, "Board history", P-HIST-1..4).
import type { Element } from './elements';

/** Hub methods of the board history. */
export const HistoryHubMethods = {
  listBoardHistory: 'ListBoardHistory',
  previewBoardHistory: 'PreviewBoardHistory',
} as const;

/** Why a history snapshot was taken (P-HIST-1). */
export type HistoryReason = 'auto' | 'requested' | (string & {});

/** One named snapshot, without its elements. */
export interface HistoryEntry {
  readonly id: string;
  /** ISO 8601 time the snapshot was taken. */
  readonly createdAt: string;
  readonly label: string;
  readonly reason: HistoryReason;
  /** Board clock of the snapshot. */
  readonly clock: number;
  readonly elementCount: number;
  /** Users who edited since the previous snapshot. */
  readonly editorIds: readonly string[];
}

/** Argument of `ListBoardHistory`. */
export interface ListBoardHistoryRequest {
  readonly roomId: string;
}

/** Answer of `ListBoardHistory`: newest first (P-HIST-2). */
export interface ListBoardHistoryResult {
  readonly entries: readonly HistoryEntry[];
}

/** Argument of `PreviewBoardHistory`. */
export interface PreviewBoardHistoryRequest {
  readonly roomId: string;
  readonly snapshotId: string;
}

/** Answer of `PreviewBoardHistory`: one snapshot with its elements (P-HIST-3). */
export interface BoardHistorySnapshot {
  readonly entry: HistoryEntry;
  readonly elements: readonly Element[];
}
