import type { SlackAccess } from "./slack-client";

/**
 * Downloads a captured message's image from Slack with the bot token, so the timeline can
 * show it without that token ever reaching a browser. Only images Slack hosts (files.slack.com,
 * or the configured Web API's host in tests), up to a size limit; anything else is skipped
 * and keeps only its permalink.
 */

const MAX_CAPTURED_IMAGE_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export function isCapturableImage(mimetype: string | null | undefined): boolean {
  return IMAGE_TYPES.has((mimetype ?? "").toLowerCase());
}

function isSlackFileUrl(url: string, apiUrl: string): boolean {
  try {
    const target = new URL(url);
    if (target.protocol === "https:" && target.hostname === "files.slack.com") return true;
    return target.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

/** The image's bytes and type, or null when it is not an image Slack hosts, too large, or gone. */
export async function downloadSlackImage(access: SlackAccess, url: string): Promise<{ bytes: Uint8Array; mimetype: string } | null> {
  if (!isSlackFileUrl(url, access.apiUrl)) return null;
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${access.token ?? ""}` },
    signal: AbortSignal.timeout(TIMEOUT_MS),
    // A redirect could take the token elsewhere.
    redirect: "error",
  });
  if (response.status === 404 || response.status === 410) return null;
  if (!response.ok) throw new Error(`Slack file download answered ${response.status}`);
  const mimetype = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!isCapturableImage(mimetype)) return null;
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_CAPTURED_IMAGE_BYTES) return null;
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_CAPTURED_IMAGE_BYTES) return null;
  return { bytes, mimetype };
}
