/**
 * An error the LRS answers with a status and a message a person can act on.
 * Thrown anywhere below the routes; the app's error handler turns it into the response.
 */
export class XapiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = "XapiError";
    this.status = status;
  }
}
