import { expect, type Download, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

/** /audit: the organisation's hash-chained audit trail. */
export class AuditLogPage {
  readonly heading: Locator;
  readonly exportCsv: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Audit log", level: 1 });
    this.exportCsv = page.getByRole("link", { name: "Export CSV" });
  }

  /** Opens it the way people do: from the navigation. */
  async openFromNavigation(): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
    await expect(this.page).toHaveURL(/\/audit(\?|$)/);
    await expect(this.heading).toBeVisible();
  }

  /** Table rows of one action about one target (matched by any of its identifiers). */
  rows(action: string, target: RegExp): Locator {
    return this.page.getByRole("row").filter({ hasText: action }).filter({ hasText: target });
  }

  async downloadCsv(): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.exportCsv.click()]);
    const path = await download.path();
    return { download, text: await readFile(path, "utf8") };
  }
}
