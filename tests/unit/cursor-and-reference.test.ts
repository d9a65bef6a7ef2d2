import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/core/cursor";
import { formatIncidentRef, parseIncidentRef } from "@/lib/core/incident-reference";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("list cursors", () => {
  it("round-trips a keyset position through an opaque, URL-safe string", () => {
    const cursor = encodeCursor({ t: "2024-03-01T12:00:00.000Z", s: 42 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor<{ t: string; s: number }>(cursor, { t: "string", s: "number" })).toEqual({ t: "2024-03-01T12:00:00.000Z", s: 42 });
  });

  it.each([
    ["empty", ""],
    ["not base64", "!!!***"],
    ["base64 of non-JSON", b64("hello")],
    ["JSON null", b64("null")],
    ["a JSON number", b64("42")],
    ["a JSON array", b64("[42]")],
    ["a missing key", b64('{"x":1}')],
    ["the wrong type", b64('{"n":"1"}')],
    ["truncated JSON", b64('{"n":1')],
    ["a fraction", b64('{"n":1.5}')],
    ["a negative number", b64('{"n":-1}')],
    ["an overflowing number", b64('{"n":1e400}')],
    ["an unsafe integer", b64('{"n":9007199254740993}')],
  ])("rejects %s", (_what, cursor) => {
    expect(decodeCursor<{ n: number }>(cursor, { n: "number" })).toBeNull();
  });

  it("rejects a cursor issued for another list", () => {
    const timelineCursor = encodeCursor({ t: "2024-03-01T12:00:00.000Z", s: 1 });
    expect(decodeCursor<{ n: number }>(timelineCursor, { n: "number" })).toBeNull();
  });
});

describe("incident references", () => {
  it("formats and parses INC-n", () => {
    expect(formatIncidentRef(42)).toBe("INC-42");
    expect(parseIncidentRef(formatIncidentRef(7))).toBe(7);
  });

  it.each([
    ["INC-42", 42],
    ["inc-42", 42],
    ["  INC-3 ", 3],
    ["INC-007", 7],
    ["INC-123456789", 123456789],
  ])("parses %j as %d", (value, number) => {
    expect(parseIncidentRef(value)).toBe(number);
  });

  it.each(["INC-", "INC-1234567890", "INC-12a", "INC--1", "INC 42", "42", "XINC-4", "INC-4x", "3f0c2a4e-8a70-4b36-9b64-5b1ad9a1d6f1", ""])(
    "does not take %j for a reference",
    (value) => {
      expect(parseIncidentRef(value)).toBeNull();
    },
  );
});
