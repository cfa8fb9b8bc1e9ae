// The room's resource shelf (docs/protocol.md, "Resources"): pin links and notes, upload files with
// progress, download, remove. Links only ever get http(s) hrefs; everything else is text nodes.
import './resources.css';
import type { RoomSession } from '../../app/roomSession';
import { eraseFromResources } from '../../app/userErasure';
import {
  DEFAULT_MAX_FILE_BYTES,
  ResourceCallbacks,
  ResourceMethods,
  parseProtocolError,
  type ResourceAdded,
  type ResourceItem,
  type ResourceShelf,
  type ResourcesRemoved,
} from '../../protocol';
import { downloadFile, UploadFailure, uploadFile } from '../../resources/files';
import { canAdd, canRemove, checkBeforeUpload, formatBytes, mergeAdded, mergeListed, mergeRemoved, safeHttpUrl, uploadErrorText } from '../../resources/shelf';
import { authorLabel } from '../authorLabel';
import { h } from '../dom';
import { resourcesStrings as rs } from './resourcesStrings';
import type { Notices } from '../notices';

/** What the panel needs besides the session: the room, the bearer token for HTTP, and toasts. */
export interface ResourcesPanelOptions {
  readonly session: RoomSession;
  readonly roomId: string;
  readonly token: () => string | null;
  readonly notices: Notices;
  /** The server's upload limit, when known; the server's answer is what counts. */
  readonly maxFileBytes?: number;
}

