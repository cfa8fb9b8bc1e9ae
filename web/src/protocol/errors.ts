// Error codes and the `"<CODE>: <reason>"` message format (P-ERR-1, P-ERR-2).

/** Codes a refused hub call carries (P-ERR-1). */
export const HubErrorCodes = [
  'PROTOCOL_MISMATCH',
  'INVALID_REQUEST',
  'ROOM_NOT_FOUND',
  'NOT_IN_ROOM',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  /** The server is past its bound of concurrent calls and did not run the call (P-ERR-6). */
  'OVERLOADED',
] as const;

/** A code a refused hub call carries. */
export type HubErrorCode = (typeof HubErrorCodes)[number];

/** Codes an HTTP problem-details answer may carry in addition to the hub's (P-ERR-2). */
export type HttpErrorCode = HubErrorCode | 'INVALID_DISPLAY_NAME' | 'INVALID_ROOM';

/** A refusal split into its stable code and its human-readable reason. */
export interface ProtocolError {
  /** UPPER_SNAKE_CASE code; may be one this client does not know yet. */
  readonly code: string;
  readonly reason: string;
}

// The .NET server prefixes a HubException's message with
// "An unexpected error occurred invoking 'X' on the server. HubException: ", so the code is searched
// after that marker when present, else at the start.
const HUB_EXCEPTION_MARKER = 'HubException: ';
const CODE_AND_REASON = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*): ?([\s\S]*)$/;

/** Parses `"<CODE>: <reason>"` out of a hub error (or its message); null when it carries no code. */
export function parseProtocolError(error: unknown): ProtocolError | null {
  const message = messageOf(error);
  if (message === null) return null;
  const marker = message.lastIndexOf(HUB_EXCEPTION_MARKER);
  const text = (marker >= 0 ? message.slice(marker + HUB_EXCEPTION_MARKER.length) : message).trim();
  const match = CODE_AND_REASON.exec(text);
  if (!match) return null;
  return { code: match[1] ?? '', reason: (match[2] ?? '').trim() };
}

// A refusal that may succeed later ends its reason with "retry after <N> ms" (P-ERR-5).
const RETRY_HINT = /retry after (\d{1,9}) ms\s*$/;

/** The wait, in ms, a refusal's reason asks for before the call is sent again (P-ERR-5); null without a hint. */
export function retryAfterMs(reason: string): number | null {
  const match = RETRY_HINT.exec(reason);
  return match ? Number(match[1]) : null;
}

/** True when the code is one of the hub codes this client knows. */
export function isKnownHubErrorCode(code: string): code is HubErrorCode {
  return (HubErrorCodes as readonly string[]).includes(code);
}

function messageOf(error: unknown): string | null {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message } = error;
    return typeof message === 'string' ? message : null;
  }
  return null;
}
