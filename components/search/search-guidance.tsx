import Link from "next/link";

const EXAMPLES = ["database failover", "certificate expired", "KubePodCrashLooping", "kafka lag -staging", '"disk full"', "postgress"];

/** Shown before the first search: what is searched, and how queries read. */
export function SearchGuidance() {
  return (
    <section aria-label="How to search" className="max-w-2xl rounded-lg border border-border bg-card px-4 py-3 text-sm shadow-xs">
      <p className="font-medium">Search every incident, postmortem, runbook and timeline note of this organisation.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-muted-foreground">
        <li>Words match their other forms and beginnings: “database” finds databases, “certif” finds certificates.</li>
        <li>“Quotes” match a phrase, a leading minus excludes a word, “or” accepts either.</li>
        <li>A misspelt word still finds titles spelt alike.</li>
        <li>Alert names, service names and error codes are searchable as written.</li>
      </ul>
      <p className="mt-3 text-muted-foreground">
        Try:{" "}
        {EXAMPLES.map((q, i) => (
          <span key={q}>
            {i > 0 && ", "}
            <Link href={`/search?q=${encodeURIComponent(q)}`} className="text-foreground underline-offset-2 hover:underline">
              {q}
            </Link>
          </span>
        ))}
      </p>
    </section>
  );
}
