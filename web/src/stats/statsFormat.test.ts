// Proves the stats panel's pure formatting: minutes, rates, dates without the local zone, the
// heatmap as weeks of labelled cells, leaderboard ties and the time zone sent (docs/stats.md).
import { describe, expect, it } from 'vitest';
import type { StudyDay } from '../protocol';
import {
  formatDate,
  formatDays,
  formatMinutes,
  formatRate,
  heatLevel,
  heatmapWeeks,
  leaderboardRows,
  ordinal,
  parseDate,
  timeZoneOrUtc,
} from './statsFormat';

function days(first: string, minutes: readonly number[]): StudyDay[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return minutes.map((m, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), minutes: m }));
}

describe('formatMinutes', () => {
  it('shows minutes under an hour and hours with minutes above', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(25)).toBe('25 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(65)).toBe('1 h 5 min');
    expect(formatMinutes(750)).toBe('12 h 30 min');
  });

  it('never shows negative or fractional minutes', () => {
    expect(formatMinutes(-3)).toBe('0 min');
    expect(formatMinutes(24.6)).toBe('25 min');
  });
});

describe('formatRate', () => {
  it('is a whole percentage, or a dash before the first recap (S-USER-2)', () => {
    expect(formatRate(0.75)).toBe('75%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(2 / 3)).toBe('67%');
    expect(formatRate(undefined)).toBe('–');
    expect(formatRate(Number.NaN)).toBe('–');
  });
});

describe('formatDays', () => {
  it('says day or days', () => {
    expect(formatDays(0)).toBe('0 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(12)).toBe('12 days');
  });
});

describe('dates', () => {
  it('names the weekday of an ISO date, Monday first, without the local zone', () => {
    expect(parseDate('2026-11-23')).toEqual({ year: 2026, month: 11, day: 23, weekday: 0 });
    expect(parseDate('2026-11-29')?.weekday).toBe(6);
    expect(formatDate('2026-11-23')).toBe('Monday 23 November 2026');
    expect(formatDate('2024-02-29')).toBe('Thursday 29 February 2024');
  });

  it('leaves anything else alone', () => {
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('23.11.2026')).toBeNull();
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('heatLevel', () => {
  it('goes from 0 for no study to 4 for 100 minutes and more', () => {
    expect([0, 1, 24, 25, 49, 50, 99, 100, 600].map(heatLevel)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});

describe('heatmapWeeks', () => {
  it('cuts 84 days into 12 weeks of Monday to Sunday, each cell with a text label (S-USER-3)', () => {
    const heatmap = days('2026-09-07', Array.from({ length: 84 }, (_, i) => (i === 0 ? 30 : i === 83 ? 120 : 0)));

    const weeks = heatmapWeeks(heatmap, '2026-11-29');

    expect(weeks).toHaveLength(12);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.[0]).toEqual({ date: '2026-09-07', minutes: 30, level: 2, future: false, label: 'Monday 7 September 2026: 30 min' });
    expect(weeks[11]?.[6]?.label).toBe('Sunday 29 November 2026: 2 h');
    expect(weeks[11]?.[6]?.level).toBe(4);
  });

  it('marks the days after today as not yet', () => {
    const week = days('2026-11-23', [10, 20, 0, 0, 0, 0, 0]);

    const [cells] = heatmapWeeks(week, '2026-11-25');

    expect(cells?.map((c) => c.future)).toEqual([false, false, false, true, true, true, true]);
    expect(cells?.[3]?.label).toBe('Thursday 26 November 2026: not yet');
    expect(cells?.[3]?.level).toBe(0);
  });

  it('drops a trailing partial week', () => {
    expect(heatmapWeeks(days('2026-11-23', [1, 2, 3, 4, 5, 6, 7, 8]), '2026-12-01')).toHaveLength(1);
  });
});

describe('leaderboardRows', () => {
  it('marks ties and the caller (S-BOARD-3)', () => {
    const rows = leaderboardRows(
      [
        { rank: 1, userId: 'u_c', displayName: 'Carl', focusMinutes: 90 },
        { rank: 2, userId: 'u_a', displayName: 'Ada', focusMinutes: 25 },
        { rank: 2, userId: 'u_b', displayName: 'Bea', focusMinutes: 25 },
        { rank: 4, userId: 'u_d', displayName: 'Dan', focusMinutes: 10 },
      ],
      'u_b',
    );

    expect(rows.map((r) => r.rank)).toEqual(['1', '=2', '=2', '4']);
    expect(rows.map((r) => r.isSelf)).toEqual([false, false, true, false]);
    expect(rows[0]?.label).toBe('1st, Carl, 1 h 30 min');
    expect(rows[2]?.label).toBe('2nd (tied), Bea, 25 min');
  });

  it('is empty for an empty board', () => {
    expect(leaderboardRows([], null)).toEqual([]);
  });
});

describe('ordinal', () => {
  it('uses English suffixes, teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });
});

describe('timeZoneOrUtc', () => {
  it('passes IANA-looking ids and falls back to UTC otherwise (P-STATS-2)', () => {
    expect(timeZoneOrUtc('Europe/Berlin')).toBe('Europe/Berlin');
    expect(timeZoneOrUtc('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(timeZoneOrUtc('Etc/GMT+5')).toBe('Etc/GMT+5');
    expect(timeZoneOrUtc(undefined)).toBe('UTC');
    expect(timeZoneOrUtc('')).toBe('UTC');
    expect(timeZoneOrUtc('../etc')).toBe('UTC');
    expect(timeZoneOrUtc('W. Europe Standard Time')).toBe('UTC');
  });
});
