/** Embedded images travel inside the shared document; past this they slow every editor down. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** Bytes of a data: URL's payload (base64 or percent-encoded), without decoding it. */
export function dataUrlBytes(url: string): number {
  const comma = url.indexOf(",");
  const payload = url.slice(comma + 1);
  if (!url.slice(0, comma).endsWith(";base64")) return decodeURIComponent(payload).length;
  const padding = payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0;
  return Math.floor((payload.length * 3) / 4) - padding;
}

export function imageProblem(src: string): string | null {
  const value = src.trim();
  if (value.startsWith("data:image/")) return dataUrlBytes(value) > MAX_IMAGE_BYTES ? "That image is over 2 MB; use a smaller one or link it from https." : null;
  if (value.startsWith("https://")) return null;
  return "Images must be https:// links or embedded images (data:image/…).";
}

/** Every embedded image in a document that breaks the limit, for the server to refuse. */
export function imageProblemsIn(node: { type?: string; attrs?: Record<string, unknown> | null; content?: unknown[] }): string[] {
  const problems: string[] = [];
  const visit = (n: { type?: string; attrs?: Record<string, unknown> | null; content?: unknown[] }) => {
    const src = n.type === "image" ? n.attrs?.src : undefined;
    if (typeof src === "string") {
      const problem = imageProblem(src);
      if (problem) problems.push(problem);
    }
    for (const child of n.content ?? []) visit(child as typeof n);
  };
  visit(node);
  return problems;
}
