import { z } from "zod";

const ACTION_ITEM_PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;

const dueDateSchema = z.iso.date({ error: "must be a date like 2024-03-31" });

export const createActionItemInput = z.strictObject({
  title: z.string().trim().min(1, "cannot be empty").max(300),
  description: z.string().trim().max(10_000).optional(),
  owner: z.string().min(1).nullable().optional(),
  dueDate: dueDateSchema.nullable().optional(),
  priority: z.enum(ACTION_ITEM_PRIORITIES).optional(),
});

export const updateActionItemInput = z
  .strictObject({
    title: z.string().trim().min(1, "cannot be empty").max(300),
    description: z.string().trim().max(10_000).nullable(),
    owner: z.string().min(1).nullable(),
    dueDate: dueDateSchema.nullable(),
    priority: z.enum(ACTION_ITEM_PRIORITIES),
    status: z.enum(ACTION_ITEM_STATUSES),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one field to change" });

export const listActionItemsQuery = z.strictObject({
  overdue: z.enum(["true", "false"]).optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const createGitHubIssueInput = z.strictObject({
  repository: z
    .string()
    .trim()
    .regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/repo")
    .optional(),
});
