"use client";

import { useEffect } from "react";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The body of an error boundary: what happened in plain words, a digest to quote, and a retry. */
export function ErrorMessage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4 py-16">
      <div role="alert" className="flex max-w-md flex-col items-center gap-4 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
          <TriangleAlert aria-hidden className="size-6" />
        </span>
        <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-sm text-muted-foreground">
          Logbook could not show this page. Your data is safe; try again, and if it keeps failing, share the reference below with your admin.
        </p>
        {error.digest && <code className="rounded bg-muted px-2 py-1 font-mono text-xs">ref {error.digest}</code>}
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
