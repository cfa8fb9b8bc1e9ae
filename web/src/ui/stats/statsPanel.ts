// "My stats": the caller's totals, streaks, this week, the 12-week heatmap as a labelled table, and
// the room's leaderboard (this week / all time). A modal dialog opened from the room header.
import './stats.css';
import { RequestFailure } from '../../app/services';
import type { StatsSource } from '../../app/statsSource';
import type { LeaderboardPeriod, RoomLeaderboard, UserStats } from '../../protocol';
import {
  WEEKDAY_NAMES,
  formatDate,
  formatDays,
  formatMinutes,
  formatRate,
  heatmapWeeks,
  leaderboardRows,
} from '../../stats/statsFormat';
import { h } from '../dom';
import { statsStrings as text } from './statsStrings';

/** The panel: append `element` once, `open()` to show fresh figures. */
export interface StatsPanel {
  readonly element: HTMLDialogElement;
  open(): void;
  dispose(): void;
}

/** Builds the stats panel for a room. */
export function statsPanel(source: StatsSource, roomId: string): StatsPanel {
  const status = h('p', { class: 'stats-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'stats-status' });
  const mine = h('div', { class: 'stats-mine', 'data-testid': 'stats-mine' });
  const weekButton = periodButton('week', text.periodWeek);
  const allButton = periodButton('all', text.periodAll);
  const board = h('div', { class: 'stats-leaderboard' });
  const close = h('button', { type: 'button', class: 'button', 'data-testid': 'stats-close' }, text.close);
  const element = h(
    'dialog',
    { class: 'stats-dialog', 'aria-labelledby': 'stats-heading', 'data-testid': 'stats-panel' },
    h('div', { class: 'stats-head' }, h('h2', { id: 'stats-heading' }, text.heading), close),
    status,
    mine,
    h('section', { class: 'stats-section', 'aria-labelledby': 'stats-leaderboard-heading' },
      h('h3', { id: 'stats-leaderboard-heading' }, text.leaderboardHeading),
      h('div', { class: 'stats-periods', role: 'group', 'aria-label': text.periodGroup }, weekButton, allButton),
      board),
  );
  close.addEventListener('click', () => element.close());

  let period: LeaderboardPeriod = 'week';
  // Answers that arrive after a newer request (or after dispose) are dropped.
  let generation = 0;

  function periodButton(value: LeaderboardPeriod, label: string): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'button stats-period', 'aria-pressed': 'false', 'data-testid': `leaderboard-${value}` }, label);
    button.addEventListener('click', () => {
      period = value;
      void loadLeaderboard(generation);
    });
    return button;
  }

  async function load(): Promise<void> {
    const current = ++generation;
    status.textContent = text.loading;
    status.dataset.state = 'loading';
    try {
      const stats = await source.myStats();
      if (current !== generation) return;
      mine.replaceChildren(...renderMine(stats));
      status.textContent = '';
      status.dataset.state = 'ready';
    } catch (error) {
      if (current !== generation) return;
      showFailure(error);
    }
    await loadLeaderboard(current);
  }

  async function loadLeaderboard(current: number): Promise<void> {
    weekButton.setAttribute('aria-pressed', String(period === 'week'));
    allButton.setAttribute('aria-pressed', String(period === 'all'));
    const asked = period;
    try {
      const leaderboard = await source.leaderboard(roomId, asked);
      if (current !== generation || asked !== period) return;
      board.replaceChildren(...renderLeaderboard(leaderboard, source.selfId()));
    } catch (error) {
      if (current !== generation || asked !== period) return;
      showFailure(error);
    }
  }

  function showFailure(error: unknown): void {
    status.dataset.state = 'failed';
    status.textContent = error instanceof RequestFailure && error.isUnauthorized ? text.expired : text.failed;
  }

  return {
    element,
    open() {
      if (!element.open) element.showModal();
      void load();
    },
    dispose() {
      generation++;
      if (element.open) element.close();
      element.remove();
    },
  };
}

