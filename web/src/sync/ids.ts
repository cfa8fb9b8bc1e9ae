// Random ids in the protocol's id alphabet `[A-Za-z0-9_-]` (P-OPS-4, P-JOIN-1).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random id: `prefix` followed by `length` url-safe characters (6 bits of randomness each). */
export function randomId(prefix: string, length = 21, random: (bytes: Uint8Array) => void = fillRandom): string {
  const bytes = new Uint8Array(length);
  random(bytes);
  let id = prefix;
  for (const byte of bytes) id += ALPHABET.charAt(byte & 63);
  return id;
}

/** A new element id (also the stroke id of a freehand stroke, P-LIVE-2). */
export function newElementId(): string {
  return randomId('e_');
}

/** A new client id for one tab (P-JOIN-1). */
export function newClientId(): string {
  return randomId('c_', 16);
}

function fillRandom(bytes: Uint8Array): void {
  crypto.getRandomValues(bytes);
}
