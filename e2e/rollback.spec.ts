import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN, type Account } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";
import { startFakeGitHub } from "../tests/integration/github-api-server";
import { pushCommit } from "../tests/integration/github-git-routes";

const RESPONDER: Account = { email: "rafael.responder@demo-bank.example", password: "logbook-demo" };
const TOKEN = "ghp_e2e_rollback_token";
const CONFIG = (timeout: string) => ["gateway:", `  timeout: ${timeout}`, "  retries: 2", ""].join("\n");

// The responder's rollback: the culprit deploy of an incident is rolled back from "what
// changed". The preview shows the repository, the file and the diff before anything is
// written; confirming opens a revert pull request on a loopback GitHub (the connection's
// API URL points at it), and the pull request is on the incident's timeline.
test("a responder rolls back the culprit deploy from an incident and sees the pull request on the timeline", async ({ page, baseURL }) => {
  const suffix = Date.now().toString(36);
  const repository = `demo-bank/gitops-${suffix}`;
  const github = await startFakeGitHub({ token: TOKEN, repositories: [], gitRepositories: [repository] });
  try {
    const repo = github.git.get(repository)!;
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
    pushCommit(repo, { message: "Payments gateway config", date: minutesAgo(90), files: { "apps/payments/config.yaml": CONFIG("5s") } });
    const culprit = pushCommit(repo, { message: "Shorter gateway timeout", date: minutesAgo(20), files: { "apps/payments/config.yaml": CONFIG("1s") } });

    const admin = await apiSession(baseURL!, DEMO_ADMIN);
    expect((await admin.put("/api/v1/github-connection", { data: { token: TOKEN, apiUrl: github.url } })).status()).toBe(200);
    const slug = `pay-gw-${suffix}`;
    expect((await admin.post("/api/v1/services", { data: { slug, name: "Payments gateway", repositories: [repository] } })).status()).toBe(201);
    const integration = (await (await admin.post("/api/v1/integrations", { data: { kind: "generic", name: `Deploys ${suffix}` } })).json()) as { url: string; secret: string };
    const title = `payments-gateway ${suffix} to production`;
    const deploy = { type: "change", kind: "deploy_succeeded", title, service: slug, environment: "production", revision: culprit, occurredAt: minutesAgo(15).toISOString(), externalId: `deploy-${suffix}` };
    expect((await page.request.post(integration.url, { data: deploy, headers: { authorization: `Bearer ${integration.secret}` } })).status()).toBe(202);
    const declared = await admin.post("/api/v1/incidents", { data: { title: `Card payments timing out ${suffix}`, severity: "SEV2", services: [slug], occurredAt: minutesAgo(10).toISOString() } });
    const { ref } = (await declared.json()) as { ref: string };

    await signIn(page, RESPONDER);
    await page.goto(`/incidents/${ref}`);
    const suspect = page.getByTestId("what-changed").getByTestId("suspect-change").filter({ hasText: title });
    await suspect.getByRole("button", { name: "Culprit" }).click();
    await expect(suspect).toHaveAttribute("data-mark", "culprit");
    await suspect.getByRole("button", { name: "Roll back" }).click();

    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(repository);
    await expect(dialog).toContainText(culprit.slice(0, 7));
    await expect(dialog).toContainText("apps/payments/config.yaml");
    await expect(dialog.getByLabel("Diff")).toContainText("+  timeout: 5s");
    await expect(dialog).toContainText(`logbook/revert-${culprit.slice(0, 7)}-${ref.toLowerCase()}`);
    // Nothing is written while the preview is open.
    expect(repo.pulls.size).toBe(0);
    await page.screenshot({ path: "docs/screenshots/issue-13/rollback-preview.png" });
    await dialog.getByRole("button", { name: "Open pull request" }).click();
    await expect(dialog).toBeHidden();

    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline.getByText(`Rollback of ${culprit.slice(0, 7)} proposed: pull request #1`)).toBeVisible();
    await expect(suspect.getByRole("link", { name: /Rollback opened/ })).toHaveAttribute("href", `https://github.example/${repository}/pull/1`);
    expect(repo.pulls.get(1)).toMatchObject({ base: "main", head: `logbook/revert-${culprit.slice(0, 7)}-${ref.toLowerCase()}`, state: "open" });
    expect(repo.branches.get("main")).toBe(culprit);
    await page.screenshot({ path: "docs/screenshots/issue-13/rollback-on-timeline.png", fullPage: true });
  } finally {
    await github.close();
  }
});
