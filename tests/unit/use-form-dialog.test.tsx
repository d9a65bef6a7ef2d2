// @vitest-environment happy-dom
import { act, useEffect } from "react";
import { createRoot, type Root } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useFormDialog } from "@/components/forms/use-form-dialog";

// The hook refreshes the server-rendered page after a write; outside Next.js there is none.
const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));
vi.mock("sonner", () => ({ toast: { success: vi.fn(), error: vi.fn() } }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Hook = ReturnType<typeof useFormDialog<{ channel: string }, { name: string }>>;
let hook: Hook;
let opened = 0;
/** Hands the hook's latest answer to the test after every render. */
function Harness({ expose }: { expose: (latest: Hook) => void }) {
  const latest = useFormDialog<{ channel: string }, { name: string }>("/api/v1/things", { idPrefix: "thing-7", success: (r) => `saved ${r.name}`, onOpen: () => opened++ });
  useEffect(() => {
    expose(latest);
  });
  return null;
}

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const refusal = answer(422, { error: { code: "validation_failed", message: "Invalid input", details: [{ field: "channel", message: "No such channel" }] } });

let root: Root;
beforeEach(async () => {
  opened = 0;
  root = createRoot(document.createElement("div"));
  await act(async () => root.render(<QueryClientProvider client={new QueryClient()}><Harness expose={(latest) => (hook = latest)} /></QueryClientProvider>));
});
afterEach(async () => {
  await act(async () => root.unmount());
  vi.unstubAllGlobals();
});

async function submit(response: Response) {
  vi.stubGlobal("fetch", vi.fn(async () => response));
  await act(async () => hook.mutation.mutate({ channel: "C1" }));
  await act(async () => vi.waitFor(() => expect(hook.mutation.isPending).toBe(false)));
}

describe("useFormDialog", () => {
  it("names each field's message after the field's id, and points the control at it only while the API refused the field", async () => {
    await act(async () => hook.dialog.onOpenChange(true));
    expect(hook.fieldId("channel")).toBe("thing-7-channel");
    expect(hook.invalid("channel")).toEqual({});
    await submit(refusal);
    expect(hook.dialog.open).toBe(true);
    expect(hook.invalid("channel")).toEqual({ "aria-invalid": true, "aria-describedby": "thing-7-channel-error" });
    expect(hook.errorOf("channel")).toEqual({ id: "thing-7-channel-error", message: "No such channel" });
    expect(hook.formError).toBe("Some fields need attention.");
  });

  it("forgets the refused attempt when closed, and seeds the form again each time it opens", async () => {
    await act(async () => hook.dialog.onOpenChange(true));
    await submit(refusal);
    await act(async () => hook.dialog.onOpenChange(false));
    expect(hook.errorOf("channel").message).toBeUndefined();
    expect(hook.formError).toBeNull();
    await act(async () => hook.dialog.onOpenChange(true));
    expect(opened).toBe(2);
  });

  it("closes when the write succeeds and refreshes the page", async () => {
    await act(async () => hook.dialog.onOpenChange(true));
    await submit(answer(200, { name: "C1" }));
    expect(hook.dialog.open).toBe(false);
    expect(refresh).toHaveBeenCalled();
  });
});
