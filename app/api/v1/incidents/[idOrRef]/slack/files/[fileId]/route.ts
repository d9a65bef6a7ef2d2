import { apiRoute } from "@/lib/api/http";
import { getSlackFile } from "@/lib/services/slack-inbound/get-slack-file";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string; fileId: string };

/**
 * An image captured from Slack, for signed-in readers of the incident. Served as an image
 * only (never HTML a browser might run): its stored type, no sniffing, and a sandbox.
 */
export const GET = apiRoute<Params>(async (ctx, _request, { idOrRef, fileId }) => {
  const file = await getSlackFile(ctx, idOrRef, fileId);
  return new Response(Buffer.from(file.content), {
    headers: {
      "content-type": file.mimetype,
      "content-disposition": `inline; filename="${file.name.replace(/[^\w.-]/g, "_")}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=3600",
    },
  });
});
