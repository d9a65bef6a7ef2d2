"use client";

import { ErrorMessage } from "@/components/shell/error-message";

/** Catches unexpected rendering errors below the root layout and offers a retry. */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <ErrorMessage error={error} reset={reset} />
    </main>
  );
}
