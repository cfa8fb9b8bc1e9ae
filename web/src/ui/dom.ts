// A tiny element builder: plain DOM, no framework.

/** Attribute values: strings and numbers are set, `true` sets an empty attribute, others are skipped. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A child: nodes are appended, strings become text, empty values are skipped. */
export type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string' || typeof value === 'number') element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A mounted screen. */
export interface Screen {
  readonly element: HTMLElement;
  /** Element to focus once mounted. */
  readonly initialFocus?: HTMLElement;
  dispose(): void;
}
