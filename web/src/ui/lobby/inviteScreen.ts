// An invite link (`/i/{code}`, P-INV-1, P-INV-2): accept it, then open the room; or say why not.
import type { LobbySource } from '../../app/lobbySource';
import { h, type Screen } from '../dom';
import { describeFailure } from '../errorText';
import { roomPath } from '../router';
import { strings } from '../strings';
import { isUnauthorized } from './links';

const text = strings.lobby.invite;

/** What the invite screen may ask of the app. */
export interface InviteActions {
  /** Opens the room in place of the invite link (the back button should not accept again). */
  replace(path: string): void;
  navigate(path: string): void;
  unauthorized(): void;
}

/** Accepts the invite at once and moves on to its room. */
export function inviteScreen(source: LobbySource, code: string, actions: InviteActions): Screen {
  const heading = h('h1', { id: 'invite-heading', tabindex: -1 }, text.heading);
  const message = h('p', { role: 'status', 'data-testid': 'invite-status', 'data-state': 'accepting' });
  const toLobby = h('a', { href: '/', class: 'button', hidden: true, 'data-testid': 'invite-to-lobby' }, text.toLobby);
  toLobby.addEventListener('click', (event) => {
    event.preventDefault();
    actions.navigate('/');
  });
  let disposed = false;
  source.acceptInvite(code).then(
    (accepted) => {
      if (!disposed) actions.replace(roomPath(accepted.roomId));
    },
    (failure: unknown) => {
      if (disposed) return;
      if (isUnauthorized(failure)) {
        actions.unauthorized();
        return;
      }
      heading.textContent = text.failedHeading;
      message.dataset.state = 'failed';
      message.textContent = describeFailure(failure);
      toLobby.hidden = false;
      heading.focus();
    },
  );
  document.title = text.title;
  const card = h('section', { class: 'card', 'aria-labelledby': 'invite-heading' }, heading, message, toLobby);
  return {
    element: h('main', { class: 'screen screen-centered', id: 'main', 'data-testid': 'invite-screen' }, card),
    dispose: () => {
      disposed = true;
    },
  };
}
