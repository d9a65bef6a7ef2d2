import { z } from "zod";

export const slugSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(63)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "use lowercase letters, digits and dashes");

const repositorySchema = z.string().trim().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "must look like owner/repo");

const kubernetesName = z
  .string()
  .trim()
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, "must be a Kubernetes name (lowercase letters, digits, dots and dashes)");

/** How ingest finds the service besides labels and repositories (see lib/ingest/service-mapping.ts). */
const serviceMappingsSchema = z
  .object({
    namespaces: z.array(kubernetesName).max(50).optional(),
    fluxObjects: z
      .array(z.string().trim().regex(/^[A-Za-z]+\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, "must look like Kind/namespace/name, e.g. Kustomization/flux-system/payments"))
      .max(50)
      .optional(),
    argoApplications: z.array(kubernetesName).max(50).optional(),
  })
  .strict();

const pagerdutyId = z.string().trim().regex(/^[A-Z0-9]{5,20}$/, "must be a PagerDuty id such as PX1Y2Z3");

const KNOWN_TIME_ZONES = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time like 09:00")
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3)));

/** where the team works: insights count incidents that start outside its working hours as off-hours */
const teamTimeZone = z.string().refine((zone) => KNOWN_TIME_ZONES.has(zone), "must be an IANA time zone such as Europe/Oslo");

/** Working hours as the team's columns (minutes after midnight; ISO weekdays, Monday 1, sorted, once each). */
const teamWorkingHours = z
  .object({
    start: clockTime,
    end: clockTime,
    days: z.array(z.number().int().min(1).max(7)).min(1, "name at least one working day").max(7).optional(),
  })
  .refine((hours) => hours.end > hours.start, { message: "end must be after start", path: ["end"] })
  .transform(({ start, end, days }) => ({
    workdayStartMinute: start,
    workdayEndMinute: end,
    ...(days ? { workingDays: [...new Set(days)].sort((a, b) => a - b) } : {}),
  }));

export const createTeamInput = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "is required").max(100),
  description: z.string().max(2000).optional(),
  timeZone: teamTimeZone.optional(),
  workingHours: teamWorkingHours.optional(),
});

export const updateTeamInput = z
  .object({
    name: z.string().trim().min(1, "cannot be empty").max(100).optional(),
    description: z.string().max(2000).nullable().optional(),
    timeZone: teamTimeZone.optional(),
    workingHours: teamWorkingHours.optional(),
  })
  .strict()
  .refine((value) => Object.values(value).some((v) => v !== undefined), { message: "name at least one field to change" });

/** how many clients use the service: the base of DORA's "clients affected" share (the 10 % threshold of Delegated Regulation (EU) 2024/1772) when classifying */
const clientCountSchema = z.number().int("must be a whole number").nonnegative("must not be negative").max(2_000_000_000);

export const createServiceInput = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "is required").max(100),
  description: z.string().max(2000).optional(),
  team: slugSchema.optional(),
  tier: z.number().int().min(1).max(4).optional(),
  supportsCriticalFunction: z.boolean().optional(),
  clientCount: clientCountSchema.optional(),
  labels: z.record(z.string().min(1).max(100), z.string().max(200)).optional(),
  repositories: z.array(repositorySchema).max(20).optional(),
  mappings: serviceMappingsSchema.optional(),
  /** the PagerDuty service and escalation policy that page for it */
  pagerdutyServiceId: pagerdutyId.optional(),
  escalationPolicyId: pagerdutyId.optional(),
});

export const updateServiceInput = z
  .object({
    name: z.string().trim().min(1, "cannot be empty").max(100).optional(),
    description: z.string().max(2000).nullable().optional(),
    team: slugSchema.nullable().optional(),
    tier: z.number().int().min(1).max(4).nullable().optional(),
    supportsCriticalFunction: z.boolean().optional(),
    clientCount: clientCountSchema.nullable().optional(),
    labels: z.record(z.string().min(1).max(100), z.string().max(200)).optional(),
    repositories: z.array(repositorySchema).max(20).optional(),
    /** each list given replaces that list; lists left out stay as they are */
    mappings: serviceMappingsSchema.optional(),
    pagerdutyServiceId: pagerdutyId.nullable().optional(),
    escalationPolicyId: pagerdutyId.nullable().optional(),
  })
  .strict()
  .refine((value) => Object.values(value).some((v) => v !== undefined), { message: "name at least one field to change" });

/** Exactly one of: a catalog to read (catalog-info.yaml or the catalog API), or the entities themselves. */
export const importBackstageCatalogInput = z
  .object({
    catalogUrl: z.string().trim().url("must be an http(s) URL").refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL").optional(),
    /** for the catalog API; else LOGBOOK_BACKSTAGE_TOKEN */
    token: z.string().min(1).max(4096).optional(),
    entities: z.array(z.unknown()).min(1, "give at least one entity").max(5000, "at most 5000 entities per import").optional(),
  })
  .strict()
  .refine((v) => (v.catalogUrl === undefined) !== (v.entities === undefined), { message: "give either catalogUrl or entities", path: ["catalogUrl"] });
