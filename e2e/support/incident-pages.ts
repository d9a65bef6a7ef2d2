import { expect, type Locator, type Page } from "@playwright/test";

/** /incidents: the list every signed-in person lands on. */
export class IncidentListPage {
  readonly heading: Locator;
  readonly declareLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Incidents", level: 1 });
    this.declareLink = page.getByRole("link", { name: "Declare incident" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/incidents");
    await expect(this.heading).toBeVisible();
  }
}

export interface NewIncident {
  title: string;
  severity: string;
  summary: string;
  /** Accessible names of the service checkboxes to tick. */
  services: RegExp[];
}

/** /incidents/new */
export class DeclareIncidentPage {
  constructor(readonly page: Page) {}

  async declare(incident: NewIncident): Promise<void> {
    const { page } = this;
    await expect(page).toHaveURL(/\/incidents\/new$/);
    await page.getByLabel("Title", { exact: true }).fill(incident.title);
    await page.getByLabel("Severity", { exact: true }).selectOption(incident.severity);
    await page.getByLabel("Summary", { exact: true }).fill(incident.summary);
    const services = page.getByRole("group", { name: "Services" });
    for (const name of incident.services) await services.getByRole("checkbox", { name }).check();
    await page.getByRole("button", { name: "Declare incident" }).click();
  }
}

/** /incidents/{ref}: header, controls, note composer and timeline. */
export class IncidentPage {
  readonly heading: Locator;
  readonly timeline: Locator;
  readonly noteBox: Locator;
  readonly addNoteButton: Locator;
  readonly status: Locator;
  readonly severity: Locator;
  readonly commander: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.timeline = page.getByRole("region", { name: "Timeline" });
    this.noteBox = page.getByRole("textbox", { name: "Note", exact: true });
    this.addNoteButton = page.getByRole("button", { name: "Add note" });
    this.status = page.getByLabel("Status", { exact: true });
    this.severity = page.getByLabel("Severity", { exact: true });
    this.commander = page.getByLabel("Incident commander", { exact: true });
  }

  /** The reference (INC-n) shown in the page's heading. */
  async ref(): Promise<string> {
    const text = await this.heading.innerText();
    const match = /INC-\d+/.exec(text);
    expect(match, `an incident reference in the heading "${text}"`).not.toBeNull();
    return match![0];
  }

  async addNote(body: string): Promise<void> {
    await this.noteBox.fill(body);
    await this.addNoteButton.click();
    await expect(this.timeline.getByText(body)).toBeVisible();
  }

  /** Picks an option of one of the incident's native selects and waits for the change to reach the timeline. */
  async change(select: Locator, option: { value?: string; label?: string }, timelineText: string | RegExp): Promise<void> {
    await select.selectOption(option);
    await expect(this.timeline.getByText(timelineText).first()).toBeVisible();
  }
}
