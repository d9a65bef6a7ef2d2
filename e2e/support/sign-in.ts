import { expect, request, type APIRequestContext, type Page } from "@playwright/test";
import type { Account } from "./accounts";

/** Signs in through the sign-in page, as a person would, and waits to leave it. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/**
 * A separate HTTP client signed in as someone else, for arranging data the browser's user
 * must not be able to see. Cookie sessions need our Origin on state-changing requests.
 */
export async function apiSession(baseURL: string, account: Account): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const response = await api.post("/api/auth/sign-in/email", { data: account });
  expect(response.status(), `sign-in of ${account.email}`).toBe(200);
  return api;
}
