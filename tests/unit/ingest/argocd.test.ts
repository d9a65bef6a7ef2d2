import { describe, expect, it } from "vitest";
import { argocdAdapter, repositoryFromGitUrl } from "@/lib/ingest/argocd";
import { IngestParseError } from "@/lib/ingest/errors";
import type { NormalizedChange, ParsedDelivery } from "@/lib/ingest/types";
import { RECEIVED_AT, delivery, fixtureBytes, fixtureJson } from "./ingest-fixtures";

const SHA = "9f4c2e1d7b3a6058e2c1f9d4b7a3e6c0d5f8a2b1";

function parse(name: string): ParsedDelivery {
  return argocdAdapter.parse(delivery(fixtureBytes("argocd", name)));
}

function only(parsed: ParsedDelivery): NormalizedChange {
  expect(parsed.events).toHaveLength(1);
  const [event] = parsed.events;
  if (event?.type !== "change") throw new Error("expected a change");
  return event;
}

type ArgoBody = Record<string, string | null>;

function variant(name: string, changes: ArgoBody): ParsedDelivery {
  return argocdAdapter.parse(delivery({ ...fixtureJson<ArgoBody>("argocd", name), ...changes }));
}

describe("Argo CD notifications (Logbook's recommended template)", () => {
  it("operation Succeeded → sync_succeeded, with app, destination namespace and repository as hints", () => {
    const parsed = parse("sync-succeeded");
    expect(parsed.eventType).toBe("sync_succeeded");
    expect(parsed.dedupKey).toMatch(/^[0-9a-f]{64}$/);
    const change = only(parsed);
    expect(change).toMatchObject({
      kind: "sync_succeeded",
      title: "card-auth-prod synced at 9f4c2e1",
      description: "successfully synced (all tasks run)\n\nProject payments, sync Synced, health Healthy",
      revision: SHA,
      environment: "production",
      actor: "automated",
      url: "https://argocd.nordbank.example/applications/card-auth-prod",
      externalId: `argocd:card-auth-prod:sync_succeeded:${SHA}:2025-03-14T08:36:40Z`,
      hints: { argoApplication: "card-auth-prod", namespace: "payments", repository: "nordbank/card-auth-deploy" },
    });
    expect(change.occurredAt.toISOString()).toBe("2025-03-14T08:36:40.000Z");
  });

  it("operation Failed → sync_failed, with the error message and the scp-style repository", () => {
    const change = only(parse("sync-failed"));
    expect(change).toMatchObject({
      kind: "sync_failed",
      title: "fx-rates-prod sync failed at e5d4c3b",
      actor: "mikko-l",
      hints: { argoApplication: "fx-rates-prod", namespace: "markets", repository: "nordbank/fx-rates" },
    });
    expect(change.description).toContain('Deployment.apps "fx-rates" is invalid');
  });

  it("operation Error → sync_failed, even when health is Degraded", () => {
    expect(only(variant("sync-failed", { operationPhase: "Error", healthStatus: "Degraded" })).kind).toBe("sync_failed");
  });

  it("health Degraded after a successful sync → health_degraded; <no value> counts as absent", () => {
    const change = only(parse("health-degraded"));
    expect(change).toMatchObject({ kind: "health_degraded", title: "card-auth-prod degraded at 9f4c2e1", environment: null });
    expect(change.externalId).not.toBe(only(parse("sync-succeeded")).externalId);
  });

  it("a running or absent operation gives no event", () => {
    expect(parse("sync-running")).toMatchObject({ eventType: "Running.Progressing", events: [] });
    expect(variant("sync-running", { operationPhase: "<no value>", healthStatus: "Healthy" })).toMatchObject({ eventType: "no-operation.Healthy", events: [] });
  });

  it("without finishedAt or revision: the time of receipt, and an externalId from the body", () => {
    const parsed = variant("sync-succeeded", { finishedAt: "", revision: "<no value>", message: null });
    const change = only(parsed);
    expect(change.occurredAt).toEqual(RECEIVED_AT);
    expect(change.revision).toBeNull();
    expect(change.title).toBe("card-auth-prod synced");
    expect(change.externalId).toBe(`argocd:card-auth-prod:sync_succeeded::${parsed.dedupKey}`);
  });

  it.each([
    ["https://github.com/nordbank/card-auth-deploy.git", "nordbank/card-auth-deploy"],
    ["https://github.com/nordbank/card-auth-deploy", "nordbank/card-auth-deploy"],
    ["https://gitlab.nordbank.example/platform/gitops/ledger.git/", "gitops/ledger"],
    ["git@github.com:nordbank/fx-rates.git", "nordbank/fx-rates"],
    ["ssh://git@github.com:22/nordbank/fx-rates.git", "nordbank/fx-rates"],
    ["https://charts.nordbank.example", null],
  ])("repository of %s is %s", (url, repository) => {
    expect(repositoryFromGitUrl(url)).toBe(repository);
  });

  describe("rejects bodies that are not the recommended template", () => {
    function reason(body: string | object): string {
      try {
        argocdAdapter.parse(delivery(body));
      } catch (error) {
        expect(error).toBeInstanceOf(IngestParseError);
        return (error as Error).message;
      }
      throw new Error("expected an IngestParseError");
    }

    it("malformed JSON (e.g. a message with quotes rendered without toJson)", () => {
      expect(reason('{"app": "x", "message": "object "foo" failed"}')).toMatch(/^body is not valid JSON/);
    });
    it("no application name, or a blank one", () => {
      expect(reason({ operationPhase: "Succeeded" })).toMatch(/^invalid Argo CD notification \(see Logbook's recommended template\) payload: app: /);
      expect(reason({ app: "<no value>", operationPhase: "Succeeded" })).toContain("app: expected the application's name");
    });
    it("a field of the wrong type", () => {
      expect(reason({ app: "x", operationPhase: 3 })).toContain("operationPhase");
    });
  });
});
