import { test, expect } from "./support/fixtures";
import { DEMO_VIEWER } from "./support/accounts";
import { signIn } from "./support/sign-in";

// The shell loads better-auth's client only when "Sign out" is pressed (not with every page):
// signing out must still end the session.
test("signing out ends the session and returns to the sign-in page", async ({ page }) => {
  await signIn(page, DEMO_VIEWER);
  await page.goto("/incidents");
  await page.getByRole("button", { name: "Sign out" }).filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const afterwards = await page.request.get("/api/v1/incidents?limit=1");
  expect(afterwards.status()).toBe(401);
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/sign-in/);
});
