import { describe, expect, it } from "vitest";
import { checkAddress } from "./address-policy.js";

describe("checkAddress", () => {
  it.each([
    ["8.8.8.8"],
    ["1.1.1.1"],
    ["93.184.216.34"],
    ["2606:4700::1111"],
    ["2a00:1450:4001:80b::200e"],
    ["::ffff:8.8.8.8"], // IPv4-mapped public
    ["64:ff9b::808:808"], // NAT64 of a public address (DNS64 networks)
    ["2002:808:808::1"], // 6to4 of a public address
  ])("allows the public unicast address %s", (ip) => {
    expect(checkAddress(ip)).toEqual({ ok: true });
  });

  it.each([
    ["127.0.0.1", "a loopback address"],
    ["10.255.0.1", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.0.1", "a private address"],
    ["169.254.169.254", "a link-local address (the cloud metadata endpoint)"],
    ["169.254.1.1", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT address (100.64.0.0/10)"],
    ["0.0.0.0", "an unspecified address"],
    ["0.1.2.3", "an unspecified address"],
    ["255.255.255.255", "a broadcast address"],
    ["239.255.255.250", "a multicast address"],
    ["192.0.0.8", "a reserved address (documentation, benchmarking or future use)"],
    ["198.51.100.7", "a reserved address (documentation, benchmarking or future use)"],
    ["203.0.113.9", "a reserved address (documentation, benchmarking or future use)"],
    ["::1", "a loopback address"],
    ["::", "an unspecified address"],
    ["::ffff:127.0.0.1", "an IPv4-mapped form of 127.0.0.1, a loopback address"],
    ["::ffff:7f00:1", "an IPv4-mapped form of 127.0.0.1, a loopback address"],
    ["::7f00:1", "an IPv4-compatible address (deprecated ::/96)"],
    ["64:ff9b::a00:1", "a NAT64 form of 10.0.0.1, a private address"],
    ["64:ff9b:1::a00:1", "a local-use NAT64 address (64:ff9b:1::/48)"],
    [
      "2002:a9fe:a9fe::",
      "a 6to4 form of 169.254.169.254, a link-local address (the cloud metadata endpoint)",
    ],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "a Teredo tunnel address"],
    ["fc00::1", "a unique-local address (fc00::/7)"],
    ["fe80::1%eth0", "a link-local address"],
    ["fec0::1", "a site-local address (fec0::/10)"],
    ["ff02::1", "a multicast address"],
    ["2001:db8::1", "a reserved address (documentation, benchmarking or future use)"],
    ["2001:2::1", "a benchmarking address"],
    ["100::1", "a discard-only address (100::/64)"],
    ["4000::1", "an address outside global unicast (2000::/3)"],
  ])("refuses %s as %s", (ip, reason) => {
    expect(checkAddress(ip)).toEqual({ ok: false, reason });
  });

  it("lets the test-only switch allow loopback and nothing else", () => {
    const allowLoopback = { allowLoopback: true };
    expect(checkAddress("127.0.0.1", allowLoopback)).toEqual({ ok: true });
    expect(checkAddress("127.9.9.9", allowLoopback)).toEqual({ ok: true });
    expect(checkAddress("::1", allowLoopback)).toEqual({ ok: true });
    expect(checkAddress("::ffff:127.0.0.1", allowLoopback).ok).toBe(false);
    expect(checkAddress("10.0.0.1", allowLoopback).ok).toBe(false);
    expect(checkAddress("169.254.169.254", allowLoopback).ok).toBe(false);
    expect(checkAddress("0.0.0.0", allowLoopback).ok).toBe(false);
  });

  it("refuses strings that are not IP addresses instead of guessing", () => {
    expect(checkAddress("2130706433")).toEqual({ ok: false, reason: "not an IP address" });
    expect(checkAddress("localhost")).toEqual({ ok: false, reason: "not an IP address" });
  });
});
