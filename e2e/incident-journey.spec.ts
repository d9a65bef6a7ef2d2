import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN, DEMO_RESPONDER_NAME } from "./support/accounts";
import { signIn } from "./support/sign-in";
import { DeclareIncidentPage, IncidentListPage, IncidentPage } from "./support/incident-pages";
import { AuditLogPage } from "./support/audit-log-page";

// The on-call responder's main journey: declare, write the timeline, run the incident to
// resolved, and find every step in the tamper-evident audit log.
test("a responder declares an incident, runs it to resolved, and the audit log shows it", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const title = `Card payments declined at checkout ${stamp}`;
  const note = `Rolled back payments-api to v2.31.4 (${stamp}); error rate falling`;

  await signIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL(/\/incidents$/);
  const list = new IncidentListPage(page);
  await expect(list.heading).toBeVisible();

  await list.declareLink.click();
  await new DeclareIncidentPage(page).declare({
    title,
    severity: "SEV2",
    summary: "Card authorisations fail with 502 from the ingress for about 30 % of checkouts.",
    services: [/Payments API|payments-api/, /Card Authorizer|card-authorizer/],
  });

  const incident = new IncidentPage(page);
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  await expect(incident.heading).toContainText(title);
  const ref = await incident.ref();
  expect(page.url()).toContain(`/incidents/${ref}`);
  await expect(incident.timeline).toBeVisible();

  await incident.addNote(note);
  await expect(incident.noteBox).toHaveValue("");

  await incident.change(incident.commander, { label: DEMO_RESPONDER_NAME }, `${DEMO_RESPONDER_NAME} is now incident commander`);
  await incident.change(incident.severity, { value: "SEV1" }, "Severity changed from SEV2 to SEV1");
  await incident.change(incident.status, { value: "identified" }, "Status changed from investigating to identified");
  await incident.change(incident.status, { value: "monitoring" }, "Status changed from identified to monitoring");
  await incident.change(incident.status, { value: "resolved" }, "Status changed from monitoring to resolved");
  await expect(incident.status).toHaveValue("resolved");

  // What the page showed is what was stored.
  const stored = await page.request.get(`/api/v1/incidents/${ref}`);
  expect(stored.status()).toBe(200);
  const body = (await stored.json()) as { id: string; status: string; severity: string; roles: { commander?: { name: string } } };
  expect(body).toMatchObject({ status: "resolved", severity: "SEV1", roles: { commander: { name: DEMO_RESPONDER_NAME } } });

  // After a reload the timeline still has every step, in order.
  await page.reload();
  await expect(incident.timeline.getByText(note)).toBeVisible();
  const timelineText = await incident.timeline.innerText();
  const order = ["Status changed from investigating to identified", "Status changed from identified to monitoring", "Status changed from monitoring to resolved"].map(
    (step) => timelineText.indexOf(step),
  );
  expect(order.every((position) => position >= 0), `every status change on the timeline:\n${timelineText}`).toBe(true);

  // Key times a status move cannot know are set by hand, in UTC, checked against the facts
  // (audited as incident.updated, like the commander and severity changes above).
  const times = (await (await page.request.get(`/api/v1/incidents/${ref}`)).json()) as { occurredAt: string; resolvedAt: string };
  const utcInput = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  const classifiedAt = utcInput(Math.ceil(Date.parse(times.resolvedAt) / 1000) * 1000);
  await page.getByRole("button", { name: "Edit key times" }).click();
  const keyTimes = page.getByRole("dialog", { name: `Key times of ${ref}` });
  await keyTimes.getByLabel("Aware (UTC)").fill(utcInput(Date.parse(times.occurredAt) - 3_600_000));
  await keyTimes.getByRole("button", { name: "Save key times" }).click();
  await expect(keyTimes.getByText(/^Aware before occurred/)).toBeVisible();
  await keyTimes.getByRole("button", { name: "Clear aware time" }).click();
  await keyTimes.getByLabel("Classified (UTC)").fill(classifiedAt);
  await keyTimes.getByRole("button", { name: "Save key times" }).click();
  await expect(keyTimes).toHaveCount(0);
  await expect(incident.timeline.getByText(`Classified time set to ${classifiedAt.replace("T", " ")} UTC`)).toBeVisible();

  const audit = new AuditLogPage(page);
  await audit.openFromNavigation();
  await expect(page.getByText("Chain verified")).toBeVisible();
  const target = new RegExp(`${ref}\\b|${body.id}`);
  for (const [action, count] of [["incident.declared", 1], ["incident.note_added", 1], ["incident.status_changed", 3], ["incident.updated", 3]] as const) {
    await expect(audit.rows(action, target).first()).toBeVisible();
    await expect(audit.rows(action, target)).toHaveCount(count);
  }

  const { download, text } = await audit.downloadCsv();
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  expect(text).toContain("incident.status_changed");
  expect(text).toContain(body.id);
});
