import type { PageContext } from "@/lib/auth/page-context";
import { describeCaller } from "@/lib/services/organizations/describe-caller";
import { AppShell } from "@/components/shell/app-shell";
import { LiveEventsProvider } from "@/components/live/live-events-provider";

/**
 * The frame of every signed-in page (navigation, live updates). The signed-in layout uses
 * it, and so do the 403 and 404 pages outside it when someone signed in reaches them.
 */
export async function SignedInShell({ ctx, children }: { ctx: PageContext; children: React.ReactNode }) {
  const { organization } = await describeCaller(ctx);
  return (
    <LiveEventsProvider>
      <AppShell
        organizationName={organization?.name ?? "Logbook"}
        userName={ctx.caller.user?.name ?? ctx.actor.label}
        userEmail={ctx.caller.user?.email ?? null}
        role={ctx.role}
      >
        {children}
      </AppShell>
    </LiveEventsProvider>
  );
}
