// Toasts for passing problems and a banner for ones that stop the page, both announced to
// assistive technology.
import { h } from './dom';
import { strings } from './strings';

/** An action button or link on a banner. */
export type BannerAction = { readonly label: string; readonly onClick: () => void };

/** The notice areas of the page: a banner slot above the screen and a toast stack over it. */
export class Notices {
  /** Goes above the screen, in the page flow, so a banner never hides the header. */
  readonly bannerSlot: HTMLElement;
  /** Floats over the bottom of the screen. */
  readonly toasts: HTMLElement;
  private readonly lastShown = new Map<string, number>();

  constructor() {
    this.bannerSlot = h('div', { class: 'banner-slot' });
    this.toasts = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  }

  /** Shows a short message that goes away by itself; the same text is not repeated within 3 s. */
  toast(message: string, kind: 'info' | 'error' = 'info', timeoutMs = 6_000, alert?: string): void {
    const now = Date.now();
    if ((this.lastShown.get(message) ?? 0) > now - 3_000) return;
    this.lastShown.set(message, now);
    const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': strings.errors.dismiss }, '×');
    // `data-alert` names a room notification's kind (mention, hand, phase) for tests and styles.
    const toast = h('div', { class: `toast toast-${kind}`, 'data-testid': 'toast', 'data-alert': alert }, h('span', {}, message), close);
    const remove = (): void => toast.remove();
    close.addEventListener('click', remove);
    this.toasts.append(toast);
    setTimeout(remove, timeoutMs);
  }

  /** Shows a message that stays until the page changes, with an optional action. */
  banner(message: string, action?: BannerAction): void {
    const banner = h('div', { class: 'banner', role: 'alert', 'data-testid': 'error-banner' }, h('p', {}, message));
    if (action !== undefined) {
      const button = h('button', { type: 'button', class: 'button' }, action.label);
      button.addEventListener('click', action.onClick);
      banner.append(button);
    }
    this.bannerSlot.replaceChildren(banner);
  }

  /** Clears the banner and toasts (on screen change). */
  clear(): void {
    this.bannerSlot.replaceChildren();
    this.toasts.replaceChildren();
  }
}
