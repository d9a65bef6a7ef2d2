// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useNow } from "@/components/time/use-now";

// React warns unless it knows the test drives act() itself.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const RENDERED_AT = Date.parse("2030-01-01T10:00:00.000Z");
const BROWSER_NOW = Date.parse("2030-01-01T10:00:05.000Z");

function Clock({ ticking }: { ticking?: boolean }) {
  return <span>{useNow(RENDERED_AT, ticking === undefined ? undefined : { ticking })}</span>;
}

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  vi.useFakeTimers({ now: BROWSER_NOW });
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.useRealTimers();
});

const shown = () => Number(container.textContent);

describe("useNow", () => {
  it("shows the server's render instant first, then the browser's clock every second", async () => {
    await act(async () => root.render(<Clock />));
    expect(shown()).toBe(RENDERED_AT);
    await act(async () => vi.advanceTimersByTime(1000));
    expect(shown()).toBe(BROWSER_NOW + 1000);
    await act(async () => vi.advanceTimersByTime(2000));
    expect(shown()).toBe(BROWSER_NOW + 3000);
  });

  it("stays at the render instant while not ticking, and ticks once it is", async () => {
    await act(async () => root.render(<Clock ticking={false} />));
    await act(async () => vi.advanceTimersByTime(5000));
    expect(shown()).toBe(RENDERED_AT);
    await act(async () => root.render(<Clock ticking />));
    await act(async () => vi.advanceTimersByTime(1000));
    expect(shown()).toBe(BROWSER_NOW + 6000);
  });
});
