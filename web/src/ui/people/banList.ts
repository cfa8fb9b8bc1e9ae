// The room's ban list for mentors and the owner (P-MOD-9): a collapsible section of the people panel
// that lists banned users, newest first, each with an Unban button (P-MOD-3). It loads when opened,
// and again after a ban or unban while it is open, also one another moderator places (P-MOD-11); a
// ban another moderator lifts (P-MOD-10) or a banned user's deletion (P-ACCT-5) drops the entry.
import { PeopleMethods, parseProtocolError, type BannedUser } from '../../protocol';
import { h } from '../dom';
import type { Notices } from '../notices';
import { bannedName, sortBans } from './peopleRules';
import { peopleStrings as t } from './peopleStrings';

/** How the list talks to the room. */
export interface BanListOptions {
  readonly notices: Notices;
  /** Calls a people method for this room; answers its result, or throws the refusal. */
  invoke(method: string, request: object): Promise<unknown>;
}

/** A mounted ban list. */
export interface BanList {
  readonly element: HTMLElement;
  /** Shown to moderators only. */
  setVisible(visible: boolean): void;
  /** Reloads the list if it is open (a ban was given or lifted). */
  refresh(): void;
  /** Drops a user's entry at once: another moderator lifted the ban, or the user was deleted (P-MOD-10, P-ACCT-5). */
  remove(userId: string): void;
}

/** Builds the ban list section. */
export function banList(options: BanListOptions): BanList {
  const { notices } = options;
  const items = h('ul', { class: 'ban-list-items', 'data-testid': 'ban-list-items' });
  const status = h('p', { class: 'ban-list-status', role: 'status' });
  const summary = h('summary', { 'data-testid': 'ban-list-toggle' }, t.bans.heading);
  const element = h('details', { class: 'ban-list', 'data-testid': 'ban-list', hidden: true }, summary, status, items);
  let loading = 0;

  element.addEventListener('toggle', () => {
    if (element.open) void load();
  });

  async function load(): Promise<void> {
    const ticket = ++loading;
    if (items.childElementCount === 0) status.textContent = t.bans.loading;
    try {
      const bans = sortBans((await options.invoke(PeopleMethods.listBans, {})) as readonly BannedUser[]);
      if (ticket !== loading) return;
      items.replaceChildren(...bans.map(row));
      status.textContent = bans.length === 0 ? t.bans.empty : '';
      element.dataset.count = String(bans.length);
    } catch (error) {
      if (ticket !== loading) return;
      status.textContent = t.refused(parseProtocolError(error)?.reason ?? String(error));
    }
  }

  function row(ban: BannedUser): HTMLLIElement {
    const name = bannedName(ban, t.bans.unknown);
    const unban = h('button', { type: 'button', class: 'link-button', 'aria-label': t.bans.unbanLabel(name), 'data-testid': 'unban' }, t.bans.unban);
    unban.addEventListener('click', () => {
      unban.disabled = true;
      options.invoke(PeopleMethods.unbanUser, { userId: ban.userId }).then(
        () => {
          notices.toast(t.bans.unbanned(name));
          void load();
        },
        (error: unknown) => {
          unban.disabled = false;
          notices.toast(t.refused(parseProtocolError(error)?.reason ?? String(error)), 'error');
        },
      );
    });
    const when = ban.bannedAt !== undefined ? new Date(ban.bannedAt) : null;
    return h('li', { class: 'ban-entry', 'data-testid': 'ban-entry', 'data-user-id': ban.userId },
      h('span', { class: 'ban-name' }, name),
      when !== null && !Number.isNaN(when.getTime())
        ? h('time', { class: 'ban-time', datetime: ban.bannedAt }, t.bans.since(when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })))
        : null,
      unban);
  }

  return {
    element,
    setVisible(visible) {
      element.hidden = !visible;
      if (!visible) element.open = false;
    },
    refresh() {
      if (element.open && !element.hidden) void load();
    },
    remove(userId) {
      const entry = [...items.children].find((li) => li instanceof HTMLElement && li.dataset.userId === userId);
      if (entry === undefined) return;
      entry.remove();
      element.dataset.count = String(items.childElementCount);
      if (items.childElementCount === 0) status.textContent = t.bans.empty;
    },
  };
}
