// What the course certificate asks of each section's practice quiz, shared by the server that
// issues it and the pages that explain a refusal.

/**
 * The lowest scaled score of a completed practice round that counts towards the course
 * certificate. Above what guessing gets on the banks' mix of two-option and three-to-six-option
 * items (about 0.4), below the exam's pass mark (0.8): practice is for learning, with feedback,
 * and the exam is where mastery is certified.
 */
export const PRACTICE_SCORE_FOR_COURSE = 0.6;
