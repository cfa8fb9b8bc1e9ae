import { describe, expect, it } from 'vitest';
import { TYPING_EXPIRY_MS, TYPING_SEND_INTERVAL_MS, TypingSender, TypingTracker, typingText } from './typing';

describe('typing (P-CHAT-14)', () => {
  it('shows peers until they stop or their signal expires', () => {
    const tracker = new TypingTracker();
    tracker.apply({ roomId: 'r', userId: 'u_bob', displayName: 'Bob', typing: true }, 0);
    tracker.apply({ roomId: 'r', userId: 'u_ada', displayName: 'Ada', typing: true }, 1_000);
    expect(tracker.names(2_000)).toEqual(['Ada', 'Bob']);
    expect(tracker.names(TYPING_EXPIRY_MS)).toEqual(['Ada']);
    tracker.apply({ roomId: 'r', userId: 'u_ada', displayName: 'Ada', typing: false }, 2_000);
    expect(tracker.names(2_000)).toEqual([]);
  });

  it('sends true at most every interval and false once after', () => {
    const sender = new TypingSender();
    expect(sender.input(false, 0)).toBe(true);
    expect(sender.input(false, 100)).toBeNull();
    expect(sender.input(false, TYPING_SEND_INTERVAL_MS)).toBe(true);
    expect(sender.stop()).toBe(false);
    expect(sender.stop()).toBeNull();
    expect(sender.input(true, 10_000)).toBeNull();
  });

  it('says who is typing', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['Ada'])).toBe('Ada is typing…');
    expect(typingText(['Ada', 'Bob'])).toBe('Ada and Bob are typing…');
    expect(typingText(['A', 'B', 'C'])).toBe('3 people are typing…');
  });
});
