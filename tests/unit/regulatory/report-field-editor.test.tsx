// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { ReportFieldEditor } from "@/components/regulatory/report-field-editor";
import { buildReport } from "@/lib/regulatory/build-report";
import { missingForNextReport, validateReport } from "@/lib/regulatory/validate-report";
import { danishBankSource } from "./report-fixtures";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;

async function mount(props: Partial<Parameters<typeof ReportFieldEditor>[0]> & { onSave?: (patch: Record<string, unknown>) => void } = {}) {
  const content = buildReport("dora", "initial", danishBankSource());
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <ReportFieldEditor
        regime="dora"
        type="initial"
        content={content}
        errors={validateReport("dora", "initial", content).errors}
        nextErrors={missingForNextReport("dora", "initial", content)?.errors ?? []}
        readOnly={false}
        onSave={() => {}}
        {...props}
      />,
    ),
  );
  return content;
}

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

/** Sets a form control's value the way typing does, so React's change handler sees it. */
async function type(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string) {
  const prototype = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, "value")!.set!.call(element, value);
  await act(async () => {
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  });
}

const byId = <T extends HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;
const saveButton = () => [...container.querySelectorAll("button")].find((b) => b.textContent === "Save")!;

describe("ReportFieldEditor", () => {
  it("shows the template's groups and fields with codes, labels bound to inputs, required badges", async () => {
    await mount();
    const summaries = [...container.querySelectorAll("summary")].map((s) => s.textContent);
    expect(summaries).toEqual(["1. General information about the financial entity", "2. Content of the initial notification", "3. Content of the intermediate report", "4. Content of the final report"]);
    const label = container.querySelector<HTMLLabelElement>('label[for="report-field-2-4"]')!;
    expect(label.textContent).toBe("2.4Description of the major ICT-related incident");
    expect(byId<HTMLTextAreaElement>("report-field-2-4").value).toContain("Card authorisations failed");
    expect(label.parentElement!.textContent).toContain("Required");
    expect(byId<HTMLInputElement>("report-field-2-2").value).toBe("2026-03-05T07:52");
  });
  it("puts each validation error next to its field, and what the next report still needs", async () => {
    await mount({ errors: [{ path: "primaryContact.email", message: 'Field 1.8 "Primary contact person email" must be an email address.' }] });
    const input = byId<HTMLInputElement>("report-field-1-8");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(byId(input.getAttribute("aria-describedby")!).textContent).toContain("must be an email address");
    expect(container.textContent).toContain("Still required for the intermediate report:");
    expect(container.querySelector("summary")!.textContent).toContain("1 problem");
  });
  it("saves only what changed, and only once something did", async () => {
    const patches: Array<Record<string, unknown>> = [];
    await mount({ onSave: (patch) => void patches.push(patch) });
    expect(saveButton().disabled).toBe(true);
    await type(byId<HTMLSelectElement>("report-field-2-7"), "monitoring_systems");
    await type(byId<HTMLInputElement>("report-field-1-9"), "");
    expect(saveButton().disabled).toBe(false);
    await act(async () => saveButton().click());
    expect(patches).toEqual([{ primaryContact: { phone: null }, incident: { incidentDiscovery: "monitoring_systems" } }]);
  });
  it("a criterion's fields wait for the criterion to be chosen", async () => {
    await mount();
    expect(byId<HTMLInputElement>("report-field-3-21").disabled).toBe(true);
    expect(byId<HTMLTextAreaElement>("report-field-3-19").disabled).toBe(false);
  });
  it("read-only: every input disabled, no save", async () => {
    await mount({ readOnly: true });
    expect([...container.querySelectorAll("input, select, textarea")].every((e) => (e as HTMLInputElement).disabled)).toBe(true);
    expect(saveButton()).toBeUndefined();
  });
});
