// Whether the user gave input since the last heartbeat (P-SPR-11). Pure: the UI feeds it events.

/** Collects "there was input" between two heartbeats. */
export class ActivityTracker {
  private active = false;

  /** Any keyboard, pointer, wheel or touch input on the page (board edits included). */
  noteInput(): void {
    this.active = true;
  }

  /** Whether there was input since the previous call; resets the flag. */
  take(): boolean {
    const was = this.active;
    this.active = false;
    return was;
  }
}
