// A per-participant actions menu (WAI-ARIA menu button): Enter, Space or ArrowDown opens it on the
// first item, ArrowUp/ArrowDown/Home/End move, Enter or Space picks, Escape closes back to the
// button, Tab or a click elsewhere closes it.
import { h } from '../dom';
import { icon } from '../icons';

/** One item of the menu. */
export interface MenuItem {
  readonly testId: string;
  readonly label: string;
  readonly run: () => void;
  readonly danger?: boolean;
}

/** A mounted menu button; `items` is asked each time it opens, so it always reflects the roles now. */
export interface ParticipantMenu {
  readonly element: HTMLElement;
  /** Whether there is anything to offer now; the button hides when not. */
  setAvailable(available: boolean): void;
  close(): void;
}

let menuCount = 0;

/** Builds a menu button labelled `label` whose items come from `items()`. */
export function participantMenu(label: () => string, items: () => readonly MenuItem[]): ParticipantMenu {
  const id = `participant-menu-${++menuCount}`;
  const button = h('button', {
    type: 'button',
    class: 'link-button participant-menu-button',
    'aria-haspopup': 'menu',
    'aria-expanded': 'false',
    'aria-controls': id,
    'data-testid': 'participant-menu-button',
  }, icon('more'));
  const menu = h('ul', { class: 'participant-menu', role: 'menu', id, hidden: true, 'data-testid': 'participant-menu' });
  const element = h('span', { class: 'participant-menu-wrap' }, button, menu);

  const entries = (): HTMLButtonElement[] => [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];

  function open(focusLast = false): void {
    const list = items();
    if (list.length === 0) return;
    menu.replaceChildren(
      ...list.map((item) => {
        const entry = h('button', { type: 'button', role: 'menuitem', tabindex: -1, class: item.danger === true ? 'menu-item danger' : 'menu-item', 'data-testid': item.testId }, item.label);
        entry.addEventListener('click', () => {
          close(true);
          item.run();
        });
        return h('li', { role: 'none' }, entry);
      }),
    );
    button.setAttribute('aria-label', label());
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const all = entries();
    (focusLast ? all[all.length - 1] : all[0])?.focus();
    document.addEventListener('pointerdown', onOutside, true);
  }

  function close(refocus = false): void {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', onOutside, true);
    if (refocus) button.focus();
  }

  function onOutside(event: Event): void {
    if (!element.contains(event.target as Node)) close();
  }

  button.setAttribute('aria-label', label());
  button.addEventListener('click', () => (menu.hidden ? open() : close()));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open(event.key === 'ArrowUp');
    }
  });
  menu.addEventListener('keydown', (event) => {
    const all = entries();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number): void => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(all.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
      case 'Tab':
        close();
        break;
    }
  });

  return {
    element,
    setAvailable(available: boolean) {
      element.hidden = !available;
      if (!available) close();
    },
    close: () => close(),
  };
}
