import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { INGEST_ADAPTERS } from "@/lib/ingest/registry";
import { hmacSha256Hex, verifyBearer, verifyHmacSha256 } from "@/lib/ingest/signatures";
import type { IngestSource } from "@/lib/ingest/types";
import { delivery, fixtureBytes } from "./ingest-fixtures";

const SECRET = "whsec_3v9Qk2LmR8tZ";

function hmac(body: Uint8Array | string, secret = SECRET): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** One flipped byte in the middle of the body. */
function tampered(body: Uint8Array): Uint8Array {
  const copy = new Uint8Array(body);
  const at = Math.floor(copy.length / 2);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** The body as a framework would re-serialise it after JSON.parse: same data, different bytes. */
function reserialised(body: Uint8Array): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(body))));
}

const HMAC_SOURCES: Array<{ source: IngestSource; fixture: string; header: string; prefix: string }> = [
  { source: "github", fixture: "push-main", header: "x-hub-signature-256", prefix: "sha256=" },
  { source: "flux", fixture: "kustomization-health-failed", header: "x-signature", prefix: "sha256=" },
  { source: "pagerduty", fixture: "acknowledged", header: "x-pagerduty-signature", prefix: "v1=" },
];

describe.each(HMAC_SOURCES)("$source HMAC-SHA256 in $header", ({ source, fixture, header, prefix }) => {
  const adapter = INGEST_ADAPTERS[source];
  const body = fixtureBytes(source, fixture);
  const verify = (bytes: Uint8Array, headers: Record<string, string>, secret = SECRET) => adapter.verify(delivery(bytes, headers), secret);

  it("accepts the signature of the raw bytes", () => {
    expect(verify(body, { [header]: `${prefix}${hmac(body)}` })).toEqual({ ok: true });
  });

  it("accepts upper-case hex and a header name in another case", () => {
    expect(verify(body, { [header.toUpperCase()]: `${prefix}${hmac(body).toUpperCase()}` })).toEqual({ ok: true });
  });

  it("refuses a signature made with another secret", () => {
    expect(verify(body, { [header]: `${prefix}${hmac(body, "someone-else")}` })).toEqual({ ok: false, reason: "signature does not match" });
  });

  it("refuses a missing header, naming it", () => {
    const result = verify(body, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.toLowerCase()).toBe(`missing ${header} header`);
  });

  it("refuses the right digest under the wrong prefix", () => {
    const wrong = prefix === "v1=" ? "sha256=" : "sha1=";
    const result = verify(body, { [header]: `${wrong}${hmac(body)}` });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(`no ${prefix}<hex> signature`) });
  });

  it("refuses a bare digest without prefix, and a truncated one", () => {
    expect(verify(body, { [header]: hmac(body) }).ok).toBe(false);
    expect(verify(body, { [header]: `${prefix}${hmac(body).slice(0, 63)}` })).toEqual({ ok: false, reason: expect.stringContaining("not a hex HMAC-SHA256 signature") });
  });

  it("refuses a body with one byte changed", () => {
    expect(verify(tampered(body), { [header]: `${prefix}${hmac(body)}` })).toEqual({ ok: false, reason: "signature does not match" });
  });

  it("refuses a signature computed over re-serialised JSON instead of the raw bytes", () => {
    const compact = reserialised(body);
    expect(compact).not.toEqual(body);
    expect(verify(body, { [header]: `${prefix}${hmac(compact)}` })).toEqual({ ok: false, reason: "signature does not match" });
  });

  it("refuses everything when the integration has no secret", () => {
    expect(verify(body, { [header]: `${prefix}${hmac(body, "")}` }, "")).toEqual({ ok: false, reason: "the integration has no secret configured" });
  });
});

