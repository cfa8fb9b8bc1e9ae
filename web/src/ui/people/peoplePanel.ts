// The room's people panel (issue #4): everyone present with colour, name, role badge, status (dot and
// text, P-STATUS-*), raised hand, "you" or a follow button, and for moderators a per-person actions
// menu; the raise-hand queue (P-HAND-*); the read-only switch (P-MOD-5); and the screen a removed or
// banned user sees (P-MOD-1, P-MOD-2). It also reports this tab's status. Talks to the room session.
import type { RoomSession } from '../../app/roomSession';
import {
  HAND_NOTE_MAX_LENGTH,
  PeopleMethods,
  SprintCallbacks,
  SprintMethods,
  parseProtocolError,
  type HelpRequest,
  type Participant,
  type PresenceStatus,
  type RoomRole,
  type SprintSnapshot,
  type SprintUpdated,
} from '../../protocol';
import { PresenceTracker, StatusReporter } from '../../sprint/activityTracker';
import { h } from '../dom';
import { icon } from '../icons';
import type { Notices } from '../notices';
import { banList } from './banList';
import { participantMenu, type MenuItem, type ParticipantMenu } from './participantMenu';
import { assignableRoles, focusedUserIds, handPlace, isModerator, mayModerate, roleOf, shownStatus } from './peopleRules';
import { peopleStrings as t } from './peopleStrings';
import './people.css';

/** What the panel needs from the room screen. */
export interface PeoplePanelOptions {
  readonly notices: Notices;
  /** The user whose view this page follows, if any. */
  followedUser(): string | null;
  follow(userId: string | null): void;
  navigate(path: string): void;
}

/** A mounted people panel. */
export interface PeoplePanel {
  /** The aside beside the board. */
  readonly element: HTMLElement;
  /** Covers the room when this user was removed or banned; append it to the room screen. */
  readonly goneScreen: HTMLElement;
  /** Redraws the list (the followed user changed). */
  refresh(): void;
  dispose(): void;
}

interface Row {
  readonly element: HTMLLIElement;
  readonly name: HTMLElement;
  readonly color: HTMLElement;
  readonly role: HTMLElement;
  readonly status: HTMLElement;
  readonly statusText: HTMLElement;
  readonly hand: HTMLElement;
  readonly tail: HTMLElement;
  readonly menu: ParticipantMenu;
  participant: Participant;
}

