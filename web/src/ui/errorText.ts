// Human messages for failures; the server's reason is shown after ours when it adds something.
import { strings } from './strings';

/** Something that failed with an optional protocol code and reason. */
export interface FailureLike {
  readonly status?: number;
  readonly code?: string | null;
  readonly reason?: string;
}

/** A clear message for a failed request. */
export function describeFailure(failure: unknown): string {
  if (typeof failure !== 'object' || failure === null) return strings.errors.unknown;
  const { status, code, reason } = failure as FailureLike;
  if (status === 0) return strings.errors.network;
  const known = code ? strings.errors.byCode[code] : undefined;
  const detail = typeof reason === 'string' ? reason.trim() : '';
  if (known !== undefined) return detail && !known.includes(detail) ? `${known} (${detail})` : known;
  return detail || strings.errors.unknown;
}
