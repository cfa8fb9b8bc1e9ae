// The room menu of the room header (owner only: archive / restore, delete with the name typed) and
// the banners everyone sees when the room is archived or deleted (docs/protocol.md, P-LIFE-*).
import type { RoomSession } from '../../app/roomSession';
import type { RoomLifecycleSource } from '../../app/roomLifecycleSource';
import type { RequestFailure } from '../../app/services';
import { RoomLifecycleCallbacks, type RoomDeleted, type RoomLifecycleInfo, type RoomUpdated } from '../../protocol';
import { h } from '../dom';
import type { Notices } from '../notices';
import { roomSettingsStrings as t } from './roomSettingsStrings';

/** A mounted room menu with its banner slot. */
export interface RoomSettings {
  /** The menu button and its popup, for the header; hidden unless the viewer owns the room. */
  readonly menu: HTMLElement;
  /** The archived / deleted banner, for the top of the room screen. */
  readonly banner: HTMLElement;
  dispose(): void;
}

/** What the menu may ask of the app. */
export interface RoomSettingsActions {
  navigate(path: string): void;
}

/** Builds the room menu for a session; it follows the room as the session and the hub report it. */
export function roomSettings(session: RoomSession, source: RoomLifecycleSource, notices: Notices, actions: RoomSettingsActions): RoomSettings {
  let room: RoomLifecycleInfo | null = null;
  let deleted = false;

  const archiveButton = h('button', { type: 'button', class: 'room-menu-item', role: 'menuitem', 'data-testid': 'room-archive' }, t.archive);
  const deleteButton = h('button', { type: 'button', class: 'room-menu-item danger', role: 'menuitem', 'data-testid': 'room-delete' }, t.delete);
  const popup = h('div', { class: 'room-menu-popup', role: 'menu', 'aria-label': t.menu, hidden: true }, archiveButton, deleteButton);
  const toggle = h('button', { type: 'button', class: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'data-testid': 'room-menu' }, t.menu);
  const dialog = h('dialog', { class: 'room-delete-dialog', 'data-testid': 'room-delete-dialog', 'aria-labelledby': 'room-delete-heading' });
  const menu = h('div', { class: 'room-menu', hidden: true }, toggle, popup, dialog);
  const banner = h('div', { class: 'room-lifecycle-banner', role: 'status', hidden: true });

  const setOpen = (open: boolean): void => {
    popup.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(popup.hidden));
  archiveButton.addEventListener('click', () => {
    setOpen(false);
    if (room === null) return;
    const archive = room.archived !== true;
    archiveButton.disabled = true;
    source.setArchived(archive).then(
      (updated) => show(updated),
      (error: unknown) => notices.toast(t.failed(reasonOf(error)), 'error'),
    ).finally(() => (archiveButton.disabled = false));
  });
  deleteButton.addEventListener('click', () => {
    setOpen(false);
    openDeleteDialog();
  });

  function openDeleteDialog(): void {
    if (room === null) return;
    const name = room.name;
    const input = h('input', { type: 'text', class: 'text-input', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'room-delete-help', 'data-testid': 'room-delete-name' });
    const confirm = h('button', { type: 'button', class: 'button danger', disabled: true, 'data-testid': 'room-delete-confirm' }, t.deleteConfirm);
    const cancel = h('button', { type: 'button', class: 'button', 'data-testid': 'room-delete-cancel' }, t.cancel);
    const error = h('p', { class: 'form-error', role: 'alert' });
    input.addEventListener('input', () => (confirm.disabled = input.value.trim() !== name));
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      confirm.disabled = true;
      error.textContent = '';
      source.delete(input.value).then(
        () => {
          dialog.close();
          showDeleted(name);
        },
        (failure: unknown) => {
          error.textContent = t.failed(reasonOf(failure));
          confirm.disabled = input.value.trim() !== name;
        },
      );
    });
    dialog.replaceChildren(
      h('h2', { id: 'room-delete-heading' }, t.deleteHeading(name)),
      h('p', { id: 'room-delete-help' }, t.deleteHelp),
      h('label', {}, t.typeName(name), input),
      error,
      h('div', { class: 'dialog-actions' }, cancel, confirm),
    );
    dialog.showModal();
    input.focus();
  }

  function show(next: RoomLifecycleInfo): void {
    room = next;
    if (deleted) return;
    const owner = next.ownerId !== undefined && next.ownerId === source.selfId();
    menu.hidden = !owner;
    archiveButton.textContent = next.archived === true ? t.restore : t.archive;
    archiveButton.dataset.testid = next.archived === true ? 'room-restore' : 'room-archive';
    if (next.archived === true) {
      banner.hidden = false;
      banner.dataset.testid = 'room-archived-banner';
      banner.className = 'room-lifecycle-banner archived';
      banner.replaceChildren(h('p', {}, t.archivedBanner));
    } else {
      banner.hidden = true;
      delete banner.dataset.testid;
      banner.replaceChildren();
    }
  }

  function showDeleted(name: string): void {
    if (deleted) return;
    deleted = true;
    menu.hidden = true;
    const home = h('button', { type: 'button', class: 'button', 'data-testid': 'room-deleted-home' }, t.goHome);
    home.addEventListener('click', () => actions.navigate('/'));
    banner.hidden = false;
    banner.dataset.testid = 'room-deleted-banner';
    banner.className = 'room-lifecycle-banner deleted';
    banner.replaceChildren(h('p', {}, t.deletedBanner(name)), home);
    document.body.dataset.roomDeleted = 'true';
  }

  const subscriptions: (() => void)[] = [
    session.events.on('room', (info) => show(info)),
  ];
  const hub = session.sprintHub;
  if (hub !== undefined) {
    subscriptions.push(
      hub.on(RoomLifecycleCallbacks.roomUpdated, (e: RoomUpdated) => show(e.room)),
      hub.on(RoomLifecycleCallbacks.roomDeleted, (e: RoomDeleted) => showDeleted(e.name || (room?.name ?? ''))),
    );
  }
  if (session.room !== null) show(session.room);

  return {
    menu,
    banner,
    dispose() {
      for (const unsubscribe of subscriptions) unsubscribe();
      delete document.body.dataset.roomDeleted;
    },
  };
}

function reasonOf(error: unknown): string {
  const failure = error as Partial<RequestFailure>;
  return typeof failure.reason === 'string' ? failure.reason : error instanceof Error ? error.message : String(error);
}
