import { describe, expect, it } from "vitest";
import { INGEST_SOURCES } from "@/lib/ingest/registry";
import { INTEGRATION_KIND_OPTIONS, INTEGRATION_KINDS } from "@/components/integrations/integration-kinds";

// The adapter registry is the one list of integration kinds. The browser's labels cannot
// import it (the adapters use node:crypto), so its type names the same kinds; this keeps the
// order the add dialog offers them in the registry's too.
describe("integration kinds", () => {
  it("are offered in the browser exactly as the registry lists them", () => {
    expect(INTEGRATION_KIND_OPTIONS).toEqual(INGEST_SOURCES);
    expect(Object.keys(INTEGRATION_KINDS)).toEqual(INGEST_SOURCES);
  });
});
