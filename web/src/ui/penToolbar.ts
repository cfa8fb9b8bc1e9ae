// Pen colour and width choice: two radio groups, keyboard-operable like any radio group.
import { h } from './dom';
import { strings } from './strings';

/** Pen colours offered (names in strings.room.colors). */
export const PEN_COLORS = [
  { key: 'ink', value: '#1e1e1e' },
  { key: 'red', value: '#e03131' },
  { key: 'blue', value: '#1971c2' },
  { key: 'green', value: '#2f9e44' },
  { key: 'orange', value: '#f08c00' },
  { key: 'violet', value: '#9c36b5' },
] as const;

/** Pen widths offered, in board units. */
export const PEN_WIDTHS = [
  { key: 'thin', value: 2 },
  { key: 'medium', value: 4 },
  { key: 'bold', value: 8 },
] as const;

/** The current pen. */
export interface PenSettings {
  color: string;
  width: number;
}

/** Builds the toolbar; `pen` is updated in place when the user picks. */
export function penToolbar(pen: PenSettings): HTMLElement {
  const colors = h('fieldset', { class: 'tool-group' }, h('legend', { class: 'visually-hidden' }, strings.room.colorGroup));
  for (const color of PEN_COLORS) {
    const input = h('input', {
      type: 'radio',
      name: 'pen-color',
      value: color.value,
      class: 'visually-hidden',
      checked: color.value === pen.color,
      'data-testid': `pen-color-${color.key}`,
    });
    input.addEventListener('change', () => {
      if (input.checked) pen.color = color.value;
    });
    colors.append(
      h('label', { class: 'swatch', title: strings.room.colors[color.key] }, input,
        h('span', { class: 'swatch-color', style: `background:${color.value}`, 'aria-hidden': 'true' }),
        h('span', { class: 'visually-hidden' }, strings.room.colors[color.key])),
    );
  }
  const widths = h('fieldset', { class: 'tool-group' }, h('legend', { class: 'visually-hidden' }, strings.room.widthGroup));
  for (const width of PEN_WIDTHS) {
    const input = h('input', {
      type: 'radio',
      name: 'pen-width',
      value: width.value,
      class: 'visually-hidden',
      checked: width.value === pen.width,
      'data-testid': `pen-width-${width.key}`,
    });
    input.addEventListener('change', () => {
      if (input.checked) pen.width = width.value;
    });
    widths.append(
      h('label', { class: 'swatch', title: strings.room.widths[width.key] }, input,
        h('span', { class: 'width-dot', style: `width:${width.value + 2}px;height:${width.value + 2}px`, 'aria-hidden': 'true' }),
        h('span', { class: 'visually-hidden' }, strings.room.widths[width.key])),
    );
  }
  return h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': strings.room.toolbar }, colors, widths);
}
