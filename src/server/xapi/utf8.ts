import { XapiError } from "./errors.ts";

const strict = new TextDecoder("utf-8", { fatal: true });

/**
 * Communication 1.4: "All strings MUST be encoded and interpreted as UTF-8". Bytes that are not
 * UTF-8 are a 400, not silently turned into U+FFFD (which would store something the client
 * never sent).
 */
export function utf8Text(bytes: Uint8Array, what: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw new XapiError(400, `The ${what} is not valid UTF-8 (Communication 1.4).`);
  }
}
