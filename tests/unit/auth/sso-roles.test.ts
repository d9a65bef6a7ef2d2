import { describe, expect, it } from "vitest";
import { roleFromClaim } from "@/lib/core/sso-roles";

const MAPPING = { sre: "responder", "logbook-admins": "admin", auditors: "compliance", typo: "superuser" };

describe("the role an identity provider's claim grants", () => {
  it("maps one value, and takes the highest role of a list", () => {
    expect(roleFromClaim("sre", MAPPING, "viewer")).toBe("responder");
    expect(roleFromClaim(["sre", "logbook-admins"], MAPPING, "viewer")).toBe("admin");
    expect(roleFromClaim(["auditors", "sre"], MAPPING, "viewer")).toBe("compliance");
  });

  it("falls back to the default for no claim, no match, or a mapping to no Logbook role", () => {
    expect(roleFromClaim(undefined, MAPPING, "viewer")).toBe("viewer");
    expect(roleFromClaim([], MAPPING, "responder")).toBe("responder");
    expect(roleFromClaim(["marketing"], MAPPING, "viewer")).toBe("viewer");
    expect(roleFromClaim("typo", MAPPING, "viewer")).toBe("viewer");
    expect(roleFromClaim({ sre: true }, MAPPING, "viewer")).toBe("viewer");
  });

  it("compares claim values as text (numeric group ids)", () => {
    expect(roleFromClaim([1001], { "1001": "editor" }, "viewer")).toBe("editor");
  });
});
