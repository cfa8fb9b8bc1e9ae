import { parseProtocolError } from '../protocol/errors';

/** State of the live connection as the user should see it. */
export type ConnectionStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'live' }
  | { readonly state: 'reconnecting'; readonly attempt: number }
  | { readonly state: 'offline'; readonly retryInMs: number | null };

/** Delays between reconnect tries; the last one repeats for as long as the page stays open. */
export const RECONNECT_DELAYS_MS: readonly number[] = [0, 1_000, 2_000, 5_000, 10_000, 15_000];

/** Delay before reconnect try `attempt` (1-based), with up to 20 % jitter so a restarted server is not hit by every tab at once. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const index = Math.min(Math.max(attempt, 1), RECONNECT_DELAYS_MS.length) - 1;
  const base = RECONNECT_DELAYS_MS[index] ?? 15_000;
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * The reason when the server refused this user's connection because they hold the most it allows
 * (P-CONN-1), else null. Two forms: the close of a connection refused on connect carries
 * "HubException: TOO_MANY_CONNECTIONS: <reason>" (and forbids reconnecting); a refused negotiate is
 * a 429 whose problem-details body (`code`, `detail`) the SignalR client puts into its error text.
 * Retrying either would only be refused again.
 */
export function tooManyConnectionsReason(error: unknown): string | null {
  const refusal = parseProtocolError(error);
  if (refusal?.code === 'TOO_MANY_CONNECTIONS') return refusal.reason;
  const message = error instanceof Error ? error.message : '';
  if (!message.includes('"code":"TOO_MANY_CONNECTIONS"')) return null;
  const detail = /"detail":("(?:[^"\\]|\\.)*")/.exec(message)?.[1];
  if (detail === undefined) return '';
  try {
    const text: unknown = JSON.parse(detail);
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}

/** True for an error that means the bearer token was refused (HTTP 401 at negotiate or connect). */
export function isUnauthorizedError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('statusCode' in error && (error).statusCode === 401) return true;
  // The SignalR client wraps a negotiate HttpError in a plain Error whose text keeps the status.
  const message = error instanceof Error ? error.message : '';
  return /Status code '401'/.test(message);
}
