/** An error that becomes an HTTP answer: a status, a stable code for clients, a message for people. */
export class HttpError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429;
  readonly code: string;

  constructor(status: HttpError["status"], code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
  }
}
