// A read-only window.__studyrooms hook for browser tests and debugging: copies of the model, never
// the live objects, so nothing outside the app can edit the board through it.
import type { RoomSession } from '../app/roomSession';
import type { Element } from '../protocol';
import type { Whiteboard } from './whiteboard';

/** What `window.__studyrooms` offers. */
export interface DebugHook {
  elements(): Element[];
  counts(): { elements: number; previews: number; pending: number; clock: number; drawn: number };
  selection(): string[];
  tool(): string;
  view(): { scale: number; offsetX: number; offsetY: number };
  cursors(): { userId: string; clientId: string | null; x: number; y: number; visible: boolean; laser: boolean }[];
  /** Peers' cursors as the last interactive frame drew them: label and opacity (dimmed while idle or away). */
  drawnCursors(): { userId: string; clientId: string | null; label: string; opacity: number }[];
  canUndo(): boolean;
}

declare global {
  interface Window {
    __studyrooms?: DebugHook;
  }
}

/** Installs the hook; returns its removal. */
export function installDebugHook(session: RoomSession, whiteboard: Whiteboard): () => void {
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const hook: DebugHook = Object.freeze({
    elements: () => copy([...session.board.visibleElements()]),
    counts: () => ({ ...session.counts, drawn: whiteboard.renderer.drawnCount }),
    selection: () => [...whiteboard.selected],
    tool: () => whiteboard.tool,
    view: () => ({ ...whiteboard.renderer.view }),
    cursors: () => [...session.cursors.values()].map((c) => ({ userId: c.userId, clientId: c.clientId, x: c.x, y: c.y, visible: c.visible, laser: c.laser })),
    drawnCursors: () => whiteboard.drawnCursors.map((c) => ({ ...c })),
    canUndo: () => whiteboard.editor.history.canUndo,
  });
  Object.defineProperty(window, '__studyrooms', { value: hook, configurable: true, writable: false });
  return () => {
    Reflect.deleteProperty(window, '__studyrooms');
  };
}