it("names the header in its canonical spelling", () => {
  const body = fixtureBytes("github", "push-main");
  expect(INGEST_ADAPTERS.github.verify(delivery(body, {}), SECRET)).toEqual({ ok: false, reason: "missing X-Hub-Signature-256 header" });
  expect(INGEST_ADAPTERS.flux.verify(delivery(body, {}), SECRET)).toEqual({ ok: false, reason: "missing X-Signature header" });
  expect(INGEST_ADAPTERS.pagerduty.verify(delivery(body, {}), SECRET)).toEqual({ ok: false, reason: "missing X-PagerDuty-Signature header" });
});

describe("PagerDuty signature lists", () => {
  const body = fixtureBytes("pagerduty", "resolved");
  const verify = (value: string) => INGEST_ADAPTERS.pagerduty.verify(delivery(body, { "x-pagerduty-signature": value }), SECRET);

  it("passes when any v1 signature in the list matches (secret rotation)", () => {
    expect(verify(`v1=${hmac(body, "old-secret")},v1=${hmac(body)}`)).toEqual({ ok: true });
    expect(verify(`v1=${hmac(body)}, v1=${hmac(body, "new-secret")}`)).toEqual({ ok: true });
  });

  it("fails when none matches, and ignores other versions", () => {
    expect(verify(`v1=${hmac(body, "old-secret")},v1=${hmac(body, "new-secret")}`)).toEqual({ ok: false, reason: "signature does not match" });
    expect(verify(`v2=${hmac(body)}`).ok).toBe(false);
  });

  it("does not accept lists where a single signature is expected", () => {
    const github = fixtureBytes("github", "push-main");
    const result = verifyHmacSha256({ "x-hub-signature-256": `sha256=${hmac(github, "x")},sha256=${hmac(github)}` }, "X-Hub-Signature-256", "sha256=", github, SECRET);
    expect(result.ok).toBe(false);
  });
});

describe("Bearer secrets (Alertmanager, Grafana, Argo CD, generic)", () => {
  const BEARER_SOURCES: IngestSource[] = ["alertmanager", "grafana", "argocd", "generic"];

  it.each(BEARER_SOURCES)("%s accepts its secret and refuses another", (source) => {
    const adapter = INGEST_ADAPTERS[source];
    expect(adapter.verify(delivery("{}", { authorization: `Bearer ${SECRET}` }), SECRET)).toEqual({ ok: true });
    expect(adapter.verify(delivery("{}", { authorization: "Bearer not-it" }), SECRET)).toEqual({ ok: false, reason: "bearer token does not match" });
  });

  it.each([
    [{}, "missing Authorization header"],
    [{ authorization: "" }, "missing Authorization header"],
    [{ authorization: `Basic ${Buffer.from(`logbook:${SECRET}`).toString("base64")}` }, "Authorization header is not a Bearer token"],
    [{ authorization: `Bearer ${SECRET} extra` }, "Authorization header is not a Bearer token"],
    [{ authorization: `Bearer ${SECRET}x` }, "bearer token does not match"],
    [{ authorization: `Bearer ${SECRET.slice(0, -1)}` }, "bearer token does not match"],
  ])("refuses %o: %s", (headers, reason) => {
    expect(verifyBearer(headers as Record<string, string>, SECRET)).toEqual({ ok: false, reason });
  });

  it("accepts any case of the scheme and surrounding spaces", () => {
    expect(verifyBearer({ authorization: `bearer   ${SECRET} ` }, SECRET)).toEqual({ ok: true });
  });

  it("refuses an empty secret even against an empty token", () => {
    expect(verifyBearer({ authorization: "Bearer " }, "")).toEqual({ ok: false, reason: "the integration has no secret configured" });
  });
});

describe("hmacSha256Hex", () => {
  it("is the hex HMAC a sender puts after its prefix", () => {
    const body = fixtureBytes("flux", "kustomization-reconciled");
    expect(hmacSha256Hex(body, SECRET)).toBe(hmac(body));
    expect(verifyHmacSha256({ "x-signature": `sha256=${hmacSha256Hex(body, SECRET)}` }, "X-Signature", "sha256=", body, SECRET)).toEqual({ ok: true });
  });
});
