// The whiteboard's tools and keyboard shortcuts: one table, read by the toolbar, the key handler
// and the help panel, so a shortcut can never be missing from the help. Labels: boardStrings.ts.
import { boardStrings } from './boardStrings';
import type { IconName } from './icons';

/** Tools of the whiteboard. */
export type ToolId =
  | 'select'
  | 'hand'
  | 'pen'
  | 'highlighter'
  | 'eraser'
  | 'line'
  | 'arrow'
  | 'rectangle'
  | 'ellipse'
  | 'diamond'
  | 'text'
  | 'sticky'
  | 'laser';

/** A tool with its key and label. */
export interface ToolInfo {
  readonly id: ToolId;
  readonly key: string;
  readonly label: string;
  /** The button's icon (ui/icons.ts). */
  readonly icon: IconName;
}

/** Tools in toolbar order. */
export const TOOLS: readonly ToolInfo[] = [
  { id: 'select', key: 'v', label: boardStrings.tools.select, icon: 'select' },
  { id: 'hand', key: 'h', label: boardStrings.tools.hand, icon: 'hand' },
  { id: 'pen', key: 'p', label: boardStrings.tools.pen, icon: 'pen' },
  { id: 'highlighter', key: 'i', label: boardStrings.tools.highlighter, icon: 'highlighter' },
  { id: 'eraser', key: 'e', label: boardStrings.tools.eraser, icon: 'eraser' },
  { id: 'line', key: 'l', label: boardStrings.tools.line, icon: 'line' },
  { id: 'arrow', key: 'a', label: boardStrings.tools.arrow, icon: 'arrow' },
  { id: 'rectangle', key: 'r', label: boardStrings.tools.rectangle, icon: 'rectangle' },
  { id: 'ellipse', key: 'o', label: boardStrings.tools.ellipse, icon: 'ellipse' },
  { id: 'diamond', key: 'd', label: boardStrings.tools.diamond, icon: 'diamond' },
  { id: 'text', key: 't', label: boardStrings.tools.text, icon: 'text' },
  { id: 'sticky', key: 's', label: boardStrings.tools.sticky, icon: 'sticky' },
  { id: 'laser', key: 'k', label: boardStrings.tools.laser, icon: 'laser' },
];

/** Shortcuts other than tool keys, for the help panel ("Mod" is Ctrl, or ⌘ on a Mac). */
export const COMMAND_SHORTCUTS: readonly { readonly keys: string; readonly label: string }[] = boardStrings.shortcuts;

/** The tool a plain key press picks, if any. */
export function toolForKey(key: string): ToolId | undefined {
  const k = key.toLowerCase();
  return TOOLS.find((t) => t.key === k)?.id;
}

/** Whether a tool draws a box by dragging. */
export function isShapeTool(tool: ToolId): tool is 'rectangle' | 'ellipse' | 'diamond' {
  return tool === 'rectangle' || tool === 'ellipse' || tool === 'diamond';
}
