/** The part of the Web Storage API the sync layer needs, so tests can pass a plain object. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A `StorageLike` whose keys can also be listed, for pruning. */
export interface EnumerableStorage extends StorageLike {
  readonly length: number;
  key(index: number): string | null;
}

/** An in-memory `EnumerableStorage`, for tests and browsers that refuse Web Storage. */
export class MemoryStorage implements EnumerableStorage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}
