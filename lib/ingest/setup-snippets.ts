import type { IngestSource } from "./types";

/**
 * What an admin pastes into each sender so that its deliveries reach Logbook and pass the
 * adapter's check (see each adapter for the headers it verifies). Pure: the caller passes
 * the integration's URL and either its secret (right after creating or rotating it) or a
 * placeholder (when showing the integration later, since the secret cannot be read back).
 */

export interface SetupSnippetInput {
  /** The absolute ingest URL, …/api/ingest/<integration id>. */
  url: string;
  secret: string;
  name: string;
}

export interface SetupSnippet {
  format: "yaml" | "json" | "text";
  title: string;
  body: string;
  steps: string[];
}

/** Shown instead of the secret once it can no longer be read. */
export const SECRET_PLACEHOLDER = "<secret shown once>";

/** GitHub events Logbook turns into changes (see github.ts). */
export const GITHUB_EVENTS = ["deployment", "deployment_status", "push", "pull_request", "release", "workflow_run", "check_run"] as const;

/** PagerDuty v3 webhook event types Logbook mirrors onto incidents (see pagerduty.ts). */
export const PAGERDUTY_EVENTS = [
  "incident.triggered",
  "incident.acknowledged",
  "incident.unacknowledged",
  "incident.resolved",
  "incident.reopened",
  "incident.annotated",
  "incident.reassigned",
  "incident.escalated",
  "incident.delegated",
  "incident.priority_updated",
] as const;

// JSON strings are valid YAML double-quoted scalars, so quoting this way is always safe,
// whatever characters a sender-generated secret or a name contains.
const q = (value: string) => JSON.stringify(value);

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}

/** The management API URL of the integration, next to its ingest URL. */
function integrationApiUrl(ingestUrl: string): string {
  return ingestUrl.replace("/api/ingest/", "/api/v1/integrations/");
}

function alertmanager({ url, secret, name }: SetupSnippetInput): SetupSnippet {
  const body = `# alertmanager.yml — add the receiver, and the child route under your existing route.
route:
  routes:
    - receiver: logbook
      # send everything Logbook should see; Logbook's routing rules decide what pages
      matchers:
        - severity=~"critical|page|warning"
      group_by: [alertname, service]
      group_wait: 30s
      group_interval: 5m
      repeat_interval: 4h
      # keep delivering to the receivers after this one as well
      continue: true
receivers:
  - name: logbook
    webhook_configs:
      - url: ${q(url)}
        send_resolved: true
        max_alerts: 0
        http_config:
          authorization:
            type: Bearer
            credentials: ${q(secret)}
`;
  return {
    format: "yaml",
    title: `Alertmanager receiver for ${name}`,
    body,
    steps: [
      "Add the `logbook` receiver to the `receivers:` list of alertmanager.yml (or of your AlertmanagerConfig / Helm values).",
      "Add the child route under your top-level `route:`; keep `continue: true` so your other receivers still get the alerts.",
      "Keep `send_resolved: true`: Logbook closes alerts from the resolved notifications.",
      "Reload Alertmanager (`curl -X POST http://alertmanager:9093/-/reload` or restart it), then check the integration's last delivery in Logbook.",
      "Alerts are matched to services by their `service`, `app` or `app.kubernetes.io/name` label, or by namespace; set those labels in your alerting rules.",
    ],
  };
}

function grafana({ url, secret, name }: SetupSnippetInput): SetupSnippet {
  const body = `# Grafana alerting provisioning file, e.g. provisioning/alerting/logbook.yaml
apiVersion: 1
contactPoints:
  - orgId: 1
    name: Logbook
    receivers:
      - uid: logbook
        type: webhook
        disableResolveMessage: false
        settings:
          url: ${q(url)}
          httpMethod: POST
          authorization_scheme: Bearer
          authorization_credentials: ${q(secret)}
`;
  return {
    format: "yaml",
    title: `Grafana contact point for ${name}`,
    body,
    steps: [
      "In Grafana, open Alerting → Contact points → Add contact point, name it Logbook and choose the Webhook integration.",
      `Set URL to ${url} and HTTP method POST.`,
      "Under Optional Webhook settings set Authorization Header - Scheme to `Bearer` and Authorization Header - Credentials to the secret.",
      "Leave Disable resolved message unchecked, save, and use Test to send a first delivery.",
      "Point a notification policy at the Logbook contact point (or provision the file above instead of using the UI).",
    ],
  };
}

