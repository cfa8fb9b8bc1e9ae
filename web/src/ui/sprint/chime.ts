// A short two-note chime made with WebAudio (no asset files), and the optional browser notification.

let context: AudioContext | null = null;

/** Creates (or resumes) the audio context; call from a user gesture so browsers allow sound later. */
export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    // No WebAudio (or blocked): phase changes stay silent, the bar still shows them.
    context = null;
  }
}

/** Plays the chime: a rising pair of soft sine notes, about 0.6 s. */
export function playChime(): void {
  if (context === null) unlockAudio();
  const audio = context;
  if (audio === null || audio.state !== 'running') return;
  const start = audio.currentTime + 0.02;
  [659.25, 987.77].forEach((frequency, i) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + i * 0.18;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.45);
  });
}

/** Shows a browser notification when allowed and the page is not in view. */
export function notifyPhase(title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !document.hidden) return;
  try {
    new Notification(title, { body, tag: 'studyrooms-sprint' });
  } catch {
    // Some browsers allow notifications only from a service worker; the chime and title still tell.
  }
}
