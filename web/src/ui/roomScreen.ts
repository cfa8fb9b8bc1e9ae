// The room page: header with title, share link and status; the whiteboard; the participant list.
import type { BoardCounts, SaveState, SessionStatus } from '../app/roomSession';
import type { AppServices } from '../app/services';
import type { RoomInfo } from '../protocol';
import { boardStrings } from './boardStrings';
import { h, type Screen } from './dom';
import { icon, type IconName } from './icons';
import { HistoryPanel } from './history/historyPanel';
import { Minimap } from './minimap';
import { installDebugHook } from './debugHook';
import { sprintBar } from './sprint/sprintBar';
import type { Notices } from './notices';
import { roomUrl } from './router';
import { strings } from './strings';
import { defaultStyle, stylePanel } from './stylePanel';
import { COMMAND_SHORTCUTS, TOOLS, type ToolId } from './tools';
import { Whiteboard } from './whiteboard';
import { createStatsSource } from '../app/statsSource';
import { statsPanel } from './stats/statsPanel';
import { statsStrings } from './stats/statsStrings';
import { createChatPanel } from './chat/chatPanel';
import { peoplePanel } from './people/peoplePanel';
import { createResourcesPanel } from './resources/resourcesPanel';
import { createRoomLifecycleSource } from '../app/roomLifecycleSource';
import { roomSettings } from './roomSettings/roomSettings';
import { createSidePanel } from './sidePanel/sidePanel';
import { startRoomNotifier } from './sidePanel/roomNotifier';

/** What the room screen may ask of the app. */
export interface RoomActions {
  navigate(path: string): void;
  /** The token was refused: sign in again and reopen the room. */
  unauthorized(): void;
}

