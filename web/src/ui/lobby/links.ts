// In-app links: a plain click moves within the app; a modified click (new tab, window) stays the browser's.
import { h } from '../dom';

/** An anchor to an app path that navigates in place on a plain click. */
export function appLink(path: string, navigate: (path: string) => void, attributes: Record<string, string>, text: string): HTMLAnchorElement {
  const link = h('a', { ...attributes, href: path }, text);
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  });
  return link;
}

/** Whether a failure means the session is gone. */
export function isUnauthorized(failure: unknown): boolean {
  return typeof failure === 'object' && failure !== null && (failure as { isUnauthorized?: boolean }).isUnauthorized === true;
}
