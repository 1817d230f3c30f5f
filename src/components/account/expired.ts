// Whose session ended without them signing out, so the page can say "sign in again to send
// your N records" instead of leaving them waiting silently.
const KEY = "adal.expired.v1";

export function markExpired(actorKey: string): void {
  try {
    localStorage.setItem(KEY, actorKey);
  } catch {}
}

export function expiredActor(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function clearExpired(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {}
}
