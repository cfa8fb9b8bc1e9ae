// "Join by link or code": a room link, a room id, an invite link or an invite code goes to the room.
import type { LobbySource } from '../../app/lobbySource';
import { parseJoinTarget } from '../../lobby/joinTarget';
import { h } from '../dom';
import { describeFailure } from '../errorText';
import { roomPath } from '../router';
import { strings } from '../strings';
import { isUnauthorized } from './links';

const text = strings.lobby.join;

/** The join form; `navigate` opens the room, `signedOut` when the session is gone. */
export function joinBox(source: LobbySource, navigate: (path: string) => void, signedOut: () => void): HTMLElement {
  const input = h('input', {
    id: 'join-target',
    name: 'target',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: text.placeholder,
    'aria-describedby': 'join-error',
    'data-testid': 'join-input',
  });
  const error = h('p', { id: 'join-error', class: 'field-error', role: 'alert', 'data-testid': 'join-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'join-submit' }, text.submit);
  const form = h(
    'form',
    { class: 'lobby-join', novalidate: true, 'aria-labelledby': 'join-heading' },
    h('h2', { id: 'join-heading' }, text.heading),
    h('label', { for: 'join-target' }, text.label),
    h('div', { class: 'lobby-join-row' }, input, submit),
    error,
  );

  const refuse = (message: string): void => {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    input.removeAttribute('aria-invalid');
    const target = parseJoinTarget(input.value, window.location.origin);
    if (target.kind === 'error') {
      refuse(text[target.reason]);
      return;
    }
    error.textContent = '';
    busy = true;
    submit.disabled = true;
    submit.textContent = text.submitting;
    // Ask the server first, so a wrong or expired link is told here rather than on a dead page.
    const opened =
      target.kind === 'room'
        ? source.findRoom(target.roomId).then((room) => roomPath(room.roomId))
        : source.acceptInvite(target.code).then((accepted) => roomPath(accepted.roomId));
    opened.then(
      (path) => navigate(path),
      (failure: unknown) => {
        busy = false;
        submit.disabled = false;
        submit.textContent = text.submit;
        if (isUnauthorized(failure)) {
          signedOut();
          return;
        }
        refuse(describeFailure(failure));
      },
    );
  });
  return form;
}
