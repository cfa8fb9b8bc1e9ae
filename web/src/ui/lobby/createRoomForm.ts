// "Create a study room": name, topic, description, tags, who can find it, capacity (P-ROOM-1, P-ROOM-3..4, P-INV-4).
import type { LobbySource } from '../../app/lobbySource';
import { parseCapacity, parseTags } from '../../lobby/lobbyFormat';
import { MAX_ROOM_NAME_LENGTH, MAX_ROOM_TOPIC_LENGTH, type CreateRoomRequest } from '../../protocol';
import { h } from '../dom';
import { describeFailure } from '../errorText';
import { roomPath } from '../router';
import { strings } from '../strings';
import { validRoomName, validTopic } from '../validation';
import { isUnauthorized } from './links';

/** Longest room description (P-ROOM-3). */
export const MAX_ROOM_DESCRIPTION_LENGTH = 500;

const text = strings.lobby.create;

/** The form and the field to focus first. */
export interface CreateRoomForm {
  readonly element: HTMLElement;
  readonly nameInput: HTMLInputElement;
}

/** Builds the create form; a created room opens at once. */
export function createRoomForm(source: LobbySource, navigate: (path: string) => void, signedOut: () => void): CreateRoomForm {
  const described = { 'aria-describedby': 'create-room-error' };
  const nameInput = h('input', {
    id: 'room-name',
    name: 'name',
    type: 'text',
    required: true,
    maxlength: MAX_ROOM_NAME_LENGTH,
    placeholder: strings.home.roomNamePlaceholder,
    ...described,
    'data-testid': 'room-name-input',
  });
  const topicInput = h('input', {
    id: 'room-topic',
    name: 'topic',
    type: 'text',
    maxlength: MAX_ROOM_TOPIC_LENGTH,
    placeholder: strings.home.topicPlaceholder,
    ...described,
    'data-testid': 'room-topic-input',
  });
  const descriptionInput = h('textarea', {
    id: 'room-description',
    name: 'description',
    rows: 3,
    maxlength: MAX_ROOM_DESCRIPTION_LENGTH,
    placeholder: text.descriptionPlaceholder,
    ...described,
    'data-testid': 'room-description-input',
  });
  const tagsInput = h('input', {
    id: 'room-tags',
    name: 'tags',
    type: 'text',
    placeholder: text.tagsPlaceholder,
    ...described,
    'data-testid': 'room-tags-input',
  });
  const capacityInput = h('input', {
    id: 'room-capacity',
    name: 'capacity',
    type: 'text',
    inputmode: 'numeric',
    maxlength: 3,
    placeholder: '50',
    ...described,
    'data-testid': 'room-capacity-input',
  });
  const visibility = (value: string, label: string, checked: boolean): HTMLElement => {
    const id = `room-visibility-${value}`;
    return h(
      'div',
      { class: 'lobby-radio' },
      h('input', { type: 'radio', id, name: 'visibility', value, checked, 'data-testid': id }),
      h('label', { for: id }, label),
    );
  };
  const error = h('p', { id: 'create-room-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'create-room-submit' }, strings.home.submit);
  const field = (id: string, label: string, input: HTMLElement): HTMLElement =>
    h('div', { class: 'field' }, h('label', { for: id }, label), input);

  const form = h(
    'form',
    { class: 'lobby-section lobby-create', novalidate: true, 'aria-labelledby': 'create-heading' },
    h('h2', { id: 'create-heading' }, strings.home.createHeading),
    h('p', { class: 'lobby-hint' }, strings.home.createIntro),
    field('room-name', strings.home.roomNameLabel, nameInput),
    field('room-topic', strings.home.topicLabel, topicInput),
    field('room-description', text.descriptionLabel, descriptionInput),
    field('room-tags', text.tagsLabel, tagsInput),
    h(
      'fieldset',
      { class: 'lobby-fieldset' },
      h('legend', {}, text.visibilityLegend),
      visibility('unlisted', text.unlisted, true),
      visibility('public', text.public, false),
      visibility('private', text.private, false),
    ),
    field('room-capacity', text.capacityLabel, capacityInput),
    error,
    submit,
  );

  const refuse = (input: HTMLElement, message: string): null => {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return null;
  };

  /** The request, or null after showing what is wrong. */
  const request = (): CreateRoomRequest | null => {
    for (const input of [nameInput, topicInput, descriptionInput, tagsInput, capacityInput]) input.removeAttribute('aria-invalid');
    const name = validRoomName(nameInput.value);
    if (name === null) return refuse(nameInput, strings.home.invalidName);
    const topic = validTopic(topicInput.value);
    if (topic === null) return refuse(topicInput, strings.home.invalidTopic);
    const description = descriptionInput.value.trim();
    if (description.length > MAX_ROOM_DESCRIPTION_LENGTH) return refuse(descriptionInput, text.invalidDescription);
    const tags = parseTags(tagsInput.value);
    if (tags === null) return refuse(tagsInput, text.invalidTags);
    const capacity = parseCapacity(capacityInput.value);
    if (capacity === null) return refuse(capacityInput, text.invalidCapacity);
    const chosen = (form.elements.namedItem('visibility') as RadioNodeList).value;
    return {
      name,
      topic,
      ...(description ? { description } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(capacity !== undefined ? { capacity } : {}),
      isPublic: chosen === 'public',
      inviteOnly: chosen === 'private',
    };
  };

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const body = request();
    if (body === null) return;
    error.textContent = '';
    busy = true;
    submit.disabled = true;
    submit.textContent = strings.home.submitting;
    source.createRoom(body).then(
      (room) => navigate(roomPath(room.roomId)),
      (failure: unknown) => {
        busy = false;
        submit.disabled = false;
        submit.textContent = strings.home.submit;
        if (isUnauthorized(failure)) {
          signedOut();
          return;
        }
        error.textContent = describeFailure(failure);
      },
    );
  });
  return { element: form, nameInput };
}