function renderMine(stats: UserStats): HTMLElement[] {
  const item = (label: string, value: string, testId: string): HTMLElement =>
    h('div', { class: 'stats-figure' }, h('dt', {}, label), h('dd', { 'data-testid': testId }, value));
  const summary = h(
    'dl',
    { class: 'stats-summary' },
    item(text.summary.week, formatMinutes(stats.weekFocusMinutes), 'stats-week-minutes'),
    item(text.summary.today, formatMinutes(stats.todayFocusMinutes), 'stats-today-minutes'),
    item(text.summary.total, formatMinutes(stats.totalFocusMinutes), 'stats-total-minutes'),
    item(text.summary.sprints, String(stats.sprintsCompleted), 'stats-sprints'),
    item(text.summary.goals, formatRate(stats.goalCompletionRate), 'stats-goal-rate'),
    item(text.summary.current, formatDays(stats.currentStreakDays), 'stats-current-streak'),
    item(text.summary.best, formatDays(stats.bestStreakDays), 'stats-best-streak'),
  );
  const rule = h('p', { class: 'stats-note' }, text.rule(stats.streakDayMinutes, stats.timeZone));

  const week = h(
    'ol',
    { class: 'stats-week', 'data-testid': 'stats-week' },
    ...heatmapWeeks(stats.week, stats.today).flat().map((cell, i) =>
      h('li', { class: 'stats-week-day', 'data-level': cell.level, 'data-future': cell.future, 'aria-label': cell.label },
        h('span', { class: 'stats-week-name', 'aria-hidden': 'true' }, (WEEKDAY_NAMES[i] ?? '').slice(0, 3)),
        h('span', { class: 'stats-week-bar', 'aria-hidden': 'true', style: `--fill:${Math.min(1, cell.minutes / 120)}` }),
        h('span', { class: 'stats-week-value', 'aria-hidden': 'true' }, cell.future ? '' : formatMinutes(cell.minutes)))),
  );

  const weeks = heatmapWeeks(stats.heatmap, stats.today);
  const heatmap = h(
    'table',
    { class: 'stats-heatmap', 'data-testid': 'stats-heatmap' },
    h('caption', { class: 'visually-hidden' }, text.heatmapCaption),
    h('thead', {}, h('tr', {}, h('td', {}),
      ...weeks.map((w) => h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, text.weekOf(formatDate(w[0]?.date ?? ''))))))),
    h('tbody', {},
      ...WEEKDAY_NAMES.map((day, row) =>
        h('tr', {},
          h('th', { scope: 'row', class: 'stats-heatmap-day' }, h('span', { 'aria-hidden': 'true' }, row % 2 === 0 ? day.slice(0, 3) : ''), h('span', { class: 'visually-hidden' }, day)),
          ...weeks.map((w) => {
            const cell = w[row];
            if (cell === undefined) return h('td', {});
            return h('td', { class: 'stats-cell', title: cell.label, 'data-level': cell.level, 'data-future': cell.future, 'data-date': cell.date, 'data-minutes': cell.minutes, 'data-testid': 'heatmap-cell' },
              h('span', { class: 'visually-hidden' }, cell.label));
          })))),
  );

  return [
    h('section', { class: 'stats-section', 'aria-label': text.heading }, summary, rule),
    h('section', { class: 'stats-section', 'aria-labelledby': 'stats-week-heading' }, h('h3', { id: 'stats-week-heading' }, text.weekHeading), week),
    h('section', { class: 'stats-section', 'aria-labelledby': 'stats-heatmap-heading' }, h('h3', { id: 'stats-heatmap-heading' }, text.heatmapHeading), heatmap),
  ];
}

function renderLeaderboard(leaderboard: RoomLeaderboard, selfId: string | null): HTMLElement[] {
  const note = leaderboard.period === 'week' ? h('p', { class: 'stats-note' }, text.weekNote) : null;
  const rows = leaderboardRows(leaderboard.entries, selfId);
  if (rows.length === 0) {
    return [h('p', { class: 'stats-empty', 'data-testid': 'leaderboard-empty' }, text.emptyLeaderboard), ...(note ? [note] : [])];
  }
  const list = h(
    'ol',
    { class: 'leaderboard', 'data-testid': 'leaderboard', 'data-period': leaderboard.period },
    ...rows.map((row) =>
      h('li', { class: row.isSelf ? 'leaderboard-row leaderboard-self' : 'leaderboard-row', 'data-testid': 'leaderboard-entry', 'aria-label': row.label },
        h('span', { class: 'leaderboard-rank', 'aria-hidden': 'true' }, row.rank),
        h('span', { class: 'leaderboard-name', 'aria-hidden': 'true' }, row.name, row.isSelf ? ` ${text.you}` : ''),
        h('span', { class: 'leaderboard-minutes', 'aria-hidden': 'true' }, row.minutes))),
  );
  return note ? [list, note] : [list];
}
