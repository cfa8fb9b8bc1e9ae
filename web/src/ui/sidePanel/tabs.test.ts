import { describe, expect, it } from 'vitest';
import { DEFAULT_PANEL_PREFS, parsePanelPrefs, tabForKey } from './tabs';

describe('side panel tabs', () => {
  it('move with the arrow keys, wrapping around, and jump with Home and End', () => {
    expect(tabForKey('ArrowRight', 'people')).toBe('chat');
    expect(tabForKey('ArrowRight', 'resources')).toBe('people');
    expect(tabForKey('ArrowLeft', 'people')).toBe('resources');
    expect(tabForKey('ArrowDown', 'chat')).toBe('resources');
    expect(tabForKey('ArrowUp', 'chat')).toBe('people');
    expect(tabForKey('Home', 'resources')).toBe('people');
    expect(tabForKey('End', 'people')).toBe('resources');
    expect(tabForKey('Enter', 'people')).toBeNull();
  });

  it('remember the choice and fall back to the chat, expanded, on anything unreadable', () => {
    expect(parsePanelPrefs('{"tab":"resources","collapsed":true}')).toEqual({ tab: 'resources', collapsed: true });
    expect(parsePanelPrefs(null)).toEqual(DEFAULT_PANEL_PREFS);
    expect(parsePanelPrefs('{"tab":"board","collapsed":"yes"}')).toEqual({ tab: 'chat', collapsed: false });
    expect(parsePanelPrefs('not json')).toEqual(DEFAULT_PANEL_PREFS);
    expect(parsePanelPrefs('null')).toEqual(DEFAULT_PANEL_PREFS);
  });
});
