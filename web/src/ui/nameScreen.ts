// First run: ask only for a display name, then create a guest session (P-AUTH-1). Optional
// password accounts (P-ACCT-1, P-ACCT-2) sit behind two links, so the guest path stays one field.
import type { AppServices } from '../app/services';
import type { AuthSession } from '../app/authSession';
import { h, type Screen } from './dom';
import { describeFailure } from './errorText';
import { strings } from './strings';
import { validDisplayName, validPassword, validUsername } from './validation';
import { MAX_DISPLAY_NAME_LENGTH } from '../protocol';

/** Which form the prompt shows. */
type Mode = 'guest' | 'signIn' | 'register';

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
  const username = h('input', {
    id: 'username',
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    maxlength: 32,
    'aria-describedby': 'display-name-error',
    'data-testid': 'username-input',
  });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    maxlength: 128,
    'aria-describedby': 'display-name-error',
    'data-testid': 'password-input',
  });
  const nameField = h('div', { class: 'field' }, h('label', { for: 'display-name' }, strings.name.label), input);
  const accountFields = h(
    'div',
    {},
    h('div', { class: 'field' }, h('label', { for: 'username' }, strings.name.usernameLabel), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, strings.name.passwordLabel), password),
  );
  const error = h('p', { id: 'display-name-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'display-name-submit' }, strings.name.submit);
  const toSignIn = h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'account-mode-signin' }, strings.name.accountToggle);
  const toRegister = h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'account-mode-register' }, strings.name.registerToggle);
  const toGuest = h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'account-mode-guest' }, strings.name.guestToggle);
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h1', {}, strings.name.heading),
    options.notice ? h('p', { class: 'notice-text' }, options.notice) : null,
    h('p', {}, options.forRoom ? strings.name.introRoom : strings.name.intro),
    nameField,
    accountFields,
    error,
    submit,
    h('p', { class: 'account-links' }, toSignIn, toRegister, toGuest),
  );

  let mode: Mode = 'guest';
  const submitLabel = (): string =>
    mode === 'guest' ? strings.name.submit : mode === 'signIn' ? strings.name.signInSubmit : strings.name.registerSubmit;
  const show = (next: Mode): void => {
    mode = next;
    nameField.hidden = mode === 'signIn';
    accountFields.hidden = mode === 'guest';
    toSignIn.hidden = mode === 'signIn';
    toRegister.hidden = mode === 'register';
    toGuest.hidden = mode === 'guest';
    password.setAttribute('autocomplete', mode === 'register' ? 'new-password' : 'current-password');
    submit.textContent = submitLabel();
    error.textContent = '';
    (mode === 'signIn' ? username : input).focus();
  };
  toSignIn.addEventListener('click', () => show('signIn'));
  toRegister.addEventListener('click', () => show('register'));
  toGuest.addEventListener('click', () => show('guest'));
  accountFields.hidden = true;
  toGuest.hidden = true;

  const refuse = (field: HTMLInputElement, text: string): null => {
    error.textContent = text;
    field.setAttribute('aria-invalid', 'true');
    field.focus();
    return null;
  };

  /** The request to make for the current mode, or null after showing what is wrong. */
  const request = (): (() => Promise<AuthSession>) | null => {
    for (const field of [input, username, password]) field.removeAttribute('aria-invalid');
    const name = mode === 'signIn' ? '' : validDisplayName(input.value);
    if (name === null) return refuse(input, strings.name.invalid);
    if (mode === 'guest') return () => services.signIn(name);
    const user = validUsername(username.value);
    if (user === null) return refuse(username, strings.name.invalidUsername);
    if (mode === 'signIn') return () => services.signInWithPassword(user, password.value);
    if (!validPassword(password.value, user)) return refuse(password, strings.name.invalidPassword);
    return () => services.createAccount(user, password.value, name);
  };

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const call = request();
    if (call === null) return;
    error.textContent = '';
    busy = true;
    submit.disabled = true;
    submit.textContent = strings.name.submitting;
    call().then(
      () => onSignedIn(),
      (failure: unknown) => {
        busy = false;
        submit.disabled = false;
        submit.textContent = submitLabel();
        error.textContent = describeFailure(failure);
        (mode === 'signIn' ? password : input).focus();
      },
    );
  });

  return { element: h('main', { class: 'screen screen-centered', id: 'main' }, form), initialFocus: input, dispose: () => undefined };
}
