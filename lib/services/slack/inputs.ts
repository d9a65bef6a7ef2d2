import { z } from "zod";
import { ECHO_KINDS } from "./views";

/** A Slack channel id (C…, G…) or a name with or without its #. */
const channel = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .transform((value) => value.replace(/^#/, ""))
  .pipe(z.string().regex(/^[a-z0-9_-]{1,80}$|^[CG][A-Z0-9]{2,}$/, "must be a channel id (C…) or a channel name"));

export const configureSlackInput = z
  .object({
    botToken: z.string().trim().regex(/^xox[bp]-\S+$/, "must be a bot token (xoxb-…)").max(512).optional(),
    signingSecret: z.string().trim().min(16, "must be at least 16 characters").max(512).regex(/^\S+$/, "cannot contain whitespace").optional(),
    announceChannel: channel.nullable().optional(),
    channelNameTemplate: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .refine((t) => t.includes("{ref}") || t.includes("{number}"), "must contain {ref} or {number}, so channel names differ")
      .optional(),
    archiveAfterDays: z.number().int().min(0).max(365).nullable().optional(),
    echo: z.partialRecord(z.enum(ECHO_KINDS), z.boolean()).optional(),
    captureEmoji: z
      .string()
      .trim()
      .transform((value) => value.replace(/^:|:$/g, ""))
      .pipe(z.string().regex(/^[a-z0-9_+-]{1,100}$/, "must be a Slack emoji name such as pushpin"))
      .optional(),
  })
  .strict();

/** PUT /api/v1/incidents/{idOrRef}/slack: an existing channel becomes the incident's. */
export const connectIncidentChannelInput = z
  .object({
    channel: z.string().trim().regex(/^[CG][A-Z0-9]{2,}$/, "must be a channel id (C…)"),
  })
  .strict();

export const slackTeamChannelInput = z
  .object({
    channel: z.string().trim().regex(/^[CG][A-Z0-9]{2,}$/, "must be a channel id (C…)"),
    changes: z.boolean().default(true),
    /** HH:MM in the team's time zone; null: no daily digest */
    digestTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM")
      .nullable()
      .default(null),
  })
  .strict();
