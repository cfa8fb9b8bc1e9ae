// The room's side panel: people, chat and resources as WAI-ARIA tabs (arrow keys, Home, End),
// collapsible on wide screens, the choice remembered. Up to 720 px wide the board has the whole
// screen and the panel is a bottom sheet, opened by the sheet bar's buttons and closed with Escape
// or its close button; focus goes into the sheet and back to the button that opened it.
import { NO_BADGES, type Badges, type PanelTab } from '../../notify/roomAlerts';
import { h } from '../dom';
import './sidePanel.css';
import { sidePanelStrings as t } from './sidePanelStrings';
import { PANEL_PREFS_KEY, PANEL_TABS, parsePanelPrefs, tabForKey, type PanelPrefs } from './tabs';

/** Below this width the panel is a sheet over the board. */
export const SHEET_MEDIA_QUERY = '(max-width: 720px)';

/** A mounted side panel. */
export interface SidePanel {
  /** The panel (a complementary region; a dialog while it is a sheet). */
  readonly element: HTMLElement;
  /** The phone layout's buttons that open the sheet; hidden on wide screens. */
  readonly sheetBar: HTMLElement;
  /** The tab the user can see now, or null (collapsed, sheet closed or page hidden). */
  tabInView(): PanelTab | null;
  /** Shows the counts on the tabs and the sheet bar. */
  setBadges(badges: Badges): void;
  /** Calls `listener` whenever the tab in view changes. */
  onTabInView(listener: (tab: PanelTab | null) => void): () => void;
  dispose(): void;
}

