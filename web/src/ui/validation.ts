// Client-side checks mirroring the server's rules, so most mistakes are caught before a request.
import { MAX_DISPLAY_NAME_LENGTH, MAX_ROOM_NAME_LENGTH, MAX_ROOM_TOPIC_LENGTH } from '../protocol';

// eslint-disable-next-line no-control-regex -- the rule is precisely about control characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The trimmed display name, or null when P-AUTH-2 would refuse it. */
export function validDisplayName(raw: string): string | null {
  const name = raw.trim();
  return name.length >= 1 && name.length <= MAX_DISPLAY_NAME_LENGTH && !CONTROL.test(name) ? name : null;
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
