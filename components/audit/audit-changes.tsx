import { diffAuditValues } from "./audit-diff";

const SHOWN = 3;

/** The changed fields inline, with the full before/after JSON one click away. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffAuditValues(before, after);
  if (changes.length === 0) return <span className="text-muted-foreground">—</span>;
  const created = before === null || before === undefined;
  return (
    <details className="group min-w-0 text-xs">
      <summary className="cursor-pointer list-none rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
        <ul className="flex flex-col gap-0.5">
          {changes.slice(0, SHOWN).map((change) => (
            <li key={change.field} className="truncate">
              <span className="font-mono text-muted-foreground">{change.field}</span>{" "}
              {created ? (
                <span className="font-medium">{change.after}</span>
              ) : (
                <>
                  <span className="text-destructive line-through decoration-destructive/40">{change.before ?? "∅"}</span>
                  <span aria-label="changed to" className="px-1 text-muted-foreground">
                    →
                  </span>
                  <span className="font-medium text-success">{change.after ?? "∅"}</span>
                </>
              )}
            </li>
          ))}
        </ul>
        <span className="mt-0.5 inline-block text-primary group-open:hidden">
          {changes.length > SHOWN ? `+${changes.length - SHOWN} more · ` : ""}Show JSON
        </span>
        <span className="mt-0.5 hidden text-primary group-open:inline-block">Hide JSON</span>
      </summary>
      {/* One shrinkable column, and JSON that wraps: a long value stays inside the cell instead of covering the next ones. */}
      <div className="mt-2 grid grid-cols-[minmax(0,1fr)] gap-2">
        <div>
          <div className="mb-1 text-[11px] font-medium uppercase tracking-wide text-muted-foreground">Before</div>
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded-md border border-border bg-muted/50 p-2 font-mono text-[11px] leading-relaxed [overflow-wrap:anywhere]">{JSON.stringify(before, null, 2) ?? "null"}</pre>
        </div>
        <div>
          <div className="mb-1 text-[11px] font-medium uppercase tracking-wide text-muted-foreground">After</div>
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded-md border border-border bg-muted/50 p-2 font-mono text-[11px] leading-relaxed [overflow-wrap:anywhere]">{JSON.stringify(after, null, 2) ?? "null"}</pre>
        </div>
      </div>
    </details>
  );
}
