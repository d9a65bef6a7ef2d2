/**
 * A link from outside (a webhook's runbook, source or change URL) as something safe to put
 * in `href`: an absolute http(s) URL, or null. `javascript:`, `data:` and the like run or
 * render in Logbook's origin when clicked, and React only warns about the first.
 */
export function safeExternalHref(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
