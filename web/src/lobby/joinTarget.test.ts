// Proves every form a user may paste into "Join by link or code" leads to the right room or invite
// (P-ROOM-2, P-INV-1), and that anything else is refused with a reason instead of a dead page.
import { describe, expect, it } from 'vitest';
import { parseJoinTarget } from './joinTarget';

const ORIGIN = 'https://rooms.example';
const ROOM = 'AbCdEfGhIjKlMnOpQrSt_-';
const CODE = `${ROOM}ZyXwVuTsRqPoNmLkJi-_12`;

describe('parseJoinTarget', () => {
  it('reads room links in every shape', () => {
    for (const text of [
      ROOM,
      `  ${ROOM}\n`,
      `/r/${ROOM}`,
      `r/${ROOM}`,
      `${ORIGIN}/r/${ROOM}`,
      `${ORIGIN}/r/${ROOM}/`,
      `${ORIGIN}/r/${ROOM}?from=chat#top`,
      `rooms.example/r/${ROOM}`,
    ]) {
      expect(parseJoinTarget(text, ORIGIN), text).toEqual({ kind: 'room', roomId: ROOM });
    }
  });

  it('reads invite links and bare codes', () => {
    for (const text of [CODE, `/i/${CODE}`, `${ORIGIN}/i/${CODE}`, `rooms.example/i/${CODE}/`]) {
      expect(parseJoinTarget(text, ORIGIN), text).toEqual({ kind: 'invite', code: CODE });
    }
  });

  it('refuses empty text, wrong lengths and other paths', () => {
    expect(parseJoinTarget('   ', ORIGIN)).toEqual({ kind: 'error', reason: 'empty' });
    for (const text of [
      'calculus',
      ROOM.slice(1),
      `${ROOM}x`,
      `/r/${ROOM.slice(1)}`,
      `/i/${ROOM}`,
      `${ORIGIN}/rooms/${ROOM}`,
      `${ORIGIN}/r/${ROOM}/board`,
      `/r/%E0%A4%A${ROOM.slice(9)}`,
      `javascript://${ROOM}`,
      'https://',
    ]) {
      expect(parseJoinTarget(text, ORIGIN), text).toEqual({ kind: 'error', reason: 'invalid' });
    }
  });

  it('refuses links to another server, which cannot be opened here', () => {
    expect(parseJoinTarget(`https://elsewhere.example/r/${ROOM}`, ORIGIN)).toEqual({ kind: 'error', reason: 'otherServer' });
    expect(parseJoinTarget(`http://rooms.example/r/${ROOM}`, ORIGIN)).toEqual({ kind: 'error', reason: 'otherServer' });
  });
});
