"use client";

import { useState } from "react";
import { CircleAlert, KeyRound, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/time/use-hydrated";

/**
 * "Sign in with <identity provider>": asks Logbook for the provider's authorization URL
 * (better-auth's SSO plugin makes the state and PKCE challenge) and goes there; the
 * provider sends the person back to Logbook, then on to `next`.
 */
export function SsoSignInButton({ providerId, label, organizationSlug, next }: { providerId: string; label: string; organizationSlug: string; next: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function start() {
    setPending(true);
    setError(null);
    try {
      const answer = await fetch("/api/auth/sign-in/sso", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ providerId, callbackURL: next, errorCallbackURL: `/sign-in?org=${encodeURIComponent(organizationSlug)}` }),
      });
      const body = (await answer.json().catch(() => ({}))) as { url?: string; message?: string };
      if (!answer.ok || !body.url) throw new Error(body.message ?? `Logbook answered ${answer.status}`);
      window.location.assign(body.url);
    } catch (failure) {
      setError(`Could not start single sign-on: ${(failure as Error).message}`);
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <Button type="button" variant="outline" className="w-full" disabled={pending || !hydrated} onClick={start}>
        {pending ? <Loader2 aria-hidden className="animate-spin" /> : <KeyRound aria-hidden />}
        Sign in with {label}
      </Button>
      {error && (
        <p role="alert" className="flex items-start gap-2 text-sm text-destructive">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      )}
    </div>
  );
}
