import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NotebookPen } from "lucide-react";
import { resolveCaller } from "@/lib/auth/resolve-caller";
import { demoLoginHint } from "@/lib/platform/demo-login";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SignInForm } from "@/components/shell/sign-in-form";
import { safeNextPath } from "@/components/shell/safe-next-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  const caller = await resolveCaller(await headers()).catch(() => null);
  if (caller) redirect(next);
  const demo = demoLoginHint();
  return (
    <main className="flex min-h-screen items-center justify-center bg-sidebar px-4 py-12">
      <div className="flex w-full max-w-sm flex-col gap-6">
        <div className="flex items-center justify-center gap-2.5">
          <span className="flex size-9 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <NotebookPen aria-hidden className="size-5" />
          </span>
          <span className="text-lg font-semibold">Logbook</span>
        </div>
        <Card className="gap-5 py-6">
          <CardHeader className="px-6">
            <h1 className="text-xl font-semibold tracking-tight">Sign in to Logbook</h1>
            <CardDescription>Incidents, timelines and postmortems for your organisation.</CardDescription>
          </CardHeader>
          <CardContent className="px-6">
            <SignInForm next={next} />
          </CardContent>
        </Card>
        {demo && (
          <div className="rounded-md border border-dashed border-border bg-muted/60 px-4 py-3 text-sm text-muted-foreground" data-testid="demo-login">
            <p className="font-medium text-foreground">Trying the demo?</p>
            <p className="mt-1">
              Sign in as <code className="font-mono text-foreground">{demo.email}</code> with password{" "}
              <code className="font-mono text-foreground">{demo.password}</code>.
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
