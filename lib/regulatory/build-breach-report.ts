import { compact, utc } from "./build-dora-report";
import type { ReportContent, ReportSource } from "./report-source";
import type { ReportType } from "./regimes";

/**
 * Pre-fills Logbook's NIS2 (Directive (EU) 2022/2555 Art. 23(4)) and GDPR (Regulation (EU)
 * 2016/679 Art. 33(3)) drafts. Field paths are those of breach-report-fields.ts.
 */

function rootCauseText(source: ReportSource): string | undefined {
  return source.postmortem?.rootCause ?? undefined;
}

export function buildNis2Report(type: ReportType, source: ReportSource): ReportContent {
  const { entity, incident } = source;
  const nis2 = source.classification?.regime === "nis2" ? source.classification : null;
  const dora = source.classification?.regime === "dora" ? source.classification : null;
  const contact = entity.contacts[0];
  const later = type === "intermediate" || type === "final";
  const malicious = dora?.criteria.maliciousUnauthorisedAccess ?? incident.rootCause?.categories.includes("malicious_actions");
  return compact({
    regime: "nis2",
    type,
    entity: { name: entity.name, country: entity.country, competentAuthority: entity.competentAuthority, contact: contact ? { name: contact.name, email: contact.email, phone: contact.phone } : undefined },
    incident: {
      reference: incident.ref,
      awareAt: utc(incident.detectedAt),
      occurredAt: utc(incident.startedAt),
      description: incident.summary ?? incident.title,
      significance: nis2?.result.reasons.join("\n"),
    },
    earlyWarning: { suspectedUnlawfulOrMalicious: malicious ?? undefined },
    notification: later ? { severity: `Severity ${incident.severity}; status ${incident.status}.` } : undefined,
    final:
      type === "final"
        ? {
            description: [incident.summary ?? incident.title, source.postmortem?.summary].filter(Boolean).join("\n\n"),
            threatOrRootCause: rootCauseText(source),
            mitigation: source.postmortem?.resolution ?? undefined,
          }
        : undefined,
  });
}

export function buildGdprReport(type: ReportType, source: ReportSource): ReportContent {
  const { entity, incident } = source;
  const gdpr = source.classification?.regime === "gdpr" ? source.classification : null;
  const contact = entity.contacts[0];
  return compact({
    regime: "gdpr",
    type,
    controller: { name: entity.name, contact: contact ? { name: contact.name, email: contact.email, phone: contact.phone } : undefined },
    breach: { reference: incident.ref, awareAt: utc(incident.detectedAt), occurredAt: utc(incident.startedAt), nature: incident.summary ?? incident.title },
    assessment: {
      riskToRights: gdpr?.criteria.riskToRights,
      dataSubjectsInformed: gdpr ? (gdpr.result.communicateToDataSubjects ? undefined : false) : undefined,
    },
    measures: { taken: source.postmortem?.resolution ?? undefined },
  });
}
