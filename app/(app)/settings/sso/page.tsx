import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { getSsoSettings } from "@/lib/services/sso/get-sso-settings";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { SsoSettingsForm } from "@/components/settings/sso-settings-form";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage() {
  const ctx = await getPageContext("settings:manage");
  const settings = await getSsoSettings(ctx);
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="Members sign in with your identity provider (OpenID Connect): their role comes from a claim, set at every sign-in, and every sign-in is in the audit log."
      />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="sso-status" className="flex flex-col gap-2">
          <h2 id="sso-status" className="flex items-center gap-2 text-sm font-semibold">
            Identity provider
            {settings ? <Badge variant="success">Configured</Badge> : <Badge variant="muted">Not configured</Badge>}
            {settings?.passwordSignInDisabled && <Badge variant="muted">Passwords off</Badge>}
          </h2>
          <div className="rounded-lg border border-border bg-card shadow-xs">
            {settings ? (
              <dl data-testid="sso-settings" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 p-5 text-sm">
                <dt className="text-muted-foreground">Issuer</dt>
                <dd className="break-all font-mono text-xs leading-5">{settings.issuer}</dd>
                <dt className="text-muted-foreground">Redirect URI</dt>
                <dd className="flex items-center gap-2 break-all font-mono text-xs leading-5">
                  {settings.redirectUri}
                  <CopyButton value={settings.redirectUri} label="Copy the redirect URI" />
                </dd>
                <dt className="text-muted-foreground">Sign-in link</dt>
                <dd className="break-all font-mono text-xs leading-5">{`/sign-in?org=${settings.providerId.replace(/^logbook-/, "")}`}</dd>
              </dl>
            ) : (
              <EmptyState icon={<KeyRound aria-hidden />} title="No identity provider yet">
                Register Logbook as a confidential OpenID Connect client at your identity provider (Keycloak, Entra ID, Okta…), with the authorization-code flow,
                then enter its issuer, client ID and secret below. Logbook reads the issuer&apos;s discovery document when you save.
              </EmptyState>
            )}
          </div>
        </section>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{settings ? "Change single sign-on" : "Set up single sign-on"}</h2>
            </CardTitle>
            <CardDescription>The client secret is stored for the sign-in flow and never shown again; saving asks for it each time.</CardDescription>
          </CardHeader>
          <CardContent>
            <SsoSettingsForm settings={settings} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
