import { apiRoute, readJsonBody } from "@/lib/api/http";
import { importBackstageCatalog } from "@/lib/services/catalog/import-backstage-catalog";

export const dynamic = "force-dynamic";

/** A catalog of a few thousand entities is bigger than an ordinary request. */
const IMPORT_LIMIT = 10 * 1024 * 1024;

export const POST = apiRoute(async (ctx, request) => importBackstageCatalog(ctx, await readJsonBody(request, IMPORT_LIMIT)));