/** The panel, mounted next to the participants. */
export function createResourcesPanel(options: ResourcesPanelOptions): { element: HTMLElement; dispose(): void } {
  const { session, roomId, notices } = options;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let items: ResourceItem[] = [];
  let maxTitle = 200;
  let maxNote = 2000;

  const heading = h('h2', { id: 'resources-heading' }, rs.heading);
  const list = h('ul', { class: 'resources-list', 'data-testid': 'resources-list', 'aria-labelledby': 'resources-heading' });
  const error = h('p', { class: 'resource-error', role: 'alert', 'data-testid': 'resource-error' });

  const urlInput = h('input', { type: 'url', placeholder: rs.urlPlaceholder, 'aria-label': rs.urlLabel, 'data-testid': 'resource-link-url' });
  const titleInput = h('input', { type: 'text', placeholder: rs.titlePlaceholder, 'aria-label': rs.titleLabel, 'data-testid': 'resource-link-title' });
  const linkButton = h('button', { type: 'submit', class: 'button', 'data-testid': 'resource-link-add' }, rs.pinLink);
  const linkForm = h('form', { class: 'resources-form', 'aria-label': rs.pinForm }, urlInput, titleInput, linkButton);

  const noteInput = h('textarea', { rows: 2, placeholder: rs.notePlaceholder, 'aria-label': rs.noteLabel, 'data-testid': 'resource-note-text' });
  const noteButton = h('button', { type: 'submit', class: 'button', 'data-testid': 'resource-note-add' }, rs.addNote);
  const noteForm = h('form', { class: 'resources-form', 'aria-label': rs.noteForm }, noteInput, noteButton);

  const fileInput = h('input', { type: 'file', 'aria-label': rs.upload, 'data-testid': 'resource-file-input' });
  const progress = h('progress', { class: 'resource-progress', max: 1, value: 0, hidden: true, 'data-testid': 'resource-upload-progress' });
  const fileForm = h('div', { class: 'resources-form' }, fileInput, progress, h('span', { class: 'resource-meta' }, rs.uploadHint(formatBytes(maxFileBytes))));

  const addArea = h('div', { class: 'resources-add' }, linkForm, noteForm, fileForm);
  const element = h('section', { class: 'resources-panel', 'aria-labelledby': 'resources-heading', 'data-testid': 'resources-panel' }, heading, addArea, error, list);

  const showError = (message: string): void => {
    error.textContent = message;
  };

  const role = (): 'viewer' | 'member' | 'mentor' | 'owner' | undefined => session.participants.self?.role;

  function render(): void {
    heading.textContent = rs.headingCount(items.length);
    element.dataset.count = String(items.length);
    addArea.hidden = !canAdd(role());
    list.replaceChildren(...items.map(renderItem));
  }

  function renderItem(item: ResourceItem): HTMLElement {
    const meta = h('span', { class: 'resource-meta' }, `${authorLabel(item.addedBy, item.addedByName)} · ${new Date(item.addedAt).toLocaleString()}`);
    const row = h('li', { class: 'resource-item', 'data-testid': 'resource-item', 'data-kind': item.kind, 'data-resource-id': item.id });
    switch (item.kind) {
      case 'link': {
        const href = safeHttpUrl(item.url);
        const label = item.title ?? item.url ?? '';
        row.append(href === null ? h('span', {}, label) : h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'resource-link' }, label));
        break;
      }
      case 'note':
        row.append(h('p', { class: 'resource-note', 'data-testid': 'resource-note' }, item.text ?? ''));
        break;
      case 'file': {
        const file = item.file;
        if (file === undefined) break;
        const download = h('button', { type: 'button', class: 'link-button', 'data-testid': 'resource-download' }, file.name);
        download.addEventListener('click', () => void download_(file.blobId, file.name));
        row.append(download, h('span', { class: 'resource-meta' }, formatBytes(file.size)));
        break;
      }
    }
    row.append(meta);
    if (canRemove(item, session.selfUserId, role())) {
      const remove = h('button', { type: 'button', class: 'link-button', 'aria-label': rs.removeLabel(item.title ?? item.kind), 'data-testid': 'resource-remove' }, rs.remove);
      remove.addEventListener('click', () => void removeItem(item.id));
      row.append(remove);
    }
    return row;
  }

  async function reload(): Promise<void> {
    const hub = session.sprintHub;
    if (hub === undefined || !hub.isConnected() || !session.isJoined) return;
    try {
      const shelf = (await hub.invoke(ResourceMethods.listResources, { roomId })) as ResourceShelf;
      items = mergeListed(items, shelf.items);
      maxTitle = shelf.maxTitleLength;
      maxNote = shelf.maxNoteLength;
      titleInput.maxLength = maxTitle;
      noteInput.maxLength = maxNote;
      render();
    } catch (e) {
      showError(rs.loadFailed(parseProtocolError(e)?.reason ?? String(e)));
    }
  }

  async function pin(request: { kind: 'link' | 'note'; url?: string; title?: string; text?: string }): Promise<boolean> {
    const hub = session.sprintHub;
    if (hub === undefined) return false;
    showError('');
    try {
      const item = (await hub.invoke(ResourceMethods.pinResource, { roomId, ...request })) as ResourceItem;
      items = mergeAdded(items, item);
      render();
      return true;
    } catch (e) {
      const refusal = parseProtocolError(e);
      showError(refusal?.code === 'INVALID_RESOURCE' ? refusal.reason : uploadErrorText(-1, refusal?.code ?? null, refusal?.reason ?? String(e), maxFileBytes));
      return false;
    }
  }

  async function removeItem(id: string): Promise<void> {
    const hub = session.sprintHub;
    if (hub === undefined) return;
    try {
      await hub.invoke(ResourceMethods.removeResource, { roomId, resourceId: id });
      items = mergeRemoved(items, [id]);
      render();
    } catch (e) {
      notices.toast(rs.removeFailed(parseProtocolError(e)?.reason ?? String(e)), 'error');
    }
  }

  async function download_(blobId: string, name: string): Promise<void> {
    const token = options.token();
    if (token === null) return;
    try {
      await downloadFile(roomId, blobId, name, token);
    } catch (e) {
      notices.toast(rs.downloadFailed(name, e instanceof UploadFailure ? e.reason || String(e.status) : String(e)), 'error');
    }
  }

  linkForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = urlInput.value.trim();
    if (safeHttpUrl(url) === null) {
      showError(rs.httpOnly);
      return;
    }
    const title = titleInput.value.trim();
    void pin({ kind: 'link', url, ...(title.length > 0 ? { title } : {}) }).then((ok) => {
      if (!ok) return;
      urlInput.value = '';
      titleInput.value = '';
    });
  });

  noteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = noteInput.value.trim();
    if (text.length === 0) return;
    void pin({ kind: 'note', text }).then((ok) => {
      if (ok) noteInput.value = '';
    });
  });

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    const token = options.token();
    if (file === undefined || token === null) return;
    const early = checkBeforeUpload(file, maxFileBytes);
    if (early !== null) {
      showError(early);
      fileInput.value = '';
      return;
    }
    showError('');
    progress.hidden = false;
    progress.value = 0;
    fileInput.disabled = true;
    uploadFile(roomId, file, token, (fraction) => (progress.value = fraction))
      .then((item) => {
        items = mergeAdded(items, item);
        render();
      })
      .catch((e: unknown) => {
        showError(e instanceof UploadFailure ? uploadErrorText(e.status, e.code, e.reason, maxFileBytes) : String(e));
      })
      .finally(() => {
        progress.hidden = true;
        fileInput.disabled = false;
        fileInput.value = '';
      });
  });

  let unsubscribes: (() => void)[] = [];
  function subscribe(): void {
    const hub = session.sprintHub;
    if (hub === undefined || unsubscribes.length > 0) return;
    unsubscribes = [
      hub.on(ResourceCallbacks.resourceAdded, ((e: ResourceAdded) => {
        if (e.roomId !== roomId) return;
        items = mergeAdded(items, e.item);
        render();
      })),
      hub.on(ResourceCallbacks.resourcesRemoved, ((e: ResourcesRemoved) => {
        if (e.roomId !== roomId) return;
        items = mergeRemoved(items, e.resourceIds);
        render();
      })),
    ];
  }

  // Every (re)join: the list again, since events may have been missed while away.
  const unsubscribeRoom = session.events.on('room', () => {
    subscribe();
    void reload();
  });
  const unsubscribeParticipants = session.events.on('participants', () => render());
  // A deleted account's pins show the marker at once, as after a reload (P-ACCT-5).
  const unsubscribeErased = session.events.on('userErased', (e) => {
    items = eraseFromResources(items, e.userId);
    render();
  });
  subscribe();
  render();

  return {
    element,
    dispose() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      unsubscribeRoom();
      unsubscribeParticipants();
      unsubscribeErased();
    },
  };
}
