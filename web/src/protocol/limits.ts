// Numeric limits of docs/protocol.md that the client must respect before the server refuses.

/** Most ops in one `PushOps` (P-OPS-4). */
export const MAX_OPS_PER_PUSH = 200;
/** Most numbers in one element's `points` (P-OPS-4). */
export const MAX_POINT_NUMBERS = 20_000;
/** Most numbers in one `StreamStroke` message (P-LIVE-1). */
export const MAX_STREAM_NUMBERS = 2_000;
/** Largest absolute coordinate or other number (P-OPS-4). */
export const MAX_ABS_NUMBER = 1_000_000;
/** Thinnest allowed stroke (P-OPS-4). */
export const MIN_STROKE_WIDTH = 0.5;
/** Thickest allowed stroke (P-OPS-4). */
export const MAX_STROKE_WIDTH = 64;
/** Longest element id (P-OPS-4) and client id (P-JOIN-1). */
export const MAX_ID_LENGTH = 64;
/** Shape of element ids and client ids (P-OPS-4, P-JOIN-1). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Longest display name (P-AUTH-2). */
export const MAX_DISPLAY_NAME_LENGTH = 40;
/** Longest room name (P-ROOM-1). */
export const MAX_ROOM_NAME_LENGTH = 80;
/** Longest room topic (P-ROOM-1). */
export const MAX_ROOM_TOPIC_LENGTH = 80;
/** A preview with no progress for this long is discarded (P-LIVE-2). */
export const PREVIEW_TIMEOUT_MS = 10_000;
/** Fastest cursor updates a client sends (P-LIVE-3). */
export const CURSOR_SEND_INTERVAL_MS = 1000 / 30;
/** Most ids in a cursor's `selection` (P-LIVE-3). */
export const MAX_CURSOR_SELECTION = 500;
/** Longest string property, e.g. `text` (P-OPS-4). */
export const MAX_TEXT_LENGTH = 2_000;
