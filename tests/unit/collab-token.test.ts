import { beforeAll, describe, expect, it } from "vitest";
import { CollabTokenError, mintCollabToken, postmortemDocumentName, postmortemIdOf, verifyCollabToken } from "@/lib/auth/collab-token";

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET ??= "unit-test-secret-that-is-long-enough-0123";
});

const claims = { organizationId: "org-1", userId: "user-1", userName: "Dana", documentName: postmortemDocumentName("pm-1"), permission: "read" as const };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CollabTokenError) return error.reason;
    throw error;
  }
  return "accepted";
}

describe("collaboration tokens", () => {
  it("round-trips the claims for the document it names", async () => {
    const { token, expiresAt } = await mintCollabToken(claims);
    expect(await verifyCollabToken(token, claims.documentName)).toEqual(claims);
    const ttl = Date.parse(expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
  });

  it("refuses expired, tampered and other-document tokens with a reason", async () => {
    const expired = await mintCollabToken(claims, -1);
    expect(await refusal(verifyCollabToken(expired.token, claims.documentName))).toBe("token-expired");
    const { token } = await mintCollabToken(claims);
    const [header, payload, signature] = token.split(".");
    const raised = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), perm: "write" })).toString("base64url");
    expect(await refusal(verifyCollabToken(`${header}.${raised}.${signature}`, claims.documentName))).toBe("token-invalid");
    expect(await refusal(verifyCollabToken(token, postmortemDocumentName("pm-2")))).toBe("token-wrong-document");
    expect(await refusal(verifyCollabToken("not-a-jwt", claims.documentName))).toBe("token-invalid");
  });

  it("parses only postmortem document names", () => {
    expect(postmortemIdOf("postmortem:3f2c-aa")).toBe("3f2c-aa");
    expect(postmortemIdOf("runbook:1")).toBeNull();
    expect(postmortemIdOf("postmortem:../etc")).toBeNull();
  });
});
