import { safeExternalHref } from "@/lib/core/safe-href";
import type { NormalizedEvent, ParsedDelivery } from "./types";

function safeLinks(links: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(links).flatMap(([name, url]) => {
    const safe = safeExternalHref(url);
    return safe ? [[name, safe]] : [];
  }));
}

function withSafeEventLinks(event: NormalizedEvent): NormalizedEvent {
  switch (event.type) {
    case "alert":
      return {
        ...event,
        runbookUrl: safeExternalHref(event.runbookUrl),
        generatorUrl: safeExternalHref(event.generatorUrl),
        ...(event.links ? { links: safeLinks(event.links) } : {}),
      };
    case "change":
    case "pull_request":
      return { ...event, url: safeExternalHref(event.url) };
    case "pagerduty":
      return { ...event, htmlUrl: safeExternalHref(event.htmlUrl) };
  }
}

/**
 * Every link a delivery brings, kept only when it is an http(s) URL: whatever an adapter
 * read, no `javascript:` or `data:` link is stored for a page to render (the pages check
 * again when they render, for rows stored before this rule).
 */
export function withSafeLinks(parsed: ParsedDelivery): ParsedDelivery {
  return { ...parsed, events: parsed.events.map(withSafeEventLinks) };
}