/** Builds the side panel around the three panels' elements. */
export function createSidePanel(panels: Readonly<Record<PanelTab, HTMLElement>>, storage: Storage | null): SidePanel {
  let prefs: PanelPrefs = parsePanelPrefs(read(storage));
  const sheetQuery = window.matchMedia(SHEET_MEDIA_QUERY);
  let sheetOpen = false;
  let opener: HTMLElement | null = null;
  let badges: Badges = NO_BADGES;
  const listeners = new Set<(tab: PanelTab | null) => void>();
  let lastInView: PanelTab | null = null;

  const tabs = new Map<PanelTab, HTMLButtonElement>();
  const tabPanels = new Map<PanelTab, HTMLElement>();
  const sheetButtons = new Map<PanelTab, HTMLButtonElement>();
  const tablist = h('div', { class: 'panel-tabs', role: 'tablist', 'aria-label': t.label, 'data-testid': 'panel-tabs' });
  const body = h('div', { class: 'side-panel-body', id: 'side-panel-body' });
  for (const tab of PANEL_TABS) {
    const button = h('button', {
      type: 'button', class: 'panel-tab', role: 'tab', id: `panel-tab-${tab}`, 'aria-controls': `panel-${tab}`, 'data-testid': `panel-tab-${tab}`,
    },
    h('span', { class: 'panel-tab-label' }, t.tabs[tab]),
    h('span', { class: 'panel-badge', 'data-testid': `panel-badge-${tab}`, 'data-count': 0, 'aria-hidden': 'true', hidden: true }));
    button.addEventListener('click', () => select(tab, false));
    tabs.set(tab, button);
    tablist.append(button);
    const panel = h('div', { class: 'panel-tabpanel', role: 'tabpanel', id: `panel-${tab}`, 'aria-labelledby': `panel-tab-${tab}`, 'data-testid': `panel-${tab}` }, panels[tab]);
    tabPanels.set(tab, panel);
    body.append(panel);

    const open = h('button', {
      type: 'button', class: 'sheet-open', 'aria-controls': 'side-panel', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'data-testid': `sheet-open-${tab}`,
    },
    h('span', {}, t.tabs[tab]),
    h('span', { class: 'panel-badge', 'aria-hidden': 'true', hidden: true }));
    open.addEventListener('click', () => openSheet(tab, open));
    sheetButtons.set(tab, open);
  }
  tablist.addEventListener('keydown', (event) => {
    const next = tabForKey(event.key, prefs.tab);
    if (next === null) return;
    event.preventDefault();
    select(next, true);
  });

  const collapse = h('button', { type: 'button', class: 'icon-button panel-collapse', 'aria-controls': 'side-panel-body', 'data-testid': 'panel-collapse' });
  collapse.addEventListener('click', () => {
    prefs = { ...prefs, collapsed: !prefs.collapsed };
    save();
    render();
  });
  const close = h('button', { type: 'button', class: 'icon-button sheet-close', 'aria-label': t.closeSheet, 'data-testid': 'sheet-close' }, '×');
  close.addEventListener('click', () => closeSheet());

  const element = h('section', { class: 'side-panel', id: 'side-panel', 'aria-label': t.label, 'data-testid': 'side-panel' },
    h('div', { class: 'side-panel-head' }, tablist, collapse, close), body);
  element.addEventListener('keydown', (event) => {
    // Escape closes the sheet unless something inside (a menu, a dialog, a search box) used it.
    if (event.key !== 'Escape' || !sheetOpen || event.defaultPrevented) return;
    if (event.target instanceof Element && event.target.closest('dialog, [role="menu"]') !== null) return;
    event.preventDefault();
    closeSheet();
  });
  const sheetBar = h('div', { class: 'sheet-bar', role: 'group', 'aria-label': t.sheetBar, 'data-testid': 'sheet-bar' }, ...sheetButtons.values());

  function select(tab: PanelTab, focus: boolean): void {
    prefs = { ...prefs, tab, collapsed: false };
    save();
    render();
    if (focus) tabs.get(tab)?.focus();
  }

  function openSheet(tab: PanelTab, from: HTMLElement): void {
    opener = from;
    sheetOpen = true;
    prefs = { ...prefs, tab };
    save();
    render();
    tabs.get(tab)?.focus();
  }

  function closeSheet(): void {
    if (!sheetOpen) return;
    sheetOpen = false;
    render();
    opener?.focus();
    opener = null;
  }

  function render(): void {
    const sheet = sheetQuery.matches;
    if (!sheet) sheetOpen = false;
    element.dataset.mode = sheet ? 'sheet' : 'wide';
    element.dataset.tab = prefs.tab;
    element.dataset.collapsed = String(!sheet && prefs.collapsed);
    element.dataset.open = String(sheet ? sheetOpen : !prefs.collapsed);
    // A sheet is a (non-modal) dialog over the board; on wide screens the panel is a side region.
    element.setAttribute('role', sheet ? 'dialog' : 'complementary');
    element.hidden = sheet && !sheetOpen;
    tablist.setAttribute('aria-orientation', !sheet && prefs.collapsed ? 'vertical' : 'horizontal');
    body.hidden = !sheet && prefs.collapsed;
    collapse.setAttribute('aria-expanded', String(!prefs.collapsed));
    collapse.setAttribute('aria-label', prefs.collapsed ? t.expand : t.collapse);
    collapse.textContent = prefs.collapsed ? '«' : '»';
    for (const tab of PANEL_TABS) {
      const selected = tab === prefs.tab;
      const button = tabs.get(tab);
      button?.setAttribute('aria-selected', String(selected));
      button?.setAttribute('tabindex', selected ? '0' : '-1');
      const panel = tabPanels.get(tab);
      if (panel !== undefined) panel.hidden = !selected;
      sheetButtons.get(tab)?.setAttribute('aria-expanded', String(sheet && sheetOpen && selected));
    }
    renderBadges();
    notify();
  }

  function renderBadges(): void {
    for (const tab of PANEL_TABS) {
      const count = badges[tab];
      const label = t.tabWithBadge(t.tabs[tab], count);
      for (const button of [tabs.get(tab), sheetButtons.get(tab)]) {
        if (button === undefined) continue;
        const badge = button.querySelector<HTMLElement>('.panel-badge');
        if (badge !== null) {
          badge.hidden = count === 0;
          badge.textContent = count > 99 ? '99+' : String(count);
          badge.dataset.count = String(count);
        }
        if (count === 0) button.removeAttribute('aria-label');
        else button.setAttribute('aria-label', label);
      }
    }
  }

  function tabInView(): PanelTab | null {
    if (document.visibilityState !== 'visible') return null;
    if (sheetQuery.matches) return sheetOpen ? prefs.tab : null;
    return prefs.collapsed ? null : prefs.tab;
  }

  function notify(): void {
    const now = tabInView();
    if (now === lastInView) return;
    lastInView = now;
    for (const listener of listeners) listener(now);
  }

  function save(): void {
    try {
      storage?.setItem(PANEL_PREFS_KEY, JSON.stringify(prefs));
    } catch {
      // A full or blocked storage only forgets the choice.
    }
  }

  const onMedia = (): void => render();
  sheetQuery.addEventListener('change', onMedia);
  const onVisibility = (): void => notify();
  document.addEventListener('visibilitychange', onVisibility);
  render();

  return {
    element,
    sheetBar,
    tabInView,
    setBadges(next) {
      badges = next;
      renderBadges();
    },
    onTabInView(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      sheetQuery.removeEventListener('change', onMedia);
      document.removeEventListener('visibilitychange', onVisibility);
      listeners.clear();
    },
  };
}

function read(storage: Storage | null): string | null {
  try {
    return storage?.getItem(PANEL_PREFS_KEY) ?? null;
  } catch {
    return null;
  }
}
