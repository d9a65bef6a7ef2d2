import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

type Operation = { responses: Record<string, unknown>; requestBody?: { content: { "application/json": { schema: { properties?: Record<string, unknown>; oneOf?: unknown[]; anyOf?: unknown[] } } } } };

describe("OpenAPI: regulatory reporting", () => {
  it("documents every regulatory operation of API.md and Logbook's additions", async () => {
    const doc = (await GET().json()) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /api/v1/regulatory/entity",
        "PUT /api/v1/regulatory/entity",
        "GET /api/v1/regulatory/clocks",
        "GET /api/v1/incidents/{idOrRef}/classifications",
        "POST /api/v1/incidents/{idOrRef}/classifications",
        "GET /api/v1/incidents/{idOrRef}/classification-defaults",
        "PUT /api/v1/incidents/{idOrRef}/root-cause",
        "PUT /api/v1/postmortems/{id}/root-cause",
        "GET /api/v1/incidents/{idOrRef}/reports",
        "POST /api/v1/incidents/{idOrRef}/reports",
        "GET /api/v1/reports",
        "GET /api/v1/reports/{id}",
        "PATCH /api/v1/reports/{id}",
        "POST /api/v1/reports/{id}/submit-for-review",
        "POST /api/v1/reports/{id}/approve",
        "POST /api/v1/reports/{id}/mark-submitted",
        "POST /api/v1/reports/{id}/reopen",
        "GET /api/v1/reports/{id}/export",
      ]),
    );
    for (const name of ["ReportingEntity", "Classification", "Clock", "Report", "ReportSummary", "RootCause"]) expect(doc.components.schemas[name]).toBeDefined();
    const classify = doc.paths["/api/v1/incidents/{idOrRef}/classifications"]!.post!;
    expect(JSON.stringify(classify.requestBody)).toContain("clientsAffectedPercent");
    expect(Object.keys(classify.responses)).toEqual(expect.arrayContaining(["201", "409", "422"]));
    expect(Object.keys(doc.paths["/api/v1/reports/{id}/approve"]!.post!.responses)).toContain("409");
  });
});
