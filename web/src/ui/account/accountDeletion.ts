// "Delete my account" (P-ACCT-4): a button for the lobby header and its dialog. The dialog says what
// is erased, asks for the display name (and the username of a password account) typed exactly, shows
// a refusal in place, and on success hands over to the app, which shows the name prompt.
import './account.css';
import { confirmsDeletion } from '../../app/accountDeletion';
import { RequestFailure, type AppServices } from '../../app/services';
import { h } from '../dom';
import { describeFailure } from '../errorText';
import { accountStrings as text } from './accountStrings';

/** What the dialog tells the app. */
export interface AccountDeletionActions {
  /** The user is deleted and forgotten here; `notice` says so. */
  deleted(notice: string): void;
  /** The session was refused meanwhile; `notice` says the account was not deleted. */
  signedOut(notice: string): void;
}

/** The button that opens the dialog, and the dialog (append both). */
export interface AccountDeletion {
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
}

/** Builds the button and dialog for the signed-in user of `services`. */
export function accountDeletion(services: AppServices, actions: AccountDeletionActions): AccountDeletion {
  const button = h('button', { type: 'button', class: 'button button-quiet danger', 'aria-haspopup': 'dialog', 'data-testid': 'account-delete' }, text.open);
  const dialog = h('dialog', { class: 'account-delete-dialog', 'aria-labelledby': 'account-delete-heading', 'data-testid': 'account-delete-dialog' });
  button.addEventListener('click', open);

  function open(): void {
    const session = services.currentSession();
    if (session === null) {
      actions.signedOut(text.signedOutMeanwhile);
      return;
    }
    const nameInput = h('input', { type: 'text', class: 'text-input', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'account-delete-name' });
    const usernameInput = h('input', { type: 'text', class: 'text-input', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none', 'data-testid': 'account-delete-username' });
    const confirm = h('button', { type: 'button', class: 'button danger', disabled: true, 'data-testid': 'account-delete-confirm' }, text.confirm);
    const cancel = h('button', { type: 'button', class: 'button', 'data-testid': 'account-delete-cancel' }, text.cancel);
    const error = h('p', { class: 'field-error', role: 'alert', 'data-testid': 'account-delete-error' });
    const typed = () => ({ displayName: nameInput.value, username: usernameInput.value });
    const update = (): void => {
      confirm.disabled = !confirmsDeletion(typed(), session);
    };
    nameInput.addEventListener('input', update);
    usernameInput.addEventListener('input', update);
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      confirm.disabled = true;
      confirm.textContent = text.deleting;
      error.textContent = '';
      services.deleteAccount(typed()).then(
        () => {
          dialog.close();
          actions.deleted(text.deleted);
        },
        (failure: unknown) => {
          confirm.textContent = text.confirm;
          if (failure instanceof RequestFailure && failure.isUnauthorized) {
            dialog.close();
            services.signOut();
            actions.signedOut(text.signedOutMeanwhile);
            return;
          }
          error.textContent = text.failed(describeFailure(failure));
          update();
        },
      );
    });
    dialog.replaceChildren(
      h('h2', { id: 'account-delete-heading' }, text.heading),
      h('div', { id: 'account-delete-help' },
        h('p', {}, text.intro),
        h('ul', {}, h('li', {}, text.removedAccount), h('li', {}, text.removedStats), h('li', {}, text.removedRooms), h('li', {}, text.removedSession)),
        h('p', {}, text.stays)),
      h('label', {}, text.typeName(session.displayName), nameInput),
      ...(session.username === undefined ? [] : [h('label', {}, text.typeUsername(session.username), usernameInput)]),
      error,
      h('div', { class: 'dialog-actions' }, cancel, confirm),
    );
    dialog.setAttribute('aria-describedby', 'account-delete-help');
    dialog.showModal();
    nameInput.focus();
  }

  return { button, dialog };
}
