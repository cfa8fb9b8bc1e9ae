// Where the stats panel gets its numbers: the HTTP API with the signed-in user's token. The panel
// sees only this interface, never the transport.
import type { LeaderboardPeriod, RoomLeaderboard, UserStats } from '../protocol';
import { timeZoneOrUtc } from '../stats/statsFormat';
import { ApiError, getLeaderboard, getMyStats } from '../transport/httpApi';
import type { AuthSession } from './authSession';
import { RequestFailure } from './services';

/** Reads the caller's stats and room leaderboards. */
export interface StatsSource {
  /** The caller's user id, to mark their leaderboard row; null when signed out. */
  selfId(): string | null;
  /** The caller's stats in the browser's time zone. */
  myStats(): Promise<UserStats>;
  leaderboard(roomId: string, period: LeaderboardPeriod): Promise<RoomLeaderboard>;
}

/** A stats source over the HTTP API; failures arrive as `RequestFailure`. */
export function createStatsSource(session: () => AuthSession | null): StatsSource {
  const token = (): string => {
    const current = session();
    if (current === null) throw new RequestFailure(401, 'UNAUTHENTICATED', 'Not signed in.');
    return current.token;
  };
  return {
    selfId: () => session()?.userId ?? null,
    myStats: () => wrap(() => getMyStats(token(), browserTimeZone())),
    leaderboard: (roomId, period) => wrap(() => getLeaderboard(token(), roomId, period)),
  };
}

function browserTimeZone(): string {
  try {
    return timeZoneOrUtc(Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch {
    return 'UTC';
  }
}

async function wrap<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw new RequestFailure(error.status, error.code, error.detail);
    throw error;
  }
}
