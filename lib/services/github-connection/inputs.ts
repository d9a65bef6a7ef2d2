import { z } from "zod";

export const setGitHubConnectionInput = z.strictObject({
  token: z.string().trim().min(1, "cannot be empty").max(500),
  apiUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  account: z.string().trim().max(200).optional(),
  /** members' GitHub logins by e-mail: a rollback asks the incident's commander to review */
  userLogins: z.record(z.email("must be an e-mail address"), z.string().trim().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub login")).optional(),
});
