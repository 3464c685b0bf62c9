// Which Host headers the server answers: a page on another name (a DNS-rebinding attack points
// attacker.example at 127.0.0.1) is refused with 421 before any handler runs, so a server with
// no token cannot be driven from another site's script.
import { isIP } from "node:net";

export interface HostPolicy {
  /** True when the server answers a request that names `host` (the Host header). */
  allows(host: string | undefined): boolean;
}

/**
 * IP addresses (a rebinding attack needs a name: a page on an address is its own origin) and
 * `localhost` are always answered; names only when configured: `baseUrl`'s host, and each
 * entry of `allowed` (`name` for any port, `name:port` for one; `*` for any name).
 */
export function hostPolicy(allowed: readonly string[], baseUrl: string | undefined): HostPolicy {
  if (allowed.includes("*")) return { allows: () => true };
  const names = new Set(allowed.map(normalEntry));
  if (baseUrl) {
    const base = new URL(baseUrl);
    names.add(base.hostname.toLowerCase());
  }
  return {
    allows(host) {
      const parsed = parseHost(host);
      if (!parsed) return false;
      const { hostname, port } = parsed;
      if (hostname === "localhost" || isIP(hostname.replace(/^\[|\]$/g, "")) !== 0) return true;
      return names.has(hostname) || (port !== "" && names.has(`${hostname}:${port}`));
    },
  };
}

/** The host name as URL parsing writes it (lowercase, punycode) and the port as written. */
function parseHost(host: string | undefined): { hostname: string; port: string } | undefined {
  if (!host || /[/?#@\s\\]/.test(host)) return undefined;
  const url = URL.parse(`http://${host}`);
  if (!url) return undefined;
  return { hostname: url.hostname, port: host.match(/:(\d+)$/)?.[1] ?? "" };
}

function normalEntry(entry: string): string {
  const parsed = parseHost(entry);
  if (!parsed) return entry;
  return parsed.port === "" ? parsed.hostname : `${parsed.hostname}:${parsed.port}`;
}

/**
 * What to tell the operator of a server bound to every address (0.0.0.0, ::) that answers no
 * name: reached by one (through a load balancer, or on a LAN), it would answer 421.
 */
export function namesNote(
  boundHost: string,
  allowed: readonly string[],
  baseUrl: string | undefined,
): string | undefined {
  const everyAddress = boundHost === "0.0.0.0" || boundHost === "::" || boundHost === "[::]";
  if (!everyAddress || allowed.length > 0 || baseUrl) return undefined;
  return "Answering IP addresses and localhost only: to be reached by a name (e.g. behind a load balancer), set FACTUALLY_BASE_URL to the public address or list the names in FACTUALLY_ALLOWED_HOSTS; other names get 421";
}
