// The board history panel (P-HIST-2..4): lists the named snapshots, previews one read-only in an
// overlay drawn by the board renderer, and restores it through the editor as one undo step.
import type { BoardEditor } from '../../app/boardEditor';
import type { RoomSession } from '../../app/roomSession';
import { elementBounds, unionBoxes } from '../../geometry/geometry';
import { parseProtocolError, type BoardHistorySnapshot, type Element, type HistoryEntry } from '../../protocol';
import { BoardRenderer } from '../../render/boardRenderer';
import { fitBox } from '../../render/viewTransform';
import { h } from '../dom';
import type { Notices } from '../notices';
import { historyStrings as t } from './historyStrings';

/** The history dialog of one room page. */
export class HistoryPanel {
  /** The dialog; the room screen appends it to the board. */
  readonly element: HTMLDialogElement;
  private readonly list: HTMLElement;
  private readonly message: HTMLElement;
  private previewRenderer: BoardRenderer | null = null;
  private generation = 0;

  constructor(
    private readonly session: RoomSession,
    private readonly editor: BoardEditor,
    private readonly notices: Notices,
    private readonly onRestored: () => void,
  ) {
    this.list = h('ol', { class: 'history-list', 'data-testid': 'history-list' });
    this.message = h('p', { class: 'history-message', 'aria-live': 'polite' });
    const close = h('button', { type: 'button', class: 'button', 'data-testid': 'history-close' }, t.close);
    close.addEventListener('click', () => this.close());
    this.element = h(
      'dialog',
      { class: 'history-dialog', 'data-testid': 'history-panel', 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, t.heading),
      h('p', { class: 'history-hint' }, t.hint),
      this.message,
      this.list,
      close,
    );
    this.element.addEventListener('close', () => this.disposePreview());
  }

  /** Opens the dialog and loads the list. */
  async open(): Promise<void> {
    if (!this.element.open) this.element.showModal();
    await this.showList();
  }

  close(): void {
    this.disposePreview();
    if (this.element.open) this.element.close();
  }

  dispose(): void {
    this.close();
    this.element.remove();
  }

  private async showList(): Promise<void> {
    const generation = ++this.generation;
    this.disposePreview();
    this.message.textContent = t.loading;
    this.list.replaceChildren();
    let entries: readonly HistoryEntry[];
    try {
      entries = await this.session.listHistory();
    } catch (error) {
      if (generation === this.generation) this.message.textContent = refusalText(error);
      return;
    }
    if (generation !== this.generation) return;
    this.message.textContent = entries.length === 0 ? t.empty : '';
    this.list.replaceChildren(...entries.map((entry) => this.entryItem(entry)));
  }

  private entryItem(entry: HistoryEntry): HTMLElement {
    const preview = h('button', { type: 'button', class: 'button', 'data-testid': 'history-preview-button' }, t.preview);
    preview.addEventListener('click', () => void this.showPreview(entry.id));
    return h(
      'li',
      { class: 'history-entry', 'data-testid': 'history-entry', 'data-snapshot-id': entry.id, 'data-label': entry.label },
      h('span', { class: 'history-label' }, entry.label),
      h('span', { class: 'history-meta' }, `${formatTime(entry.createdAt)} · ${elementsText(entry.elementCount)} · ${this.whoText(entry)}`),
      preview,
    );
  }

  private whoText(entry: HistoryEntry): string {
    if (entry.reason === 'requested' && entry.editorIds.length === 0) return t.savedOnRequest;
    const names = entry.editorIds.map((id) => this.session.participants.list().find((p) => p.userId === id)?.displayName ?? t.someone);
    const who = names.length === 0 ? t.noEdits : t.editedBy([...new Set(names)].join(', '));
    return entry.reason === 'auto' ? t.autoSave(who) : who;
  }

  private async showPreview(snapshotId: string): Promise<void> {
    const generation = ++this.generation;
    this.message.textContent = t.loading;
    let snapshot: BoardHistorySnapshot;
    try {
      snapshot = await this.session.previewHistory(snapshotId);
    } catch (error) {
      if (generation === this.generation) this.message.textContent = refusalText(error);
      return;
    }
    if (generation !== this.generation || !this.element.open) return;
    this.message.textContent = '';
    const elements = inDrawingOrder(snapshot.elements);
    const canvasHost = h('div', { class: 'history-canvas' });
    const back = h('button', { type: 'button', class: 'button', 'data-testid': 'history-back' }, t.back);
    back.addEventListener('click', () => void this.showList());
    const restore = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'history-restore' }, t.restore);
    restore.addEventListener('click', () => this.restore(snapshot));
    const preview = h(
      'div',
      { class: 'history-preview', 'data-testid': 'history-preview', 'data-snapshot-id': snapshot.entry.id, 'data-element-count': elements.length },
      h('p', { class: 'history-preview-title' }, t.previewTitle(snapshot.entry.label, formatTime(snapshot.entry.createdAt), elementsText(elements.length))),
      canvasHost,
      h('div', { class: 'history-actions' }, back, restore),
    );
    this.list.replaceChildren(h('li', { class: 'history-preview-item' }, preview));
    this.disposePreview();
    // The renderer reads its host's size when it starts, so it starts once the dialog shows the host.
    const renderer = new BoardRenderer(canvasHost, {
      elements: () => elements,
      previews: () => [],
      localStroke: () => null,
      author: () => undefined,
      overlay: () => undefined,
    });
    const bounds = unionBoxes(elements.map(elementBounds));
    if (bounds !== null) renderer.view = fitBox(bounds, renderer.size.width, renderer.size.height, 16);
    renderer.invalidateStatic();
    this.previewRenderer = renderer;
  }

  private restore(snapshot: BoardHistorySnapshot): void {
    const count = this.editor.restore(snapshot.elements);
    this.close();
    this.notices.toast(count === 0 ? t.alreadyMatches : t.restored(snapshot.entry.label));
    this.onRestored();
  }

  private disposePreview(): void {
    this.previewRenderer?.dispose();
    this.previewRenderer = null;
  }
}

function inDrawingOrder(elements: readonly Element[]): Element[] {
  // Same rule as the board (P-EL-3): ascending zIndex by code unit, ties by id.
  return [...elements].sort((a, b) => {
    const za = a.props.zIndex ?? '';
    const zb = b.props.zIndex ?? '';
    if (za !== zb) return za < zb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

function elementsText(count: number): string {
  return t.elements(count);
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function refusalText(error: unknown): string {
  const refusal = parseProtocolError(error);
  switch (refusal?.code) {
    case 'FORBIDDEN':
      return t.errors.forbidden;
    case 'SNAPSHOT_NOT_FOUND':
      return t.errors.notFound;
    case 'RATE_LIMITED':
      return t.errors.rateLimited;
    default:
      return refusal !== null ? refusal.reason : t.errors.failed;
  }
}
