"use client";

import { ErrorMessage } from "@/components/shell/error-message";

/** Inside the signed-in area the shell stays, so the navigation still works after an error. */
export default function SignedInErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage error={error} reset={reset} />;
}
