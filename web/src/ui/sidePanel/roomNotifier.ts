// Turns room events into toasts and tab badges (the rules are in notify/roomAlerts.ts): mentions
// of me, hands raised (for the owner and mentors) and sprint phase changes. Toasts go to the page's
// polite live region (Notices), so screen readers hear them too.
import type { RoomSession } from '../../app/roomSession';
import { NO_BADGES, onHelpQueue, onMessagePosted, onSprintUpdated, onTabInView, type Alert, type Badges, type Viewer } from '../../notify/roomAlerts';
import { SprintCallbacks, type HelpRequest, type SprintUpdated } from '../../protocol';
import { phaseLabel } from '../../sprint/sprintClock';
import type { Notices } from '../notices';
import type { SidePanel } from './sidePanel';
import { sidePanelStrings as t } from './sidePanelStrings';

/** Longest quoted message text in a mention toast. */
const MENTION_QUOTE_CHARS = 120;

/** Starts notifying for `session` through `notices` and `panel`; returns the stop function. */
export function startRoomNotifier(session: RoomSession, panel: SidePanel, notices: Notices): () => void {
  let badges: Badges = NO_BADGES;
  let queue: readonly HelpRequest[] | null = null;

  const viewer = (): Viewer => {
    const self = session.selfUserId;
    return { selfUserId: self, role: session.participants.list().find((p) => p.userId === self)?.role, tabInView: panel.tabInView() };
  };
  const setBadges = (next: Badges): void => {
    if (next === badges) return;
    badges = next;
    panel.setBadges(badges);
  };
  const show = (alert: Alert): void => notices.toast(words(alert), 'info', 8_000, alert.kind);

  const stops: (() => void)[] = [
    panel.onTabInView((tab) => setBadges(onTabInView(tab, badges))),
    // A (re)join sends the whole queue: that is the baseline, not news.
    session.events.on('room', () => (queue = null)),
    session.events.on('helpQueue', (next) => {
      const result = onHelpQueue(queue, next, viewer(), badges);
      queue = next;
      setBadges(result.badges);
      for (const alert of result.alerts) show(alert);
    }),
  ];
  const chat = session.chat;
  if (chat !== undefined) {
    const ignore = (): void => undefined;
    stops.push(chat.subscribe({
      messagePosted: (event) => {
        if (event.roomId !== session.roomId) return;
        const result = onMessagePosted(event.message, viewer(), badges);
        setBadges(result.badges);
        if (result.alert !== null) show(result.alert);
      },
      messageEdited: ignore,
      messageDeleted: ignore,
      reactionsChanged: ignore,
      typingChanged: ignore,
    }));
  }
  const sprintHub = session.sprintHub;
  if (sprintHub !== undefined) {
    stops.push(sprintHub.on(SprintCallbacks.sprintUpdated, (event: SprintUpdated) => {
      if (event.roomId !== session.roomId) return;
      const alert = onSprintUpdated(event.change, event.sprint);
      if (alert !== null) show(alert);
    }));
  }
  return () => {
    for (const stop of stops) stop();
  };
}

function words(alert: Alert): string {
  switch (alert.kind) {
    case 'mention':
      return t.alerts.mention(alert.author, alert.text.length > MENTION_QUOTE_CHARS ? alert.text.slice(0, MENTION_QUOTE_CHARS) + '…' : alert.text);
    case 'hand':
      return alert.note === undefined ? t.alerts.hand(alert.name) : t.alerts.handWithNote(alert.name, alert.note);
    case 'phase':
      return t.alerts.phase(phaseLabel(alert.sprint), alert.change);
  }
}
