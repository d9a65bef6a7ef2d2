import { describe, expect, it } from "vitest";
import { matchService, slugForm, type MappableService } from "@/lib/ingest/service-mapping";
import type { ServiceHints } from "@/lib/ingest/types";

const CATALOGUE: MappableService[] = [
  { slug: "card-auth", labels: { team: "payments", component: "card-auth" }, repositories: ["nordbank/card-auth", "nordbank/card-auth-deploy"], fluxObjects: ["Kustomization/flux-system/card-auth"], argoApplications: ["card-auth-prod"], namespaces: ["payments"] },
  { slug: "payments-api", labels: { team: "payments" }, repositories: ["nordbank/payments-api"], namespaces: ["payments"] },
  { slug: "ledger", labels: {}, repositories: ["nordbank/ledger"], fluxObjects: ["HelmRelease/core-banking/ledger"], namespaces: ["core-banking"] },
  { slug: "fx-rates", labels: { "app.kubernetes.io/part-of": "markets" }, repositories: [], argoApplications: ["fx-rates-prod"], namespaces: ["markets"] },
  { slug: "sepa-gateway", labels: {}, repositories: [], namespaces: ["payments"] },
];

describe("matchService", () => {
  it.each<[string, ServiceHints, { slug: string; matchedBy: string } | null]>([
    ["service label equal to a slug", { labels: { service: "ledger", namespace: "payments" } }, { slug: "ledger", matchedBy: "label:service" }],
    ["app label", { labels: { app: "fx-rates" } }, { slug: "fx-rates", matchedBy: "label:app" }],
    ["app.kubernetes.io/name label", { labels: { "app.kubernetes.io/name": "card-auth" } }, { slug: "card-auth", matchedBy: "label:app.kubernetes.io/name" }],
    ["service beats app", { labels: { app: "ledger", service: "card-auth" } }, { slug: "card-auth", matchedBy: "label:service" }],
    ["an unknown service label falls through to app", { labels: { service: "nope", app: "ledger" } }, { slug: "ledger", matchedBy: "label:app" }],
    ["label values compared as slugs", { labels: { service: "Card_Auth" } }, { slug: "card-auth", matchedBy: "label:service" }],
    ["PagerDuty service name compared as a slug", { serviceName: "Payments API" }, { slug: "payments-api", matchedBy: "serviceName" }],
    ["all of a service's catalogue labels present", { labels: { team: "payments", component: "card-auth", pod: "x" } }, { slug: "card-auth", matchedBy: "labels" }],
    ["the service with the most catalogue labels wins", { labels: { team: "payments", component: "card-auth" } }, { slug: "card-auth", matchedBy: "labels" }],
    ["a subset of a service's labels is not enough", { labels: { component: "card-auth" } }, null],
    ["one matching label set", { labels: { team: "payments" } }, { slug: "payments-api", matchedBy: "labels" }],
    ["repository, case-insensitive", { repository: "NordBank/Card-Auth-Deploy" }, { slug: "card-auth", matchedBy: "repository" }],
    ["labels before repository", { labels: { service: "ledger" }, repository: "nordbank/card-auth" }, { slug: "ledger", matchedBy: "label:service" }],
    ["Flux object", { fluxObject: "HelmRelease/core-banking/ledger", namespace: "payments" }, { slug: "ledger", matchedBy: "fluxObject" }],
    ["repository before Flux object", { repository: "nordbank/payments-api", fluxObject: "HelmRelease/core-banking/ledger" }, { slug: "payments-api", matchedBy: "repository" }],
    ["Argo CD application", { argoApplication: "fx-rates-prod", namespace: "payments" }, { slug: "fx-rates", matchedBy: "argoApplication" }],
    ["namespace with one service", { namespace: "markets" }, { slug: "fx-rates", matchedBy: "namespace" }],
    ["namespace shared by three services: first slug", { namespace: "payments" }, { slug: "card-auth", matchedBy: "namespace" }],
    ["an unknown repository falls through to the namespace", { repository: "nordbank/unknown", namespace: "core-banking" }, { slug: "ledger", matchedBy: "namespace" }],
    ["nothing matches", { labels: { service: "unknown" }, repository: "other/repo", namespace: "kube-system" }, null],
    ["no hints", {}, null],
    ["blank values match nothing", { labels: { service: "  " }, serviceName: "", namespace: "" }, null],
  ])("%s", (_label, hints, expected) => {
    expect(matchService(hints, CATALOGUE)).toEqual(expected);
  });

  it("ignores the order of the catalogue", () => {
    const reversed = [...CATALOGUE].reverse();
    for (const hints of [{ namespace: "payments" }, { labels: { team: "payments" } }, { repository: "nordbank/ledger" }] satisfies ServiceHints[]) {
      expect(matchService(hints, reversed)).toEqual(matchService(hints, CATALOGUE));
    }
  });

  it("finds nothing in an empty catalogue", () => {
    expect(matchService({ labels: { service: "ledger" }, namespace: "payments" }, [])).toBeNull();
  });

  it("treats services without optional mapping lists as having none", () => {
    expect(matchService({ fluxObject: "Kustomization/flux-system/card-auth" }, [{ slug: "a", labels: {}, repositories: [] }])).toBeNull();
  });

  it.each([
    ["Payments API", "payments-api"],
    ["payments_api", "payments-api"],
    ["  --Card.Auth-- ", "card-auth"],
    ["ledger", "ledger"],
  ])("slug form of %j is %j", (value, slug) => {
    expect(slugForm(value)).toBe(slug);
  });
});
