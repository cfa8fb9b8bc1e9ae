import { describe, expect, it } from 'vitest';
import { mentionQuery, parseMentions } from './mentions';

const people = [
  { userId: 'u_ada', displayName: 'Ada' },
  { userId: 'u_adal', displayName: 'Ada Lovelace' },
  { userId: 'u_bob', displayName: 'Bob' },
];

describe('parseMentions (P-CHAT-9)', () => {
  it('finds each mentioned user once, by display name, case-insensitive', () => {
    expect(parseMentions('@bob look, @Bob! and @ada', people)).toEqual(['u_bob', 'u_ada']);
  });

  it('prefers the longer name and needs a word end after the name', () => {
    expect(parseMentions('thanks @Ada Lovelace', people)).toEqual(['u_adal']);
    expect(parseMentions('@Bobby and @Adam', people)).toEqual([]);
  });

  it('ignores names without an @', () => {
    expect(parseMentions('Bob and Ada', people)).toEqual([]);
  });
});

describe('mentionQuery', () => {
  it('gives the partial name after @ at the caret', () => {
    expect(mentionQuery('hi @Ad', 6)).toBe('Ad');
    expect(mentionQuery('hi @', 4)).toBe('');
    expect(mentionQuery('mail@x', 6)).toBeNull();
    expect(mentionQuery('hi @Ada there', 13)).toBeNull();
  });
});
