// A cap on how deeply JSON may nest. The LRS stringifies, clones and compares statements with
// recursive code (V8's JSON.stringify among it), which a few kilobytes of "[[[[…" exhaust:
// 5,000 levels threw a RangeError, a 500. The deepest statement the xAPI Data section itself
// builds is about ten levels (a SubStatement's context activity's interaction component's
// description), so 64 leaves more than fifty levels for extension values and documents.
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The nesting depth of JSON text, counted on the raw text before parsing (brackets outside
 * strings; UTF-8 continuation bytes never look like ASCII), so that the check itself cannot
 * run out of stack. Stops counting past `max`.
 */
export function jsonDepth(text: Uint8Array, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return deepest;
}

/** A message for JSON nested deeper than the cap, or null. */
export function jsonDepthProblem(text: Uint8Array, what: string): string | null {
  return jsonDepth(text) > MAX_JSON_DEPTH
    ? `The ${what} nests JSON more than ${MAX_JSON_DEPTH} levels deep (objects and arrays inside each other); the LRS accepts at most ${MAX_JSON_DEPTH}.`
    : null;
}
