// The one rule, for /xapi and /api alike, on which browser requests may use the session
// cookie. A cookie rides along with any request the browser makes to this origin, including
// ones a page on another port or subdomain starts (SameSite is per site, not per origin), and
// a form posted from such a page is a "simple" request that no CORS preflight stops.

/**
 * Why a request may not use the session cookie, or null. Allowed: an Origin equal to the
 * configured origin (or the request's own, for a site reached under another host name), or no
 * Origin with Sec-Fetch-Site same-origin, none (typed or bookmarked) or absent (old browsers,
 * which send Origin on every cross-origin fetch anyway).
 */
export function foreignRequest(request: Request, origin: string): string | null {
  const from = request.headers.get("origin");
  if (from !== null) {
    if (from === origin || from === new URL(request.url).origin) return null;
    return `Requests from ${from} may not use the session; only pages of ${origin} may.`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site === null || site === "same-origin" || site === "none") return null;
  return `A ${site} request may not use the session; only pages of ${origin} may.`;
}
