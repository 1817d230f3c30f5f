// The address a request comes from, for the per-address sign-in limit: the TCP peer, unless
// the peer is a configured reverse proxy, in which case X-Forwarded-For is read from the right,
// skipping trusted proxies, to the first address a proxy of ours saw. A client cannot pick its
// own bucket by sending the header: from anyone else it is ignored.
import type { Context } from "hono";

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is the same host as 10.0.0.1. */
const normal = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/iu, "");

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/** The TCP peer of a request served by @hono/node-server; null in-process (app.request). */
export function peerAddress(c: Context): string | null {
  const env = c.env as NodeBindings | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return address ? normal(address) : null;
}

export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string | null {
  const peer = peerAddress(c);
  if (peer === null || !trustedProxies.has(peer)) return peer;
  const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map(normal).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trustedProxies.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}