/** The room screen; it owns the room session for as long as it is shown. */
export function roomScreen(services: AppServices, roomId: string, notices: Notices, actions: RoomActions): Screen {
  const session = services.openRoom(roomId);
  const style = defaultStyle();

  // Header
  const homeLink = h('a', { href: '/', class: 'brand', 'aria-label': strings.room.home }, strings.appName);
  const title = h('h1', { class: 'room-title', tabindex: -1, 'data-testid': 'room-title' }, strings.room.joining);
  const topic = h('p', { class: 'room-topic', 'data-testid': 'room-topic' });
  const shareUrl = roomUrl(window.location.origin, roomId);
  const link = h('code', { class: 'share-link', id: 'share-link', 'data-testid': 'room-link' }, shareUrl);
  const copyButton = h('button', { type: 'button', class: 'button', 'aria-describedby': 'share-link', 'data-testid': 'copy-link' }, strings.room.copy);
  const status = h('div', { class: 'status', role: 'status', 'data-testid': 'connection-status', 'data-state': 'connecting' },
    h('span', { class: 'status-dot', 'aria-hidden': 'true' }), h('span', { class: 'status-text' }, strings.status.connecting));
  const saveStatus = h('div', { class: 'save-status', 'data-testid': 'save-status', 'data-state': 'saved', 'aria-live': 'polite' }, boardStrings.save.saved);
  const stats = statsPanel(createStatsSource(() => services.currentSession()), roomId);
  const statsButton = h('button', { type: 'button', class: 'button', 'aria-haspopup': 'dialog', 'data-testid': 'stats-button' }, statsStrings.open);
  statsButton.addEventListener('click', () => stats.open());
  const lifecycle = roomSettings(session, createRoomLifecycleSource(() => services.currentSession(), roomId), notices, actions);
  const header = h(
    'header',
    { class: 'app-header room-header' },
    homeLink,
    h('div', { class: 'room-heading' }, title, topic),
    h('div', { class: 'share' }, h('span', { class: 'share-label' }, strings.room.shareLabel), link, copyButton),
    statsButton,
    lifecycle.menu,
    saveStatus,
    status,
  );

  // Board
  const layers = h('div', { class: 'board-layers' });
  const pendingNote = h('p', { class: 'pending-note', 'aria-live': 'polite' });
  // The board is the room's main landmark (the skip link's target).
  const board = h(
    'main',
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
    pendingNote,
  );

  // People: presence status, raise hand, moderation (ui/people/)
  const people = peoplePanel(session, {
    notices,
    followedUser: () => whiteboard.followedUser,
    follow: (userId) => whiteboard.follow(userId),
    navigate: (path) => actions.navigate(path),
  });

  const chatPanel = createChatPanel(session);
  const resources = createResourcesPanel({ session, roomId, notices, token: () => services.currentSession()?.token ?? null });
  const sprint = sprintBar(session);
  // People, chat and resources as tabs of one side panel; a bottom sheet on a phone (ui/sidePanel/).
  const sidePanel = createSidePanel({ people: people.element, chat: chatPanel.element, resources: resources.element }, safeLocalStorage());
  const stopNotifier = startRoomNotifier(session, sidePanel, notices);
  const stopChatShown = sidePanel.onTabInView((tab) => {
    if (tab === 'chat') chatPanel.shown();
  });
  const element = h('div', { class: 'screen room-screen' }, header, lifecycle.banner, sprint.element, h('div', { class: 'room-body' }, board, sidePanel.element), sidePanel.sheetBar);
  element.append(stats.element, people.goneScreen);

  // Whiteboard: tools, style, actions, help.
  const toolButtons = new Map<ToolId, HTMLButtonElement>();
  const helpDialog = h('dialog', { class: 'help-dialog', 'data-testid': 'help-panel', 'aria-labelledby': 'help-heading' });
  const whiteboard = new Whiteboard(layers, session, style, {
    toolChanged: (tool) => {
      board.dataset.tool = tool;
      for (const [id, button] of toolButtons) button.setAttribute('aria-pressed', String(id === tool));
    },
    selectionChanged: (count) => (board.dataset.selectedCount = String(count)),
    followChanged: (userId) => {
      board.dataset.following = userId ?? '';
      people.refresh();
    },
    help: () => openHelp(),
  });
  const renderer = whiteboard.renderer;
  const toolbar = h('div', { class: 'toolbar tool-bar', role: 'toolbar', 'aria-label': boardStrings.toolsBar, 'data-testid': 'tool-bar' });
  for (const tool of TOOLS) {
    const button = h('button', { type: 'button', class: 'tool-button', title: boardStrings.toolTitle(tool.label, tool.key.toUpperCase()), 'aria-label': tool.label, 'aria-pressed': 'false', 'data-testid': `tool-${tool.id}` }, icon(tool.icon));
    button.addEventListener('click', () => whiteboard.setTool(tool.id));
    toolButtons.set(tool.id, button);
    toolbar.append(button);
  }
  const action = (testId: string, label: string, face: IconName | { readonly text: string }, run: () => void): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: 'tool-button', title: label, 'aria-label': label, 'data-testid': testId }, typeof face === 'string' ? icon(face) : face.text);
    button.addEventListener('click', run);
    return button;
  };
  // Locking elements is for the owner and mentors (P-MOD-7); the button follows the user's role.
  const lockButton = action('action-lock', boardStrings.actions.lock, 'lock', () => whiteboard.toggleLockSelection());
  const showLockButton = (): void => {
    const role = session.participants.list().find((p) => p.userId === session.participants.self?.userId)?.role;
    lockButton.hidden = role !== 'owner' && role !== 'mentor';
  };
  showLockButton();
  const actions2 = h(
    'div',
    { class: 'toolbar action-bar', role: 'toolbar', 'aria-label': boardStrings.actionsBar },
    action('action-undo', boardStrings.actions.undo, 'undo', () => whiteboard.undo()),
    action('action-redo', boardStrings.actions.redo, 'redo', () => whiteboard.redo()),
    action('action-delete', boardStrings.actions.delete, 'delete', () => whiteboard.deleteSelection()),
    action('action-duplicate', boardStrings.actions.duplicate, 'duplicate', () => whiteboard.duplicateSelection()),
    action('action-forward', boardStrings.actions.forward, 'forward', () => whiteboard.reorderSelection('forward')),
    action('action-backward', boardStrings.actions.backward, 'backward', () => whiteboard.reorderSelection('backward')),
    lockButton,
    action('zoom-out', boardStrings.actions.zoomOut, 'zoomOut', () => whiteboard.zoomBy(1 / 1.2)),
    action('zoom-in', boardStrings.actions.zoomIn, 'zoomIn', () => whiteboard.zoomBy(1.2)),
    action('zoom-fit', boardStrings.actions.zoomFit, 'fit', () => whiteboard.zoomToContent(false)),
    action('export-png', boardStrings.actions.exportPng, { text: boardStrings.exportFaces.png }, () => void whiteboard.export('png')),
    action('export-svg', boardStrings.actions.exportSvg, { text: boardStrings.exportFaces.svg }, () => void whiteboard.export('svg')),
    action('export-json', boardStrings.actions.exportJson, { text: boardStrings.exportFaces.json }, () => void whiteboard.export('json')),
    action('history-button', boardStrings.actions.history, 'history', () => void history.open()),
    action('help-button', boardStrings.actions.help, { text: '?' }, () => openHelp()),
  );
  const history = new HistoryPanel(session, whiteboard.editor, notices, () => renderer.invalidateStatic());
  const minimap = new Minimap({
    elements: () => whiteboard.editor.elements(),
    view: () => renderer.view,
    size: () => renderer.size,
    centerOn: (x, y) => whiteboard.centerOn(x, y),
  });
  board.append(toolbar, stylePanel(style, (patch) => whiteboard.restyle(patch)), actions2, helpDialog, history.element, minimap.element);
  whiteboard.setTool('pen');
  function openHelp(): void {
    const close = h('button', { type: 'button', class: 'button', 'data-testid': 'help-close' }, boardStrings.help.close);
    close.addEventListener('click', () => helpDialog.close());
    helpDialog.replaceChildren(
      h('h2', { id: 'help-heading' }, boardStrings.help.heading),
      h('table', { class: 'help-table' },
        ...TOOLS.map((t) => h('tr', {}, h('td', {}, h('kbd', {}, t.key.toUpperCase())), h('td', {}, t.label))),
        ...COMMAND_SHORTCUTS.map((c) => h('tr', {}, h('td', {}, h('kbd', {}, c.keys)), h('td', {}, c.label)))),
      h('p', {}, boardStrings.help.undoNote),
      close,
    );
    if (!helpDialog.open) helpDialog.showModal();
  }
  const removeDebugHook = installDebugHook(session, whiteboard);
  const canvas = renderer.inputCanvas;
  canvas.setAttribute('data-testid', 'board-canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', strings.room.board);

  // Session → view
  const subscriptions = [
    session.events.on('status', (s) => {
      showStatus(status, s);
      showPendingNote();
      showSaveState(session.saveState);
    }),
    session.events.on('room', (room) => showRoom(room)),
    session.events.on('participants', () => showLockButton()),
    session.events.on('board', () => {
      renderer.invalidateStatic();
      minimap.invalidateContent();
    }),
    session.events.on('overlay', () => renderer.invalidateInteractive()),
    session.events.on('counts', (counts) => showCounts(counts)),
    session.events.on('notice', (notice) => {
      switch (notice.kind) {
        case 'protocolMismatch':
          title.textContent = strings.room.notJoined;
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
        case 'serverBusy':
          notices.toast(strings.errors.serverBusy, 'error');
          break;
        case 'tooManyConnections':
          title.textContent = strings.room.notJoined;
          notices.banner(strings.errors.tooManyConnections, { label: strings.errors.reload, onClick: () => window.location.reload() });
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

  function showCounts(counts: BoardCounts): void {
    board.dataset.elementCount = String(counts.elements);
    board.dataset.previewCount = String(counts.previews);
    board.dataset.pendingCount = String(counts.pending);
    board.dataset.clock = String(counts.clock);
    showPendingNote();
    showSaveState(session.saveState);
  }

  function showSaveState(state: SaveState): void {
    saveStatus.dataset.state = state.kind;
    saveStatus.dataset.count = state.kind === 'saved' ? '0' : String(state.count);
    saveStatus.textContent = state.kind === 'saved' ? boardStrings.save.saved : state.kind === 'saving' ? boardStrings.save.saving(state.count) : boardStrings.save.offline(state.count);
  }

  /** Unsaved edits are worth mentioning only while they cannot be sent. */
  function showPendingNote(): void {
    const pending = session.counts.pending;
    pendingNote.textContent = pending > 0 && session.status.state !== 'live' ? strings.room.unsaved(pending) : '';
  }

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
      if (copyReset !== null) clearTimeout(copyReset);
      removeDebugHook();
      stats.dispose();
      lifecycle.dispose();
      history.dispose();
      minimap.dispose();
      whiteboard.dispose();
      stopNotifier();
      stopChatShown();
      sidePanel.dispose();
      chatPanel.dispose();
      people.dispose();
      resources.dispose();
      sprint.dispose();
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

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Blocked storage (privacy settings): the panel just forgets its choice.
    return null;
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
