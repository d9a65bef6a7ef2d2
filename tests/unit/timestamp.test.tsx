// @vitest-environment happy-dom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { Timestamp } from "@/components/time/timestamp";

// React warns unless it knows the test drives act() itself.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const AT = "2030-01-01T10:15:30.000Z";
let container: HTMLElement | null = null;

async function onClient(element: React.ReactElement): Promise<string> {
  container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(element));
  const text = container.textContent ?? "";
  await act(async () => root.unmount());
  return text.replace(/\s+/g, " ").trim();
}

afterEach(() => container?.remove());

describe("Timestamp", () => {
  it("labels both clocks in the browser, inline and stacked alike", async () => {
    for (const layout of ["inline", "stacked"] as const) {
      const text = await onClient(<Timestamp value={AT} layout={layout} />);
      expect(text, layout).toMatch(/^2030-01-0\d \d\d:\d\d:30 ?local/);
      expect(text, layout).toMatch(/10:15:30 UTC$/);
    }
  });

  it("renders UTC only on the server, which cannot know the viewer's zone", () => {
    const html = renderToStaticMarkup(<Timestamp value={AT} layout="stacked" />);
    expect(html).toContain("2030-01-01 10:15:30");
    expect(html).not.toContain("local");
  });
});
