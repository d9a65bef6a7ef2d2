import { test, expect } from "./support/fixtures";
import { OTHER_ADMIN } from "./support/accounts";
import { signIn } from "./support/sign-in";
import { startIdentityProvider, type TestIdentityProvider } from "../tests/integration/oidc-identity-provider";

// An admin connects the organisation's identity provider in Settings, and a person who has
// never used Logbook signs in through it from the organisation's sign-in link, arriving as a
// member with the role their groups claim maps to. The IdP is a real OpenID Provider
// (oidc-provider) on loopback. The second organisation is used, so the demo's stays as it is.
let idp: TestIdentityProvider;

test.beforeAll(async ({ baseURL }) => {
  idp = await startIdentityProvider({ redirectUri: `${baseURL}/api/auth/sso/callback/logbook-other` });
  idp.accounts.set("e2e-sigrid", { email: "sigrid.sso@other.example", name: "Sigrid Sso", groups: ["staff", "logbook-responders"] });
});
test.afterAll(async () => {
  await idp?.stop();
});

test("an admin sets up single sign-on and a new person signs in through the identity provider", async ({ page, browser }) => {
  await signIn(page, OTHER_ADMIN);
  await page.goto("/settings/sso");
  await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  await expect(page.getByText("No identity provider yet")).toBeVisible();

  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client ID").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Role claim").fill("groups");
  await page.getByLabel("Role mapping").fill("logbook-responders = responder\nlogbook-admins = admin");
  await page.getByRole("button", { name: "Set up single sign-on" }).click();
  await expect(page.getByText("Single sign-on saved")).toBeVisible();
  await page.reload();
  const saved = page.getByTestId("sso-settings");
  await expect(saved).toContainText(idp.issuer);
  await expect(saved).toContainText("/api/auth/sso/callback/logbook-other");
  await expect(saved).not.toContainText(idp.clientSecret);


  // Someone Logbook has never seen, from the organisation's sign-in link.
  idp.loginAs("e2e-sigrid");
  const person = await (await browser.newContext()).newPage();
  await person.goto("/sign-in?org=other");
  const button = person.getByRole("button", { name: "Sign in with 127.0.0.1" });
  await expect(button).toBeVisible();
  await expect(person.getByLabel("Password", { exact: true })).toBeVisible();
  await button.click();
  await expect(person).not.toHaveURL(/sign-in|127\.0\.0\.1/, { timeout: 20_000 });
  await expect(person.getByText("Sigrid Sso").filter({ visible: true }).first()).toBeVisible();
  await expect(person.getByText("Responder").filter({ visible: true }).first()).toBeVisible();

  // The admin sees the new member, with the role the claim gave, and the sign-in audited.
  await page.goto("/settings/members");
  await expect(page.getByRole("row").filter({ hasText: "sigrid.sso@other.example" })).toContainText(/responder/i);
  const audit = await page.request.get("/api/v1/audit?action=auth.signed_in&limit=5");
  expect(audit.status()).toBe(200);
  expect(JSON.stringify(await audit.json())).toContain("sigrid.sso@other.example");
});
