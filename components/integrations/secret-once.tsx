import { KeyRound } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";

/** A freshly made secret: shown this once, with the warning that it will not come back. */
export function SecretOnce({ secret, title }: { secret: string; title: string }) {
  return (
    <div role="status" data-testid="integration-secret" className="flex flex-col gap-3 rounded-lg border border-warning/40 bg-warning-muted p-4">
      <div className="flex items-center gap-2 text-sm font-semibold text-foreground">
        <KeyRound aria-hidden className="size-4 text-warning" />
        {title}
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code data-testid="integration-secret-value" className="min-w-0 flex-1 select-all break-all rounded-md border border-border bg-card px-3 py-2 font-mono text-xs">
          {secret}
        </code>
        <CopyButton value={secret} label="Secret">
          Copy
        </CopyButton>
      </div>
      <p className="text-sm font-medium text-foreground">Copy this secret now. It will not be shown again.</p>
    </div>
  );
}
