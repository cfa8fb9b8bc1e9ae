// Fractional index keys for z-order (P-EL-3): a key strictly between any two keys, so bringing an
// element forward or back patches one property of one element. Keys are ASCII letters and digits
// and compare as plain strings. The scheme (an integer part whose length the first character
// encodes, then a base-62 fraction) follows David Greenspan's "fractional-indexing", so appending
// thousands of elements keeps keys short.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SMALLEST_INTEGER = 'A' + '0'.repeat(26);

/** The key of the first element on an empty board. */
export const FIRST_Z_KEY = 'a0';

/** A key strictly between `a` and `b` (null: open end); throws when `a >= b` or a key is malformed. */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null) validateKey(a);
  if (b !== null) validateKey(b);
  if (a !== null && b !== null && a >= b) throw new Error(`keyBetween: ${a} is not below ${b}`);
  if (a === null) {
    if (b === null) return FIRST_Z_KEY;
    const ib = integerPart(b);
    const fb = b.slice(ib.length);
    if (ib === SMALLEST_INTEGER) return ib + midpoint('', fb);
    if (ib < b) return ib;
    const dec = decrementInteger(ib);
    if (dec === null) throw new Error('keyBetween: no key below ' + b);
    return dec;
  }
  if (b === null) {
    const ia = integerPart(a);
    const fa = a.slice(ia.length);
    const inc = incrementInteger(ia);
    return inc ?? ia + midpoint(fa, null);
  }
  const ia = integerPart(a);
  const fa = a.slice(ia.length);
  const ib = integerPart(b);
  const fb = b.slice(ib.length);
  if (ia === ib) return ia + midpoint(fa, fb);
  const inc = incrementInteger(ia);
  if (inc === null) throw new Error('keyBetween: integer overflow');
  if (inc < b) return inc;
  return ia + midpoint(fa, null);
}

/** `n` ascending keys strictly between `a` and `b`. */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  const keys: string[] = [];
  let lower = a;
  for (let i = 0; i < n; i++) {
    // Halving towards b each time would grow keys fast; stepping from the lower key keeps them short.
    const key = keyBetween(lower, b);
    keys.push(key);
    lower = key;
  }
  return keys;
}

/** Whether `key` is a well-formed key of this scheme (old elements may carry none or a foreign one). */
export function isValidKey(key: string): boolean {
  try {
    validateKey(key);
    return true;
  } catch {
    // A malformed key is simply not valid; callers then pick a fresh one.
    return false;
  }
}

function midpoint(a: string, b: string | null): string {
  if (b !== null && a >= b) throw new Error('midpoint: bad order');
  if (a.endsWith('0') || (b?.endsWith('0') ?? false)) throw new Error('midpoint: trailing zero');
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a.length > 0 ? DIGITS.indexOf(a.charAt(0)) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b.charAt(0)) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS.charAt(Math.round(0.5 * (digitA + digitB)));
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS.charAt(digitA) + midpoint(a.slice(1), null);
}

function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  throw new Error('invalid key head: ' + head);
}

function integerPart(key: string): string {
  const length = integerLength(key.charAt(0));
  if (length > key.length) throw new Error('invalid key: ' + key);
  return key.slice(0, length);
}

function validateKey(key: string): void {
  if (key === SMALLEST_INTEGER) throw new Error('invalid key: ' + key);
  if (!/^[0-9A-Za-z]+$/.test(key)) throw new Error('invalid key: ' + key);
  const i = integerPart(key);
  const f = key.slice(i.length);
  if (f.endsWith('0')) throw new Error('invalid key: ' + key);
}

function incrementInteger(x: string): string | null {
  const head = x.charAt(0);
  const digs = x.slice(1).split('');
  let carry = true;
  for (let i = digs.length - 1; carry && i >= 0; i--) {
    const d = DIGITS.indexOf(digs[i] ?? '0') + 1;
    if (d === DIGITS.length) digs[i] = '0';
    else {
      digs[i] = DIGITS.charAt(d);
      carry = false;
    }
  }
  if (!carry) return head + digs.join('');
  if (head === 'Z') return 'a0';
  if (head === 'z') return null;
  const h = String.fromCharCode(head.charCodeAt(0) + 1);
  if (h > 'a') digs.push('0');
  else digs.pop();
  return h + digs.join('');
}

function decrementInteger(x: string): string | null {
  const head = x.charAt(0);
  const digs = x.slice(1).split('');
  let borrow = true;
  for (let i = digs.length - 1; borrow && i >= 0; i--) {
    const d = DIGITS.indexOf(digs[i] ?? '0') - 1;
    if (d === -1) digs[i] = DIGITS.charAt(DIGITS.length - 1);
    else {
      digs[i] = DIGITS.charAt(d);
      borrow = false;
    }
  }
  if (!borrow) return head + digs.join('');
  if (head === 'a') return 'Z' + DIGITS.charAt(DIGITS.length - 1);
  if (head === 'A') return null;
  const h = String.fromCharCode(head.charCodeAt(0) - 1);
  if (h < 'Z') digs.push(DIGITS.charAt(DIGITS.length - 1));
  else digs.pop();
  return h + digs.join('');
}
