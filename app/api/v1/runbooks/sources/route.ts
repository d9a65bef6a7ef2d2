import { apiRoute } from "@/lib/api/http";
import { listRunbookSources } from "@/lib/services/runbooks/sync-runbook-source";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => listRunbookSources(ctx));
