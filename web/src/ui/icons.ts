// The client's icons: small line drawings on a 24-unit grid, drawn with the current text colour, built
// as inline SVG (no icon font, no CDN, no emoji font needed: an emoji glyph such as a lock or a
// raised hand shows as an empty box on systems without a colour emoji font). Icons are decorative:
// the button or element that holds one carries the label.

/** Path data per icon, stroked (round caps and joins), never filled. */
const PATHS = {
  select: 'M6 3l12 9-5.5 1.2L9.5 19z',
  hand: 'M12 3v18M3 12h18M9 6l3-3 3 3M9 18l3 3 3-3M6 9l-3 3 3 3M18 9l3 3-3 3',
  pen: 'M4 20l1-4L16 5l3 3L8 19zM14 7l3 3',
  highlighter: 'M5 21h8M7 17l2-5 7-8 4 3-7 8zM9 12l4 3',
  eraser: 'M8 20h12M4 15l9-10 7 6-8 9H8zM9 10l6 6',
  line: 'M5 19L19 5',
  arrow: 'M5 19L19 5M10 5h9v9',
  rectangle: 'M4 6h16v12H4z',
  ellipse: 'M12 5c4.4 0 8 3.1 8 7s-3.6 7-8 7-8-3.1-8-7 3.6-7 8-7z',
  diamond: 'M12 3l9 9-9 9-9-9z',
  text: 'M5 7V4h14v3M12 4v16M9 20h6',
  sticky: 'M4 4h16v11l-5 5H4zM15 20v-5h5',
  laser: 'M12 3v5M12 16v5M3 12h5M16 12h5M6 6l3 3M15 15l3 3M18 6l-3 3M9 15l-3 3',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3',
  delete: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  duplicate: 'M9 9h11v11H9zM5 15H4V4h11v1',
  forward: 'M12 20V5M6 11l6-6 6 6',
  backward: 'M12 4v15M6 13l6 6 6-6',
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 017 0v3',
  zoomOut: 'M5 12h14',
  zoomIn: 'M5 12h14M12 5v14',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  history: 'M4 12a8 8 0 1 0 2.3-5.7M4 4v4h4M12 8v4l3 2',
  raisedHand: 'M8 13V6a1.5 1.5 0 013 0v5M11 11V4.5a1.5 1.5 0 013 0V11M14 11V6a1.5 1.5 0 013 0v7c0 4.5-2.7 8-7 8-2.5 0-4.2-1.4-5.3-3.5L3 14.2a1.5 1.5 0 012.6-1.5L8 15',
  more: 'M6 12h.01M12 12h.01M18 12h.01',
} as const;

/** The icons there are. */
export type IconName = keyof typeof PATHS;

/** Every icon name, for tests. */
export const ICON_NAMES = Object.keys(PATHS) as IconName[];

const SVG = 'http://www.w3.org/2000/svg';

/** The path data of an icon. */
export function iconPath(name: IconName): string {
  return PATHS[name];
}

/** An icon as an inline SVG element, hidden from assistive technology, sized by CSS (`.icon`). */
export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', iconPath(name));
  svg.append(path);
  return svg;
}
