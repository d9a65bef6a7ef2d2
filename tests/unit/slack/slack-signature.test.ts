import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signSlackRequest, verifySlackRequest } from "@/lib/ingest/slack-signature";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const NOW = new Date("2026-03-02T10:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&user_id=U2CERLKJA&command=%2Flogbook&text=status+monitoring&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

function raw(body: string, headers: Record<string, string>, receivedAt = NOW) {
  return { headers, body: new TextEncoder().encode(body), receivedAt };
}

/** What Slack computes, written out independently of the module under test. */
function slackHeader(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

describe("verifySlackRequest", () => {
  it("accepts a request signed as Slack signs it", () => {
    const headers = { "x-slack-request-timestamp": String(NOW_SECONDS), "x-slack-signature": slackHeader(BODY, NOW_SECONDS) };
    expect(verifySlackRequest(raw(BODY, headers), SECRET)).toEqual({ ok: true });
    expect(signSlackRequest(BODY, SECRET, NOW_SECONDS)).toEqual(headers);
  });

  it("reads header names in any case", () => {
    const headers = { "X-Slack-Request-Timestamp": String(NOW_SECONDS), "X-Slack-Signature": slackHeader(BODY, NOW_SECONDS).toUpperCase().replace("V0=", "v0=") };
    expect(verifySlackRequest(raw(BODY, headers), SECRET)).toEqual({ ok: true });
  });

  it("refuses a body that differs by one byte, or was decoded and encoded again", () => {
    const headers = signSlackRequest(BODY, SECRET, NOW_SECONDS);
    expect(verifySlackRequest(raw(BODY.replace("monitoring", "resolved"), headers), SECRET)).toEqual({ ok: false, reason: "signature does not match" });
    const reencoded = new URLSearchParams(BODY).toString().replace(/%2F/g, "/");
    expect(reencoded).not.toBe(BODY);
    expect(verifySlackRequest(raw(reencoded, headers), SECRET).ok).toBe(false);
  });

  it("refuses another app's signing secret and an empty configured secret", () => {
    const headers = signSlackRequest(BODY, "another-apps-secret", NOW_SECONDS);
    expect(verifySlackRequest(raw(BODY, headers), SECRET)).toEqual({ ok: false, reason: "signature does not match" });
    expect(verifySlackRequest(raw(BODY, signSlackRequest(BODY, "", NOW_SECONDS)), "").ok).toBe(false);
  });

  it("refuses a timestamp more than five minutes old or ahead, even when correctly signed", () => {
    for (const offset of [-301, 301, -3600]) {
      const at = NOW_SECONDS + offset;
      const verdict = verifySlackRequest(raw(BODY, signSlackRequest(BODY, SECRET, at)), SECRET);
      expect(verdict).toEqual({ ok: false, reason: "X-Slack-Request-Timestamp is more than 5 minutes from now (stale or replayed request)" });
    }
    for (const offset of [-299, 299]) {
      expect(verifySlackRequest(raw(BODY, signSlackRequest(BODY, SECRET, NOW_SECONDS + offset)), SECRET)).toEqual({ ok: true });
    }
  });

  it("refuses a signature computed over a different timestamp than the one sent", () => {
    const headers = { "x-slack-request-timestamp": String(NOW_SECONDS), "x-slack-signature": slackHeader(BODY, NOW_SECONDS - 10) };
    expect(verifySlackRequest(raw(BODY, headers), SECRET).ok).toBe(false);
  });

  it("names what is missing or malformed", () => {
    const ts = String(NOW_SECONDS);
    expect(verifySlackRequest(raw(BODY, {}), SECRET)).toEqual({ ok: false, reason: "missing X-Slack-Request-Timestamp header" });
    expect(verifySlackRequest(raw(BODY, { "x-slack-request-timestamp": "yesterday" }), SECRET).ok).toBe(false);
    expect(verifySlackRequest(raw(BODY, { "x-slack-request-timestamp": ts }), SECRET)).toEqual({ ok: false, reason: "missing X-Slack-Signature header" });
    expect(verifySlackRequest(raw(BODY, { "x-slack-request-timestamp": ts, "x-slack-signature": "v1=abc" }), SECRET)).toEqual({
      ok: false,
      reason: "X-Slack-Signature is not a v0=<hex> HMAC-SHA256 signature",
    });
    const short = slackHeader(BODY, NOW_SECONDS).slice(0, -2);
    expect(verifySlackRequest(raw(BODY, { "x-slack-request-timestamp": ts, "x-slack-signature": short }), SECRET).ok).toBe(false);
  });
});
