// Message text → safe segments (P-CHAT-10): plain text, http(s) links and @mentions. The UI turns
// each segment into a text node or an <a> whose text is set with textContent; nothing is ever
// parsed as HTML.

/** A piece of a message's text. */
export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  | { readonly kind: 'mention'; readonly text: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}>]+$/;

/** The http(s) URL a candidate names, or null (other schemes, such as `javascript:`, never link). */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** Trims punctuation that ends a sentence rather than the URL; keeps a `)` the URL opened. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const match = TRAILING_PUNCTUATION.exec(url);
    if (match === null) return url;
    const tail = match[0];
    if (tail.startsWith(')') && url.split('(').length > url.split(')').length - 1) {
      // "(see https://x.org/a_(b))" keeps the ")" that closes "(b".
      return url;
    }
    url = url.slice(0, url.length - 1);
  }
}

/** Splits text into text and link segments. */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    const candidate = trimUrl(match[0]);
    const href = safeHref(candidate);
    if (href === null) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** Splits text segments further at `@name` for each of `names` (longest first, case-insensitive). */
export function markMentions(segments: readonly TextSegment[], names: readonly string[]): TextSegment[] {
  const sorted = [...new Set(names.filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return [...segments];
  const out: TextSegment[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'text') {
      out.push(segment);
      continue;
    }
    let rest = segment.text;
    let buffer = '';
    while (rest.length > 0) {
      const at = rest.indexOf('@');
      if (at < 0) {
        buffer += rest;
        break;
      }
      buffer += rest.slice(0, at);
      const after = rest.slice(at + 1);
      const name = sorted.find((n) => after.toLowerCase().startsWith(n.toLowerCase()) && isBoundary(after.charAt(n.length)));
      if (name === undefined) {
        buffer += '@';
        rest = after;
        continue;
      }
      if (buffer.length > 0) out.push({ kind: 'text', text: buffer });
      buffer = '';
      out.push({ kind: 'mention', text: '@' + after.slice(0, name.length) });
      rest = after.slice(name.length);
    }
    if (buffer.length > 0) out.push({ kind: 'text', text: buffer });
  }
  return out;
}

function isBoundary(next: string): boolean {
  return next === '' || !/[\p{L}\p{N}_]/u.test(next);
}
