// Per-user sprint preferences kept in the browser (docs/sprints.md): chime mute and notifications.

/** localStorage key of the preferences. */
export const SPRINT_PREFS_KEY = 'studyrooms.sprint.prefs.v1';

/** What a user chose for phase-change alerts. */
export interface SprintPrefs {
  /** No chime at phase changes. */
  readonly muted: boolean;
  /** Show a browser notification at phase changes (when the page is hidden and permission is given). */
  readonly notify: boolean;
}

/** The stored preferences, or the defaults (chime on, notifications off). */
export function loadSprintPrefs(storage: Pick<Storage, 'getItem'> | null): SprintPrefs {
  const fallback: SprintPrefs = { muted: false, notify: false };
  try {
    const raw = storage?.getItem(SPRINT_PREFS_KEY);
    if (raw === null || raw === undefined) return fallback;
    const parsed = JSON.parse(raw) as Partial<Record<keyof SprintPrefs, unknown>>;
    return { muted: parsed.muted === true, notify: parsed.notify === true };
  } catch {
    // Unreadable or private-mode storage: the defaults.
    return fallback;
  }
}

/** Stores the preferences; a full or blocked storage keeps them for this page only. */
export function saveSprintPrefs(storage: Pick<Storage, 'setItem'> | null, prefs: SprintPrefs): void {
  try {
    storage?.setItem(SPRINT_PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Quota or privacy settings: the choice still holds for this page.
  }
}
