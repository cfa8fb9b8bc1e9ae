// The room page: header with title, share link and status; the whiteboard; the participant list.
import type { BoardCounts, SessionStatus } from '../app/roomSession';
import type { AppServices } from '../app/services';
import type { Participant, RoomInfo } from '../protocol';
import { BoardRenderer } from '../render/boardRenderer';
import { h, type Screen } from './dom';
import type { Notices } from './notices';
import { PEN_COLORS, PEN_WIDTHS, penToolbar, type PenSettings } from './penToolbar';
import { roomUrl } from './router';
import { strings } from './strings';

/** What the room screen may ask of the app. */
export interface RoomActions {
  navigate(path: string): void;
  /** The token was refused: sign in again and reopen the room. */
  unauthorized(): void;
}

/** The room screen; it owns the room session for as long as it is shown. */
export function roomScreen(services: AppServices, roomId: string, notices: Notices, actions: RoomActions): Screen {
  const session = services.openRoom(roomId);
  const pen: PenSettings = { color: PEN_COLORS[0].value, width: PEN_WIDTHS[0].value };

  // Header
  const homeLink = h('a', { href: '/', class: 'brand', 'aria-label': strings.room.home }, strings.appName);
  const title = h('h1', { class: 'room-title', tabindex: -1, 'data-testid': 'room-title' }, strings.room.joining);
  const topic = h('p', { class: 'room-topic', 'data-testid': 'room-topic' });
  const shareUrl = roomUrl(window.location.origin, roomId);
  const link = h('code', { class: 'share-link', id: 'share-link', 'data-testid': 'room-link' }, shareUrl);
  const copyButton = h('button', { type: 'button', class: 'button', 'aria-describedby': 'share-link', 'data-testid': 'copy-link' }, strings.room.copy);
  const status = h('div', { class: 'status', role: 'status', 'data-testid': 'connection-status', 'data-state': 'connecting' },
    h('span', { class: 'status-dot', 'aria-hidden': 'true' }), h('span', { class: 'status-text' }, strings.status.connecting));
  const header = h(
    'header',
    { class: 'app-header room-header' },
    homeLink,
    h('div', { class: 'room-heading' }, title, topic),
    h('div', { class: 'share' }, h('span', { class: 'share-label' }, strings.room.shareLabel), link, copyButton),
    status,
  );

  // Board
  const layers = h('div', { class: 'board-layers' });
  const pendingNote = h('p', { class: 'pending-note', 'aria-live': 'polite' });
  const board = h(
    'section',
    {
      class: 'board',
      id: 'main',
      'aria-label': strings.room.board,
      'data-testid': 'board',
      'data-element-count': 0,
      'data-preview-count': 0,
      'data-pending-count': 0,
      'data-clock': 0,
    },
    layers,
    penToolbar(pen),
    pendingNote,
  );

  // Participants
  const participantsHeading = h('h2', { id: 'participants-heading' }, strings.room.participantsHeading(0));
  const participantList = h('ul', { class: 'participant-list', 'data-testid': 'participant-list', 'aria-labelledby': 'participants-heading' });
  const aside = h('aside', { class: 'participants' }, participantsHeading, participantList);

  const element = h('div', { class: 'screen room-screen' }, header, h('div', { class: 'room-body' }, board, aside));

  const renderer = new BoardRenderer(layers, {
    elements: () => session.board.visibleElements(),
    previews: () => session.previews.values(),
    localStroke: () => session.localStroke,
    author: (userId) => {
      const participant = session.participants.get(userId);
      return participant === undefined ? undefined : { name: participant.displayName, color: participant.color };
    },
  });
  const canvas = renderer.inputCanvas;
  canvas.setAttribute('data-testid', 'board-canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', strings.room.board);

  // Session → view
  const subscriptions = [
    session.events.on('status', (s) => {
      showStatus(status, s);
      showPendingNote();
    }),
    session.events.on('room', (room) => showRoom(room)),
    session.events.on('participants', (list) => showParticipants(list)),
    session.events.on('board', () => renderer.invalidateStatic()),
    session.events.on('overlay', () => renderer.invalidateInteractive()),
    session.events.on('counts', (counts) => showCounts(counts)),
    session.events.on('notice', (notice) => {
      switch (notice.kind) {
        case 'protocolMismatch':
          notices.banner(strings.errors.protocolMismatch, { label: strings.errors.reload, onClick: () => window.location.reload() });
          break;
        case 'roomNotFound':
          title.textContent = strings.errors.roomNotFound;
          notices.banner(strings.errors.roomNotFound, { label: strings.errors.goHome, onClick: () => actions.navigate('/') });
          break;
        case 'opRejected':
          notices.toast(strings.errors.opRejected(notice.reason), 'error');
          break;
        case 'rateLimited':
          notices.toast(strings.errors.rateLimited, 'error');
          break;
        case 'joinFailed':
          notices.toast(strings.errors.joinFailed(notice.reason), 'error');
          break;
      }
    }),
    session.events.on('unauthorized', () => actions.unauthorized()),
  ];

  function showRoom(room: RoomInfo): void {
    title.textContent = room.name;
    topic.textContent = room.topic;
    topic.hidden = room.topic.length === 0;
    document.title = strings.room.documentTitle(room.name);
  }

  function showParticipants(list: readonly Participant[]): void {
    const selfId = session.participants.self?.userId;
    participantsHeading.textContent = strings.room.participantsHeading(list.length);
    participantList.replaceChildren(
      ...list.map((p) =>
        h('li', { class: 'participant', 'data-testid': 'participant', 'data-user-id': p.userId },
          h('span', { class: 'participant-color', style: `background:${p.color}`, 'aria-hidden': 'true' }),
          h('span', { class: 'participant-name' }, p.displayName),
          p.userId === selfId ? h('span', { class: 'participant-you' }, ` ${strings.room.you}`) : null),
      ),
    );
  }

  function showCounts(counts: BoardCounts): void {
    board.dataset.elementCount = String(counts.elements);
    board.dataset.previewCount = String(counts.previews);
    board.dataset.pendingCount = String(counts.pending);
    board.dataset.clock = String(counts.clock);
    showPendingNote();
  }

  /** Unsaved edits are worth mentioning only while they cannot be sent. */
  function showPendingNote(): void {
    const pending = session.counts.pending;
    pendingNote.textContent = pending > 0 && session.status.state !== 'live' ? strings.room.unsaved(pending) : '';
  }

  // Pen input: one pointer at a time (mouse, touch or pen), captured so the stroke continues
  // outside the canvas.
  let activePointer: number | null = null;
  const onPointerDown = (event: PointerEvent): void => {
    if (activePointer !== null || !event.isPrimary) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    activePointer = event.pointerId;
    canvas.setPointerCapture(event.pointerId);
    const [x, y] = renderer.toBoard(event.clientX, event.clientY);
    session.beginStroke(x, y, pen.color, pen.width);
  };
  const onPointerMove = (event: PointerEvent): void => {
    if (event.pointerId !== activePointer) return;
    const coalesced = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    const events = coalesced.length > 0 ? coalesced : [event];
    session.extendStroke(events.map((e) => renderer.toBoard(e.clientX, e.clientY)));
  };
  const onPointerUp = (event: PointerEvent): void => {
    if (event.pointerId !== activePointer) return;
    activePointer = null;
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
    session.endStroke();
  };
  const onPointerCancel = (event: PointerEvent): void => {
    if (event.pointerId !== activePointer) return;
    activePointer = null;
    session.cancelStroke();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && activePointer !== null) {
      activePointer = null;
      session.cancelStroke();
    }
  };
  canvas.addEventListener('pointerdown', onPointerDown);
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerup', onPointerUp);
  canvas.addEventListener('pointercancel', onPointerCancel);
  window.addEventListener('keydown', onKeyDown);

  // Share link
  let copyReset: ReturnType<typeof setTimeout> | null = null;
  copyButton.addEventListener('click', () => {
    copyText(shareUrl, link).then(
      () => {
        copyButton.textContent = strings.room.copied;
        if (copyReset !== null) clearTimeout(copyReset);
        copyReset = setTimeout(() => (copyButton.textContent = strings.room.copy), 2_000);
      },
      () => notices.toast(strings.room.copyFailed, 'error'),
    );
  });
  homeLink.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    actions.navigate('/');
  });

  showStatus(status, session.status);
  session.start();

  return {
    element,
    // The heading, so screen readers start at the room's name after navigation.
    initialFocus: title,
    dispose() {
      for (const unsubscribe of subscriptions) unsubscribe();
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerup', onPointerUp);
      canvas.removeEventListener('pointercancel', onPointerCancel);
      window.removeEventListener('keydown', onKeyDown);
      if (copyReset !== null) clearTimeout(copyReset);
      renderer.dispose();
      void session.dispose();
    },
  };
}

function showStatus(indicator: HTMLElement, status: SessionStatus): void {
  indicator.dataset.state = status.state;
  const text = indicator.querySelector('.status-text');
  if (text === null) return;
  switch (status.state) {
    case 'connecting':
      text.textContent = strings.status.connecting;
      break;
    case 'live':
      text.textContent = strings.status.live;
      break;
    case 'reconnecting':
      text.textContent = strings.status.reconnecting(status.attempt ?? 1);
      break;
    case 'offline':
      text.textContent =
        typeof status.retryInMs === 'number'
          ? strings.status.offlineRetry(Math.max(1, Math.round(status.retryInMs / 1000)))
          : strings.status.offline;
      break;
  }
}

async function copyText(text: string, source: HTMLElement): Promise<void> {
  // navigator.clipboard is missing outside secure contexts, whatever the DOM typings say.
  if ('clipboard' in navigator && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP self-hosted servers have no Clipboard API: select the link and use the old command.
  const selection = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(source);
  selection?.removeAllRanges();
  selection?.addRange(range);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way without the Clipboard API.
  if (!document.execCommand('copy')) throw new Error('copy refused');
}
