// The sprint bar of a room page (docs/sprints.md): phase and countdown from the server's anchors and
// a measured clock offset (P-SPR-13), host controls, goal, check-in, recap dialog and summary, chime,
// notification and tab title. Talks to the room session's sprint hub only.
import type { RoomSession } from '../../app/roomSession';
import {
  SPRINT_GOAL_MAX_LENGTH,
  SPRINT_HEARTBEAT_INTERVAL_MS,
  SPRINT_NOTE_MAX_LENGTH,
  SPRINT_PRESETS,
  SprintCallbacks,
  SprintMethods,
  parseProtocolError,
  type GoalOutcome,
  type SprintCheckInPrompted,
  type SprintHub,
  type SprintRecapsUpdated,
  type SprintSnapshot,
  type SprintUpdated,
} from '../../protocol';
import { ActivityTracker } from '../../sprint/activityTracker';
import { ClockOffset, clockRefineDelayMs, formatCountdown, isNewer, isPhaseChange, phaseLabel, remainingMs, tabTitle } from '../../sprint/sprintClock';
import {
  RULE_PHASES,
  SPRINT_EXTEND_DEFAULT_MINUTES,
  SPRINT_EXTEND_MAX_MINUTES,
  boardRulePhase,
  chatRulePhase,
  extendMinutes,
  rulePhase,
  sprintRules,
} from '../../sprint/sprintControls';
import { loadSprintPrefs, saveSprintPrefs, type SprintPrefs } from '../../sprint/sprintPrefs';
import { h } from '../dom';
import { notifyPhase, playChime, unlockAudio } from './chime';
import { sprintStrings as t } from './sprintStrings';
import { strings } from '../strings';

/** How often the countdown repaints while a sprint is live. */
export const SPRINT_TICK_MS = 250;
/** Round trips measured at each (re)join for the clock offset. */
export const SPRINT_CLOCK_EXCHANGES = 3;

const OUTCOME_LABELS: Record<GoalOutcome, string> = t.outcomes;

/** A mounted sprint bar. */
export interface SprintBar {
  readonly element: HTMLElement;
  dispose(): void;
}

