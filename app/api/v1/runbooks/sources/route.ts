import { apiRoute } from "@/lib/api/http";
import { listRunbookSources } from "@/lib/services/runbooks/list-runbook-sources";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => listRunbookSources(ctx));
