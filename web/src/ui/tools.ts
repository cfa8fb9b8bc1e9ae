// The whiteboard's tools and keyboard shortcuts: one table, read by the toolbar, the key handler
// and the help panel, so a shortcut can never be missing from the help.

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
  /** A one-character glyph for the button (no icon font, no CDN). */
  readonly glyph: string;
}

/** Tools in toolbar order. */
export const TOOLS: readonly ToolInfo[] = [
  { id: 'select', key: 'v', label: 'Select', glyph: '↖' },
  { id: 'hand', key: 'h', label: 'Pan', glyph: '✥' },
  { id: 'pen', key: 'p', label: 'Pen', glyph: '✎' },
  { id: 'highlighter', key: 'i', label: 'Highlighter', glyph: '▍' },
  { id: 'eraser', key: 'e', label: 'Eraser', glyph: '⌫' },
  { id: 'line', key: 'l', label: 'Line', glyph: '╱' },
  { id: 'arrow', key: 'a', label: 'Arrow', glyph: '→' },
  { id: 'rectangle', key: 'r', label: 'Rectangle', glyph: '▭' },
  { id: 'ellipse', key: 'o', label: 'Ellipse', glyph: '◯' },
  { id: 'diamond', key: 'd', label: 'Diamond', glyph: '◇' },
  { id: 'text', key: 't', label: 'Text', glyph: 'T' },
  { id: 'sticky', key: 's', label: 'Sticky note', glyph: '▤' },
  { id: 'laser', key: 'k', label: 'Laser pointer', glyph: '✦' },
];

/** Shortcuts other than tool keys, for the help panel ("Mod" is Ctrl, or ⌘ on a Mac). */
export const COMMAND_SHORTCUTS: readonly { readonly keys: string; readonly label: string }[] = [
  { keys: 'Mod+Z', label: 'Undo (your own edits only)' },
  { keys: 'Mod+Shift+Z / Mod+Y', label: 'Redo' },
  { keys: 'Delete / Backspace', label: 'Delete selection' },
  { keys: 'Mod+D', label: 'Duplicate' },
  { keys: 'Mod+C / Mod+V', label: 'Copy / paste' },
  { keys: 'Mod+A', label: 'Select all' },
  { keys: 'Mod+] / Mod+[', label: 'Bring forward / send back' },
  { keys: 'Mod+Shift+] / Mod+Shift+[', label: 'Bring to front / send to back' },
  { keys: 'Arrow keys', label: 'Nudge selection (Shift: 10×), or pan' },
  { keys: '+ / −', label: 'Zoom in / out' },
  { keys: '0', label: 'Zoom to 100 %' },
  { keys: 'Shift+1', label: 'Zoom to fit all content' },
  { keys: 'Shift+2', label: 'Zoom to selection' },
  { keys: 'Space + drag, middle drag, wheel', label: 'Pan' },
  { keys: 'Mod + wheel, pinch', label: 'Zoom' },
  { keys: 'Double-click text or note', label: 'Edit text' },
  { keys: 'Escape', label: 'Deselect, stop editing or following' },
  { keys: '?', label: 'Show this help' },
];

/** The tool a plain key press picks, if any. */
export function toolForKey(key: string): ToolId | undefined {
  const k = key.toLowerCase();
  return TOOLS.find((t) => t.key === k)?.id;
}

/** Whether a tool draws a box by dragging. */
export function isShapeTool(tool: ToolId): tool is 'rectangle' | 'ellipse' | 'diamond' {
  return tool === 'rectangle' || tool === 'ellipse' || tool === 'diamond';
}
