import { describe, expect, it } from 'vitest';
import type { ResourceItem } from '../protocol';
import { canAdd, canRemove, checkBeforeUpload, formatBytes, mergeAdded, mergeListed, mergeRemoved, safeHttpUrl, uploadErrorText } from './shelf';

const item = (id: string, seq: number, addedBy = 'u_ada'): ResourceItem => ({
  id,
  seq,
  kind: 'note',
  text: id,
  addedBy,
  addedByName: 'Ada',
  addedAt: '2026-01-01T00:00:00Z',
});

describe('shelf merge (P-RES-2, P-RES-8)', () => {
  it('keeps items newest first and one per id whatever order events arrive in', () => {
    let items = mergeAdded([], item('a', 1));
    items = mergeAdded(items, item('c', 3));
    items = mergeAdded(items, item('b', 2));
    items = mergeAdded(items, item('c', 3));
    expect(items.map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('drops removed ids', () => {
    expect(mergeRemoved([item('a', 1), item('b', 2)], ['a', 'x']).map((i) => i.id)).toEqual(['b']);
  });

  it('takes a fresh list but keeps items added after it was asked for', () => {
    const current = [item('late', 5), item('gone', 2)];
    const listed = [item('b', 4), item('a', 1)];
    expect(mergeListed(current, listed).map((i) => i.id)).toEqual(['late', 'b', 'a']);
  });
});

describe('who may add and remove (P-RES-4, P-RES-5)', () => {
  it('lets members and above add, never viewers', () => {
    expect([canAdd('viewer'), canAdd('member'), canAdd('mentor'), canAdd('owner')]).toEqual([false, true, true, true]);
  });

  it('lets the adder remove their own item and moderators any', () => {
    const adas = item('a', 1, 'u_ada');
    expect(canRemove(adas, 'u_ada', 'member')).toBe(true);
    expect(canRemove(adas, 'u_bob', 'member')).toBe(false);
    expect(canRemove(adas, 'u_ada', 'viewer')).toBe(false);
    expect(canRemove(adas, 'u_bob', 'mentor')).toBe(true);
    expect(canRemove(adas, 'u_bob', 'owner')).toBe(true);
  });
});

describe('safe links (P-RES-3)', () => {
  it('gives an href only for http and https', () => {
    expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'ftp://x', '/relative', 'example.org', '', undefined]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});

describe('uploads (P-RES-7)', () => {
  it('formats sizes', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(10 * 1024 * 1024)]).toEqual(['512 B', '1.5 KB', '10 MB']);
  });

  it('refuses empty and surely too large files before sending them', () => {
    const max = 10 * 1024 * 1024;
    expect(checkBeforeUpload({ size: 0 }, max)).toMatch(/empty/);
    expect(checkBeforeUpload({ size: max + 1 }, max)).toMatch(/too large.*limit is 10 MB/);
    expect(checkBeforeUpload({ size: max }, max)).toBeNull();
  });

  it('explains each refusal in plain words', () => {
    const max = 10 * 1024 * 1024;
    expect(uploadErrorText(413, 'FILE_TOO_LARGE', 'x', max)).toBe('The file is too large; the limit is 10 MB.');
    expect(uploadErrorText(415, 'FILE_TYPE_NOT_ALLOWED', 'the name ends in .png but the content is application/pdf', max)).toMatch(/not allowed: the name ends in \.png.*Allowed: images/);
    expect(uploadErrorText(400, 'IMAGE_TOO_LARGE', 'the image is 20000 × 1 pixels', max)).toMatch(/image is too large/);
    expect(uploadErrorText(429, 'RATE_LIMITED', '', max)).toMatch(/wait a minute/);
    expect(uploadErrorText(0, null, '', max)).toMatch(/did not reach the server/);
    expect(uploadErrorText(413, null, '', max)).toMatch(/too large/);
  });
});
