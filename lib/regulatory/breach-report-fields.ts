import { field, opts, type ReportField } from "./dora-ir-fields";
import { RISKS_TO_RIGHTS } from "./gdpr-classification";
import type { ReportType } from "./regimes";

/**
 * The fields of Logbook's NIS2 and GDPR drafts. Neither regime has an EU-wide template, so
 * these follow the content the articles ask for: Directive (EU) 2022/2555 Art. 23(4) and
 * Regulation (EU) 2016/679 Art. 33(3). Codes are Logbook's own ("N2.5", "G3.1").
 */

const NIS2_ALL: ReportType[] = ["initial", "intermediate", "final"];
const FROM_NOTIFICATION: ReportType[] = ["intermediate", "final"];

export const NIS2_GROUPS = [
  { id: "N1", title: "Entity" },
  { id: "N2", title: "Early warning (Art. 23(4)(a))" },
  { id: "N3", title: "Incident notification (Art. 23(4)(b))" },
  { id: "N4", title: "Final report (Art. 23(4)(d))" },
];

export const NIS2_FIELDS: ReportField[] = [
  field("N1.1", "Name of the entity", "entity.name", "string", { requiredFor: NIS2_ALL }),
  field("N1.2", "Member State of the entity", "entity.country", "string", { requiredFor: NIS2_ALL }),
  field("N1.3", "CSIRT or competent authority notified", "entity.competentAuthority", "string", { requiredFor: NIS2_ALL }),
  field("N1.4", "Contact person", "entity.contact.name", "string"),
  field("N1.5", "Contact email", "entity.contact.email", "email", { requiredFor: NIS2_ALL }),
  field("N1.6", "Contact telephone", "entity.contact.phone", "phone"),
  field("N2.1", "Incident reference", "incident.reference", "string", { requiredFor: NIS2_ALL }),
  field("N2.2", "Date and time the entity became aware of the significant incident", "incident.awareAt", "date-time", { requiredFor: NIS2_ALL }),
  field("N2.3", "Date and time of occurrence", "incident.occurredAt", "date-time"),
  field("N2.4", "Description of the incident", "incident.description", "text", { requiredFor: NIS2_ALL }),
  field("N2.5", "Why the incident is significant (Art. 23(3))", "incident.significance", "text", { requiredFor: NIS2_ALL }),
  field("N2.6", "Suspected to be caused by unlawful or malicious acts", "earlyWarning.suspectedUnlawfulOrMalicious", "boolean", { requiredFor: NIS2_ALL }),
  field("N2.7", "Could have a cross-border impact", "earlyWarning.crossBorderImpact", "boolean", { requiredFor: NIS2_ALL }),
  field("N3.1", "Initial assessment: severity", "notification.severity", "text", { requiredFor: FROM_NOTIFICATION }),
  field("N3.2", "Initial assessment: impact", "notification.impact", "text", { requiredFor: FROM_NOTIFICATION }),
  field("N3.3", "Indicators of compromise, where available", "notification.indicatorsOfCompromise", "text"),
  field("N4.1", "Detailed description, including severity and impact", "final.description", "text", { requiredFor: ["final"] }),
  field("N4.2", "Type of threat or root cause that likely triggered the incident", "final.threatOrRootCause", "text", { requiredFor: ["final"] }),
  field("N4.3", "Applied and ongoing mitigation measures", "final.mitigation", "text", { requiredFor: ["final"] }),
  field("N4.4", "Cross-border impact, where applicable", "final.crossBorderImpact", "text"),
];

const GDPR_NOTIFIED: ReportType[] = ["initial", "intermediate"];

export const GDPR_GROUPS = [
  { id: "G1", title: "Controller and contact point (Art. 33(3)(b))" },
  { id: "G2", title: "Nature of the breach (Art. 33(3)(a))" },
  { id: "G3", title: "Likely consequences (Art. 33(3)(c))" },
  { id: "G4", title: "Measures and timing (Art. 33(3)(d), 33(1))" },
];

export const GDPR_FIELDS: ReportField[] = [
  field("G1.1", "Name of the controller", "controller.name", "string", { requiredFor: GDPR_NOTIFIED }),
  field("G1.2", "Supervisory authority", "controller.supervisoryAuthority", "string", { requiredFor: GDPR_NOTIFIED }),
  field("G1.3", "Data protection officer or other contact point", "controller.contact.name", "string", { requiredFor: GDPR_NOTIFIED }),
  field("G1.4", "Contact email", "controller.contact.email", "email", { requiredFor: GDPR_NOTIFIED }),
  field("G1.5", "Contact telephone", "controller.contact.phone", "phone"),
  field("G2.1", "Incident reference", "breach.reference", "string", { requiredFor: GDPR_NOTIFIED }),
  field("G2.2", "Date and time the controller became aware of the breach", "breach.awareAt", "date-time", { requiredFor: GDPR_NOTIFIED }),
  field("G2.3", "Date and time of the breach", "breach.occurredAt", "date-time"),
  field("G2.4", "Nature of the personal data breach", "breach.nature", "text", { requiredFor: GDPR_NOTIFIED }),
  field("G2.5", "Categories of data subjects concerned", "breach.dataSubjectCategories", "text"),
  field("G2.6", "Approximate number of data subjects concerned", "breach.dataSubjectsApproximate", "integer"),
  field("G2.7", "Categories of personal data records concerned", "breach.recordCategories", "text"),
  field("G2.8", "Approximate number of personal data records concerned", "breach.recordsApproximate", "integer"),
  field("G3.1", "Likely consequences of the breach", "assessment.likelyConsequences", "text", { requiredFor: GDPR_NOTIFIED }),
  field("G3.2", "Risk to the rights and freedoms of natural persons", "assessment.riskToRights", "enum", {
    options: opts(Object.fromEntries(RISKS_TO_RIGHTS.map((r) => [r, r === "none" ? "Unlikely to result in a risk" : r === "risk" ? "Risk" : "High risk"]))),
    requiredFor: GDPR_NOTIFIED,
  }),
  field("G3.3", "Data subjects informed (Art. 34)", "assessment.dataSubjectsInformed", "boolean"),
  field("G4.1", "Measures taken or proposed to address the breach and mitigate its effects", "measures.taken", "text", { requiredFor: GDPR_NOTIFIED }),
  field("G4.2", "Reasons for the delay, when notified after 72 hours", "measures.delayReasons", "text", { requiredWhen: "when the notification is made more than 72 h after becoming aware (Art. 33(1))" }),
];
