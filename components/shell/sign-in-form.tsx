"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { CircleAlert, Loader2 } from "lucide-react";
import { authClient } from "@/components/auth-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/time/use-hydrated";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const { error: failure } = await authClient.signIn.email({
        email: String(form.get("email") ?? "").trim(),
        password: String(form.get("password") ?? ""),
      });
      if (failure) {
        setError(failure.status === 401 || failure.code === "INVALID_EMAIL_OR_PASSWORD" ? "Wrong email or password." : (failure.message ?? "Could not sign in."));
        setPending(false);
        return;
      }
      router.replace(next);
      router.refresh();
    } catch {
      setError("Could not reach Logbook. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    // POST and a button that waits for hydration: a submit before the script runs must never
    // put the password in the URL (and so in logs and history).
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate={false}>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus aria-invalid={error ? true : undefined} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} />
      </div>
      {error && (
        <div role="alert" className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {error}
        </div>
      )}
      <Button type="submit" disabled={pending || !hydrated} className="mt-1 w-full">
        {pending && <Loader2 aria-hidden className="animate-spin" />}
        Sign in
      </Button>
    </form>
  );
}
