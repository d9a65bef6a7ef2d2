import { cn } from "@/components/ui/class-names";

/** Affected services as compact monospace chips. */
export function ServiceChips({ services, empty, className }: { services: string[]; empty?: string; className?: string }) {
  if (services.length === 0) return empty ? <span className={cn("text-sm text-muted-foreground", className)}>{empty}</span> : null;
  return (
    <ul aria-label="Affected services" className={cn("flex flex-wrap gap-1.5", className)}>
      {services.map((slug) => (
        <li key={slug} className="rounded-md border border-border bg-muted/60 px-1.5 py-0.5 font-mono text-xs text-foreground">
          {slug}
        </li>
      ))}
    </ul>
  );
}
