import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NotebookPen } from "lucide-react";
import { resolveCaller } from "@/lib/auth/resolve-caller";
import { demoLoginHint } from "@/lib/platform/demo-login";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SignInForm } from "@/components/shell/sign-in-form";
import { SsoSignInButton } from "@/components/shell/sso-sign-in-button";
import { findSsoSignInOption } from "@/lib/services/sso/find-sso-sign-in-option";
import { safeNextPath } from "@/components/shell/safe-next-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  // `/sign-in?org=<slug>`: the link an organisation with single sign-on gives its people.
  const orgSlug = typeof params.org === "string" ? params.org.slice(0, 100) : null;
  const sso = orgSlug ? await findSsoSignInOption(orgSlug).catch(() => null) : null;
  const ssoError = typeof params.error === "string" ? params.error.replace(/_/g, " ").slice(0, 200) : null;
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
          <CardContent className="flex flex-col gap-4 px-6">
            {ssoError && (
              <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive" data-testid="sso-error">
                Single sign-on did not complete ({ssoError}). Try again, or ask your administrator.
              </p>
            )}
            {sso && orgSlug && <SsoSignInButton providerId={sso.providerId} label={sso.label} organizationSlug={orgSlug} next={next} />}
            {sso?.passwordSignInDisabled ? (
              <p className="text-sm text-muted-foreground">Your organisation signs in through its identity provider only.</p>
            ) : (
              <>
                {sso && <p className="text-center text-xs uppercase tracking-wide text-muted-foreground">or with a password</p>}
                <SignInForm next={next} />
              </>
            )}
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
