import { describe, expect, it } from 'vitest';
import { boardToScreen, fitBox, IDENTITY_VIEW, panBy, screenToBoard, visibleBoardBox, zoomAt } from './viewTransform';

describe('view transform', () => {
  it('maps board to screen and back', () => {
    const view = { scale: 2, offsetX: 10, offsetY: -5 };
    const [sx, sy] = boardToScreen(view, 20, 5);
    expect([sx, sy]).toEqual([20, 20]);
    expect(screenToBoard(view, sx, sy)).toEqual([20, 5]);
  });

  it('zooms about the pointer, keeping the point under it still', () => {
    const view = zoomAt(IDENTITY_VIEW, 2, 100, 50);
    expect(view.scale).toBe(2);
    expect(screenToBoard(view, 100, 50)).toEqual([100, 50]);
  });

  it('pans and fits a box into the viewport, centred', () => {
    expect(panBy(IDENTITY_VIEW, 30, 0).offsetX).toBe(-30);
    const view = fitBox({ minX: 0, minY: 0, maxX: 1000, maxY: 500 }, 600, 400, 50);
    expect(view.scale).toBe(0.5);
    const box = visibleBoardBox(view, 600, 400);
    expect((box.minX + box.maxX) / 2).toBe(500);
    expect((box.minY + box.maxY) / 2).toBe(250);
  });
});