/** Builds the people panel for a room session. */
export function peoplePanel(session: RoomSession, options: PeoplePanelOptions): PeoplePanel {
  const { notices } = options;
  const unsubscribes: (() => void)[] = [];
  const rows = new Map<string, Row>();
  let sprint: SprintSnapshot | null = null;
  let focused: ReadonlySet<string> = new Set();

  // List
  const heading = h('h2', { id: 'participants-heading' }, t.heading(0));
  const list = h('ul', { class: 'participant-list', 'data-testid': 'participant-list', 'aria-labelledby': 'participants-heading' });

  // Read-only switch (moderators) or note (everyone else)
  const readOnlyInput = h('input', { type: 'checkbox', 'data-testid': 'read-only-toggle' });
  const readOnlyToggle = h('label', { class: 'read-only-toggle', title: t.readOnly.hint }, readOnlyInput, ` ${t.readOnly.toggle}`);
  const readOnlyNote = h('p', { class: 'read-only-note', 'data-testid': 'read-only-note', hidden: true }, t.readOnly.notice);
  readOnlyInput.addEventListener('change', () => {
    const readOnly = readOnlyInput.checked;
    void call(PeopleMethods.setReadOnly, { readOnly }, () => notices.toast(readOnly ? t.readOnly.on : t.readOnly.off)).then((ok) => {
      if (!ok) readOnlyInput.checked = session.room?.readOnly === true;
    });
  });

  // Raise hand
  const noteInput = h('input', { type: 'text', class: 'hand-note', maxlength: HAND_NOTE_MAX_LENGTH, placeholder: t.hand.notePlaceholder, 'aria-label': t.hand.noteLabel, 'data-testid': 'hand-note' });
  const raiseButton = h('button', { type: 'submit', class: 'button', 'data-testid': 'hand-raise' }, icon('raisedHand'), ` ${t.hand.raise}`);
  const raiseForm = h('form', { class: 'hand-form' }, noteInput, raiseButton);
  const place = h('p', { class: 'hand-place', 'data-testid': 'hand-place', role: 'status' });
  const lowerButton = h('button', { type: 'button', class: 'button', 'data-testid': 'hand-lower' }, t.hand.lower);
  const ownHand = h('div', { class: 'hand-own', hidden: true }, place, lowerButton);
  const queueHeading = h('h3', { id: 'hand-queue-heading' }, t.hand.heading);
  const queue = h('ol', { class: 'hand-queue', 'data-testid': 'hand-queue', 'aria-labelledby': 'hand-queue-heading', 'data-count': 0 });
  const queueEmpty = h('p', { class: 'hand-empty' }, t.hand.empty);
  const hands = h('section', { class: 'hands', 'aria-labelledby': 'hand-queue-heading', 'data-testid': 'hands' }, queueHeading, queue, queueEmpty, raiseForm, ownHand);
  raiseForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void call(PeopleMethods.raiseHand, { note: noteInput.value.trim() }, () => {
      noteInput.value = '';
      notices.toast(t.hand.raised);
    });
  });
  lowerButton.addEventListener('click', () => void call(PeopleMethods.resolveHand, {}, () => notices.toast(t.hand.lowered)));

  // Ban confirmation
  const banText = h('p', { id: 'ban-confirm-text' });
  const banConfirm = h('button', { type: 'button', class: 'button danger', 'data-testid': 'ban-confirm' }, t.menu.confirm);
  const banCancel = h('button', { type: 'button', class: 'button', 'data-testid': 'ban-cancel' }, t.menu.cancel);
  const banDialog = h('dialog', { class: 'ban-dialog', role: 'alertdialog', 'aria-describedby': 'ban-confirm-text', 'data-testid': 'ban-dialog' },
    banText, h('div', { class: 'ban-buttons' }, banCancel, banConfirm));
  let banTarget: Participant | null = null;
  banCancel.addEventListener('click', () => banDialog.close());
  banConfirm.addEventListener('click', () => {
    banDialog.close();
    const target = banTarget;
    if (target !== null) {
      void call(PeopleMethods.removeParticipant, { userId: target.userId, ban: true }, () => {
        notices.toast(t.done.banned(target.displayName));
        bans.refresh();
      });
    }
  });

  // Banned users (moderators, P-MOD-9)
  const bans = banList({
    notices,
    invoke: async (method, request) => {
      const peopleHub = session.peopleHub;
      if (peopleHub === undefined || !peopleHub.isConnected() || !session.isJoined) throw new Error(t.offline);
      return peopleHub.invoke(method, { roomId: session.roomId, ...request });
    },
  });

  const element = h('aside', { class: 'participants people-panel', 'data-testid': 'people-panel' }, heading, readOnlyToggle, readOnlyNote, list, hands, bans.element, banDialog);

  // Removed or banned
  const goneHeading = h('h2', { id: 'gone-heading', tabindex: -1 });
  const goneText = h('p', {});
  const rejoin = h('button', { type: 'button', class: 'button', 'data-testid': 'gone-rejoin' }, t.gone.rejoin);
  const home = h('button', { type: 'button', class: 'button', 'data-testid': 'gone-home' }, t.gone.home);
  rejoin.addEventListener('click', () => window.location.reload());
  home.addEventListener('click', () => options.navigate('/'));
  const goneScreen = h('section', { class: 'gone-screen', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'gone-heading', 'data-testid': 'removed-screen', hidden: true },
    h('div', { class: 'gone-card' }, goneHeading, goneText, h('div', { class: 'gone-buttons' }, rejoin, home)));

  // Presence status of this tab (P-STATUS-1)
  const hub = session.peopleHub;
  const reporter = new StatusReporter((status) => sendStatus(status));
  const tracker = new PresenceTracker((status) => reporter.report(status), { hidden: document.visibilityState === 'hidden' });
  const onInput = (): void => tracker.noteInput();
  const onVisibility = (): void => tracker.setHidden(document.visibilityState === 'hidden');
  const inputEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
  for (const type of inputEvents) window.addEventListener(type, onInput, { passive: true, capture: true });
  document.addEventListener('visibilitychange', onVisibility);

  function sendStatus(status: PresenceStatus): void {
    if (hub === undefined || !session.isJoined || !hub.isConnected()) return;
    hub.invoke(PeopleMethods.setPresenceStatus, { roomId: session.roomId, status }).catch((error: unknown) => {
      // A lost report is corrected by the next change or rejoin; nothing for the user to do.
      console.debug('StudyRooms: status not sent', error);
    });
  }

  // Sprint, for "in focus" (P-STATUS-4)
  const sprintHub = session.sprintHub;
  function takeSprint(next: SprintSnapshot): void {
    if (sprint !== null && next.version < sprint.version && next.sprintId === sprint.sprintId) return;
    sprint = next;
    focused = focusedUserIds(sprint);
    renderList();
  }
  if (sprintHub !== undefined) unsubscribes.push(sprintHub.on(SprintCallbacks.sprintUpdated, (e: SprintUpdated) => takeSprint(e.sprint)));

  unsubscribes.push(
    session.events.on('participants', () => {
      render();
      bans.refresh(); // someone left: perhaps banned by another moderator
    }),
    session.events.on('helpQueue', () => render()),
    session.events.on('banLifted', (e) => bans.remove(e.userId)),
    // The list holds names and times the event does not carry: reload it if open (P-MOD-11).
    session.events.on('banPlaced', () => bans.refresh()),
    session.events.on('userErased', (e) => bans.remove(e.userId)),
    session.events.on('roomUpdated', () => renderReadOnly()),
    session.events.on('room', () => {
      reporter.resend(tracker.status);
      renderReadOnly();
      if (sprintHub?.isConnected() === true) {
        sprintHub.invoke(SprintMethods.getSprint, { roomId: session.roomId }).then(
          (s) => takeSprint(s as SprintSnapshot),
          (error: unknown) => console.debug('StudyRooms: sprint not read for the people panel', error),
        );
      }
    }),
    session.events.on('notice', (notice) => {
      if (notice.kind === 'removed' || notice.kind === 'banned') showGone(notice.kind === 'banned', notice.by ?? '');
    }),
  );

  /** Calls a people method for this room; a refusal becomes a toast. True when it went through. */
  async function call(method: string, request: object, done?: () => void): Promise<boolean> {
    if (hub === undefined || !hub.isConnected() || !session.isJoined) {
      notices.toast(t.offline, 'error');
      return false;
    }
    try {
      await hub.invoke(method, { roomId: session.roomId, ...request });
      done?.();
      return true;
    } catch (error) {
      const refusal = parseProtocolError(error);
      notices.toast(t.refused(refusal?.reason ?? String(error)), 'error');
      return false;
    }
  }

  function selfRole(): RoomRole {
    return roleOf(session.participants.self);
  }

  function render(): void {
    renderList();
    renderHands();
    renderReadOnly();
  }

  function renderList(): void {
    const people = session.participants.list();
    heading.textContent = t.heading(people.length);
    const seen = new Set<string>();
    let previous: Element | null = null;
    for (const p of people) {
      seen.add(p.userId);
      const row = rows.get(p.userId) ?? createRow(p);
      updateRow(row, p);
      // Move only rows out of place, so a focused menu button keeps its focus.
      const expected: Element | null = previous === null ? list.firstElementChild : previous.nextElementSibling;
      if (expected !== row.element) list.insertBefore(row.element, expected);
      previous = row.element;
    }
    for (const [userId, row] of rows) {
      if (seen.has(userId)) continue;
      row.menu.close();
      row.element.remove();
      rows.delete(userId);
    }
  }

  function createRow(p: Participant): Row {
    const color = h('span', { class: 'participant-color', 'aria-hidden': 'true' });
    const name = h('span', { class: 'participant-name' });
    const role = h('span', { class: 'role-badge', 'data-testid': 'participant-role' });
    const statusText = h('span', { class: 'status-label' });
    const status = h('span', { class: 'participant-status', 'data-testid': 'participant-status' }, h('span', { class: 'presence-dot', 'aria-hidden': 'true' }), statusText);
    const hand = h('span', { class: 'participant-hand', 'data-testid': 'participant-hand', role: 'img', hidden: true }, icon('raisedHand'));
    const tail = h('span', { class: 'participant-tail' });
    // The menu asks for the participant as it is when opened (roles change meanwhile).
    let current = p;
    const menu = participantMenu(() => t.menu.open(current.displayName), () => menuItems(current));
    const row: Row = {
      element: h('li', { class: 'participant', 'data-testid': 'participant', 'data-user-id': p.userId }),
      name, color, role, status, statusText, hand, tail, menu,
      get participant() {
        return current;
      },
      set participant(next: Participant) {
        current = next;
      },
    };
    row.element.append(color, h('span', { class: 'participant-main' }, h('span', { class: 'participant-line' }, name, role, hand), status), tail, row.menu.element);
    rows.set(p.userId, row);
    return row;
  }

  function updateRow(row: Row, p: Participant): void {
    row.participant = p;
    const isSelf = p.userId === session.selfUserId;
    const role = roleOf(p);
    const shown = shownStatus(p, focused);
    row.element.dataset.status = shown;
    row.element.dataset.role = role;
    row.color.style.background = p.color;
    row.name.textContent = p.displayName;
    row.role.textContent = role === 'member' ? '' : t.role[role];
    row.role.hidden = role === 'member';
    row.role.dataset.role = role;
    row.status.dataset.status = shown;
    row.status.title = t.statusTitle[shown];
    row.statusText.textContent = t.status[shown];
    const placeInQueue = handPlace(session.helpQueue, p.userId);
    row.hand.hidden = placeInQueue === null;
    if (placeInQueue !== null) row.hand.setAttribute('aria-label', t.handBadge(placeInQueue));
    if (isSelf) {
      row.tail.replaceChildren(h('span', { class: 'participant-you' }, t.you));
    } else {
      const following = options.followedUser() === p.userId;
      const follow = h('button', { type: 'button', class: 'link-button', 'aria-pressed': String(following), 'data-testid': 'follow-participant' }, following ? t.following : t.follow);
      follow.addEventListener('click', () => options.follow(following ? null : p.userId));
      row.tail.replaceChildren(follow);
    }
    row.menu.setAvailable(menuItems(p).length > 0);
  }

  function menuItems(p: Participant): MenuItem[] {
    const actor = selfRole();
    const target = roleOf(p);
    const isSelf = p.userId === session.selfUserId;
    const items: MenuItem[] = assignableRoles(actor, target, isSelf).map((role) => ({
      testId: `menu-make-${role}`,
      label: t.menu.makeRole(role),
      run: () => void call(PeopleMethods.setRole, { userId: p.userId, role }, () => notices.toast(t.done.role(p.displayName, role))),
    }));
    if (mayModerate(actor, target, isSelf)) {
      items.push(
        { testId: 'menu-mute', label: t.menu.mute, run: () => void call(PeopleMethods.muteInChat, { userId: p.userId, muted: true }, () => notices.toast(t.done.muted(p.displayName))) },
        { testId: 'menu-unmute', label: t.menu.unmute, run: () => void call(PeopleMethods.muteInChat, { userId: p.userId, muted: false }, () => notices.toast(t.done.unmuted(p.displayName))) },
        { testId: 'menu-remove', label: t.menu.remove, danger: true, run: () => void call(PeopleMethods.removeParticipant, { userId: p.userId, ban: false }, () => notices.toast(t.done.removed(p.displayName))) },
        { testId: 'menu-ban', label: t.menu.ban, danger: true, run: () => confirmBan(p) },
      );
    }
    return items;
  }

  function confirmBan(p: Participant): void {
    banTarget = p;
    banText.textContent = t.menu.confirmBan(p.displayName);
    if (!banDialog.open) banDialog.showModal();
    banCancel.focus();
  }

  function renderHands(): void {
    const requests = session.helpQueue;
    const selfId = session.selfUserId;
    const moderator = isModerator(selfRole());
    queue.dataset.count = String(requests.length);
    queue.replaceChildren(...requests.map((r, i) => handRow(r, i + 1, moderator, selfId)));
    queue.hidden = requests.length === 0;
    queueEmpty.hidden = requests.length > 0;
    const mine = handPlace(requests, selfId);
    raiseForm.hidden = mine !== null;
    ownHand.hidden = mine === null;
    if (mine !== null) {
      const request = requests[mine - 1];
      place.dataset.place = String(mine);
      place.textContent = request?.takenByName != null ? `${t.hand.yourPlace(mine)} ${t.hand.helpedBy(request.takenByName)}` : t.hand.yourPlace(mine);
    } else {
      delete place.dataset.place;
    }
    // Hands show in the list as well.
    for (const row of rows.values()) updateRow(row, row.participant);
  }

  function handRow(r: HelpRequest, position: number, moderator: boolean, selfId: string | undefined): HTMLLIElement {
    const taken = r.takenById != null;
    const item = h('li', { class: 'hand-request', 'data-testid': 'hand-request', 'data-user-id': r.userId, 'data-taken': String(taken), 'data-place': position },
      h('span', { class: 'hand-name' }, r.displayName),
      r.note !== undefined && r.note.length > 0 ? h('span', { class: 'hand-note-text', 'data-testid': 'hand-request-note' }, r.note) : null,
      taken && r.takenByName != null ? h('span', { class: 'hand-taken' }, t.hand.takenBy(r.takenByName)) : null);
    if (moderator && r.userId !== selfId) {
      const actions = h('span', { class: 'hand-actions' });
      if (r.takenById !== selfId) {
        const take = h('button', { type: 'button', class: 'link-button', 'aria-label': t.hand.takeLabel(r.displayName), 'data-testid': 'hand-take' }, t.hand.take);
        take.addEventListener('click', () => void call(PeopleMethods.takeHand, { userId: r.userId }));
        actions.append(take);
      }
      const resolve = h('button', { type: 'button', class: 'link-button', 'aria-label': t.hand.resolveLabel(r.displayName), 'data-testid': 'hand-resolve' }, t.hand.resolve);
      resolve.addEventListener('click', () => void call(PeopleMethods.resolveHand, { userId: r.userId }));
      actions.append(resolve);
      item.append(actions);
    }
    return item;
  }

  function renderReadOnly(): void {
    const readOnly = session.room?.readOnly === true;
    const moderator = isModerator(selfRole());
    readOnlyToggle.hidden = !moderator;
    bans.setVisible(moderator);
    readOnlyInput.checked = readOnly;
    readOnlyNote.hidden = moderator || !readOnly;
    element.dataset.readOnly = String(readOnly);
  }

  function showGone(banned: boolean, by: string): void {
    goneHeading.textContent = banned ? t.gone.bannedHeading : t.gone.removedHeading;
    goneText.textContent = banned ? t.gone.bannedBy(by) : t.gone.removedBy(by);
    rejoin.hidden = banned;
    goneScreen.dataset.banned = String(banned);
    goneScreen.hidden = false;
    goneHeading.focus();
  }

  render();

  return {
    element,
    goneScreen,
    refresh: () => renderList(),
    dispose() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const type of inputEvents) window.removeEventListener(type, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      tracker.dispose();
      reporter.dispose();
      for (const row of rows.values()) row.menu.close();
    },
  };
}
