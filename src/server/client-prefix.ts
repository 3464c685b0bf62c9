// Who "one client" is for every per-client limit (checks, refreshes, ratings, comment bytes):
// an IPv4 address, or an IPv6 /64 — one host is routinely given a whole /64, so counting IPv6
// addresses one by one would hand it 2^64 budgets. IPv4-mapped IPv6 is the IPv4 client.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import ipaddr from "ipaddr.js";

/** Clients whose address is missing or unreadable share this one key (and so one budget). */
export const UNKNOWN_CLIENT = "unknown";

/** The client key of a peer address: "203.0.113.7", or "2001:db8:1:2::/64". */
export function clientPrefix(address: string | undefined): string {
  // A zone index (fe80::1%eth0) names the interface the packet came in on, not a client.
  const bare = address?.split("%")[0] ?? "";
  if (!ipaddr.isValid(bare)) return UNKNOWN_CLIENT;
  const parsed = ipaddr.process(bare);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/**
 * The client key of a request's connected peer. X-Forwarded-For is ignored on purpose: any
 * client can write it, so trusting it would let one client pose as many.
 */
export function clientOf(c: Context): string {
  try {
    return clientPrefix(getConnInfo(c).remote.address);
  } catch {
    // Not served by @hono/node-server (e.g. app.request in a unit test): one shared bucket.
    return UNKNOWN_CLIENT;
  }
}
