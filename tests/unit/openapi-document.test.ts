import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

describe("GET /api/v1/openapi.json", () => {
  it("documents every operation of the foundation's part of API.md", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /api/health",
        "POST /api/v1/incidents",
        "GET /api/v1/incidents",
        "GET /api/v1/incidents/{idOrRef}",
        "PATCH /api/v1/incidents/{idOrRef}",
        "POST /api/v1/incidents/{idOrRef}/notes",
        "GET /api/v1/incidents/{idOrRef}/timeline",
        "POST /api/v1/services",
        "GET /api/v1/services",
        "GET /api/v1/audit",
        "GET /api/v1/audit/verify",
        "GET /api/v1/audit/export",
      ]),
    );
    const declare = doc.paths["/api/v1/incidents"]!.post as unknown as { requestBody: { content: { "application/json": { schema: { required: string[]; properties: Record<string, unknown> } } } } };
    const body = declare.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["title", "severity"]));
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["summary", "services", "status", "occurredAt", "externalId"]));
    expect(doc.components.schemas.Incident).toMatchObject({ type: "object" });
    for (const methods of Object.values(doc.paths)) for (const operation of Object.values(methods)) expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
  });
});
