import { describe, expect, it } from 'vitest';
import { linkify, markMentions, safeHref } from './linkify';

describe('linkify (P-CHAT-10)', () => {
  it('turns http and https URLs into links and keeps the rest as text', () => {
    expect(linkify('see https://example.org/a?b=1 and http://x.io.')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'http://x.io', href: 'http://x.io/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never links javascript:, data: or other schemes', () => {
    for (const text of ['javascript:alert(1)', '[x](javascript:alert(1))', 'data:text/html,<script>alert(1)</script>', 'ftp://x.org', 'JaVaScRiPt:alert(1)']) {
      expect(linkify(text).every((s) => s.kind === 'text')).toBe(true);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://ok.example/')).toBe('https://ok.example/');
  });

  it('keeps markup as text, stopping a URL at a quote or angle bracket', () => {
    expect(linkify('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(linkify('<a href="https://evil.example/">x</a>')).toEqual([
      { kind: 'text', text: '<a href="' },
      { kind: 'link', text: 'https://evil.example/', href: 'https://evil.example/' },
      { kind: 'text', text: '">x</a>' },
    ]);
  });

  it('keeps a closing parenthesis the URL opened and drops one that closes the sentence', () => {
    expect(linkify('(https://en.wikipedia.org/wiki/Set_(mathematics))')).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'link', text: 'https://en.wikipedia.org/wiki/Set_(mathematics)', href: 'https://en.wikipedia.org/wiki/Set_(mathematics)' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('concatenating the segments gives back the text exactly', () => {
    const text = 'a https://b.example/c, "d" <e> javascript:f https://g.example)';
    expect(linkify(text).map((s) => s.text).join('')).toBe(text);
  });
});

describe('markMentions (P-CHAT-9)', () => {
  it('marks @names of the given people, longest first, case-insensitive, at word ends', () => {
    expect(markMentions(linkify('hi @ada lovelace and @Adam, not mail@Ada or @Adab'), ['Ada', 'Ada Lovelace', 'Adam'])).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', text: '@ada lovelace' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@Adam' },
      { kind: 'text', text: ', not mail' },
      { kind: 'mention', text: '@Ada' },
      { kind: 'text', text: ' or @Adab' },
    ]);
  });

  it('leaves links alone', () => {
    expect(markMentions(linkify('https://x.example/@Ada'), ['Ada'])).toEqual([{ kind: 'link', text: 'https://x.example/@Ada', href: 'https://x.example/@Ada' }]);
  });
});