/** Builds the sprint bar for a room session; it works once the session has joined. */
export function sprintBar(session: RoomSession): SprintBar {
  const hub: SprintHub | undefined = session.sprintHub;
  const clock = new ClockOffset();
  const activity = new ActivityTracker();
  const storage = safeLocalStorage();
  let prefs: SprintPrefs = loadSprintPrefs(storage);
  let sprint: SprintSnapshot | null = null;
  let recapBlock: number | null = null;
  /** The next clock measurement after a join whose round trips were slow (P-SPR-13). */
  let refineTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const baseTitle = document.title;
  const unsubscribes: (() => void)[] = [];

  // Elements
  const phase = h('span', { class: 'sprint-phase', 'data-testid': 'sprint-phase' }, t.noSprint);
  const countdown = h('span', { class: 'sprint-countdown', 'data-testid': 'sprint-countdown', 'aria-live': 'off' }, '');
  const message = h('p', { class: 'sprint-message', 'data-testid': 'sprint-message', 'aria-live': 'polite' });
  const preset = h('select', { class: 'sprint-preset', 'data-testid': 'sprint-preset', 'aria-label': t.plan },
    ...SPRINT_PRESETS.map((p) => h('option', { value: p }, p)), h('option', { value: 'custom' }, t.custom));
  const focusInput = h('input', { type: 'number', min: 1, max: 180, value: 25, class: 'sprint-minutes', 'aria-label': t.focusMinutes, 'data-testid': 'sprint-focus-minutes' });
  const breakInput = h('input', { type: 'number', min: 1, max: 60, value: 5, class: 'sprint-minutes', 'aria-label': t.breakMinutes, 'data-testid': 'sprint-break-minutes' });
  const longBreakInput = h('input', { type: 'number', min: 1, max: 90, value: 15, class: 'sprint-minutes', 'aria-label': t.longBreakMinutes, 'data-testid': 'sprint-long-break-minutes' });
  const everyInput = h('input', { type: 'number', min: 0, max: 12, value: 4, class: 'sprint-minutes', 'aria-label': t.longBreakEvery, title: t.longBreakEvery, 'data-testid': 'sprint-long-break-every' });
  const cyclesInput = h('input', { type: 'number', min: 1, max: 12, value: 4, class: 'sprint-minutes', 'aria-label': t.focusBlocks, 'data-testid': 'sprint-cycles' });
  const custom = h('span', { class: 'sprint-custom', hidden: true }, focusInput, '/', breakInput, '/', longBreakInput, '↻', everyInput, '×', cyclesInput);
  // Per-phase rules (P-SPR-7): chat quiet in focus and board locked in breaks, or the reverse.
  const ruleSelect = (testId: string): HTMLSelectElement =>
    h('select', { class: 'sprint-rule', 'data-testid': testId }, ...RULE_PHASES.map((p) => h('option', { value: p }, t.rulePhases[p])));
  const chatRule = ruleSelect('sprint-rule-chat');
  const boardRule = ruleSelect('sprint-rule-board');
  const rules = h('span', { class: 'sprint-rules' },
    h('label', {}, t.quietChat, ' ', chatRule), h('label', {}, t.lockBoard, ' ', boardRule));
  const button = (testId: string, label: string, run: () => void, title?: string): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'button sprint-button', 'data-testid': testId, title: title ?? label }, label);
    b.addEventListener('click', () => {
      unlockAudio();
      run();
    });
    return b;
  };
  const goalInput = h('input', { type: 'text', class: 'sprint-goal', maxlength: SPRINT_GOAL_MAX_LENGTH, placeholder: t.goalPlaceholder, 'aria-label': t.goalLabel, 'data-testid': 'sprint-goal-input' });
  const start = button('sprint-start', t.start, () => void startSprint());
  const pause = button('sprint-pause', t.pause, () => void call(SprintMethods.pauseSprint, {}));
  const resume = button('sprint-resume', t.resume, () => void call(SprintMethods.resumeSprint, {}));
  const skip = button('sprint-skip', t.skip, () => void call(SprintMethods.skipSprintPhase, {}), t.skipTitle);
  const extendBy = h('input', { type: 'number', min: 1, max: SPRINT_EXTEND_MAX_MINUTES, value: SPRINT_EXTEND_DEFAULT_MINUTES, class: 'sprint-minutes', 'aria-label': t.extendMinutes, 'data-testid': 'sprint-extend-minutes' });
  const extend = button('sprint-extend', t.extend, () => void extendPhase(), t.extendTitle);
  const stop = button('sprint-stop', t.stop, () => void call(SprintMethods.stopSprint, {}));
  const join = button('sprint-join', t.join, () => void call(SprintMethods.joinSprint, { goal: goalInput.value }));
  const setGoal = button('sprint-set-goal', t.setGoal, () => void call(SprintMethods.setSprintGoal, { goal: goalInput.value }));
  const leave = button('sprint-leave', t.leave, () => void call(SprintMethods.leaveSprint, {}));
  const mute = h('input', { type: 'checkbox', 'data-testid': 'sprint-mute' });
  const notify = h('input', { type: 'checkbox', 'data-testid': 'sprint-notify' });
  mute.checked = prefs.muted;
  notify.checked = prefs.notify;
  const participants = h('ul', { class: 'sprint-participants', 'data-testid': 'sprint-participants', 'aria-label': t.participants });
  const checkIn = h('p', { class: 'sprint-checkin', 'data-testid': 'sprint-checkin', role: 'status', hidden: true });
  const summary = h('div', { class: 'sprint-summary', 'data-testid': 'sprint-recap-summary', hidden: true });
  const note = h('input', { type: 'text', maxlength: SPRINT_NOTE_MAX_LENGTH, placeholder: t.recapNotePlaceholder, 'aria-label': t.recapNoteLabel, 'data-testid': 'recap-note' });
  const recapHeading = h('h2', { id: 'sprint-recap-heading' }, t.recapHeading);
  const recapGoal = h('p', { class: 'sprint-recap-goal' });
  const recapDialog = h('dialog', { class: 'sprint-recap', 'data-testid': 'sprint-recap', 'aria-labelledby': 'sprint-recap-heading' },
    recapHeading, recapGoal, note,
    h('div', { class: 'sprint-recap-buttons' },
      ...(['done', 'partly', 'notDone'] as const).map((outcome) =>
        button(`recap-${outcome.toLowerCase()}`, OUTCOME_LABELS[outcome], () => void submitRecap(outcome))),
      button('recap-skip', t.recapLater, () => recapDialog.close())));

  const hostControls = h('span', { class: 'sprint-host' }, preset, custom, rules, start, pause, resume, skip, extendBy, extend, stop);
  const element = h('section', { class: 'sprint-bar', 'aria-label': t.bar, 'data-testid': 'sprint-bar', 'data-status': 'none' },
    h('div', { class: 'sprint-clock' }, phase, countdown),
    hostControls,
    h('span', { class: 'sprint-self' }, goalInput, join, setGoal, leave),
    h('span', { class: 'sprint-prefs' },
      h('label', { title: t.muteTitle }, mute, ' ', t.mute),
      h('label', { title: t.notifyTitle }, notify, ' ', t.notify)),
    checkIn, participants, summary, message, recapDialog);

  preset.addEventListener('change', () => (custom.hidden = preset.value !== 'custom'));
  mute.addEventListener('change', () => savePrefs({ ...prefs, muted: mute.checked }));
  notify.addEventListener('change', () => {
    savePrefs({ ...prefs, notify: notify.checked });
    if (notify.checked && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
  });
  checkIn.addEventListener('click', () => (checkIn.hidden = true));
  // During a sprint a changed rule applies at once; before one, it goes with the start.
  for (const select of [chatRule, boardRule]) {
    select.addEventListener('change', () => {
      if (sprint !== null && isLive(sprint)) void call(SprintMethods.setSprintRules, { rules: chosenRules() });
    });
  }

  // Activity for the heartbeat (P-SPR-11): any input on the page, board drawing included.
  const onInput = (): void => activity.noteInput();
  const inputEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
  for (const type of inputEvents) window.addEventListener(type, onInput, { passive: true, capture: true });

  if (hub !== undefined) {
    unsubscribes.push(
      hub.on(SprintCallbacks.sprintUpdated, (e: SprintUpdated) => {
        clock.addOneWay(Date.parse(e.sprint.serverTime), Date.now());
        apply(e.sprint);
      }),
      hub.on(SprintCallbacks.sprintCheckInPrompted, (e: SprintCheckInPrompted) => {
        checkIn.textContent = t.checkIn(e.blockIndex + 1);
        checkIn.hidden = false;
      }),
      hub.on(SprintCallbacks.sprintRecapsUpdated, (e: SprintRecapsUpdated) => showSummary(e)),
    );
  }
  // Every (re)join: measure the clock and read the sprint (a late joiner gets it here, P-SPR-6).
  unsubscribes.push(session.events.on('room', () => void refresh()));
  unsubscribes.push(session.events.on('participants', () => render()));
  const tick = setInterval(() => paintClock(), SPRINT_TICK_MS);
  const heartbeat = setInterval(() => void beat(), SPRINT_HEARTBEAT_INTERVAL_MS);
  render();

  async function refresh(): Promise<void> {
    if (hub === undefined) return;
    for (let i = 0; i < SPRINT_CLOCK_EXCHANGES; i++) {
      try {
        await exchange(hub);
      } catch (error) {
        showError(error);
        return;
      }
    }
    refineClockLater(0);
    // A rejoin is a new connection: announce it at once, so the user's clock restarts now (P-SPR-11).
    await beat();
  }

  /** One GetSprint: a clock sample and the sprint as it is now. */
  async function exchange(to: SprintHub): Promise<void> {
    const sentAt = Date.now();
    const snapshot = (await to.invoke(SprintMethods.getSprint, { roomId: session.roomId })) as SprintSnapshot;
    clock.addRoundTrip(Date.parse(snapshot.serverTime), sentAt, Date.now());
    apply(snapshot);
  }

  /** Measures again, one exchange at a time, while every round trip so far was too slow (P-SPR-13). */
  function refineClockLater(attempt: number): void {
    clearTimeout(refineTimer);
    const delay = clockRefineDelayMs(clock.bestHalfRttMs, attempt);
    // An exchange still in flight when the bar was disposed schedules nothing more.
    if (delay === null || disposed) return;
    refineTimer = setTimeout(() => void refineClock(attempt), delay);
  }

  async function refineClock(attempt: number): Promise<void> {
    // Offline: the rejoin measures afresh.
    if (hub === undefined || !hub.isConnected()) return;
    try {
      await exchange(hub);
    } catch (error) {
      // Only a better estimate is lost; the one held stays in use.
      console.debug('StudyRooms: clock exchange refused', error);
      return;
    }
    refineClockLater(attempt + 1);
  }

  function apply(next: SprintSnapshot): void {
    if (!isNewer(sprint, next)) return;
    const before = sprint;
    sprint = next;
    if (isPhaseChange(before, next)) announce(next);
    if (before !== null && before.sprintId === next.sprintId && before.phaseKind === 'focus' && before.status !== 'none'
      && (next.phaseIndex !== before.phaseIndex || next.status === 'finished' || next.status === 'stopped') && isSelfJoined(before)) {
      openRecap(before.blockIndex, before);
    }
    render();
  }

  function announce(next: SprintSnapshot): void {
    if (!prefs.muted) playChime();
    if (prefs.notify) notifyPhase(phaseLabel(next), session.room?.name ?? strings.appName);
  }

  function openRecap(block: number, at: SprintSnapshot): void {
    recapBlock = block;
    const goal = at.participants.find((p) => p.userId === session.selfUserId)?.goal;
    recapGoal.textContent = goal ? t.yourGoal(goal) : t.noGoal;
    recapDialog.dataset.block = String(block);
    note.value = '';
    if (!recapDialog.open) recapDialog.show();
  }

  async function submitRecap(outcome: GoalOutcome): Promise<void> {
    if (recapBlock === null) return;
    const result = await call<SprintRecapsUpdated>(SprintMethods.submitRecap, { blockIndex: recapBlock, outcome, note: note.value });
    if (result !== undefined) {
      recapDialog.close();
      showSummary(result);
    }
  }

  function showSummary(e: SprintRecapsUpdated): void {
    summary.hidden = false;
    summary.dataset.done = String(e.done);
    summary.dataset.partly = String(e.partly);
    summary.dataset.notDone = String(e.notDone);
    summary.replaceChildren(
      h('strong', {}, t.recapSummary(e.blockIndex + 1, e.done, e.partly, e.notDone)),
      h('ul', {}, ...e.recaps.map((r) => h('li', { 'data-testid': 'recap-entry' },
        `${r.displayName}: ${OUTCOME_LABELS[r.outcome]}`, r.goal ? ` (${r.goal})` : '', r.note ? ` · ${r.note}` : ''))),
    );
  }

  async function startSprint(): Promise<void> {
    const isCustom = preset.value === 'custom';
    await call(SprintMethods.startSprint, {
      preset: preset.value,
      ...(isCustom
        ? {
          focusMinutes: Number(focusInput.value),
          shortBreakMinutes: Number(breakInput.value),
          longBreakMinutes: Number(longBreakInput.value),
          longBreakEvery: Number(everyInput.value),
          cycles: Number(cyclesInput.value),
        }
        : {}),
      rules: chosenRules(),
      goal: goalInput.value,
    });
  }

  function chosenRules(): ReturnType<typeof sprintRules> {
    return sprintRules(rulePhase(chatRule.value), rulePhase(boardRule.value));
  }

  async function extendPhase(): Promise<void> {
    const minutes = extendMinutes(extendBy.value);
    if (minutes === null) return;
    extendBy.value = String(minutes);
    await call(SprintMethods.extendSprint, { minutes });
  }

  async function beat(): Promise<void> {
    if (hub === undefined || sprint === null || !isSelfJoined(sprint) || !isLive(sprint) || !hub.isConnected()) return;
    try {
      await hub.invoke(SprintMethods.sprintHeartbeat, { roomId: session.roomId, active: activity.take() });
    } catch (error) {
      // A refused heartbeat only costs credit the server would not give anyway.
      console.debug('StudyRooms: sprint heartbeat refused', error);
    }
  }

  async function call<T>(method: string, request: object): Promise<T | undefined> {
    if (hub === undefined) return undefined;
    message.textContent = '';
    try {
      const result = (await hub.invoke(method, { roomId: session.roomId, ...request })) as T;
      if (isSnapshot(result)) apply(result);
      return result;
    } catch (error) {
      showError(error);
      return undefined;
    }
  }

  function showError(error: unknown): void {
    const parsed = parseProtocolError(error);
    message.textContent = parsed?.reason ?? t.requestFailed;
  }

  function render(): void {
    const s = sprint;
    const live = s !== null && isLive(s);
    const joined = s !== null && isSelfJoined(s);
    const host = isHost();
    const watcher = selfRole() === 'viewer';
    element.dataset.status = s?.status ?? 'none';
    element.dataset.phase = s?.phaseKind ?? '';
    element.dataset.phaseIndex = String(s?.phaseIndex ?? -1);
    element.dataset.joined = String(joined);
    element.dataset.boardLocked = String(s?.boardLocked ?? false);
    element.dataset.chatMuted = String(s?.chatMuted ?? false);
    phase.textContent = s === null ? t.noSprint : phaseLabel(s);
    hostControls.hidden = !host;
    for (const b of [preset, start]) b.hidden = live;
    custom.hidden = live || preset.value !== 'custom';
    pause.hidden = !live || s.status === 'paused';
    resume.hidden = !live || s.status !== 'paused';
    for (const b of [skip, extendBy, extend, stop]) b.hidden = !live;
    if (live) {
      // The running sprint's rules, whoever set them last.
      chatRule.value = chatRulePhase(s.rules);
      boardRule.value = boardRulePhase(s.rules);
    }
    join.hidden = !live || joined || watcher;
    setGoal.hidden = !joined || !live;
    leave.hidden = !joined || !live;
    goalInput.hidden = watcher || (!live && !host);
    participants.replaceChildren(...(s?.participants ?? []).filter((p) => p.joined).map((p) =>
      h('li', { 'data-testid': 'sprint-participant', 'data-user-id': p.userId, 'data-connected': String(p.connected ?? false) },
        h('span', { class: 'sprint-name' }, p.displayName),
        p.goal ? h('span', { class: 'sprint-goal-text', 'data-testid': 'sprint-participant-goal' }, ` — ${p.goal}`) : null,
        p.lastOutcome ? h('span', { class: 'sprint-outcome' }, ` · ${OUTCOME_LABELS[p.lastOutcome]}`) : null)));
    paintClock();
  }

  function paintClock(): void {
    const s = sprint;
    const remaining = s === null ? 0 : remainingMs(s, clock.serverNow(Date.now()));
    const live = s !== null && isLive(s);
    countdown.textContent = live ? formatCountdown(remaining) : '';
    countdown.dataset.remainingMs = String(Math.round(remaining));
    countdown.dataset.paintedAt = String(Date.now());
    document.title = tabTitle(s, remaining, session.room?.name ?? baseTitle);
  }

  function isHost(): boolean {
    const role = selfRole();
    return role === 'owner' || role === 'mentor';
  }

  function selfRole(): string | undefined {
    return session.participants.list().find((p) => p.userId === session.selfUserId)?.role;
  }

  function isSelfJoined(s: SprintSnapshot): boolean {
    return s.participants.some((p) => p.userId === session.selfUserId && p.joined);
  }

  function savePrefs(next: SprintPrefs): void {
    prefs = next;
    saveSprintPrefs(storage, prefs);
  }

  return {
    element,
    dispose() {
      disposed = true;
      clearInterval(tick);
      clearInterval(heartbeat);
      clearTimeout(refineTimer);
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const type of inputEvents) window.removeEventListener(type, onInput, { capture: true });
      document.title = baseTitle;
    },
  };
}

function isLive(s: SprintSnapshot): boolean {
  return s.status === 'running' || s.status === 'paused';
}

function isSnapshot(value: unknown): value is SprintSnapshot {
  return typeof value === 'object' && value !== null && 'phaseStartedAt' in value && 'version' in value;
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage blocked by privacy settings: preferences last for this page only.
    return null;
  }
}
