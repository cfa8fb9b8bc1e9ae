// The stats panel's texts, kept beside it (like strings.ts, ready for translation) so the panel
// can grow without touching the shared strings file.

/** The English texts of the stats panel. */
export const statsStrings = {
  open: 'My stats',
  heading: 'My stats',
  close: 'Close',
  loading: 'Loading…',
  failed: 'Could not load the stats. Try again in a moment.',
  expired: 'Your session has expired. Please enter your name again.',
  summary: {
    week: 'Focus this week',
    today: 'Focus today',
    total: 'Focus in total',
    sprints: 'Sprints completed',
    goals: 'Goals met',
    current: 'Current streak',
    best: 'Best streak',
  },
  rule: (minutes: number, zone: string) =>
    `A day counts toward a streak with ${minutes} minutes of focus; days follow your time zone (${zone}). Only focus time the server recorded in sprints counts.`,
  weekHeading: 'This week',
  heatmapHeading: 'Last 12 weeks',
  heatmapCaption: 'Focus minutes per day for the last 12 weeks; each column is a week, Monday at the top.',
  weekOf: (date: string) => `Week of ${date}`,
  leaderboardHeading: 'Room leaderboard',
  periodGroup: 'Leaderboard period',
  periodWeek: 'This week',
  periodAll: 'All time',
  weekNote: 'Weeks run Monday to Sunday in UTC.',
  emptyLeaderboard: 'No focus minutes in this room yet. Finish a focus block of a sprint to appear here.',
  you: '(you)',
} as const;
