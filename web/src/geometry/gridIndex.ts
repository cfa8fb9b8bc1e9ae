// A uniform-grid spatial index over boxes: the renderer asks "what meets this tile" without a pass
// over every element of the board. A grid suits a whiteboard (many small elements of similar size);
// the few items that would cover too many cells live in one list that every query checks.
import { boxesIntersect, type Box } from './geometry';

/** Board units per grid cell. */
export const GRID_CELL_SIZE = 256;
/** An item that would occupy more cells than this is kept in the list of large items instead. */
const MAX_CELLS_PER_ITEM = 64;

/** Items of type `T` by their box; `T` is compared by identity. */
export class GridIndex<T> {
  private readonly cells = new Map<string, Set<T>>();
  private readonly boxes = new Map<T, Box>();
  private readonly large = new Set<T>();

  constructor(private readonly cellSize: number = GRID_CELL_SIZE) {}

  /** Number of items held. */
  get size(): number {
    return this.boxes.size;
  }

  /** Adds an item (or moves it, if held) at `box`. */
  insert(item: T, box: Box): void {
    if (this.boxes.has(item)) this.remove(item);
    this.boxes.set(item, box);
    const [x0, y0, x1, y1] = this.cellRange(box);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS_PER_ITEM) {
      this.large.add(item);
      return;
    }
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const key = cellKey(cx, cy);
        let cell = this.cells.get(key);
        if (cell === undefined) {
          cell = new Set();
          this.cells.set(key, cell);
        }
        cell.add(item);
      }
    }
  }

  /** Removes an item; false when it was not held. */
  remove(item: T): boolean {
    const box = this.boxes.get(item);
    if (box === undefined) return false;
    this.boxes.delete(item);
    if (this.large.delete(item)) return true;
    const [x0, y0, x1, y1] = this.cellRange(box);
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const key = cellKey(cx, cy);
        const cell = this.cells.get(key);
        if (cell === undefined) continue;
        cell.delete(item);
        if (cell.size === 0) this.cells.delete(key);
      }
    }
    return true;
  }

  /** Removes every item. */
  clear(): void {
    this.cells.clear();
    this.boxes.clear();
    this.large.clear();
  }

  /** The box an item was inserted with. */
  boxOf(item: T): Box | undefined {
    return this.boxes.get(item);
  }

  /** Every item whose box meets `box`, each once, in no particular order. */
  query(box: Box): T[] {
    const result: T[] = [];
    const [x0, y0, x1, y1] = this.cellRange(box);
    // A query wider than the index holds cells is cheaper as one pass over the items.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size) {
      for (const [item, itemBox] of this.boxes) if (boxesIntersect(itemBox, box)) result.push(item);
      return result;
    }
    const seen = new Set<T>();
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const cell = this.cells.get(cellKey(cx, cy));
        if (cell === undefined) continue;
        for (const item of cell) {
          if (seen.has(item)) continue;
          seen.add(item);
          const itemBox = this.boxes.get(item);
          if (itemBox !== undefined && boxesIntersect(itemBox, box)) result.push(item);
        }
      }
    }
    for (const item of this.large) {
      const itemBox = this.boxes.get(item);
      if (itemBox !== undefined && boxesIntersect(itemBox, box)) result.push(item);
    }
    return result;
  }

  private cellRange(box: Box): [number, number, number, number] {
    const s = this.cellSize;
    return [Math.floor(box.minX / s), Math.floor(box.minY / s), Math.floor(box.maxX / s), Math.floor(box.maxY / s)];
  }
}

function cellKey(cx: number, cy: number): string {
  return `${String(cx)},${String(cy)}`;
}
