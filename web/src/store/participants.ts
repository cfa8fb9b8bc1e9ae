// Presence: who is in the room. Kept apart from the document.
import type { Participant } from '../protocol';

/** Room members by user id; a user with several connections appears once (P-JOIN-2). */
export class ParticipantsStore {
  private readonly byId = new Map<string, Participant>();
  private selfId: string | null = null;

  /** Replaces the list with the one a join returned; the joining user is always in it. */
  reset(self: Participant, participants: readonly Participant[]): void {
    this.byId.clear();
    this.selfId = self.userId;
    for (const participant of participants) this.byId.set(participant.userId, participant);
    if (!this.byId.has(self.userId)) this.byId.set(self.userId, self);
  }

  /** Adds or updates a member; returns false when nothing changed. */
  join(participant: Participant): boolean {
    const known = this.byId.get(participant.userId);
    if (
      known?.displayName === participant.displayName &&
      known.color === participant.color &&
      known.role === participant.role &&
      known.status === participant.status
    ) {
      return false;
    }
    this.byId.set(participant.userId, participant);
    return true;
  }

  /** Changes a present member's role or status (P-ROLE-2, P-STATUS-3); false when unknown or unchanged. */
  update(userId: string, patch: Pick<Partial<Participant>, 'role' | 'status'>): boolean {
    const known = this.byId.get(userId);
    if (known === undefined) return false;
    const next = { ...known, ...patch };
    if (next.role === known.role && next.status === known.status) return false;
    this.byId.set(userId, next);
    return true;
  }

  /** Removes a member; the joining user stays while this tab is in the room. */
  leave(userId: string): boolean {
    if (userId === this.selfId) return false;
    return this.byId.delete(userId);
  }

  get(userId: string): Participant | undefined {
    return this.byId.get(userId);
  }

  get self(): Participant | undefined {
    return this.selfId === null ? undefined : this.byId.get(this.selfId);
  }

  /** Members for display: the joining user first, then by name. */
  list(): Participant[] {
    return [...this.byId.values()].sort((a, b) => {
      if (a.userId === this.selfId) return -1;
      if (b.userId === this.selfId) return 1;
      return a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId);
    });
  }

  get size(): number {
    return this.byId.size;
  }
}
