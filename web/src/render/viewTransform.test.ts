// Proves screen and board coordinates convert both ways, so pointer input lands where it is drawn.
import { describe, expect, it } from 'vitest';
import { boardToScreen, IDENTITY_VIEW, screenToBoard } from './viewTransform';

describe('view transform', () => {
  it('is the identity by default', () => {
    expect(screenToBoard(IDENTITY_VIEW, 12, 34)).toEqual([12, 34]);
  });

  it('round-trips under pan and zoom', () => {
    const view = { scale: 2, offsetX: 100, offsetY: -50 };
    expect(screenToBoard(view, 20, 40)).toEqual([110, -30]);
    expect(boardToScreen(view, 110, -30)).toEqual([20, 40]);
  });
});
