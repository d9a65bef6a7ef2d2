import { cn } from "@/components/ui/class-names";

/**
 * A titled card section of the incident page; `actions` sit at the right of the title. The
 * heading names it for readers; no aria-label, which would also match label-based look-ups
 * of the fields inside (a "Summary" section around the "Summary" textarea).
 */
export function Panel({ title, actions, className, children }: { title: string; actions?: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <section className={cn("rounded-lg border border-border bg-card px-4 py-3 shadow-xs", className)}>
      <div className="mb-3 flex min-h-7 items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
