/**
 * An error the LRS answers with a status and a message a person can act on.
 * Thrown anywhere below the routes; the app's error handler turns it into the response.
 */
export class XapiError extends Error {
  readonly status: number;
  /** A stable reason for programs (e.g. "password-change-required"), sent as `code`. */
  readonly code: string | undefined;

  /** Response headers that belong to the answer (e.g. Retry-After with a 429). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    message: string,
    code?: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "XapiError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}
