import { describe, expect, it } from "vitest";
import { apiSecurityHeaders, pageContentSecurityPolicy, securityHeaders } from "@/lib/auth/security-headers";
import nextConfig from "@/next.config";

function directivesOf(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("security headers", () => {
  it("forbid framing and sniffing on every response", () => {
    const headers = new Map(securityHeaders().map((h) => [h.key.toLowerCase(), h.value]));
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("let a page run only the scripts that carry its nonce", () => {
    const directives = directivesOf(pageContentSecurityPolicy("bm9uY2U=", false));
    expect(directives.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
  });

  it("relax only what fast refresh needs in development", () => {
    const csp = pageContentSecurityPolicy("n", true);
    expect(directivesOf(csp).get("script-src")).toContain("'unsafe-eval'");
    expect(directivesOf(csp).get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("let an API answer load nothing", () => {
    const csp = apiSecurityHeaders().find((h) => h.key === "Content-Security-Policy")?.value ?? "";
    expect(directivesOf(csp).get("default-src")).toEqual(["'none'"]);
  });

  it("are sent on every path by next.config, with the API's policy under /api", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toEqual([
      { source: "/:path*", headers: expect.arrayContaining([{ key: "X-Content-Type-Options", value: "nosniff" }]) },
      { source: "/api/:path*", headers: expect.arrayContaining([expect.objectContaining({ key: "Content-Security-Policy" })]) },
    ]);
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});
