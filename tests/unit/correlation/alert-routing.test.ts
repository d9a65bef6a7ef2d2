import { describe, expect, it } from "vitest";
import { routeAlert, type IncomingAlert, type RoutingInput } from "@/lib/correlation/alert-routing";
import { DEFAULT_ROUTING_RULES, matchRoutingRule } from "@/lib/correlation/routing-rules";

const t0 = new Date("2026-03-02T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

function alert(overrides: Partial<IncomingAlert> = {}): IncomingAlert {
  return { fingerprint: "fp1", name: "HighLatency", status: "firing", labels: { severity: "critical", service: "payments-api" }, service: "payments-api", startsAt: t0, ...overrides };
}

function input(overrides: Partial<RoutingInput> = {}): RoutingInput {
  return { alert: alert(), known: null, openIncidents: [], recentlyClosed: [], rules: DEFAULT_ROUTING_RULES, ...overrides };
}

describe("routeAlert", () => {
  const cases: Array<[string, Partial<RoutingInput>, string, Record<string, unknown>?]> = [
    ["a critical alert declares a SEV2", {}, "declare", { severity: "SEV2", recurrenceOf: null }],
    ["a paging alert declares", { alert: alert({ labels: { severity: "page" } }) }, "declare"],
    ["a warning waits in triage", { alert: alert({ labels: { severity: "warning" } }) }, "triage"],
    ["an alert with no severity waits in triage", { alert: alert({ labels: {} }) }, "triage"],
    ["resolved closes the known alert", { alert: alert({ status: "resolved" }), known: { id: "a1", status: "firing", incidentId: "i1", incidentOpen: true } }, "resolve", { alertId: "a1" }],
    ["resolved before seen", { alert: alert({ status: "resolved" }) }, "resolve", { alertId: null }],
    ["re-firing refreshes", { known: { id: "a1", status: "firing", incidentId: "i1", incidentOpen: true } }, "refresh", { incidentId: "i1" }],
    ["re-firing of a triaged alert refreshes", { known: { id: "a1", status: "firing", incidentId: null, incidentOpen: false } }, "refresh", { incidentId: null }],
    [
      "joins an open incident on the same service within the window",
      { alert: alert({ startsAt: minutes(9) }), openIncidents: [{ id: "i1", services: ["payments-api"], lastActivityAt: t0 }] },
      "attach",
      { incidentId: "i1" },
    ],
    [
      "a warning also joins an open incident (grouping comes before rules)",
      { alert: alert({ labels: { severity: "warning" }, startsAt: minutes(2) }), openIncidents: [{ id: "i1", services: ["payments-api"], lastActivityAt: t0 }] },
      "attach",
    ],
    [
      "does not join outside the window",
      { alert: alert({ startsAt: minutes(11) }), openIncidents: [{ id: "i1", services: ["payments-api"], lastActivityAt: t0 }] },
      "declare",
    ],
    [
      "does not join another service's incident",
      { openIncidents: [{ id: "i1", services: ["ledger"], lastActivityAt: t0 }] },
      "declare",
    ],
    [
      "honours a custom window",
      { alert: alert({ startsAt: minutes(25) }), openIncidents: [{ id: "i1", services: ["payments-api"], lastActivityAt: t0 }], windowMs: 30 * 60_000 },
      "attach",
    ],
    [
      "an alert whose incident was resolved opens a new incident linked as a recurrence",
      {
        known: { id: "a1", status: "firing", incidentId: "old", incidentOpen: false },
        recentlyClosed: [{ id: "old", services: ["payments-api"], alertNames: ["HighLatency"], resolvedAt: minutes(-30) }],
      },
      "declare",
      { recurrenceOf: "old" },
    ],
    [
      "a re-fire after resolution links to the latest closed incident",
      {
        known: { id: "a1", status: "resolved", incidentId: "old", incidentOpen: false },
        recentlyClosed: [
          { id: "older", services: ["payments-api"], alertNames: ["HighLatency"], resolvedAt: minutes(-300) },
          { id: "old", services: ["payments-api"], alertNames: ["HighLatency"], resolvedAt: minutes(-30) },
        ],
      },
      "declare",
      { recurrenceOf: "old" },
    ],
  ];
  it.each(cases)("%s", (_name, overrides, action, expected) => {
    const decision = routeAlert(input(overrides));
    expect(decision.action).toBe(action);
    if (expected) expect(decision).toMatchObject(expected);
    expect(decision.reason.length).toBeGreaterThan(0);
  });

  it("picks the most recently active of several joinable incidents", () => {
    const decision = routeAlert(
      input({
        alert: alert({ startsAt: minutes(5) }),
        openIncidents: [
          { id: "earlier", services: ["payments-api"], lastActivityAt: minutes(-3) },
          { id: "later", services: ["payments-api"], lastActivityAt: minutes(4) },
        ],
      }),
    );
    expect(decision).toMatchObject({ action: "attach", incidentId: "later" });
  });
});

describe("matchRoutingRule", () => {
  it("matches case-insensitively and in order", () => {
    const rules = [
      { name: "db", matchLabels: { team: ["data"], severity: ["warning"] }, declare: true, severity: "SEV3" as const },
      ...DEFAULT_ROUTING_RULES,
    ];
    expect(matchRoutingRule({ team: "data", severity: "WARNING" }, rules)?.name).toBe("db");
    expect(matchRoutingRule({ team: "data", severity: "critical" }, rules)?.name).toBe(DEFAULT_ROUTING_RULES[0]!.name);
    expect(matchRoutingRule({ team: "data" }, rules)).toBeNull();
  });
});
