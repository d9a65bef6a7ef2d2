import type { OrgRole } from "@/lib/core/roles";

export const DEMO_PEOPLE: Array<{ email: string; name: string; role: OrgRole }> = [
  { email: "rafael.responder@demo-bank.example", name: "Rafael Lindqvist", role: "responder" },
  { email: "erin.editor@demo-bank.example", name: "Erin Halvorsen", role: "editor" },
  { email: "clara.compliance@demo-bank.example", name: "Clara Nyström", role: "compliance" },
  /** a second compliance officer: regulatory reports need one who did not prepare them (four eyes) */
  { email: "carl.compliance@demo-bank.example", name: "Carl Berg", role: "compliance" },
  { email: "victor.viewer@demo-bank.example", name: "Victor Aalto", role: "viewer" },
];

export const DEMO_TEAMS = [
  { slug: "payments", name: "Payments", description: "Card and account-to-account payments" },
  { slug: "platform", name: "Platform", description: "Kubernetes, GitOps, networking and data stores" },
  { slug: "digital-banking", name: "Digital Banking", description: "Customer-facing web and mobile banking" },
];

export const DEMO_SERVICES = [
  { slug: "payments-api", name: "Payments API", team: "payments", tier: 1, supportsCriticalFunction: true, labels: { app: "payments-api", namespace: "payments" }, repositories: ["demo-bank/payments-api"], mappings: { fluxObjects: ["Kustomization/payments/payments-api"] } },
  { slug: "card-authorizer", name: "Card Authorizer", team: "payments", tier: 1, supportsCriticalFunction: true, labels: { app: "card-authorizer", namespace: "payments" }, repositories: ["demo-bank/card-authorizer"], mappings: { fluxObjects: ["HelmRelease/payments/card-authorizer"] } },
  { slug: "ledger", name: "Ledger", team: "payments", tier: 1, supportsCriticalFunction: true, labels: { app: "ledger", namespace: "core" }, repositories: ["demo-bank/ledger"] },
  { slug: "ingress-gateway", name: "Ingress Gateway", team: "platform", tier: 1, supportsCriticalFunction: true, labels: { app: "ingress-nginx", namespace: "ingress" }, repositories: ["demo-bank/platform-gitops"] },
  { slug: "kafka", name: "Kafka (event bus)", team: "platform", tier: 2, supportsCriticalFunction: false, labels: { app: "kafka", namespace: "kafka" }, repositories: ["demo-bank/platform-gitops"], mappings: { fluxObjects: ["HelmRelease/kafka/kafka"] } },
  { slug: "mobile-bff", name: "Mobile BFF", team: "digital-banking", tier: 2, supportsCriticalFunction: false, labels: { app: "mobile-bff", namespace: "digital" }, repositories: ["demo-bank/mobile-bff"] },
];
