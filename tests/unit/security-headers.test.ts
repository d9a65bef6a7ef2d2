import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/auth/security-headers";
import nextConfig from "@/next.config";

function headerMap(dev: boolean): Map<string, string> {
  return new Map(securityHeaders(dev).map((h) => [h.key.toLowerCase(), h.value]));
}

describe("security headers", () => {
  it("forbid framing, sniffing and foreign scripts in production", () => {
    const headers = headerMap(false);
    const csp = headers.get("content-security-policy") ?? "";
    const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).not.toContain("'unsafe-eval'");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("relax only what fast refresh needs in development", () => {
    const csp = headerMap(true).get("content-security-policy") ?? "";
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("are sent on every path by next.config", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toEqual([{ source: "/:path*", headers: expect.arrayContaining([{ key: "X-Content-Type-Options", value: "nosniff" }]) }]);
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});
