import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { describeCaller } from "@/lib/services/organizations/describe-caller";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { roleDescription } from "@/components/settings/role-options";
import { SETTINGS_SECTIONS } from "@/components/settings/settings-sections";

export const metadata: Metadata = { title: "Settings" };

/** Where settings open: which organisation this is, who you are in it, and the way to everything else. */
export default async function GeneralSettingsPage() {
  const ctx = await getPageContext("settings:manage");
  const { organization } = await describeCaller(ctx);
  return (
    <>
      <PageHeader title="General" description="The organisation these settings belong to." />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Organisation</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl data-testid="organization-details" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
              <dt className="text-muted-foreground">Name</dt>
              <dd className="font-medium">{organization?.name}</dd>
              <dt className="text-muted-foreground">Slug</dt>
              <dd className="font-mono text-xs leading-5">{organization?.slug}</dd>
              <dt className="text-muted-foreground">Your role</dt>
              <dd>{roleDescription(ctx.role)}</dd>
            </dl>
          </CardContent>
        </Card>
        <section aria-labelledby="settings-sections" className="flex flex-col gap-2">
          <h2 id="settings-sections" className="text-sm font-semibold">
            More settings
          </h2>
          <ul className="divide-y divide-border rounded-lg border border-border bg-card shadow-xs">
            {SETTINGS_SECTIONS.filter((section) => section.href !== "/settings/general").map((section) => (
              <li key={section.href}>
                <Link href={section.href} className="flex items-center gap-3 px-4 py-3 outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring">
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span className="text-sm font-medium">{section.label}</span>
                    <span className="text-xs text-muted-foreground">{section.description}</span>
                  </span>
                  <ChevronRight aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
