// Pure logic of the resource shelf (docs/protocol.md P-RES-*): merging events into the list, who may
// remove what, safe links, sizes and clear upload errors.
import type { Participant, ResourceItem } from '../protocol';

/** Items newest first by seq, one per id (an event may arrive before or after the list that holds it). */
export function mergeAdded(items: readonly ResourceItem[], added: ResourceItem): ResourceItem[] {
  const rest = items.filter((item) => item.id !== added.id);
  return [added, ...rest].sort((a, b) => b.seq - a.seq);
}

/** The items without the removed ids. */
export function mergeRemoved(items: readonly ResourceItem[], removedIds: readonly string[]): ResourceItem[] {
  const removed = new Set(removedIds);
  return items.filter((item) => !removed.has(item.id));
}

/** A fresh list from the server wins, but items added since it was asked for are kept (P-RES-2). */
export function mergeListed(current: readonly ResourceItem[], listed: readonly ResourceItem[]): ResourceItem[] {
  const newest = listed.reduce((max, item) => Math.max(max, item.seq), 0);
  const later = current.filter((item) => item.seq > newest);
  return later.reduce<ResourceItem[]>((list, item) => mergeAdded(list, item), [...listed]);
}

type Role = NonNullable<Participant['role']>;

/** Members and above add; viewers only read (P-RES-5). */
export function canAdd(role: Role | undefined): boolean {
  return role !== 'viewer';
}

/** The adder removes their own item; mentors and the owner any (P-RES-4). */
export function canRemove(item: ResourceItem, selfId: string | undefined, role: Role | undefined): boolean {
  if (role === 'mentor' || role === 'owner') return true;
  return selfId !== undefined && item.addedBy === selfId && canAdd(role);
}

/** The address as an http(s) URL to put in an href, or null for anything else (javascript:, data:, …). */
export function safeHttpUrl(url: string | undefined): string | null {
  if (url === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** "512 B", "1.5 KB", "10 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 10 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1);
  return `${rounded} ${units[unit] ?? 'GB'}`;
}

/** Refuses a file before sending it when it is surely too large or empty; null when it may go. */
export function checkBeforeUpload(file: { readonly size: number }, maxBytes: number): string | null {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > maxBytes) return `The file is too large (${formatBytes(file.size)}); the limit is ${formatBytes(maxBytes)}.`;
  return null;
}

/** What an upload's refusal means for the person who tried (P-RES-7). */
export function uploadErrorText(status: number, code: string | null, reason: string, maxBytes: number): string {
  switch (code) {
    case 'FILE_TOO_LARGE':
      return `The file is too large; the limit is ${formatBytes(maxBytes)}.`;
    case 'FILE_TYPE_NOT_ALLOWED':
      return `This type of file is not allowed: ${reason}. Allowed: images (PNG, JPEG, GIF, WebP), PDF, text (.txt, .md, .csv), Word, PowerPoint and Excel documents.`;
    case 'IMAGE_TOO_LARGE':
      return `The image is too large: ${reason}.`;
    case 'RATE_LIMITED':
      return 'Too many resources added just now; wait a minute and try again.';
    case 'SHELF_FULL':
      return 'The shelf is full; remove an item first.';
    case 'FORBIDDEN':
      return 'Your role in this room does not allow adding resources.';
    case 'UPLOADS_DISABLED':
      return 'This server does not keep files; links and notes still work.';
    default:
      if (status === 0) return 'The upload did not reach the server; check the connection and try again.';
      if (status === 413) return `The file is too large; the limit is ${formatBytes(maxBytes)}.`;
      return reason.length > 0 ? `The upload failed: ${reason}` : `The upload failed (HTTP ${String(status)}).`;
  }
}
