import { ShieldAlert, ShieldCheck } from "lucide-react";
import type { ChainVerdict } from "@/lib/core/audit-chain";
import { cn } from "@/components/ui/class-names";

/** Whether the organisation's hash chain still verifies, checked on every page load. */
export function ChainBanner({ verdict }: { verdict: ChainVerdict }) {
  return (
    <div
      role="status"
      data-testid="audit-chain-status"
      data-ok={verdict.ok}
      className={cn(
        "flex items-start gap-3 rounded-lg border px-4 py-3 text-sm",
        verdict.ok ? "border-success/25 bg-success-muted text-success" : "border-destructive/30 bg-destructive/5 text-destructive",
      )}
    >
      {verdict.ok ? <ShieldCheck aria-hidden className="mt-0.5 size-5 shrink-0" /> : <ShieldAlert aria-hidden className="mt-0.5 size-5 shrink-0" />}
      <div>
        <p className="font-semibold">{verdict.ok ? `Chain verified: ${verdict.entries} entries` : verdict.reason === "truncated" ? `Chain truncated after entry #${verdict.firstBroken - 1}` : `Chain broken at entry #${verdict.firstBroken}`}</p>
        <p className="mt-0.5 text-xs opacity-90">
          {verdict.ok
            ? "Every entry's hash matches its content and links to the one before it, so no row has been altered or removed."
            : verdict.reason === "truncated"
              ? `The newest entries, from #${verdict.firstBroken} on, were removed: the chain's recorded head is beyond the last of its ${verdict.entries} entries. Export the log and tell your security team.`
              : `Entry #${verdict.firstBroken} does not match the chain of ${verdict.entries} entries: a row was altered, removed or inserted. Export the log and tell your security team.`}
        </p>
      </div>
    </div>
  );
}
