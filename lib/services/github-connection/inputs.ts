import { z } from "zod";

export const setGitHubConnectionInput = z.strictObject({
  token: z.string().trim().min(1, "cannot be empty").max(500),
  apiUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  account: z.string().trim().max(200).optional(),
});
