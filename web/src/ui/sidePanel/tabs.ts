// The side panel's tab order, keyboard moves (WAI-ARIA tabs pattern) and remembered choice; pure.
import type { PanelTab } from '../../notify/roomAlerts';

/** The tabs in order. */
export const PANEL_TABS: readonly PanelTab[] = ['people', 'chat', 'resources'];

/** Where the side panel's choice is kept between visits. */
export const PANEL_PREFS_KEY = 'studyrooms.sidePanel.v1';

/** The remembered choice: which tab, and whether the panel is collapsed (wide screens). */
export interface PanelPrefs {
  readonly tab: PanelTab;
  readonly collapsed: boolean;
}

/** Chat first: it is what a new member of a study room reaches for. */
export const DEFAULT_PANEL_PREFS: PanelPrefs = { tab: 'chat', collapsed: false };

/** Reads stored prefs; anything unreadable gives the defaults. */
export function parsePanelPrefs(raw: string | null): PanelPrefs {
  if (raw === null) return DEFAULT_PANEL_PREFS;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return DEFAULT_PANEL_PREFS;
    const { tab, collapsed } = value as { tab?: unknown; collapsed?: unknown };
    return {
      tab: PANEL_TABS.find((t) => t === tab) ?? DEFAULT_PANEL_PREFS.tab,
      collapsed: collapsed === true,
    };
  } catch {
    return DEFAULT_PANEL_PREFS;
  }
}

/** The tab a key moves to from `current` (arrows wrap around, Home and End), or null for other keys. */
export function tabForKey(key: string, current: PanelTab): PanelTab | null {
  const index = PANEL_TABS.indexOf(current);
  const last = PANEL_TABS.length - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return PANEL_TABS[index === last ? 0 : index + 1] ?? null;
    case 'ArrowLeft':
    case 'ArrowUp':
      return PANEL_TABS[index === 0 ? last : index - 1] ?? null;
    case 'Home':
      return PANEL_TABS[0] ?? null;
    case 'End':
      return PANEL_TABS[last] ?? null;
    default:
      return null;
  }
}
