// Style panel: stroke colour, fill, width, opacity, font size and note colour. Picking a style
// sets it for new elements and, through `onChange`, patches the selected ones.
import type { ElementProps } from '../protocol';
import { h } from './dom';
import { boardStrings } from './boardStrings';
import { strings } from './strings';

/** Stroke colours offered (names in strings.room.colors). */
export const PEN_COLORS = [
  { key: 'ink', value: '#1e1e1e' },
  { key: 'red', value: '#e03131' },
  { key: 'blue', value: '#1971c2' },
  { key: 'green', value: '#2f9e44' },
  { key: 'orange', value: '#f08c00' },
  { key: 'violet', value: '#9c36b5' },
] as const;

/** Stroke widths offered, in board units. */
export const PEN_WIDTHS = [
  { key: 'thin', value: 2 },
  { key: 'medium', value: 4 },
  { key: 'bold', value: 8 },
] as const;

/** Fills offered. */
export const FILLS = [
  { key: 'none', value: 'transparent', label: boardStrings.style.fills.none },
  { key: 'white', value: '#ffffff', label: boardStrings.style.fills.white },
  { key: 'yellow', value: '#ffec99', label: boardStrings.style.fills.yellow },
  { key: 'blue', value: '#a5d8ff', label: boardStrings.style.fills.blue },
  { key: 'green', value: '#b2f2bb', label: boardStrings.style.fills.green },
  { key: 'pink', value: '#ffc9c9', label: boardStrings.style.fills.pink },
] as const;

/** Sticky note colours. */
export const STICKY_COLORS = [
  { key: 'yellow', value: '#ffec99', label: boardStrings.style.notes.yellow },
  { key: 'pink', value: '#ffc9c9', label: boardStrings.style.notes.pink },
  { key: 'blue', value: '#a5d8ff', label: boardStrings.style.notes.blue },
  { key: 'green', value: '#b2f2bb', label: boardStrings.style.notes.green },
  { key: 'orange', value: '#ffd8a8', label: boardStrings.style.notes.orange },
] as const;

/** Font sizes offered. */
export const FONT_SIZES = [16, 20, 28, 36, 48] as const;

/** The current style for new elements. */
export interface StyleSettings {
  strokeColor: string;
  fillColor: string;
  strokeWidth: number;
  opacity: number;
  fontSize: number;
  stickyColor: string;
}

/** The default style. */
export function defaultStyle(): StyleSettings {
  return { strokeColor: PEN_COLORS[0].value, fillColor: 'transparent', strokeWidth: PEN_WIDTHS[0].value, opacity: 1, fontSize: 20, stickyColor: STICKY_COLORS[0].value };
}

/** Builds the panel; `style` is updated in place and `onChange` gets the changed property. */
export function stylePanel(style: StyleSettings, onChange: (patch: ElementProps) => void): HTMLElement {
  const radios = (
    name: string,
    legend: string,
    items: readonly { key: string; value: string | number; label: string; swatch: string }[],
    current: () => string | number,
    pick: (value: string | number) => void,
  ): HTMLElement => {
    const group = h('fieldset', { class: 'tool-group' }, h('legend', { class: 'visually-hidden' }, legend));
    for (const item of items) {
      const input = h('input', { type: 'radio', name, value: item.value, class: 'visually-hidden', checked: item.value === current(), 'data-testid': `${name}-${item.key}` });
      input.addEventListener('change', () => {
        if (input.checked) pick(item.value);
      });
      group.append(h('label', { class: 'swatch', title: item.label }, input, h('span', { class: 'swatch-color', style: item.swatch, 'aria-hidden': 'true' }), h('span', { class: 'visually-hidden' }, item.label)));
    }
    return group;
  };
  const colors = radios(
    'pen-color',
    strings.room.colorGroup,
    PEN_COLORS.map((c) => ({ key: c.key, value: c.value, label: strings.room.colors[c.key], swatch: `background:${c.value}` })),
    () => style.strokeColor,
    (v) => {
      style.strokeColor = String(v);
      onChange({ strokeColor: style.strokeColor });
    },
  );
  const fills = radios(
    'fill',
    boardStrings.style.fill,
    FILLS.map((f) => ({ key: f.key, value: f.value, label: f.label, swatch: f.value === 'transparent' ? 'background:repeating-linear-gradient(45deg,#fff 0 3px,#ccc 3px 5px)' : `background:${f.value}` })),
    () => style.fillColor,
    (v) => {
      style.fillColor = String(v);
      onChange({ fillColor: style.fillColor });
    },
  );
  const widths = radios(
    'pen-width',
    strings.room.widthGroup,
    PEN_WIDTHS.map((w) => ({ key: w.key, value: w.value, label: strings.room.widths[w.key], swatch: `width:${w.value + 2}px;height:${w.value + 2}px;border-radius:50%;background:#1e1e1e` })),
    () => style.strokeWidth,
    (v) => {
      style.strokeWidth = Number(v);
      onChange({ strokeWidth: style.strokeWidth });
    },
  );
  const notes = radios(
    'sticky-color',
    boardStrings.style.noteColour,
    STICKY_COLORS.map((c) => ({ key: c.key, value: c.value, label: c.label, swatch: `background:${c.value}` })),
    () => style.stickyColor,
    (v) => {
      style.stickyColor = String(v);
      onChange({ fillColor: style.stickyColor });
    },
  );
  const opacity = h('input', { type: 'range', min: 10, max: 100, step: 10, value: style.opacity * 100, 'aria-label': boardStrings.style.opacity, 'data-testid': 'style-opacity' });
  opacity.addEventListener('change', () => {
    style.opacity = Number(opacity.value) / 100;
    onChange({ opacity: style.opacity });
  });
  const font = h('select', { 'aria-label': boardStrings.style.fontSize, 'data-testid': 'style-font-size' }, ...FONT_SIZES.map((size) => h('option', { value: size, selected: size === style.fontSize }, `${size}`)));
  font.addEventListener('change', () => {
    style.fontSize = Number(font.value);
    onChange({ fontSize: style.fontSize });
  });
  return h(
    'div',
    { class: 'toolbar style-panel', role: 'toolbar', 'aria-label': strings.room.toolbar, 'data-testid': 'style-panel' },
    colors,
    fills,
    widths,
    notes,
    h('label', { class: 'style-field' }, h('span', { 'aria-hidden': 'true' }, boardStrings.style.opacityGlyph), opacity),
    h('label', { class: 'style-field' }, h('span', { 'aria-hidden': 'true' }, boardStrings.style.fontGlyph), font),
  );
}
