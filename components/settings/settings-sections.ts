/** The settings tabs, in order; the general page links each with what it is for. */
export const SETTINGS_SECTIONS = [
  { href: "/settings/general", label: "General", description: "The organisation and your place in it." },
  { href: "/settings/members", label: "Members", description: "Who belongs to the organisation, and with which role." },
  { href: "/settings/sso", label: "Single sign-on", description: "Sign-in through your identity provider (OIDC), with roles from a claim." },
  { href: "/settings/api-keys", label: "API keys", description: "Keys for scripts and CI to call the REST API, each with a role." },
  { href: "/settings/integrations", label: "Integrations", description: "Webhook sources — Alertmanager, Grafana, GitHub, Flux… — with their URLs and secrets." },
  { href: "/settings/deliveries", label: "Deliveries", description: "Every webhook delivery received, accepted or rejected, with its payload." },
  { href: "/settings/correlation", label: "Correlation", description: "How alerts become incidents: grouping window and routing rules." },
  { href: "/settings/clusters", label: "Clusters", description: "Kubernetes clusters watched for rollouts, Warning events and failing pods." },
  { href: "/settings/github", label: "GitHub", description: "The GitHub connection, and the repository folders runbooks sync from." },
  { href: "/settings/pagerduty", label: "PagerDuty", description: "Who is on call for a service, and paging them from an incident." },
  { href: "/settings/slack", label: "Slack", description: "A channel per incident with its summary kept current, announcements, echoes and team channels." },
] as const;
