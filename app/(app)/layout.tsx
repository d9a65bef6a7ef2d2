import { getPageContext } from "@/lib/auth/page-context";
import { describeCaller } from "@/lib/services/organizations/describe-caller";
import { AppShell } from "@/components/shell/app-shell";
import { LiveEventsProvider } from "@/components/live/live-events-provider";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getPageContext();
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
