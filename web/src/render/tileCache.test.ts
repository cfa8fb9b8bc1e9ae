import { describe, expect, it } from 'vitest';
import { elementBounds } from '../geometry/geometry';
import type { Element, ElementProps } from '../protocol';
import { padBox, SceneDiff, TILE_PAD_PX, TileCache, tilesForBox } from './tileCache';

function el(id: string, props: ElementProps, type = 'rectangle'): Element {
  return { id, type, version: 1, createdBy: 'u', props: { strokeWidth: 2, ...props } };
}

/** A cache at zoom 1 with 100-pixel tiles, holding every tile of a 10 × 10 grid from (0, 0). */
function fullCache(): TileCache<string> {
  const cache = new TileCache<string>(1000);
  cache.setScale(1, 100);
  for (const tile of tilesForBox({ minX: 0, minY: 0, maxX: 999, maxY: 999 }, 100)) cache.set(tile, tile.key);
  return cache;
}

/** The keys of the tiles an element's drawing can reach (its bounds plus the margin, at zoom 1). */
function touched(element: Element): string[] {
  return tilesForBox(padBox(elementBounds(element), TILE_PAD_PX), 100).map((t) => t.key);
}

function sorted(keys: readonly string[]): string[] {
  return [...keys].sort();
}

describe('tilesForBox', () => {
  it('lists the tiles a box meets, negative coordinates included', () => {
    expect(tilesForBox({ minX: -10, minY: 20, maxX: 150, maxY: 90 }, 100).map((t) => t.key)).toEqual(['-1,0', '0,0', '1,0']);
    expect(tilesForBox({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, 100)[0]?.box).toEqual({ minX: 0, minY: 0, maxX: 100, maxY: 100 });
  });
});

describe('SceneDiff and TileCache invalidation', () => {
  it('an edit in place invalidates exactly the tiles the element touches', () => {
    const diff = new SceneDiff();
    const cache = fullCache();
    const a = el('a', { x: 130, y: 130, width: 40, height: 40 });
    const b = el('b', { x: 530, y: 530, width: 40, height: 40 });
    cache.invalidate(diff.update([a, b]).dirty);
    for (const tile of tilesForBox({ minX: 0, minY: 0, maxX: 999, maxY: 999 }, 100)) if (cache.get(tile.key) === undefined) cache.set(tile, tile.key);

    const recoloured = { ...a, version: 2, props: { ...a.props, strokeColor: '#e03131' } };
    const change = diff.update([recoloured, b]);
    expect(change.removed).toEqual([a]);
    expect(change.added).toEqual([recoloured]);
    expect(sorted(cache.invalidate(change.dirty))).toEqual(['1,1']);
    expect(cache.size).toBe(99);
  });

  it('a move invalidates the tiles it touched before and the tiles it touches after, and no others', () => {
    const diff = new SceneDiff();
    const a = el('a', { x: 130, y: 130, width: 40, height: 40 });
    const b = el('b', { x: 530, y: 530, width: 40, height: 40 });
    diff.update([a, b]);
    const cache = fullCache();
    // Moved to straddle four tiles: before 1 tile, after 4.
    const moved = { ...a, version: 2, props: { ...a.props, x: 680, y: 280 } };
    const dropped = cache.invalidate(diff.update([moved, b]).dirty);
    expect(sorted(dropped)).toEqual(sorted([...touched(a), ...touched(moved)]));
    expect(sorted(dropped)).toEqual(['1,1', '6,2', '6,3', '7,2', '7,3']);
    expect(cache.get('5,5')).toBe('5,5');
  });

  it('a delete invalidates the tiles the element touched', () => {
    const diff = new SceneDiff();
    const a = el('a', { x: 130, y: 130, width: 40, height: 40 });
    const stroke = el('s', { x: 300, y: 400, points: [0, 0, 150, 10, 160, 120] }, 'freehand');
    diff.update([a, stroke]);
    const cache = fullCache();
    const change = diff.update([a]);
    expect(change.removed).toEqual([stroke]);
    expect(change.added).toEqual([]);
    expect(sorted(cache.invalidate(change.dirty))).toEqual(sorted(touched(stroke)));
    expect(sorted(touched(stroke))).toEqual(['2,3', '2,4', '2,5', '3,3', '3,4', '3,5', '4,3', '4,4', '4,5']);
  });

  it('counts the margin drawing reaches beyond the bounds (a note shadow near a tile edge)', () => {
    const diff = new SceneDiff();
    diff.update([]);
    const cache = fullCache();
    // Bounds end 5 pixels short of the tile edge at x = 200; the margin reaches over it.
    const note = el('n', { x: 130, y: 130, width: 64, height: 40 }, 'sticky');
    expect(elementBounds(note).maxX).toBe(195);
    expect(sorted(cache.invalidate(diff.update([note]).dirty))).toEqual(['1,1', '2,1']);
  });

  it('an unchanged list (the same array) or equal elements invalidate nothing', () => {
    const diff = new SceneDiff();
    const list = [el('a', { x: 10, y: 10, width: 5, height: 5 })];
    diff.update(list);
    const cache = fullCache();
    expect(cache.invalidate(diff.update(list).dirty)).toEqual([]);
    expect(cache.invalidate(diff.update([...list]).dirty)).toEqual([]);
    expect(cache.size).toBe(100);
  });

  it('an element brought to the front without changing invalidates its tiles (drawing order)', () => {
    const diff = new SceneDiff();
    const a = el('a', { x: 130, y: 130, width: 40, height: 40 });
    const b = el('b', { x: 140, y: 140, width: 40, height: 40 });
    const c = el('c', { x: 730, y: 730, width: 40, height: 40 });
    diff.update([a, b, c]);
    const cache = fullCache();
    // Same objects, b now under a: the tile where they overlap must be drawn again.
    expect(sorted(cache.invalidate(diff.update([b, a, c]).dirty))).toEqual(['1,1']);
    expect(diff.orderOf(b)).toBe(0);
    expect(diff.orderOf(a)).toBe(1);
  });

  it('drops every tile when the zoom changes, and evicts the least recently used beyond capacity', () => {
    const released: string[] = [];
    const cache = new TileCache<string>(2, (t) => released.push(t));
    cache.setScale(1, 100);
    const [t1, t2, t3] = tilesForBox({ minX: 0, minY: 0, maxX: 250, maxY: 50 }, 100);
    if (t1 === undefined || t2 === undefined || t3 === undefined) throw new Error('three tiles expected');
    cache.set(t1, 'one');
    cache.set(t2, 'two');
    cache.get(t1.key);
    cache.set(t3, 'three');
    expect(cache.keys()).toEqual([t1.key, t3.key]);
    expect(released).toEqual(['two']);
    cache.setScale(2, 100);
    expect(cache.size).toBe(0);
    expect(cache.tileSize).toBe(50);
    expect(sorted(released)).toEqual(['one', 'three', 'two']);
  });

  it('invalidates by the held tiles when a changed box is wider than the cache', () => {
    const diff = new SceneDiff();
    diff.update([]);
    const cache = fullCache();
    const huge = el('h', { x: -1e7, y: 450, width: 2e7, height: 10 });
    expect(sorted(cache.invalidate(diff.update([huge]).dirty))).toEqual(['0,4', '1,4', '2,4', '3,4', '4,4', '5,4', '6,4', '7,4', '8,4', '9,4']);
  });
});
