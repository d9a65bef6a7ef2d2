import { z } from "zod";

export const slugSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(63)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "use lowercase letters, digits and dashes");

export const repositorySchema = z.string().trim().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "must look like owner/repo");

const kubernetesName = z
  .string()
  .trim()
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, "must be a Kubernetes name (lowercase letters, digits, dots and dashes)");

/** How ingest finds the service besides labels and repositories (see lib/ingest/service-mapping.ts). */
export const serviceMappingsSchema = z
  .object({
    namespaces: z.array(kubernetesName).max(50).optional(),
    fluxObjects: z
      .array(z.string().trim().regex(/^[A-Za-z]+\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, "must look like Kind/namespace/name, e.g. Kustomization/flux-system/payments"))
      .max(50)
      .optional(),
    argoApplications: z.array(kubernetesName).max(50).optional(),
  })
  .strict();
