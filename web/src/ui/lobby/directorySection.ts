// "Find a room": public rooms by name, topic or tag, busiest first, with tag chips and paging (P-DIR-1, P-DIR-2).
import type { LobbySource } from '../../app/lobbySource';
import { occupancyText, tagChips } from '../../lobby/lobbyFormat';
import type { DirectoryEntry, DirectoryPage } from '../../protocol';
import { h } from '../dom';
import { roomPath } from '../router';
import { strings } from '../strings';
import { appLink, isUnauthorized } from './links';

const text = strings.lobby.directory;

/** Rooms per page. */
export const DIRECTORY_PAGE_SIZE = 20;
/** Typing pauses this long before the search goes out. */
export const SEARCH_DEBOUNCE_MS = 250;

/** The section, a way to reload it, and cleanup. */
export interface DirectorySection {
  readonly element: HTMLElement;
  refresh(): void;
  dispose(): void;
}

/** Builds the directory. */
export function directorySection(source: LobbySource, navigate: (path: string) => void, signedOut: () => void): DirectorySection {
  const search = h('input', {
    id: 'directory-search',
    name: 'q',
    type: 'search',
    autocomplete: 'off',
    maxlength: 80,
    placeholder: text.searchPlaceholder,
    'data-testid': 'directory-search',
  });
  const chips = h('div', { class: 'lobby-chips', role: 'group', 'aria-label': text.tagsLabel, 'data-testid': 'directory-tags' });
  const status = h('p', { class: 'lobby-status', role: 'status', 'data-testid': 'directory-status', 'data-state': 'loading' }, text.loading);
  const list = h('ul', { class: 'lobby-list', 'aria-labelledby': 'directory-heading', 'data-testid': 'directory-list' });
  const more = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'directory-more' }, text.more);
  const element = h(
    'section',
    { class: 'lobby-section', 'aria-labelledby': 'directory-heading' },
    h('h2', { id: 'directory-heading' }, text.heading),
    h('form', { class: 'lobby-search', role: 'search', 'aria-label': text.heading }, h('label', { for: 'directory-search' }, text.searchLabel), search),
    chips,
    status,
    list,
    more,
  );

  let tag: string | null = null;
  let rooms: DirectoryEntry[] = [];
  let generation = 0;
  let debounce: ReturnType<typeof setTimeout> | null = null;

  const renderChips = (page: DirectoryPage): void => {
    const names = tagChips(page.tags, tag);
    const chip = (label: string, value: string | null): HTMLButtonElement => {
      const button = h(
        'button',
        { type: 'button', class: 'lobby-chip', 'aria-pressed': String(tag === value), 'data-testid': 'directory-tag', 'data-tag': value ?? '' },
        label,
      );
      button.addEventListener('click', () => {
        tag = tag === value ? null : value;
        load(0);
      });
      return button;
    };
    chips.replaceChildren(...(names.length > 0 ? [chip(text.allTags, null), ...names.map((name) => chip(`#${name}`, name))] : []));
    chips.hidden = names.length === 0;
  };

  const item = (room: DirectoryEntry): HTMLLIElement => {
    const path = roomPath(room.roomId);
    const join = appLink(path, navigate, { class: 'button button-small', 'aria-label': text.join(room.name), 'data-testid': 'directory-join' }, text.joinLabel);
    return h(
      'li',
      { class: 'lobby-room', 'data-testid': 'directory-room', 'data-room-id': room.roomId, 'data-occupancy': room.occupancy },
      h(
        'div',
        { class: 'lobby-room-main' },
        h('h3', { class: 'lobby-room-name' }, appLink(path, navigate, { 'data-testid': 'directory-room-link' }, room.name)),
        room.topic ? h('p', { class: 'lobby-room-topic' }, room.topic) : null,
        h(
          'p',
          { class: 'lobby-room-meta' },
          h('span', { class: room.occupancy > 0 ? 'lobby-live' : '' }, occupancyText(room.occupancy)),
          ...room.tags.map((t) => h('span', { class: 'lobby-tag' }, `#${t}`)),
        ),
      ),
      join,
    );
  };

  /** Loads from `offset` (0: a new search, replacing the list); `limit` to reload what is shown. */
  const load = (offset: number, limit = DIRECTORY_PAGE_SIZE): void => {
    const mine = ++generation;
    status.hidden = false;
    status.dataset.state = 'loading';
    status.textContent = text.loading;
    const q = search.value.trim();
    source.directory({ ...(q ? { q } : {}), ...(tag !== null ? { tag } : {}), offset, limit }).then(
      (page) => {
        if (mine !== generation) return;
        rooms = offset === 0 ? [...page.rooms] : [...rooms, ...page.rooms];
        list.replaceChildren(...rooms.map((room) => item(room)));
        list.dataset.count = String(rooms.length);
        renderChips(page);
        status.dataset.state = 'ready';
        status.textContent = rooms.length === 0 ? text.empty : text.count(rooms.length, page.total);
        more.hidden = rooms.length >= page.total;
      },
      (failure: unknown) => {
        if (mine !== generation) return;
        if (isUnauthorized(failure)) {
          signedOut();
          return;
        }
        status.dataset.state = 'failed';
        status.textContent = text.failed;
      },
    );
  };

  search.addEventListener('input', () => {
    if (debounce !== null) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      load(0);
    }, SEARCH_DEBOUNCE_MS);
  });
  search.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    if (debounce !== null) clearTimeout(debounce);
    load(0);
  });
  more.addEventListener('click', () => load(rooms.length));

  load(0);
  return {
    element,
    refresh: () => load(0, Math.min(100, Math.max(DIRECTORY_PAGE_SIZE, rooms.length))),
    dispose: () => {
      generation += 1;
      if (debounce !== null) clearTimeout(debounce);
    },
  };
}
