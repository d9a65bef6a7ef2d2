// @vitest-environment happy-dom
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { UpdatingIndicator } from "@/components/ui/updating-indicator";

// React warns unless it knows the test drives act() itself.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement | null = null;
afterEach(() => container?.remove());

function Heading({ fetching }: { fetching: boolean }) {
  return (
    <h2>
      Timeline
      <UpdatingIndicator active={fetching} />
    </h2>
  );
}

describe("UpdatingIndicator", () => {
  it("hydrates a server render that was not fetching while the browser already is, then shows the spinner", async () => {
    // The server rendered fresh data; by the browser's clock it is stale, so the query
    // reports isFetching on the hydrating render already.
    container = document.createElement("div");
    container.innerHTML = renderToString(<Heading fetching={false} />);
    document.body.append(container);
    const mismatches: unknown[] = [];
    const root = await act(async () => hydrateRoot(container!, <Heading fetching />, { onRecoverableError: (error) => mismatches.push(error) }));
    expect(mismatches).toEqual([]);
    expect(container.querySelector('[aria-label="Updating"]')).not.toBeNull();
    await act(async () => root.unmount());
  });

  it("leaves the spinner out of the server's HTML even while fetching", () => {
    expect(renderToString(<Heading fetching />)).not.toContain("Updating");
  });
});
