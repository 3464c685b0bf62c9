import { describe, expect, it } from "vitest";
import { clientPrefix } from "./client-prefix.js";

describe("clientPrefix", () => {
  it("is the address itself for IPv4: every IPv4 address is its own client", () => {
    const keys = new Set(Array.from({ length: 30 }, (_, i) => clientPrefix(`127.0.0.${i + 1}`)));
    expect(keys.size).toBe(30);
    expect(clientPrefix("203.0.113.7")).toBe("203.0.113.7");
  });

  it("groups an IPv6 /64, which one host controls, into one client", () => {
    const keys = new Set(
      Array.from({ length: 30 }, (_, i) =>
        clientPrefix(`2001:db8:1:2:${i.toString(16)}::${i + 1}`),
      ),
    );
    expect([...keys]).toEqual(["2001:db8:1:2::/64"]);
    expect(clientPrefix("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(clientPrefix("2001:db8:1:3::1")).not.toBe(clientPrefix("2001:db8:1:2::1"));
    expect(clientPrefix("::1")).toBe("::/64");
    // A zone index names the interface, not another client.
    expect(clientPrefix("fe80::1%eth0")).toBe(clientPrefix("fe80::2%eth1"));
  });

  it("sees an IPv4-mapped IPv6 address (a dual-stack socket) as the IPv4 client", () => {
    expect(clientPrefix("::ffff:127.0.0.2")).toBe("127.0.0.2");
    expect(clientPrefix("::ffff:7f00:3")).toBe("127.0.0.3");
  });

  it("puts anything that is not an address into one shared client", () => {
    expect(clientPrefix(undefined)).toBe("unknown");
    expect(clientPrefix("")).toBe("unknown");
    expect(clientPrefix("not an address")).toBe("unknown");
  });
});
