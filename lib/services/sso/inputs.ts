import { z } from "zod";
import { ORG_ROLES } from "@/lib/core/roles";

/** PUT /api/v1/sso: one OIDC identity provider per organisation. */
export const configureSsoInput = z
  .object({
    issuer: z
      .string()
      .trim()
      .url("must be the issuer URL, e.g. https://login.example.com/realms/bank")
      .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL"),
    clientId: z.string().trim().min(1, "is required").max(255),
    clientSecret: z.string().min(1, "is required").max(4096),
    /** the claim whose value(s) choose the role, e.g. "groups" */
    roleClaim: z.string().trim().min(1).max(100).optional(),
    roleMapping: z.record(z.string().min(1).max(200), z.enum(ORG_ROLES, { error: `must be one of ${ORG_ROLES.join(", ")}` })).optional(),
    defaultRole: z.enum(ORG_ROLES, { error: `must be one of ${ORG_ROLES.join(", ")}` }),
    /** once SSO works: members sign in through the identity provider only */
    passwordSignInDisabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => !v.roleMapping || Object.keys(v.roleMapping).length === 0 || v.roleClaim, { message: "name the claim the mapping reads", path: ["roleClaim"] });
