import Link from "next/link";
import { Badge } from "@/components/ui/badge";

export interface SearchResultItem {
  type: string;
  id: string;
  title: string;
  incidentRef: string | null;
  href: string;
  highlights: Array<{ text: string; match: boolean }>;
}

/** Highlights arrive as plain segments, rendered as text: no HTML from the database reaches the page. */
export function SearchResults({ items }: { items: SearchResultItem[] }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">Nothing matches.</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Search results">
      {items.map((item, index) => (
        <li key={`${item.type}-${item.id}-${index}`} className="rounded-lg border border-border bg-card px-4 py-3 shadow-xs">
          <div className="flex items-center gap-2">
            <Badge variant="muted">{item.type}</Badge>
            <Link href={item.href} className="font-medium hover:underline">
              {item.incidentRef ? `${item.incidentRef} · ` : ""}
              {item.title}
            </Link>
          </div>
          <p className="mt-1 text-sm text-muted-foreground">
            {item.highlights.map((segment, i) =>
              segment.match ? (
                <mark key={i} className="rounded-sm bg-sev3-muted px-0.5 text-foreground">
                  {segment.text}
                </mark>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