function github({ url, secret, name }: SetupSnippetInput): SetupSnippet {
  const hook = { name: "web", active: true, events: [...GITHUB_EVENTS], config: { url, content_type: "json", secret, insecure_ssl: "0" } };
  return {
    format: "json",
    title: `GitHub webhook for ${name}`,
    body: JSON.stringify(hook, null, 2) + "\n",
    steps: [
      "In the repository (or organisation) open Settings → Webhooks → Add webhook.",
      `Payload URL: ${url}`,
      "Content type: application/json.",
      "Secret: the integration's secret (GitHub signs every delivery with it in X-Hub-Signature-256).",
      `Choose "Let me select individual events" and tick: ${GITHUB_EVENTS.join(", ")}.`,
      "Or create the hook from the JSON above: `gh api repos/OWNER/REPO/hooks --input logbook-hook.json` (orgs/ORG/hooks for an organisation hook).",
      "Add the repository (owner/repo) to its service in Logbook so its changes land on that service.",
    ],
  };
}

function flux({ url, secret, name }: SetupSnippetInput): SetupSnippet {
  const body = `# The generic-hmac provider signs each event with the Secret's token (X-Signature: sha256=…).
apiVersion: v1
kind: Secret
metadata:
  name: logbook-webhook
  namespace: flux-system
type: Opaque
stringData:
  token: ${q(secret)}
---
apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Provider
metadata:
  name: logbook
  namespace: flux-system
spec:
  type: generic-hmac
  address: ${q(url)}
  secretRef:
    name: logbook-webhook
---
apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Alert
metadata:
  name: logbook
  namespace: flux-system
spec:
  providerRef:
    name: logbook
  eventSeverity: info
  eventSources:
    - kind: Kustomization
      name: "*"
    - kind: HelmRelease
      name: "*"
    - kind: GitRepository
      name: "*"
  # becomes the change's environment in Logbook
  eventMetadata:
    env: production
`;
  return {
    format: "yaml",
    title: `Flux notification provider for ${name}`,
    body,
    steps: [
      "Commit the three manifests to the repository Flux reconciles for this cluster (or `kubectl apply -f` them).",
      "For generic-hmac the HMAC key goes in the Secret's `token`; keep the Secret out of Git in plain text (SOPS or Sealed Secrets).",
      "An Alert only watches objects in its own namespace: add `namespace:` to an event source, or one Alert per namespace, for objects elsewhere.",
      "Set `eventMetadata.env` to this cluster's environment (production, staging, …).",
      "Map Flux objects (Kind/namespace/name) or namespaces to services in Logbook so reconciliations land on the right service.",
    ],
  };
}

