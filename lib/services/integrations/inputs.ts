import { z } from "zod";
import { INGEST_SOURCES } from "@/lib/ingest/registry";

export const createIntegrationInput = z.object({
  kind: z.enum(INGEST_SOURCES),
  name: z.string().trim().min(1, "is required").max(100),
});

export const setIntegrationSecretInput = z
  .object({
    // Bearer tokens are one whitespace-free word; HMAC keys of real senders are long.
    secret: z
      .string()
      .min(16, "must be at least 16 characters")
      .max(512)
      .regex(/^\S+$/, "cannot contain whitespace"),
  })
  .strict();
