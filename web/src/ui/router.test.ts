// Proves paths map to screens (P-ROOM-2) and room links are built from the page origin.
import { describe, expect, it } from 'vitest';
import { parseRoute, roomPath, roomUrl } from './router';

describe('router', () => {
  it('parses home and room paths', () => {
    expect(parseRoute('/')).toEqual({ kind: 'home' });
    expect(parseRoute('/r/AbC_-123')).toEqual({ kind: 'room', roomId: 'AbC_-123' });
    expect(parseRoute('/r/AbC/')).toEqual({ kind: 'room', roomId: 'AbC' });
  });

  it('parses invite links (P-INV-1)', () => {
    expect(parseRoute('/i/AbC_-123')).toEqual({ kind: 'invite', code: 'AbC_-123' });
    expect(parseRoute('/i/AbC/')).toEqual({ kind: 'invite', code: 'AbC' });
    expect(parseRoute('/i/')).toEqual({ kind: 'home' });
    expect(parseRoute('/i/%E0%A4%A')).toEqual({ kind: 'home' });
  });

  it('treats unknown or malformed paths as home', () => {
    expect(parseRoute('/r/')).toEqual({ kind: 'home' });
    expect(parseRoute('/r/a/b')).toEqual({ kind: 'home' });
    expect(parseRoute('/r/%E0%A4%A')).toEqual({ kind: 'home' });
    expect(parseRoute('/elsewhere')).toEqual({ kind: 'home' });
  });

  it('builds room links', () => {
    expect(roomPath('abc')).toBe('/r/abc');
    expect(roomUrl('https://rooms.example', 'abc')).toBe('https://rooms.example/r/abc');
  });
});
