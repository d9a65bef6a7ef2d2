import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { argocdAdapter } from "@/lib/ingest/argocd";
import { genericAdapter } from "@/lib/ingest/generic";
import { ARGOCD_TRIGGERS, GITHUB_EVENTS, PAGERDUTY_EVENTS, SECRET_PLACEHOLDER, setupSnippet } from "@/lib/ingest/setup-snippets";
import { INGEST_SOURCES } from "@/lib/ingest/registry";

// js-yaml is already installed (through ESLint); loading it untyped keeps it out of the
// app's dependencies while still proving the snippets are YAML a real parser accepts.
const yaml = createRequire(import.meta.url)("js-yaml") as { load(text: string): unknown; loadAll(text: string): unknown[] };

const url = "https://logbook.example.com/api/ingest/7d0c6a52-1f7e-4d55-9c7b-2f4b0f3c9a10";
// Quotes, a colon and a hash would break naive YAML or shell quoting.
const secret = `s3cr:et#"with'quotes`;
const input = { url, secret, name: "Prod cluster" };

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("setup snippets", () => {
  it.each(INGEST_SOURCES)("%s: names the URL, carries the secret (or says where it goes) and has steps", (kind) => {
    const snippet = setupSnippet(kind, input);
    expect(snippet.title).toContain("Prod cluster");
    // Slack sends to its own endpoints (events, commands, interactions) under the integration.
    expect(snippet.body).toContain(kind === "slack" ? `${url.replace("/api/ingest/", "/api/slack/")}/events` : url);
    expect(snippet.steps.length).toBeGreaterThan(1);
    if (kind === "slack") {
      // Slack makes the signing secret; the steps say where to paste it.
      expect(snippet.steps.join("\n")).toContain("Signing Secret");
    } else if (kind === "pagerduty") {
      // PagerDuty makes its own secret; the steps say how to hand it to Logbook.
      expect(snippet.steps.join("\n")).toContain("https://logbook.example.com/api/v1/integrations/7d0c6a52-1f7e-4d55-9c7b-2f4b0f3c9a10/secret");
    } else if (snippet.format === "yaml") {
      expect(JSON.stringify(yaml.loadAll(snippet.body))).toContain(JSON.stringify(secret));
    } else if (snippet.format === "json") {
      expect(JSON.stringify(JSON.parse(snippet.body))).toContain(JSON.stringify(secret));
    } else {
      expect(snippet.body).toContain(secret.replace(/'/g, `'\\''`));
    }
  });

  it("shows a placeholder when the secret can no longer be read", () => {
    const snippet = setupSnippet("alertmanager", { ...input, secret: SECRET_PLACEHOLDER });
    const doc = yaml.load(snippet.body) as Doc;
    expect(doc.receivers[0].webhook_configs[0].http_config.authorization.credentials).toBe(SECRET_PLACEHOLDER);
  });

  it("alertmanager: a receiver with bearer authorization and send_resolved, and a route to it", () => {
    const doc = yaml.load(setupSnippet("alertmanager", input).body) as Doc;
    expect(doc.receivers).toEqual([
      { name: "logbook", webhook_configs: [{ url, send_resolved: true, max_alerts: 0, http_config: { authorization: { type: "Bearer", credentials: secret } } }] },
    ]);
    expect(doc.route.routes[0]).toMatchObject({ receiver: "logbook", continue: true });
  });

  it("grafana: a webhook contact point with a Bearer authorization header", () => {
    const doc = yaml.load(setupSnippet("grafana", input).body) as Doc;
    const receiver = doc.contactPoints[0].receivers[0];
    expect(receiver).toMatchObject({ type: "webhook", disableResolveMessage: false, settings: { url, authorization_scheme: "Bearer", authorization_credentials: secret } });
  });

  it("github: JSON for the hooks API with content type json, the secret and every event Logbook reads", () => {
    const snippet = setupSnippet("github", input);
    expect(snippet.format).toBe("json");
    const hook = JSON.parse(snippet.body) as Doc;
    expect(hook).toEqual({ name: "web", active: true, events: [...GITHUB_EVENTS], config: { url, content_type: "json", secret, insecure_ssl: "0" } });
    expect(GITHUB_EVENTS).toEqual(["deployment", "deployment_status", "push", "pull_request", "release", "workflow_run", "check_run"]);
    expect(snippet.steps.join("\n")).toMatch(/application\/json/);
  });

  it("flux: Secret with the HMAC key in token, a generic-hmac Provider, and an Alert on Kustomizations, HelmReleases and GitRepositories", () => {
    const [secretDoc, provider, alertDoc] = yaml.loadAll(setupSnippet("flux", input).body) as Doc[];
    expect(secretDoc).toMatchObject({ kind: "Secret", stringData: { token: secret } });
    expect(provider).toMatchObject({ kind: "Provider", spec: { type: "generic-hmac", address: url, secretRef: { name: secretDoc!.metadata.name } } });
    expect(alertDoc).toMatchObject({ kind: "Alert", spec: { providerRef: { name: provider!.metadata.name }, eventSeverity: "info" } });
    expect(alertDoc!.spec.eventSources).toEqual([
      { kind: "Kustomization", name: "*" },
      { kind: "HelmRelease", name: "*" },
      { kind: "GitRepository", name: "*" },
    ]);
  });

  it("pagerduty: a v3 subscription to the incident events, delivered to the URL", () => {
    const snippet = setupSnippet("pagerduty", input);
    const body = JSON.parse(snippet.body) as Doc;
    expect(body.webhook_subscription).toMatchObject({ type: "webhook_subscription", delivery_method: { type: "http_delivery_method", url }, events: [...PAGERDUTY_EVENTS] });
    expect(snippet.steps.join("\n")).toMatch(/PUT/);
  });

  it("argocd: a webhook service with the bearer header, and a template whose rendered body the Argo CD adapter accepts", () => {
    const [secretDoc, configMap] = yaml.loadAll(setupSnippet("argocd", input).body) as Doc[];
    expect(secretDoc).toMatchObject({ metadata: { name: "argocd-notifications-secret" }, stringData: { "logbook-token": secret } });
    expect(configMap!.metadata.name).toBe("argocd-notifications-cm");
    const data = configMap!.data as Record<string, string>;
    const service = yaml.load(data["service.webhook.logbook"]!) as Doc;
    expect(service.url).toBe(url);
    expect(service.headers).toContainEqual({ name: "Authorization", value: "Bearer $logbook-token" });
    for (const trigger of ARGOCD_TRIGGERS) expect((yaml.load(data[`trigger.${trigger}`]!) as Doc[])[0]!.send).toEqual(["logbook-sync"]);
    expect((yaml.load(data.subscriptions!) as Doc[])[0]).toEqual({ recipients: ["logbook"], triggers: [...ARGOCD_TRIGGERS] });

    const template = yaml.load(data["template.logbook-sync"]!) as Doc;
    expect(template.webhook.logbook.method).toBe("POST");
    // Render the Go template the way Argo CD would for a failed sync, then parse it.
    const values: Record<string, string> = {
      ".app.metadata.name": "payments-api",
      ".app.spec.project": "default",
      ".app.status.sync.status": "OutOfSync",
      ".app.status.health.status": "Healthy",
      ".app.status.operationState.syncResult.revision": "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432",
      ".app.status.operationState.phase": "Failed",
      "toJson .app.status.operationState.message": JSON.stringify('one or more objects failed to apply: "Deployment" is invalid'),
      ".app.status.operationState.finishedAt": "2024-05-01T10:00:00Z",
      ".app.spec.source.repoURL": "https://github.com/bank/payments-deploy.git",
      ".app.spec.destination.namespace": "payments",
      ".app.status.operationState.operation.initiatedBy.username": "alice",
      ".context.environmentName": "production",
      ".context.argocdUrl": "https://argocd.example.com",
    };
    const rendered = (template.webhook.logbook.body as string).replace(/\{\{([^}]+)\}\}/g, (_, key: string) => {
      const value = values[key.trim()];
      if (value === undefined) throw new Error(`unexpected template field ${key}`);
      return value;
    });
    const parsed = argocdAdapter.parse({ headers: {}, body: Buffer.from(rendered), receivedAt: new Date() });
    expect(parsed.events).toEqual([
      expect.objectContaining({ type: "change", kind: "sync_failed", environment: "production", actor: "alice", url: "https://argocd.example.com/applications/payments-api" }),
    ]);
  });

  it("generic: a curl command whose body the generic adapter accepts, with the bearer secret shell-quoted", () => {
    const snippet = setupSnippet("generic", input);
    expect(snippet.format).toBe("text");
    expect(snippet.body).toContain(`'Authorization: Bearer s3cr:et#"with'\\''quotes'`);
    const data = /-d '(.*)'\n$/.exec(snippet.body)![1]!;
    const parsed = genericAdapter.parse({ headers: {}, body: Buffer.from(data), receivedAt: new Date() });
    expect(parsed.events).toEqual([expect.objectContaining({ type: "change", kind: "deploy_succeeded" })]);
  });
});
