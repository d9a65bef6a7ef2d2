import { describe, expect, it } from "vitest";
import { BackstageCatalogError, parseBackstageCatalog, slugFromBackstageName } from "@/lib/catalog/backstage-entities";

const CATALOG_INFO = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: Payments_API
  title: Payments API
  description: Card and account-to-account payments
  annotations:
    github.com/project-slug: nordbank/payments-api
    pagerduty.com/service-id: PX1ABCD
    backstage.io/kubernetes-id: payments-api
    backstage.io/kubernetes-namespace: payments
    logbook.io/tier: "1"
    logbook.io/critical-function: "true"
spec:
  type: service
  lifecycle: production
  owner: group:default/team-payments
  system: core-banking
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: core-banking
spec:
  owner: team-payments
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
spec:
  owner: user:default/jane.doe
`;

describe("Backstage Component entities as services", () => {
  it("maps name, owner, repository, PagerDuty, Kubernetes and Logbook annotations", () => {
    const { services, skipped } = parseBackstageCatalog(CATALOG_INFO);
    expect(services[0]).toEqual({
      slug: "payments-api",
      name: "Payments API",
      description: "Card and account-to-account payments",
      team: { slug: "team-payments", name: "team-payments" },
      tier: 1,
      supportsCriticalFunction: true,
      labels: { "backstage.io/system": "core-banking", "backstage.io/lifecycle": "production", "backstage.io/type": "service", "backstage.io/kubernetes-id": "payments-api" },
      repositories: ["nordbank/payments-api"],
      namespaces: ["payments"],
      pagerdutyServiceId: "PX1ABCD",
    });
    expect(skipped).toEqual([{ entity: "system:default/core-banking", reason: "only Component entities become services (this is a System)" }]);
  });

  it("gives a user-owned component no team, and a bare owner name a team", () => {
    const { services } = parseBackstageCatalog(CATALOG_INFO);
    expect(services[1]).toMatchObject({ slug: "ledger", name: "ledger" });
    expect(services[1]!.team).toBeUndefined();
    const bare = parseBackstageCatalog([{ apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "fx" }, spec: { owner: "Treasury Squad" } }]);
    expect(bare.services[0]!.team).toEqual({ slug: "treasury-squad", name: "Treasury Squad" });
  });

  it("takes the catalog API's array and its {items} page as well as YAML", () => {
    const entity = { apiVersion: "backstage.io/v1beta1", kind: "component", metadata: { name: "cards" } };
    expect(parseBackstageCatalog([entity]).services.map((s) => s.slug)).toEqual(["cards"]);
    expect(parseBackstageCatalog({ items: [entity], totalItems: 1 }).services.map((s) => s.slug)).toEqual(["cards"]);
  });

  it("skips, with the reason, what cannot become a service", () => {
    const { services, skipped } = parseBackstageCatalog([
      { kind: "Component", metadata: { name: "no-api-version" } },
      { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "bad-repo", annotations: { "github.com/project-slug": "just-a-name" } } },
      { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "bad-tier", annotations: { "logbook.io/tier": "5" } } },
      { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "bad-ns", annotations: { "backstage.io/kubernetes-namespace": "Not_A_Namespace" } } },
      { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "twice" } },
      { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "Twice" } },
      { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "___" } },
    ]);
    expect(services.map((s) => s.slug)).toEqual(["twice"]);
    expect(skipped).toEqual([
      { entity: "entity 1", reason: expect.stringContaining("apiVersion") },
      { entity: "component:default/bad-repo", reason: 'annotation github.com/project-slug "just-a-name" is not of the form owner/repo' },
      { entity: "component:default/bad-tier", reason: 'annotation logbook.io/tier "5" must be 1, 2, 3 or 4' },
      { entity: "component:default/bad-ns", reason: 'annotation backstage.io/kubernetes-namespace "Not_A_Namespace" is not a Kubernetes namespace name' },
      { entity: "component:default/Twice", reason: "another Component already maps to the service slug twice" },
      { entity: "component:default/___", reason: 'metadata.name "___" has no letters or digits to make a slug of' },
    ]);
  });

  it("refuses text that is not YAML at all", () => {
    expect(() => parseBackstageCatalog("kind: Component\n  metadata: [unclosed")).toThrow(BackstageCatalogError);
  });

  it("makes Logbook slugs of Backstage names", () => {
    expect(slugFromBackstageName("Payments.API_v2")).toBe("payments-api-v2");
    expect(slugFromBackstageName(`${"a".repeat(62)}-b`)).toBe("a".repeat(62));
  });
});
