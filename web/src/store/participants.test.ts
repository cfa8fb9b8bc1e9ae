// Proves the participant list holds each user once (P-JOIN-2) and keeps the joining user.
import { describe, expect, it } from 'vitest';
import { ParticipantsStore } from './participants';

const ada = { userId: 'u_ada', displayName: 'Ada', color: '#e03131' };
const bob = { userId: 'u_bob', displayName: 'Bob', color: '#1971c2' };
const cy = { userId: 'u_cy', displayName: 'Cy', color: '#2f9e44' };

describe('ParticipantsStore', () => {
  it('dedupes by user id and lists self first', () => {
    const store = new ParticipantsStore();
    store.reset(cy, [bob, ada]);
    expect(store.join(ada)).toBe(false);
    expect(store.join({ ...bob, displayName: 'Bobby' })).toBe(true);
    expect(store.list().map((p) => p.displayName)).toEqual(['Cy', 'Ada', 'Bobby']);
  });

  it('removes leavers but never the joining user', () => {
    const store = new ParticipantsStore();
    store.reset(ada, [ada, bob]);
    expect(store.leave('u_bob')).toBe(true);
    expect(store.leave('u_ada')).toBe(false);
    expect(store.size).toBe(1);
  });
});
