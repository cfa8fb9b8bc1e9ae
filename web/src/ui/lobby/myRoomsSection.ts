// "Your rooms": rooms the user created or entered, most recent first, with who is there and any sprint (P-LOBBY-1).
import type { LobbySource } from '../../app/lobbySource';
import { occupancyText, sprintText } from '../../lobby/lobbyFormat';
import type { MyRoom } from '../../protocol';
import { h } from '../dom';
import { roomPath } from '../router';
import { strings } from '../strings';
import { appLink, isUnauthorized } from './links';

const text = strings.lobby.mine;

/** The section and a way to reload it. */
export interface MyRoomsSection {
  readonly element: HTMLElement;
  refresh(): void;
}

/** Builds "Your rooms"; `announce` tells screen readers what a removal did. */
export function myRoomsSection(
  source: LobbySource,
  navigate: (path: string) => void,
  signedOut: () => void,
  announce: (message: string) => void,
): MyRoomsSection {
  const status = h('p', { class: 'lobby-status', role: 'status', 'data-testid': 'my-rooms-status', 'data-state': 'loading' }, text.loading);
  const list = h('ul', { class: 'lobby-list', 'aria-labelledby': 'my-rooms-heading', 'data-testid': 'my-rooms' });
  const element = h('section', { class: 'lobby-section', 'aria-labelledby': 'my-rooms-heading' }, h('h2', { id: 'my-rooms-heading' }, text.heading), status, list);

  let generation = 0;

  const show = (rooms: readonly MyRoom[]): void => {
    list.replaceChildren(...rooms.map((room) => item(room)));
    list.dataset.count = String(rooms.length);
    status.dataset.state = 'ready';
    status.textContent = rooms.length === 0 ? text.empty : '';
    status.hidden = rooms.length > 0;
  };

  const item = (room: MyRoom): HTMLLIElement => {
    const forget = h(
      'button',
      { type: 'button', class: 'button button-small', 'aria-label': text.forget(room.name), 'data-testid': 'my-room-forget' },
      text.forgetLabel,
    );
    forget.addEventListener('click', () => {
      forget.disabled = true;
      source.forget(room.roomId).then(
        () => {
          announce(text.forgotten(room.name));
          refresh();
        },
        (failure: unknown) => {
          forget.disabled = false;
          if (isUnauthorized(failure)) signedOut();
        },
      );
    });
    const badges = [text.roles[room.role] ?? room.role, room.inviteOnly ? text.private : room.isPublic ? text.public : null].filter(
      (badge): badge is string => badge !== null,
    );
    return h(
      'li',
      { class: 'lobby-room', 'data-testid': 'my-room', 'data-room-id': room.roomId, 'data-occupancy': room.occupancy },
      h(
        'div',
        { class: 'lobby-room-main' },
        h('h3', { class: 'lobby-room-name' }, appLink(roomPath(room.roomId), navigate, { 'data-testid': 'my-room-link' }, room.name)),
        room.topic ? h('p', { class: 'lobby-room-topic' }, room.topic) : null,
        h(
          'p',
          { class: 'lobby-room-meta' },
          h('span', { class: room.occupancy > 0 ? 'lobby-live' : '', 'data-testid': 'my-room-occupancy' }, occupancyText(room.occupancy)),
          room.sprint ? h('span', { class: 'lobby-sprint', 'data-testid': 'my-room-sprint' }, sprintText(room.sprint)) : null,
          ...badges.map((badge) => h('span', { class: 'lobby-badge' }, badge)),
        ),
      ),
      forget,
    );
  };

  const refresh = (): void => {
    const mine = ++generation;
    source.myRooms().then(
      (rooms) => {
        if (mine === generation) show(rooms);
      },
      (failure: unknown) => {
        if (mine !== generation) return;
        if (isUnauthorized(failure)) {
          signedOut();
          return;
        }
        status.hidden = false;
        status.dataset.state = 'failed';
        status.textContent = text.failed;
      },
    );
  };

  refresh();
  return { element, refresh };
}
