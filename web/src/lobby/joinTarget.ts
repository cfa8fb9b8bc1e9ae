// What a user pasted into "Join by link or code": a room link, a room id, an invite link or an
// invite code (P-ROOM-2, P-INV-1). Pure, so every accepted form is tested without a browser.

/** Room ids are 22 url-safe characters (P-ROOM-1). */
const ROOM_ID = /^[A-Za-z0-9_-]{22}$/;
/** Invite codes are the room id followed by 22 url-safe characters (P-INV-1). */
const INVITE_CODE = /^[A-Za-z0-9_-]{44}$/;
const ROOM_PATH = /^\/?r\/([^/?#]+)\/?$/;
const INVITE_PATH = /^\/?i\/([^/?#]+)\/?$/;

/** Where the pasted text leads, or why it leads nowhere. */
export type JoinTarget =
  | { readonly kind: 'room'; readonly roomId: string }
  | { readonly kind: 'invite'; readonly code: string }
  | { readonly kind: 'error'; readonly reason: 'empty' | 'invalid' | 'otherServer' };

/**
 * Reads a pasted link or code. `origin` is this page's origin: a full link to another server
 * cannot be opened here, so it is refused with `otherServer` rather than sent to a 404.
 */
export function parseJoinTarget(text: string, origin: string): JoinTarget {
  const value = text.trim();
  if (value.length === 0) return { kind: 'error', reason: 'empty' };
  if (ROOM_ID.test(value)) return { kind: 'room', roomId: value };
  if (INVITE_CODE.test(value)) return { kind: 'invite', code: value };

  let path = value;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(value, origin);
    } catch {
      return { kind: 'error', reason: 'invalid' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'error', reason: 'invalid' };
    if (url.origin !== new URL(origin).origin) return { kind: 'error', reason: 'otherServer' };
    path = url.pathname;
  } else {
    // A path or "host/path" without a scheme: keep from the first /r/ or /i/ on.
    const at = value.search(/(^|\/)[ri]\//);
    if (at > 0) path = value.slice(at);
    path = path.replace(/[?#].*$/, '');
  }

  const room = ROOM_PATH.exec(path)?.[1];
  if (room !== undefined) {
    const id = decodeOrNull(room);
    return id !== null && ROOM_ID.test(id) ? { kind: 'room', roomId: id } : { kind: 'error', reason: 'invalid' };
  }
  const invite = INVITE_PATH.exec(path)?.[1];
  if (invite !== undefined) {
    const code = decodeOrNull(invite);
    return code !== null && INVITE_CODE.test(code) ? { kind: 'invite', code } : { kind: 'error', reason: 'invalid' };
  }
  return { kind: 'error', reason: 'invalid' };
}

/** Whether a string has the shape of an invite code (P-INV-1). */
export function isInviteCode(value: string): boolean {
  return INVITE_CODE.test(value);
}

function decodeOrNull(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
