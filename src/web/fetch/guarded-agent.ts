// An undici Agent whose sockets can only reach public addresses: the check runs inside the
// connector, on the very addresses the socket then connects to.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import { type AddressPolicyOptions, checkAddress } from "./address-policy.js";

/** A connection refused because of where it would go; the message says where and why. */
export class BlockedAddressError extends Error {
  /** The refused address. */
  readonly address: string;

  constructor(address: string, message: string) {
    super(message);
    this.name = "BlockedAddressError";
    this.address = address;
  }
}

/** Options of {@link createGuardedAgent}. */
export interface GuardedAgentOptions extends AddressPolicyOptions {
  /** DNS resolution; `dns.lookup` by default. Tests pass a table. */
  lookup?: LookupFunction;
  /** Time to establish a connection (TCP + TLS). */
  connectTimeoutMs: number;
  /** undici's per-request headers/body inactivity timeouts. */
  inactivityTimeoutMs: number;
}

/**
 * An Agent that refuses any connection to a non-public address. Three checks, one per way an
 * address reaches a socket: IP-literal hosts (undici's connector never calls `lookup` for
 * them), every address a name resolves to (checked in the `lookup` the socket itself uses, so
 * there is no second resolution to rebind), and the socket's remote address once connected.
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const policy: AddressPolicyOptions = { allowLoopback: options.allowLoopback === true };
  const connect = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardLookup(options.lookup ?? resolveAll, policy),
  });
  const guardedConnect: buildConnector.connector = (connectOptions, callback) => {
    // undici hands over IPv6 hosts without brackets; strip them anyway in case that changes.
    const literal = connectOptions.hostname.replace(/^\[(.*)\]$/, "$1");
    if (isIP(literal) !== 0) {
      const verdict = checkAddress(literal, policy);
      if (!verdict.ok) {
        callback(new BlockedAddressError(literal, `${literal} is ${verdict.reason}`), null);
        return;
      }
    }
    connect(connectOptions, (error, socket) => {
      const remote = socket?.remoteAddress;
      if (error === null && remote !== undefined) {
        const verdict = checkAddress(remote, policy);
        if (!verdict.ok) {
          socket.destroy();
          callback(
            new BlockedAddressError(remote, `connected to ${remote}, ${verdict.reason}`),
            null,
          );
          return;
        }
      }
      if (error === null) callback(null, socket);
      else callback(error, null);
    });
  };
  return new Agent({
    connect: guardedConnect,
    headersTimeout: options.inactivityTimeoutMs,
    bodyTimeout: options.inactivityTimeoutMs,
  });
}

/** A lookup that resolves through `resolve` and fails unless every address is allowed. */
function guardLookup(resolve: LookupFunction, policy: AddressPolicyOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, result, family) => {
      if (error) {
        callback(error, "");
        return;
      }
      const addresses: LookupAddress[] =
        typeof result === "string" ? [{ address: result, family: family ?? 0 }] : result;
      // Mixed answers are refused whole: a rebinding server can return one public and one
      // private address and let the client's fallback pick the private one.
      const listed = addresses.map((entry) => entry.address).join(", ");
      for (const { address } of addresses) {
        const verdict = checkAddress(address, policy);
        if (!verdict.ok) {
          const among = addresses.length > 1 ? ` (of ${listed})` : "";
          callback(
            new BlockedAddressError(address, `resolves to ${address}${among}, ${verdict.reason}`),
            "",
          );
          return;
        }
      }
      const first = addresses[0];
      if (first === undefined) {
        callback(
          Object.assign(new Error(`${hostname} resolved to no address`), { code: "ENOTFOUND" }),
          "",
        );
      } else if (lookupOptions.all === true) {
        callback(null, addresses);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}

const resolveAll: LookupFunction = (hostname, lookupOptions, callback) =>
  dnsLookup(hostname, { ...lookupOptions, all: true }, callback);
