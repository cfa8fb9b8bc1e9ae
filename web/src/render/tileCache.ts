// The bookkeeping of the static layer's tile cache, kept free of canvases so it can be tested:
// which board boxes a document change touched (`SceneDiff`), which tiles cover a box, and a cache of
// tiles by key that drops exactly the tiles a change touched. The renderer supplies the canvases.
import { boxesIntersect, elementBounds, type Box } from '../geometry/geometry';
import type { Element } from '../protocol';

/** Tile edge in CSS pixels; tiles are drawn at one zoom and blitted while panning. */
export const TILE_SIZE_PX = 256;
/** Canvas pixels that drawing may reach beyond an element's bounds (a sticky note's shadow, anti-aliasing). */
export const TILE_PAD_PX = 16;

/** A tile of the grid at one zoom: column, row, and its board box. */
export interface Tile {
  readonly key: string;
  readonly col: number;
  readonly row: number;
  readonly box: Box;
}

/** The tiles of edge `tileSize` board units that a box meets, row by row. */
export function tilesForBox(box: Box, tileSize: number): Tile[] {
  const c0 = Math.floor(box.minX / tileSize);
  const r0 = Math.floor(box.minY / tileSize);
  const c1 = Math.floor(box.maxX / tileSize);
  const r1 = Math.floor(box.maxY / tileSize);
  const tiles: Tile[] = [];
  if (!Number.isFinite(c0 + r0 + c1 + r1)) return tiles;
  for (let row = r0; row <= r1; row++) {
    for (let col = c0; col <= c1; col++) tiles.push(tileAt(col, row, tileSize));
  }
  return tiles;
}

/** The tile at (col, row). */
export function tileAt(col: number, row: number, tileSize: number): Tile {
  return {
    key: `${String(col)},${String(row)}`,
    col,
    row,
    box: { minX: col * tileSize, minY: row * tileSize, maxX: (col + 1) * tileSize, maxY: (row + 1) * tileSize },
  };
}

/** What one document change did to the drawn scene. */
export interface SceneChange {
  /** Elements added, removed or replaced (old and new versions), for the spatial index. */
  readonly removed: readonly Element[];
  readonly added: readonly Element[];
  /** Board boxes whose pixels may differ: the bounds before and after of every changed element. */
  readonly dirty: readonly Box[];
}

/**
 * Compares successive element lists (drawing order) by identity: elements are immutable, so a
 * changed element is a new object. An element that kept its identity but moved in the drawing
 * order relative to another is reported too, since the pixels where both overlap change.
 */
export class SceneDiff {
  private previous: readonly Element[] = [];

  /** The last list. */
  get current(): readonly Element[] {
    return this.previous;
  }

  private byId = new Map<string, { element: Element; index: number }>();

  /** The change from the last list to `next`; `next` becomes the last list. */
  update(next: readonly Element[]): SceneChange {
    if (next === this.previous) return { removed: [], added: [], dirty: [] };
    const removed: Element[] = [];
    const added: Element[] = [];
    const dirty: Box[] = [];
    const byId = new Map<string, { element: Element; index: number }>();
    let highestKeptIndex = -1;
    next.forEach((element, index) => {
      byId.set(element.id, { element, index });
      const before = this.byId.get(element.id);
      if (before !== undefined && before.element === element) {
        if (before.index < highestKeptIndex) dirty.push(elementBounds(element));
        else highestKeptIndex = before.index;
        return;
      }
      if (before !== undefined) {
        removed.push(before.element);
        dirty.push(elementBounds(before.element));
      }
      added.push(element);
      dirty.push(elementBounds(element));
    });
    for (const [id, before] of this.byId) {
      if (!byId.has(id)) {
        removed.push(before.element);
        dirty.push(elementBounds(before.element));
      }
    }
    this.previous = next;
    this.byId = byId;
    return { removed, added, dirty };
  }

  /** Drawing position of an element of the last list (for sorting index results). */
  orderOf(element: Element): number {
    const entry = this.byId.get(element.id);
    return entry !== undefined && entry.element === element ? entry.index : -1;
  }
}

