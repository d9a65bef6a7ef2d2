import type { Metadata } from "next";
import Link from "next/link";
import { ShieldX } from "lucide-react";
import { findPageContext } from "@/lib/auth/page-context";
import { Button } from "@/components/ui/button";
import { SignedInShell } from "../signed-in-shell";

export const metadata: Metadata = { title: "No access" };

/** The 403 page: inside the shell for someone signed in, so the way on is one click away. */
export default async function ForbiddenPage() {
  const ctx = await findPageContext();
  if (ctx) return <SignedInShell ctx={ctx}><NoAccess role={ctx.role} /></SignedInShell>;
  return (
    <main className="flex min-h-screen items-center justify-center">
      <NoAccess role={null} />
    </main>
  );
}

function NoAccess({ role }: { role: string | null }) {
  const caller = role ? { role } : null;
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4 py-16">
      <div className="flex max-w-lg flex-col items-center gap-4 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
          <ShieldX aria-hidden className="size-6" />
        </span>
        <h1 className="text-2xl font-semibold tracking-tight">You don&apos;t have access to this page</h1>
        <p className="text-sm text-muted-foreground">
          {caller ? (
            <>
              Your role is <strong className="font-semibold text-foreground" data-testid="caller-role">{caller.role}</strong>, which does not
              include this page. Ask an admin of your organisation if you need it.
            </>
          ) : (
            <>You are not signed in.</>
          )}
        </p>
        <Button asChild variant="outline">
          <Link href={caller ? "/incidents" : "/sign-in"}>{caller ? "Go to the incident list" : "Sign in"}</Link>
        </Button>
      </div>
    </div>
  );
}
