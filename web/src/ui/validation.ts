// Client-side checks mirroring the server's rules, so most mistakes are caught before a request.
import { MAX_DISPLAY_NAME_LENGTH, MAX_ROOM_NAME_LENGTH, MAX_ROOM_TOPIC_LENGTH } from '../protocol';

// eslint-disable-next-line no-control-regex -- the rule is precisely about control characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The trimmed display name, or null when P-AUTH-2 would refuse it. */
export function validDisplayName(raw: string): string | null {
  const name = raw.trim();
  return name.length >= 1 && name.length <= MAX_DISPLAY_NAME_LENGTH && !CONTROL.test(name) ? name : null;
}

/** The username as the server compares it (trimmed, lower case), or null when P-ACCT-1 would refuse it. */
export function validUsername(raw: string): string | null {
  const name = raw.trim().toLowerCase();
  return /^[a-z0-9._-]{3,32}$/.test(name) ? name : null;
}

/** Whether P-ACCT-1 would take this password for this username. */
export function validPassword(password: string, username: string): boolean {
  return password.length >= 8 && password.length <= 128 && password.trim().toLowerCase() !== username.trim().toLowerCase();
}

/** The trimmed room name, or null when P-ROOM-1 would refuse it. */
export function validRoomName(raw: string): string | null {
  const name = raw.trim();
  return name.length >= 1 && name.length <= MAX_ROOM_NAME_LENGTH && !CONTROL.test(name) ? name : null;
}

/** The trimmed topic, or null when P-ROOM-1 would refuse it. */
export function validTopic(raw: string): string | null {
  const topic = raw.trim();
  return topic.length <= MAX_ROOM_TOPIC_LENGTH && !CONTROL.test(topic) ? topic : null;
}
