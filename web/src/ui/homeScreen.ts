// Home: the lobby. Join by link or code, "Your rooms", the public directory, and creating a room.
import type { AppServices } from '../app/services';
import { createLobbySource, type LobbySource } from '../app/lobbySource';
import { accountDeletion } from './account/accountDeletion';
import { h, type Screen } from './dom';
import { createRoomForm } from './lobby/createRoomForm';
import { directorySection } from './lobby/directorySection';
import { joinBox } from './lobby/joinBox';
import { myRoomsSection } from './lobby/myRoomsSection';
import { strings } from './strings';
import './lobby/lobby.css';

/** How often the lobby reloads occupancy and sprints while it is open and visible. */
export const LOBBY_REFRESH_MS = 20_000;

/** What the home screen may ask of the app. */
export interface HomeActions {
  navigate(path: string): void;
  /** The session is gone (signed out or refused): show the name prompt, with a notice if given. */
  signedOut(notice?: string): void;
}

/** The lobby for a signed-in user. */
export function homeScreen(services: AppServices, displayName: string, actions: HomeActions, source?: LobbySource): Screen {
  const lobby = source ?? createLobbySource(() => services.currentSession());
  const expired = (): void => {
    services.signOut();
    actions.signedOut(strings.errors.sessionExpired);
  };
  const announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const announce = (message: string): void => {
    announcer.textContent = message;
  };

  const navigate = (path: string): void => {
    actions.navigate(path);
  };
  const mine = myRoomsSection(lobby, navigate, expired, announce);
  const directory = directorySection(lobby, navigate, expired);
  const create = createRoomForm(lobby, navigate, expired);
  const changeName = h('button', { type: 'button', class: 'button button-quiet' }, strings.home.changeName);
  changeName.addEventListener('click', () => {
    services.signOut();
    actions.signedOut();
  });

  const deletion = accountDeletion(services, {
    deleted: (notice) => actions.signedOut(notice),
    signedOut: (notice) => actions.signedOut(notice),
  });

  const header = h(
    'header',
    { class: 'app-header' },
    h('span', { class: 'brand' }, strings.appName),
    h('span', { class: 'greeting' }, strings.home.greeting(displayName)),
    changeName,
    deletion.button,
    deletion.dialog,
  );
  const main = h(
    'main',
    { class: 'lobby', id: 'main', 'data-testid': 'lobby' },
    h('h1', { class: 'visually-hidden' }, strings.lobby.heading),
    // Phones read top to bottom: join, your rooms, the directory, then the long create form.
    h('div', { class: 'lobby-section lobby-area-join' }, joinBox(lobby, navigate, expired)),
    withArea(mine.element, 'lobby-area-mine'),
    withArea(directory.element, 'lobby-area-directory'),
    withArea(create.element, 'lobby-area-create'),
    announcer,
  );
  document.title = strings.lobby.documentTitle;

  // Occupancy and sprints change while the lobby is open: reload them now and then, and on return.
  const refresh = (): void => {
    if (document.visibilityState !== 'visible') return;
    mine.refresh();
    directory.refresh();
  };
  const timer = setInterval(refresh, LOBBY_REFRESH_MS);
  document.addEventListener('visibilitychange', refresh);

  return {
    element: h('div', { class: 'screen lobby-screen' }, header, main),
    // The first control; on a phone, focusing the create form would scroll the lobby away.
    initialFocus: main.querySelector<HTMLElement>('#join-target') ?? create.nameInput,
    dispose: () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
      directory.dispose();
    },
  };
}

function withArea(element: HTMLElement, area: string): HTMLElement {
  element.classList.add(area);
  return element;
}
