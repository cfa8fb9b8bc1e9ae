import { describe, expect, it } from 'vitest';
import { COMMAND_SHORTCUTS, TOOLS, toolForKey } from './tools';

describe('tools and shortcuts', () => {
  it('gives every tool its own key', () => {
    const keys = TOOLS.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const tool of TOOLS) expect(toolForKey(tool.key.toUpperCase())).toBe(tool.id);
    expect(toolForKey('z')).toBeUndefined();
  });

  it('lists undo and redo in the help', () => {
    expect(COMMAND_SHORTCUTS.map((s) => s.label).join(' ')).toMatch(/Undo.*Redo/);
  });
});
