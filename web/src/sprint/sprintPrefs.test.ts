import { describe, expect, it } from 'vitest';
import { ActivityTracker } from './activityTracker';
import { loadSprintPrefs, saveSprintPrefs, SPRINT_PREFS_KEY } from './sprintPrefs';

// Proves the per-user mute is kept in localStorage and that the heartbeat's activity flag resets.

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('sprint preferences', () => {
  it('default to chime on, notifications off, and survive a reload', () => {
    const storage = memoryStorage();
    expect(loadSprintPrefs(storage)).toEqual({ muted: false, notify: false });
    saveSprintPrefs(storage, { muted: true, notify: true });
    expect(loadSprintPrefs(storage)).toEqual({ muted: true, notify: true });
  });

  it('fall back to the defaults on garbage', () => {
    const storage = memoryStorage();
    storage.setItem(SPRINT_PREFS_KEY, '{not json');
    expect(loadSprintPrefs(storage)).toEqual({ muted: false, notify: false });
    expect(loadSprintPrefs(null)).toEqual({ muted: false, notify: false });
  });
});

describe('activity tracker (P-SPR-11)', () => {
  it('reports input once per heartbeat', () => {
    const tracker = new ActivityTracker();
    expect(tracker.take()).toBe(false);
    tracker.noteInput();
    tracker.noteInput();
    expect(tracker.take()).toBe(true);
    expect(tracker.take()).toBe(false);
  });
});
