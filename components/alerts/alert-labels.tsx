import { cn } from "@/components/ui/class-names";

/** Labels that only repeat what is shown elsewhere on the alert. */
const SHOWN_ELSEWHERE = new Set(["alertname", "severity"]);

export function AlertLabels({ labels, className, limit }: { labels: Record<string, string>; className?: string; limit?: number }) {
  const entries = Object.entries(labels).filter(([key]) => !SHOWN_ELSEWHERE.has(key));
  if (entries.length === 0) return null;
  const shown = limit ? entries.slice(0, limit) : entries;
  return (
    <ul aria-label="Labels" className={cn("flex flex-wrap gap-1", className)}>
      {shown.map(([key, value]) => (
        <li key={key} className="max-w-full truncate rounded border border-border bg-muted/50 px-1.5 py-0.5 font-mono text-[11px] text-muted-foreground" title={`${key}=${value}`}>
          {key}=<span className="text-foreground">{value}</span>
        </li>
      ))}
      {shown.length < entries.length && <li className="px-1 py-0.5 text-[11px] text-muted-foreground">+{entries.length - shown.length} more</li>}
    </ul>
  );
}
