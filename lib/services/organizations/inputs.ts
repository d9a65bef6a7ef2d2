import { z } from "zod";
import { ORG_ROLES } from "@/lib/core/roles";
import { slugSchema } from "../catalog/inputs";

export const createOrganizationInput = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "is required").max(200),
});

export const addMemberInput = z.object({
  email: z.email("must be an email address").transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ORG_ROLES),
  password: z.string().min(8, "must be at least 8 characters").max(128).optional(),
});
