import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * Keyset paging in the URL: `cursor` is the current page's cursor and `prev` the stack of
 * cursors of the pages before it, so "Previous page" survives reloads and shared links.
 * Cursors are base64url, so "." separates them and "~" stands for the first page.
 */
const FIRST_PAGE = "~";
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,500}$/;

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export function firstParam(params: SearchParamsRecord, name: string): string | undefined {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

export function currentCursor(params: SearchParamsRecord): string | undefined {
  const cursor = firstParam(params, "cursor");
  return cursor && CURSOR_PATTERN.test(cursor) ? cursor : undefined;
}

function previousStack(params: SearchParamsRecord): string[] {
  const prev = firstParam(params, "prev");
  if (!prev) return [];
  return prev.split(".").filter((part) => part === FIRST_PAGE || CURSOR_PATTERN.test(part));
}

function hrefWith(basePath: string, params: SearchParamsRecord, cursor: string | undefined, stack: string[]): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "cursor" || key === "prev") continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first) query.set(key, first);
  }
  if (cursor) query.set("cursor", cursor);
  if (stack.length > 0) query.set("prev", stack.join("."));
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

function pagerLinks(basePath: string, params: SearchParamsRecord, nextCursor: string | null): { previous: string | null; next: string | null } {
  const cursor = currentCursor(params);
  const stack = previousStack(params);
  let previous: string | null = null;
  if (cursor) {
    const top = stack.at(-1);
    previous = hrefWith(basePath, params, top && top !== FIRST_PAGE ? top : undefined, stack.slice(0, -1));
  }
  const next = nextCursor ? hrefWith(basePath, params, nextCursor, [...stack, cursor ?? FIRST_PAGE]) : null;
  return { previous, next };
}

export function CursorPager({
  basePath,
  params,
  nextCursor,
  summary,
}: {
  basePath: string;
  params: SearchParamsRecord;
  nextCursor: string | null;
  summary?: React.ReactNode;
}) {
  const { previous, next } = pagerLinks(basePath, params, nextCursor);
  if (!previous && !next && !summary) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 pt-4">
      <p className="text-xs text-muted-foreground">{summary}</p>
      <div className="flex items-center gap-2">
        {previous ? (
          <Button asChild variant="outline" size="sm">
            <Link href={previous}>
              <ChevronLeft aria-hidden />
              Previous page
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            <ChevronLeft aria-hidden />
            Previous page
          </Button>
        )}
        {next ? (
          <Button asChild variant="outline" size="sm">
            <Link href={next}>
              Next page
              <ChevronRight aria-hidden />
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Next page
            <ChevronRight aria-hidden />
          </Button>
        )}
      </div>
    </nav>
  );
}
