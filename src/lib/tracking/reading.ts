// When a lesson counts as read: the learner reached its end AND spent a minimum time on it
// with the page visible. The minimum is READING_SHARE of the lesson's estimated reading time
// (front matter `minutes`), at least MIN_READING_MS: a learner who jumps to the end, or leaves
// the tab open in the background, has not read the lesson. Time only runs while the page is
// visible, so switching tabs or minimising the browser pauses it.

export const READING_SHARE = 0.25;
/**
 * Careful reading speed for a lesson: dense official Kazakh text plus explanations, read to be
 * understood and remembered, not skimmed (adult readers' ~200 words a minute for easy prose
 * drops well below that for legal text).
 */
export const WORDS_PER_MINUTE = 120;
export const MIN_READING_MS = 30_000;

/** The estimated reading time of a lesson of `words` words, in whole minutes (front matter). */
export function estimatedMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export function requiredReadingMs(minutes: number): number {
  const estimate = Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0;
  return Math.max(MIN_READING_MS, Math.round(estimate * READING_SHARE));
}

/** Visible time on a page, fed with visibility changes and an injectable clock reading. */
export class VisibleTime {
  private total = 0;
  private since: number | null;

  constructor(now: number, visible: boolean) {
    this.since = visible ? now : null;
  }

  show(now: number): void {
    this.since ??= now;
  }

  hide(now: number): void {
    if (this.since !== null) this.total += Math.max(0, now - this.since);
    this.since = null;
  }

  elapsed(now: number): number {
    return this.total + (this.since === null ? 0 : Math.max(0, now - this.since));
  }

  /** Milliseconds of visible time still needed to reach `required` (0 when reached). */
  remaining(now: number, required: number): number {
    return Math.max(0, required - this.elapsed(now));
  }
}
