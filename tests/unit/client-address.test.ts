import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientAddress } from "@/lib/auth/client-address";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.7, fd00::/8");

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever the headers say", () => {
    expect(resolveClientAddress("198.51.100.4", { forwardedFor: "203.0.113.9", realIp: "203.0.113.10" }, none)).toBe("198.51.100.4");
    expect(resolveClientAddress("::ffff:198.51.100.4", {}, none)).toBe("198.51.100.4");
    expect(resolveClientAddress(undefined, { forwardedFor: "203.0.113.9" }, none)).toBeNull();
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.4", { forwardedFor: "203.0.113.9" }, proxies)).toBe("198.51.100.4");
  });

  it("behind trusted proxies, is the nearest forwarded hop that is not a proxy", () => {
    expect(resolveClientAddress("10.0.0.2", { forwardedFor: "203.0.113.9" }, proxies)).toBe("203.0.113.9");
    // A client that writes its own X-Forwarded-For only adds hops to the left of the real one.
    expect(resolveClientAddress("10.0.0.2", { forwardedFor: "1.2.3.4, 203.0.113.9, 192.0.2.7" }, proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("fd00::1", { forwardedFor: "2001:db8::5" }, proxies)).toBe("2001:db8::5");
    expect(resolveClientAddress("10.0.0.2", { realIp: "203.0.113.11" }, proxies)).toBe("203.0.113.11");
  });

  it("stops at the last proxy when a hop is not an address, or every hop is a proxy", () => {
    expect(resolveClientAddress("10.0.0.2", { forwardedFor: "evil, 10.0.0.3" }, proxies)).toBe("10.0.0.3");
    expect(resolveClientAddress("10.0.0.2", { forwardedFor: "10.0.0.9" }, proxies)).toBe("10.0.0.9");
  });

  it("refuses a trusted-proxy entry that is no address or range, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow('"proxy.internal" is not an IP address or CIDR range');
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10.0.0.0\/33/);
  });
});
