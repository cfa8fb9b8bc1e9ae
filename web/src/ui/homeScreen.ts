// Home: create a room and go to it.
import type { AppServices } from '../app/services';
import { MAX_ROOM_NAME_LENGTH, MAX_ROOM_TOPIC_LENGTH } from '../protocol';
import { h, type Screen } from './dom';
import { describeFailure } from './errorText';
import { roomPath } from './router';
import { strings } from './strings';
import { validRoomName, validTopic } from './validation';

/** What the home screen may ask of the app. */
export interface HomeActions {
  navigate(path: string): void;
  /** The session is gone (signed out or refused): show the name prompt. */
  signedOut(): void;
}

/** The home screen for a signed-in user. */
export function homeScreen(services: AppServices, displayName: string, actions: HomeActions): Screen {
  const nameInput = h('input', {
    id: 'room-name',
    name: 'name',
    type: 'text',
    required: true,
    maxlength: MAX_ROOM_NAME_LENGTH,
    placeholder: strings.home.roomNamePlaceholder,
    'aria-describedby': 'create-room-error',
    'data-testid': 'room-name-input',
  });
  const topicInput = h('input', {
    id: 'room-topic',
    name: 'topic',
    type: 'text',
    maxlength: MAX_ROOM_TOPIC_LENGTH,
    placeholder: strings.home.topicPlaceholder,
    'aria-describedby': 'create-room-error',
    'data-testid': 'room-topic-input',
  });
  const error = h('p', { id: 'create-room-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'create-room-submit' }, strings.home.submit);
  const changeName = h('button', { type: 'button', class: 'button button-quiet' }, strings.home.changeName);

  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'create-heading' },
    h('h1', { id: 'create-heading' }, strings.home.createHeading),
    h('p', {}, strings.home.createIntro),
    h('div', { class: 'field' }, h('label', { for: 'room-name' }, strings.home.roomNameLabel), nameInput),
    h('div', { class: 'field' }, h('label', { for: 'room-topic' }, strings.home.topicLabel), topicInput),
    error,
    submit,
  );

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const name = validRoomName(nameInput.value);
    const topic = validTopic(topicInput.value);
    if (name === null || topic === null) {
      error.textContent = name === null ? strings.home.invalidName : strings.home.invalidTopic;
      (name === null ? nameInput : topicInput).focus();
      return;
    }
    error.textContent = '';
    busy = true;
    submit.disabled = true;
    submit.textContent = strings.home.submitting;
    services.createRoom(name, topic).then(
      (room) => actions.navigate(roomPath(room.roomId)),
      (failure: unknown) => {
        busy = false;
        submit.disabled = false;
        submit.textContent = strings.home.submit;
        if (typeof failure === 'object' && failure !== null && (failure as { isUnauthorized?: boolean }).isUnauthorized) {
          actions.signedOut();
          return;
        }
        error.textContent = describeFailure(failure);
      },
    );
  });

  changeName.addEventListener('click', () => {
    services.signOut();
    actions.signedOut();
  });

  const header = h(
    'header',
    { class: 'app-header' },
    h('span', { class: 'brand' }, strings.appName),
    h('span', { class: 'greeting' }, strings.home.greeting(displayName)),
    changeName,
  );
  const element = h('div', { class: 'screen' }, header, h('main', { class: 'screen-centered', id: 'main' }, form));
  return { element, initialFocus: nameInput, dispose: () => undefined };
}
