// Which IP addresses a fetch of an untrusted URL may connect to: public unicast only.

import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** The verdict on one address; `reason` is a noun phrase ("a private address"). */
export type AddressVerdict = { ok: true } | { ok: false; reason: string };

/** Options of {@link checkAddress}. */
export interface AddressPolicyOptions {
  /** Test-only: also allow 127.0.0.0/8 and ::1 (and nothing else that is not public). */
  allowLoopback?: boolean;
}

// ipaddr.js range names, as a user would read them. Anything else that is not "unicast" falls
// back to "a non-public address (<range>)".
const RANGE_REASONS: Readonly<Record<string, string>> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  private: "a private address",
  reserved: "a reserved address (documentation, benchmarking or future use)",
  uniqueLocal: "a unique-local address (fc00::/7)",
  deprecatedSiteLocal: "a site-local address (fec0::/10)",
  discard: "a discard-only address (100::/64)",
  teredo: "a Teredo tunnel address",
  rfc6145: "an IPv4-translated address (::ffff:0:0:0/96)",
  rfc6052: "a local-use NAT64 address (64:ff9b:1::/48)",
  benchmarking: "a benchmarking address",
};

const METADATA_V4 = "169.254.169.254";

/**
 * Whether a fetch may connect to `ip` (any notation `net.isIP` accepts, zone ids included):
 * only public unicast, judged by the IPv4 address inside IPv4-mapped, NAT64 (64:ff9b::/96)
 * and 6to4 forms.
 */
export function checkAddress(ip: string, opts: AddressPolicyOptions = {}): AddressVerdict {
  if (isIP(ip) === 0) return { ok: false, reason: "not an IP address" };
  const address = ipaddr.parse(ip);
  return address.kind() === "ipv4"
    ? checkIPv4(address as ipaddr.IPv4, opts.allowLoopback === true)
    : checkIPv6(address as ipaddr.IPv6, opts.allowLoopback === true);
}

function checkIPv4(address: ipaddr.IPv4, allowLoopback: boolean): AddressVerdict {
  const range = address.range();
  if (range === "unicast") return { ok: true };
  if (range === "loopback" && allowLoopback) return { ok: true };
  if (address.toString() === METADATA_V4) {
    return { ok: false, reason: "a link-local address (the cloud metadata endpoint)" };
  }
  return { ok: false, reason: RANGE_REASONS[range] ?? `a non-public address (${range})` };
}

function checkIPv6(address: ipaddr.IPv6, allowLoopback: boolean): AddressVerdict {
  const parts = address.parts;
  const range = address.range();
  if (range === "loopback" && allowLoopback) return { ok: true };
  // Embedded IPv4 forms are judged by the IPv4 inside; allowLoopback never extends to them.
  if (address.isIPv4MappedAddress()) return embedded(address.toIPv4Address(), "an IPv4-mapped");
  if (isInPrefix(address, "64:ff9b::", 96)) {
    return embedded(ipv4FromWords(parts[6], parts[7]), "a NAT64");
  }
  if (range === "6to4") return embedded(ipv4FromWords(parts[1], parts[2]), "a 6to4");
  if (range !== "unicast") {
    return { ok: false, reason: RANGE_REASONS[range] ?? `a non-public address (${range})` };
  }
  // ipaddr.js calls everything it has no name for "unicast", e.g. the IPv4-compatible
  // ::7f00:1 (which is what WHATWG URL turns [::127.0.0.1] into) or unassigned 4000::/2.
  // Global unicast is 2000::/3 (RFC 4291 §2.4; IANA IPv6 address space registry).
  if (!isInPrefix(address, "2000::", 3)) {
    const isCompatible = parts.slice(0, 6).every((word) => word === 0);
    return {
      ok: false,
      reason: isCompatible
        ? "an IPv4-compatible address (deprecated ::/96)"
        : "an address outside global unicast (2000::/3)",
    };
  }
  return { ok: true };
}

function embedded(inner: ipaddr.IPv4, form: string): AddressVerdict {
  const verdict = checkIPv4(inner, false);
  if (verdict.ok) return verdict;
  return { ok: false, reason: `${form} form of ${inner.toString()}, ${verdict.reason}` };
}

function ipv4FromWords(high: number | undefined, low: number | undefined): ipaddr.IPv4 {
  const h = high ?? 0;
  const l = low ?? 0;
  return new ipaddr.IPv4([h >> 8, h & 0xff, l >> 8, l & 0xff]);
}

function isInPrefix(address: ipaddr.IPv6, prefix: string, bits: number): boolean {
  return address.match(ipaddr.IPv6.parse(prefix), bits);
}
