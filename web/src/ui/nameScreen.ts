// First run: ask only for a display name, then create a guest session (P-AUTH-1).
import type { AppServices } from '../app/services';
import { h, type Screen } from './dom';
import { describeFailure } from './errorText';
import { strings } from './strings';
import { validDisplayName } from './validation';
import { MAX_DISPLAY_NAME_LENGTH } from '../protocol';

/** The name prompt; `onSignedIn` runs once a session exists. */
export function nameScreen(
  services: AppServices,
  options: { forRoom: boolean; notice?: string },
  onSignedIn: () => void,
): Screen {
  const input = h('input', {
    id: 'display-name',
    name: 'displayName',
    type: 'text',
    autocomplete: 'nickname',
    required: true,
    maxlength: MAX_DISPLAY_NAME_LENGTH,
    'aria-describedby': 'display-name-error',
    'data-testid': 'display-name-input',
  });
  input.value = services.lastDisplayName();
  const error = h('p', { id: 'display-name-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'display-name-submit' }, strings.name.submit);
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h1', {}, strings.name.heading),
    options.notice ? h('p', { class: 'notice-text' }, options.notice) : null,
    h('p', {}, options.forRoom ? strings.name.introRoom : strings.name.intro),
    h('div', { class: 'field' }, h('label', { for: 'display-name' }, strings.name.label), input, error),
    submit,
  );

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const name = validDisplayName(input.value);
    if (name === null) {
      error.textContent = strings.name.invalid;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    busy = true;
    submit.disabled = true;
    submit.textContent = strings.name.submitting;
    services.signIn(name).then(
      () => onSignedIn(),
      (failure: unknown) => {
        busy = false;
        submit.disabled = false;
        submit.textContent = strings.name.submit;
        error.textContent = describeFailure(failure);
        input.focus();
      },
    );
  });

  return { element: h('main', { class: 'screen screen-centered', id: 'main' }, form), initialFocus: input, dispose: () => undefined };
}
