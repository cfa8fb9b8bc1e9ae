// The app shell: picks the screen for the current path and session, and moves between them.
import { createLobbySource } from '../app/lobbySource';
import type { AppServices } from '../app/services';
import { h, type Screen } from './dom';
import { homeScreen } from './homeScreen';
import { inviteScreen } from './lobby/inviteScreen';
import { nameScreen } from './nameScreen';
import { Notices } from './notices';
import { roomScreen } from './roomScreen';
import { parseRoute } from './router';
import { strings } from './strings';

/** Mounts the app into `root` and keeps it in step with the address bar. */
export function startApp(root: HTMLElement, services: AppServices): void {
  const notices = new Notices();
  const skipLink = h('a', { href: '#main', class: 'skip-link' }, strings.skipToBoard);
  const outlet = h('div', { class: 'outlet' });
  root.replaceChildren(skipLink, notices.bannerSlot, outlet, notices.toasts);

  let current: Screen | null = null;
  let nameNotice: string | undefined;

  const navigate = (path: string): void => {
    if (path !== window.location.pathname) window.history.pushState(null, '', path);
    render();
  };

  /** Moves on without a history entry (an accepted invite link is not worth going back to). */
  const replace = (path: string): void => {
    window.history.replaceState(null, '', path);
    render();
  };

  const signedOut = (notice?: string): void => {
    nameNotice = notice;
    render();
  };

  function render(): void {
    current?.dispose();
    notices.clear();
    document.title = strings.appName;
    const route = parseRoute(window.location.pathname);
    const session = services.currentSession();
    let next: Screen;
    if (session === null) {
      // A room or invite link opened by a new user: the name, then straight into the room.
      next = nameScreen(services, { forRoom: route.kind !== 'home', ...(nameNotice ? { notice: nameNotice } : {}) }, () => {
        nameNotice = undefined;
        render();
      });
    } else if (route.kind === 'room') {
      next = roomScreen(services, route.roomId, notices, {
        navigate,
        unauthorized: () => {
          services.signOut();
          signedOut(strings.errors.sessionExpired);
        },
      });
    } else if (route.kind === 'invite') {
      next = inviteScreen(createLobbySource(() => services.currentSession()), route.code, {
        replace,
        navigate,
        unauthorized: () => {
          services.signOut();
          signedOut(strings.errors.sessionExpired);
        },
      });
    } else {
      next = homeScreen(services, session.displayName, { navigate, signedOut: (notice) => signedOut(notice) });
    }
    current = next;
    outlet.replaceChildren(next.element);
    next.initialFocus?.focus();
  }

  window.addEventListener('popstate', render);
  render();
}