function pagerduty({ url, name }: SetupSnippetInput): SetupSnippet {
  const subscription = {
    webhook_subscription: {
      type: "webhook_subscription",
      description: `Logbook (${name})`,
      active: true,
      delivery_method: { type: "http_delivery_method", url },
      events: [...PAGERDUTY_EVENTS],
      filter: { type: "account_reference" },
    },
  };
  const secretUrl = `${integrationApiUrl(url)}/secret`;
  return {
    format: "json",
    title: `PagerDuty v3 webhook subscription for ${name}`,
    body: JSON.stringify(subscription, null, 2) + "\n",
    steps: [
      "PagerDuty generates the signing secret itself, so Logbook uses PagerDuty's secret instead of its own.",
      `In PagerDuty open Integrations → Generic Webhooks (v3) → New Webhook, Webhook URL ${url}, scope Account (or one service), and tick the events: ${PAGERDUTY_EVENTS.join(", ")}.`,
      "Or create it with the JSON above: `curl -X POST https://api.pagerduty.com/webhook_subscriptions -H 'Authorization: Token token=<PagerDuty API key>' -H 'Content-Type: application/json' --data @logbook-subscription.json`.",
      "Copy the signing secret PagerDuty shows once (the `secret` of the delivery method).",
      `Give it to Logbook as an admin: \`curl -X PUT ${secretUrl} -H 'Authorization: Bearer <Logbook admin API key>' -H 'Content-Type: application/json' -d '{"secret":"<PagerDuty signing secret>"}'\` (or "Set signing secret" on the integration's page in Settings → Integrations).`,
      "Send a test event from PagerDuty and check the integration's last delivery in Logbook; until the secret is set, deliveries are rejected with 401.",
    ],
  };
}

/** The body Logbook's Argo CD adapter reads (see argocd.ts); Go template fields render per app. */
const ARGOCD_TEMPLATE_BODY = `{
  "app": "{{.app.metadata.name}}",
  "project": "{{.app.spec.project}}",
  "syncStatus": "{{.app.status.sync.status}}",
  "healthStatus": "{{.app.status.health.status}}",
  "revision": "{{.app.status.operationState.syncResult.revision}}",
  "operationPhase": "{{.app.status.operationState.phase}}",
  "message": {{toJson .app.status.operationState.message}},
  "finishedAt": "{{.app.status.operationState.finishedAt}}",
  "repoURL": "{{.app.spec.source.repoURL}}",
  "destinationNamespace": "{{.app.spec.destination.namespace}}",
  "initiatedBy": "{{.app.status.operationState.operation.initiatedBy.username}}",
  "environment": "{{.context.environmentName}}",
  "url": "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}"
}`;

export const ARGOCD_TRIGGERS = ["logbook-on-sync-succeeded", "logbook-on-sync-failed", "logbook-on-health-degraded"] as const;

function argocd({ url, secret, name }: SetupSnippetInput): SetupSnippet {
  const service = `url: ${q(url)}
headers:
  - name: Authorization
    value: Bearer $logbook-token
  - name: Content-Type
    value: application/json
`;
  const template = `webhook:
  logbook:
    method: POST
    body: |
${indent(ARGOCD_TEMPLATE_BODY, 6)}
`;
  const subscriptions = `- recipients:
    - logbook
  triggers:
${ARGOCD_TRIGGERS.map((t) => `    - ${t}`).join("\n")}
`;
  const body = `apiVersion: v1
kind: Secret
metadata:
  name: argocd-notifications-secret
  namespace: argocd
type: Opaque
stringData:
  logbook-token: ${q(secret)}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-notifications-cm
  namespace: argocd
data:
  context: |
    argocdUrl: https://argocd.example.com
    environmentName: production
  service.webhook.logbook: |
${indent(service, 4)}
  template.logbook-sync: |
${indent(template, 4)}
  trigger.logbook-on-sync-succeeded: |
    - when: app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']
      oncePer: app.status.operationState?.syncResult?.revision
      send: [logbook-sync]
  trigger.logbook-on-sync-failed: |
    - when: app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']
      oncePer: app.status.operationState?.syncResult?.revision
      send: [logbook-sync]
  trigger.logbook-on-health-degraded: |
    - when: app.status.health.status == 'Degraded'
      send: [logbook-sync]
  subscriptions: |
${indent(subscriptions, 4)}
`;
  return {
    format: "yaml",
    title: `Argo CD notifications for ${name}`,
    body,
    steps: [
      "Merge these keys into the existing argocd-notifications-secret and argocd-notifications-cm in the argocd namespace (`kubectl apply` replaces the whole object, so merge rather than overwrite your other keys).",
      "Set `context.argocdUrl` to your Argo CD URL and `context.environmentName` to this cluster's environment.",
      "The `subscriptions` entry subscribes every application; to subscribe only some, drop it and annotate those applications with `notifications.argoproj.io/subscribe.logbook-on-sync-succeeded.logbook: \"\"` (and the two other triggers).",
      "Map Argo CD applications (or their repositories or destination namespaces) to services in Logbook.",
    ],
  };
}

