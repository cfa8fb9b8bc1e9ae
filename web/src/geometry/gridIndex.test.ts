import { describe, expect, it } from 'vitest';
import { boxesIntersect, type Box } from './geometry';
import { GridIndex } from './gridIndex';

function box(minX: number, minY: number, maxX: number, maxY: number): Box {
  return { minX, minY, maxX, maxY };
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('GridIndex', () => {
  it('finds what meets a box, each item once, and nothing else', () => {
    const index = new GridIndex<string>(100);
    index.insert('small', box(10, 10, 20, 20));
    index.insert('spanning', box(50, 50, 350, 120)); // four cells wide
    index.insert('far', box(1000, 1000, 1010, 1010));
    expect(index.query(box(0, 0, 60, 60)).sort()).toEqual(['small', 'spanning']);
    expect(index.query(box(300, 100, 310, 110))).toEqual(['spanning']);
    expect(index.query(box(500, 500, 600, 600))).toEqual([]);
  });

  it('keeps items larger than many cells in one list that every query checks', () => {
    const index = new GridIndex<string>(10);
    index.insert('huge', box(-1e6, -1e6, 1e6, 1e6));
    index.insert('dot', box(5, 5, 6, 6));
    expect(index.query(box(0, 0, 1, 1))).toEqual(['huge']);
    expect(index.query(box(4, 4, 7, 7)).sort()).toEqual(['dot', 'huge']);
    expect(index.remove('huge')).toBe(true);
    expect(index.query(box(0, 0, 1, 1))).toEqual([]);
  });

  it('moves an item when it is inserted again, and forgets it when removed', () => {
    const index = new GridIndex<string>(100);
    index.insert('a', box(0, 0, 10, 10));
    index.insert('a', box(500, 500, 510, 510));
    expect(index.size).toBe(1);
    expect(index.query(box(0, 0, 10, 10))).toEqual([]);
    expect(index.query(box(505, 505, 506, 506))).toEqual(['a']);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.query(box(-1e9, -1e9, 1e9, 1e9))).toEqual([]);
  });

  it('answers every query as a linear pass would, for random boxes, moves and removals', () => {
    const next = random(42);
    const index = new GridIndex<number>(64);
    const boxes = new Map<number, Box>();
    const randomBox = (): Box => {
      const x = next() * 4000 - 2000;
      const y = next() * 4000 - 2000;
      const big = next() < 0.05;
      return box(x, y, x + next() * (big ? 3000 : 80), y + next() * (big ? 3000 : 80));
    };
    for (let i = 0; i < 2000; i++) {
      const b = randomBox();
      index.insert(i, b);
      boxes.set(i, b);
    }
    for (let round = 0; round < 300; round++) {
      const id = Math.floor(next() * 2000);
      if (next() < 0.3) {
        index.remove(id);
        boxes.delete(id);
      } else {
        const b = randomBox();
        index.insert(id, b);
        boxes.set(id, b);
      }
      const q = next() < 0.1 ? box(-5000, -5000, 5000, 5000) : randomBox();
      const expected = [...boxes].filter(([, b]) => boxesIntersect(b, q)).map(([i]) => i).sort((a, b) => a - b);
      expect(index.query(q).sort((a, b) => a - b)).toEqual(expected);
    }
  });
});
