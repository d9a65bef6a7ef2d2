import { z } from "zod";
import { ORG_ROLES } from "@/lib/core/roles";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  role: z.enum(ORG_ROLES),
});