function generic({ url, secret, name }: SetupSnippetInput): SetupSnippet {
  const change = {
    type: "change",
    kind: "deploy_succeeded",
    title: "payments-api 2.4.1 to production",
    service: "payments-api",
    environment: "production",
    revision: "9f8e7d6",
    actor: "release-bot",
    url: "https://ci.example.com/runs/1234",
  };
  const body = `curl -X POST ${shellQuote(url)} \\
  -H ${shellQuote(`Authorization: Bearer ${secret}`)} \\
  -H 'Content-Type: application/json' \\
  -d ${shellQuote(JSON.stringify(change))}
`;
  return {
    format: "text",
    title: `Generic JSON webhook for ${name}`,
    body,
    steps: [
      "POST JSON with `Authorization: Bearer <secret>` from any script or CI job.",
      'Send one event, or `{"events": [...]}`: a change (`"type": "change"`, kind, title, and optionally service, environment, revision, actor, url, occurredAt, externalId) or an alert (`"type": "alert"`, name, status firing|resolved, and optionally severity, labels, annotations, fingerprint, startsAt, endsAt).',
      "Resending the same event stores nothing new; give each event an `externalId` when the same body can describe two events.",
    ],
  };
}

/** The app manifest to paste at api.slack.com/apps ("From an app manifest"); URLs derive from the integration's. */
function slack({ url, name }: SetupSnippetInput): SetupSnippet {
  const base = url.replace(/\/api\/ingest\/([^/]+)$/, "/api/slack/$1");
  const manifest = {
    display_information: { name: "Logbook", description: `Incidents from ${name}` },
    features: {
      bot_user: { display_name: "logbook", always_online: true },
      slash_commands: [{ command: "/logbook", url: `${base}/commands`, description: "Declare and run incidents", usage_hint: "declare <title> [sev1-4] | status <status> | note <text> | help", should_escape: false }],
      shortcuts: [{ name: "Add to timeline", type: "message", callback_id: "logbook_add_to_timeline", description: "Copy this message to the incident's timeline" }],
    },
    oauth_config: { redirect_urls: [`${base}/oauth`], scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      event_subscriptions: { request_url: `${base}/events`, bot_events: ["message.channels", "message.groups", "reaction_added"] },
      interactivity: { is_enabled: true, request_url: `${base}/interactions` },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
    },
  };
  return {
    format: "json",
    title: `Slack app manifest for ${name}`,
    body: `${JSON.stringify(manifest, null, 2)}\n`,
    steps: [
      "At api.slack.com/apps choose Create New App → From an app manifest, pick the workspace and paste this manifest.",
      "Install it from Logbook's Slack settings (Add to Slack), or install it in Slack and paste the bot token (xoxb-…) there.",
      "Paste the app's Signing Secret (Basic Information → App Credentials) in Logbook's Slack settings: every request Slack sends is verified with it.",
    ],
  };
}

/** The bot scopes Logbook asks for: channels and messages (outbound), history, reactions, users and files (capture). */
export const SLACK_BOT_SCOPES = [
  "channels:manage",
  "channels:join",
  "channels:read",
  "channels:history",
  "groups:history",
  "chat:write",
  "pins:write",
  "commands",
  "reactions:read",
  "users:read",
  "users:read.email",
  "files:read",
] as const;

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const BUILDERS: Record<IngestSource, (input: SetupSnippetInput) => SetupSnippet> = {
  alertmanager,
  grafana,
  github,
  flux,
  pagerduty,
  argocd,
  slack,
  generic,
};

export function setupSnippet(kind: IngestSource, input: SetupSnippetInput): SetupSnippet {
  return BUILDERS[kind](input);
}
