"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { LogOut } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/class-names";

export function SignOutButton({ className }: { className?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    // better-auth's client (~34 KB) is needed only here: loaded on click, not with every page.
    const error = await import("@/components/auth-client").then(
      ({ authClient }) => authClient.signOut().then((answer) => answer.error),
      () => ({ message: "Could not reach the server" }),
    );
    if (error) {
      setPending(false);
      toast.error(error.message ?? "Could not sign out");
      return;
    }
    router.replace("/sign-in");
    router.refresh();
  }
  return (
    <Button variant="ghost" size="sm" className={cn("justify-start", className)} onClick={signOut} disabled={pending}>
      <LogOut aria-hidden />
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