/** A box grown by `pad` on every side. */
export function padBox(box: Box, pad: number): Box {
  return { minX: box.minX - pad, minY: box.minY - pad, maxX: box.maxX + pad, maxY: box.maxY + pad };
}

/**
 * Tiles of one zoom by key, with least-recently-used eviction beyond `capacity`. The zoom is in
 * canvas pixels per board unit (CSS zoom × device pixel ratio), tiles are `tilePx` canvas pixels wide.
 */
export class TileCache<T> {
  private readonly tiles = new Map<string, { readonly tile: Tile; readonly value: T }>();
  private tileScale = 0;
  private tilePixels = TILE_SIZE_PX;

  constructor(
    /** Most tiles held; the least recently used go first. */
    public capacity: number,
    private readonly release: (value: T) => void = () => undefined,
  ) {}

  /** The zoom the held tiles were drawn at (0: none yet). */
  get scale(): number {
    return this.tileScale;
  }

  /** Canvas pixels per tile edge. */
  get tilePx(): number {
    return this.tilePixels;
  }

  /** Board units per tile edge at the held zoom. */
  get tileSize(): number {
    return this.tilePixels / this.tileScale;
  }

  /** Number of tiles held. */
  get size(): number {
    return this.tiles.size;
  }

  /** Keys of the tiles held, least recently used first. */
  keys(): string[] {
    return [...this.tiles.keys()];
  }

  /** Drops every tile when the zoom or the tile size differs from the ones they were drawn at. */
  setScale(scale: number, tilePx: number = TILE_SIZE_PX): void {
    if (scale === this.tileScale && tilePx === this.tilePixels) return;
    this.clear();
    this.tileScale = scale;
    this.tilePixels = tilePx;
  }

  /** The tiles of the held zoom that a board box meets. */
  tilesFor(box: Box): Tile[] {
    return this.tileScale === 0 ? [] : tilesForBox(box, this.tileSize);
  }

  /** The drawn tile with this key (and marks it recently used), or undefined. */
  get(key: string): T | undefined {
    const entry = this.tiles.get(key);
    if (entry === undefined) return undefined;
    this.tiles.delete(key);
    this.tiles.set(key, entry);
    return entry.value;
  }

  /** Holds a drawn tile, evicting the least recently used beyond capacity. */
  set(tile: Tile, value: T): void {
    const old = this.tiles.get(tile.key);
    if (old !== undefined && old.value !== value) this.release(old.value);
    this.tiles.delete(tile.key);
    this.tiles.set(tile.key, { tile, value });
    while (this.tiles.size > this.capacity) {
      const oldest = this.tiles.keys().next();
      if (oldest.done === true) break;
      this.drop(oldest.value);
    }
  }

  /**
   * Drops the held tiles that meet any of the boxes, each grown by `TILE_PAD_PX` canvas pixels;
   * returns their keys. Tiles not held need nothing: they are drawn from the document when shown.
   */
  invalidate(boxes: readonly Box[]): string[] {
    const dropped: string[] = [];
    if (this.tileScale === 0 || this.tiles.size === 0) return dropped;
    const pad = TILE_PAD_PX / this.tileScale;
    for (const raw of boxes) {
      const box = padBox(raw, pad);
      const span = ((box.maxX - box.minX) / this.tileSize + 2) * ((box.maxY - box.minY) / this.tileSize + 2);
      if (!(span <= this.tiles.size)) {
        // A box wider than the cache holds tiles (or not finite): test the held tiles instead.
        for (const [key, entry] of [...this.tiles]) {
          if (boxesIntersect(entry.tile.box, box) && this.drop(key)) dropped.push(key);
        }
        continue;
      }
      for (const tile of tilesForBox(box, this.tileSize)) {
        if (this.drop(tile.key)) dropped.push(tile.key);
      }
    }
    return dropped;
  }

  /** Drops every tile. */
  clear(): void {
    for (const entry of this.tiles.values()) this.release(entry.value);
    this.tiles.clear();
  }

  private drop(key: string): boolean {
    const entry = this.tiles.get(key);
    if (entry === undefined) return false;
    this.tiles.delete(key);
    this.release(entry.value);
    return true;
  }
}
