import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

describe("OpenAPI: postmortems", () => {
  it("documents the postmortem workflow, revisions, compare, export and templates", async () => {
    const doc = (await GET().json()) as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>; components: { schemas: Record<string, unknown> } };
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        "POST /api/v1/incidents/{idOrRef}/postmortem",
        "GET /api/v1/incidents/{idOrRef}/postmortem",
        "GET /api/v1/postmortems/{id}",
        "POST /api/v1/postmortems/{id}/submit",
        "POST /api/v1/postmortems/{id}/approve",
        "POST /api/v1/postmortems/{id}/publish",
        "POST /api/v1/postmortems/{id}/reopen",
        "GET /api/v1/postmortems/{id}/revisions/{revision}",
        "GET /api/v1/postmortems/{id}/compare",
        "GET /api/v1/postmortems/{id}/export",
        "GET /api/v1/postmortem-templates/{key}",
        "PUT /api/v1/postmortem-templates/{key}",
      ]),
    );
    expect(doc.paths["/api/v1/postmortems/{id}/export"]!.get!.responses["200"]!.headers).toHaveProperty("X-Content-SHA256");
    expect(doc.paths["/api/v1/postmortems/{id}/approve"]!.post!.responses).toHaveProperty("409");
    for (const name of ["Postmortem", "PostmortemRevision", "PostmortemComparison", "PostmortemTemplate"]) expect(doc.components.schemas[name], name).toMatchObject({ type: "object" });
  });
});
