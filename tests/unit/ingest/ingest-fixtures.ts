import { readFileSync } from "node:fs";
import path from "node:path";
import type { IngestSource, RawDelivery } from "@/lib/ingest/types";

/** Hand-written payloads modelled on each sender's documented webhook format. */
const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/ingest");

export const RECEIVED_AT = new Date("2025-03-14T12:00:00.000Z");

/** The fixture's exact bytes, as the sender would have signed them. */
export function fixtureBytes(source: IngestSource, name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, source, `${name}.json`)));
}

/** The fixture as an object, for tests that derive a variant from it. */
export function fixtureJson<T = Record<string, unknown>>(source: IngestSource, name: string): T {
  return JSON.parse(new TextDecoder().decode(fixtureBytes(source, name))) as T;
}

function bytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
}

export function delivery(body: Uint8Array | string | object, headers: Record<string, string> = {}): RawDelivery {
  const raw = body instanceof Uint8Array ? body : bytes(body);
  return { headers: { "content-type": "application/json", ...headers }, body: raw, receivedAt: RECEIVED_AT };
}
