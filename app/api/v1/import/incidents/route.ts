import { apiRoute, readBodyText, readJsonBody } from "@/lib/api/http";
import { importIncidents } from "@/lib/services/knowledge/import-incidents";
import { parseNdjson } from "@/lib/services/knowledge/inputs";

export const dynamic = "force-dynamic";

/** Years of postmortems are bigger than an ordinary request: this route alone takes 10 MiB. */
const IMPORT_LIMIT = 10 * 1024 * 1024;

export const POST = apiRoute(async (ctx, request) => {
  const type = request.headers.get("content-type") ?? "";
  const items = /^application\/(x-)?ndjson\b/i.test(type) ? parseNdjson(await readBodyText(request, IMPORT_LIMIT)) : await readJsonBody(request, IMPORT_LIMIT);
  return importIncidents(ctx, items);
});
