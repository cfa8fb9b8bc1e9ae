import { describe, expect, it } from 'vitest';
import { opaqueColor } from './boardRenderer';

describe('opaqueColor', () => {
  it('keeps fully opaque colours as getComputedStyle writes them and refuses the rest', () => {
    expect(opaqueColor('rgb(248, 249, 250)')).toBe('rgb(248, 249, 250)');
    expect(opaqueColor('rgba(248, 249, 250, 1)')).toBe('rgba(248, 249, 250, 1)');
    expect(opaqueColor('rgba(0, 0, 0, 0)')).toBeNull();
    expect(opaqueColor('rgba(10, 10, 10, 0.5)')).toBeNull();
    expect(opaqueColor('')).toBeNull();
    expect(opaqueColor('transparent')).toBeNull();
  });
});
