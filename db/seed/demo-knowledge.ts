import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { alert, incident, incidentKnowledge, service } from "@/db/schema";
import type { ServiceContext } from "@/lib/services/context";
import { refreshIncidentKnowledge } from "@/lib/services/knowledge/refresh-incident-knowledge";
import { createRunbook } from "@/lib/services/runbooks/create-runbook";

/** Published like the demo alerts' runbook_url annotations: https://runbooks.demo-bank.example/<service>/<kebab-alert>. */
const RUNBOOKS_SITE = "https://runbooks.demo-bank.example";

const RUNBOOKS = [
  {
    title: "Payments PSP error rate",
    alertNames: ["PaymentsPspErrorRate"],
    services: ["payments-api", "card-authorizer"],
    tags: ["payments", "psp"],
    sourceUrl: `${RUNBOOKS_SITE}/payments-api/payments-psp-error-rate`,
    body: `# Payments PSP error rate

## Meaning
More than 5% of authorisation calls to a payment service provider (PSP) fail or time out.

## Impact
Card payments are declined or slow for customers routed to that PSP.

## Diagnosis
1. Open the PSP dashboard and compare error rates per provider.
2. Check the PSP's status page and the card-authorizer logs for timeouts.

## Mitigation
- [ ] Shift traffic to the secondary PSP with the \`psp.routing.weight\` flag
- [ ] Tell the PSP's support desk, quoting failing request ids
- [ ] Post an update to the status page if declines exceed 2%
`,
  },
  {
    title: "Kafka consumer lag",
    alertNames: ["KafkaConsumerLag*"],
    services: ["kafka"],
    tags: ["kafka"],
    sourceUrl: null,
    body: `# Kafka consumer lag

## Meaning
A consumer group is falling behind its topic.

## Diagnosis
1. Find the lagging group: \`kafka-consumer-groups --describe --group <group>\`
2. Check for rebalances in the consumer logs.

## Mitigation
- [ ] Scale the consumer deployment up to the partition count
- [ ] Pause non-critical producers if the lag keeps growing
`,
  },
  {
    title: "Ledger disk filling up",
    alertNames: ["LedgerDiskFillingUp"],
    services: ["ledger"],
    tags: ["postgres", "disk"],
    sourceUrl: null,
    body: `# Ledger disk filling up

## Meaning
The ledger database volume will be full within hours.

## Mitigation
- [ ] Check for abandoned replication slots holding WAL
- [ ] Expand the volume (online resize) by 20%
`,
  },
];

/** How each past demo incident ended, keyed by the start of its title. */
const PAST: Array<{ title: string; resolution: string; rootCauseCodes: string[]; alertNames: string[] }> = [
  { title: "payments-api p99 latency", resolution: "Rolled back payments-api to v2.13.4; added a load test for the new query.", rootCauseCodes: ["deploy-regression"], alertNames: ["PaymentsApiLatencyHigh"] },
  { title: "Web and mobile banking down: TLS", resolution: "Renewed the certificate by hand and fixed cert-manager's DNS01 credentials.", rootCauseCodes: ["certificate-expiry"], alertNames: ["CertificateExpiringSoon"] },
  { title: "CoreDNS OOMKilled", resolution: "Reverted the Corefile change and raised CoreDNS memory limits.", rootCauseCodes: ["config-change"], alertNames: ["CoreDNSDown"] },
  { title: "Ledger requests timing out", resolution: "Released connections before remote calls; raised the HikariCP pool and added pgbouncer.", rootCauseCodes: ["capacity"], alertNames: ["LedgerLatencyHigh"] },
  { title: "Settlement consumer lag", resolution: "Scaled settlement consumers to 12 and fixed max.poll.interval.ms.", rootCauseCodes: ["capacity"], alertNames: ["KafkaConsumerLagHigh"] },
  { title: "card-authorizer pods in CrashLoopBackOff", resolution: "Rolled back the card-authorizer config change; PSP credentials are now validated at start-up.", rootCauseCodes: ["config-change"], alertNames: ["KubePodCrashLooping", "PaymentsPspErrorRate"] },
  { title: "Mobile app home screen failing", resolution: "Restored the BFF's upstream timeout and added a circuit breaker.", rootCauseCodes: ["config-change"], alertNames: ["MobileBffErrorRate"] },
];

/**
 * Runbooks for the demo alerts and what the past demo incidents teach: resolutions, root
 * causes and alert names, so the open incident shows a runbook (with its firing alert) and
 * a similar past incident.
 */
export async function seedDemoKnowledge(ctx: ServiceContext): Promise<void> {
  const { db, organizationId } = ctx;
  for (const book of RUNBOOKS) await createRunbook(ctx, book);
  const incidents = await db.select().from(incident).where(eq(incident.organizationId, organizationId));
  for (const past of PAST) {
    const row = incidents.find((i) => i.title.startsWith(past.title));
    if (!row) continue;
    const values = { resolution: past.resolution, rootCauseCodes: past.rootCauseCodes, alertNames: past.alertNames, updatedAt: new Date() };
    await db
      .insert(incidentKnowledge)
      .values({ incidentId: row.id, organizationId, ...values })
      .onConflictDoUpdate({ target: incidentKnowledge.incidentId, set: values });
  }
  // The open PSP incident's alert, firing, with the runbook_url its runbook is published at.
  const open = incidents.find((i) => i.status === "investigating" && i.title.includes("PSP"));
  if (open) {
    const [payments] = await db
      .select({ id: service.id })
      .from(service)
      .where(and(eq(service.organizationId, organizationId), inArray(service.slug, ["payments-api"])));
    await db
      .insert(alert)
      .values({
        id: randomUUID(),
        organizationId,
        fingerprint: "demo-knowledge-psp-error-rate",
        name: "PaymentsPspErrorRate",
        status: "firing",
        severity: "critical",
        serviceId: payments?.id ?? null,
        labels: { alertname: "PaymentsPspErrorRate", service: "payments-api", psp: "nordpay", severity: "critical" },
        annotations: { summary: "PSP Nordpay error rate 18%", runbook_url: RUNBOOKS[0]!.sourceUrl! },
        runbookUrl: RUNBOOKS[0]!.sourceUrl!,
        summary: "PSP Nordpay error rate 18%",
        startsAt: open.detectedAt ?? open.createdAt,
        incidentId: open.id,
        routing: "attached by the demo seed",
      })
      .onConflictDoNothing();
  }
  for (const row of incidents) await refreshIncidentKnowledge(db, row.id);
}
