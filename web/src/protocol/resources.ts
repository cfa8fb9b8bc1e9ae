// The room resource shelf of docs/protocol.md, "Resources" (P-RES-1..10).

/** What a shelf item is (P-RES-1). */
export type ResourceKind = 'link' | 'note' | 'file';

/** The stored file of a `file` item (P-RES-6). */
export interface ResourceFile {
  /** 32 hex digits; part of the download address. */
  readonly blobId: string;
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** The type the server found from the content. */
  readonly contentType: string;
  readonly width?: number;
  readonly height?: number;
}

/** One shelf item; the shelf lists newest first by `seq` (P-RES-2). */
export interface ResourceItem {
  readonly id: string;
  readonly seq: number;
  readonly kind: ResourceKind;
  readonly title?: string;
  readonly url?: string;
  readonly text?: string;
  readonly file?: ResourceFile;
  readonly addedBy: string;
  readonly addedByName: string;
  /** ISO 8601. */
  readonly addedAt: string;
}

/** Answer of `ListResources` (P-RES-2). */
export interface ResourceShelf {
  readonly items: readonly ResourceItem[];
  readonly maxItems: number;
  readonly maxTitleLength: number;
  readonly maxNoteLength: number;
}

/** Argument of `PinResource`: a link or a note (P-RES-3). */
export interface PinResourceRequest {
  readonly roomId: string;
  readonly kind: 'link' | 'note';
  readonly url?: string;
  readonly title?: string;
  readonly text?: string;
}

/** Event `ResourceAdded` (P-RES-8). */
export interface ResourceAdded {
  readonly roomId: string;
  readonly item: ResourceItem;
}

/** Event `ResourcesRemoved` (P-RES-8). */
export interface ResourcesRemoved {
  readonly roomId: string;
  readonly resourceIds: readonly string[];
  readonly byUserId?: string;
}

/** Hub method names of the shelf. */
export const ResourceMethods = {
  pinResource: 'PinResource',
  removeResource: 'RemoveResource',
  listResources: 'ListResources',
} as const;

/** Hub callback names of the shelf. */
export const ResourceCallbacks = {
  resourceAdded: 'ResourceAdded',
  resourcesRemoved: 'ResourcesRemoved',
} as const;

/** Upload and download address of a room's files (P-RES-6, P-RES-9). */
export function roomFilesPath(roomId: string, blobId?: string): string {
  const base = `/api/rooms/${encodeURIComponent(roomId)}/files`;
  return blobId === undefined ? base : `${base}/${encodeURIComponent(blobId)}`;
}

/** The server's default upload limit (P-RES-7); the server's answer is what counts. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
