import { z } from "zod";
import { DATA_LOSS_TYPES, REPUTATIONAL_IMPACTS } from "@/lib/regulatory/dora-classification";
import { RISKS_TO_RIGHTS } from "@/lib/regulatory/gdpr-classification";
import { ENTITY_TYPES, isMemberState, REGIMES, REPORT_CURRENCIES, REPORT_TYPES } from "@/lib/regulatory/regimes";
import { REPORT_EXPORT_FORMATS } from "@/lib/regulatory/render/export-report";
import { rootCauseProblems } from "@/lib/regulatory/root-causes";
import { timestampSchema } from "../input-primitives";
import { pageLimitSchema } from "../paging";

export const REPORT_STATUSES = ["draft", "in_review", "approved", "submitted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const CLOCK_STATUSES = ["due", "overdue", "met"] as const;

const memberState = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isMemberState, { message: "must be the ISO 3166-1 alpha-2 code of an EU or EEA Member State (DK, SE, DE, …)" });
/** ISO 17442: 18 alphanumerics and two check digits. */
const lei = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{18}[0-9]{2}$/, "must be a 20-character LEI (ISO 17442)");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const reportingEntityInput = z.strictObject({
  name: text(300),
  lei: lei.nullish(),
  entityType: z.enum(ENTITY_TYPES),
  country: memberState,
  competentAuthority: text(300),
  contacts: z
    .array(z.strictObject({ name: text(200), email: z.email("must be an email address").max(320), phone: z.string().trim().max(40).nullish() }))
    .min(1, "name at least one contact the authority can reach")
    .max(10),
  parentUndertaking: z.strictObject({ name: text(300), lei: lei.nullish() }).nullish(),
  significant: z.boolean().optional(),
  currency: z.enum(REPORT_CURRENCIES).optional(),
});

const count = z.number().int("must be a whole number").nonnegative("must not be negative").max(1e12);
const percent = z.number().min(0, "must not be negative").max(100, "is a percentage: at most 100");
const hours = z.number().nonnegative("must not be negative").max(1e6);

const doraCriteria = z.strictObject({
  criticalServicesAffected: z.boolean(),
  maliciousUnauthorisedAccess: z.boolean(),
  clientsAffected: count.nullish(),
  clientsAffectedPercent: percent.nullish(),
  relevantClientsOrCounterpartsAffected: z.boolean().nullish(),
  financialCounterpartsAffectedPercent: percent.nullish(),
  transactionsAffectedPercent: percent.nullish(),
  transactionsAffectedValuePercent: percent.nullish(),
  reputationalImpact: z.array(z.enum(REPUTATIONAL_IMPACTS)).max(REPUTATIONAL_IMPACTS.length).nullish(),
  durationHours: hours.nullish(),
  serviceDowntimeHours: hours.nullish(),
  memberStatesAffected: z.array(memberState).max(40).nullish(),
  dataLosses: z.array(z.enum(DATA_LOSS_TYPES)).max(DATA_LOSS_TYPES.length).nullish(),
  economicImpactEur: z.number().nonnegative("must not be negative").max(1e15).nullish(),
});

export const classifyIncidentInput = z.discriminatedUnion("regime", [
  z.strictObject({ regime: z.literal("dora"), classifiedAt: timestampSchema.optional(), criteria: doraCriteria }),
  z.strictObject({
    regime: z.literal("nis2"),
    classifiedAt: timestampSchema.optional(),
    criteria: z.strictObject({ significant: z.boolean(), reasons: z.array(text(2000)).max(20) }),
  }),
  z.strictObject({
    regime: z.literal("gdpr"),
    classifiedAt: timestampSchema.optional(),
    criteria: z.strictObject({ personalDataBreach: z.boolean(), riskToRights: z.enum(RISKS_TO_RIGHTS) }),
  }),
]);
export type ClassifyIncidentInput = z.infer<typeof classifyIncidentInput>;

export const listClassificationsQuery = z.strictObject({ regime: z.enum(REGIMES).optional() });

export const listClocksQuery = z.strictObject({
  status: z.enum(CLOCK_STATUSES).optional(),
  /** one incident's clocks (its header), by id or reference */
  incident: z.string().trim().min(1).max(100).optional(),
});

export const createReportInput = z.strictObject({ regime: z.enum(REGIMES), type: z.enum(REPORT_TYPES) });

export const listReportsQuery = z.strictObject({
  incident: z.string().trim().min(1).max(100).optional(),
  regime: z.enum(REGIMES).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  limit: pageLimitSchema,
  cursor: z.string().max(500).optional(),
});

export const updateReportInput = z.strictObject({
  /** a partial merge: objects merge, arrays are replaced, null removes a field */
  content: z.record(z.string(), z.unknown()),
});

export const markReportSubmittedInput = z.strictObject({
  authorityReference: z.string().trim().min(1).max(200).optional(),
  submittedAt: timestampSchema.optional(),
});

/** Template fields 4.1–4.4: the root cause the final report is filled from. */
export const rootCauseInput = z
  .strictObject({
    categories: z.array(z.string().trim().min(1).max(100)).max(10),
    details: z.array(z.string().trim().min(1).max(100)).max(30),
    additional: z.array(z.string().trim().min(1).max(100)).max(30),
    other: z.string().trim().max(2000).nullish(),
  })
  .superRefine((codes, issues) => {
    for (const problem of rootCauseProblems(codes as Parameters<typeof rootCauseProblems>[0])) {
      issues.addIssue({ code: "custom", path: problem.path.split("."), message: problem.message });
    }
  });

export const exportReportInput = z.strictObject({ format: z.enum(REPORT_EXPORT_FORMATS).default("json") });
