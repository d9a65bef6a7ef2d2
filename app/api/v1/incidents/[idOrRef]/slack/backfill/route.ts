import { apiRoute } from "@/lib/api/http";
import { backfillSlackChannel } from "@/lib/services/slack-inbound/backfill-slack-channel";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const POST = apiRoute<Params>((ctx, _request, { idOrRef }) => backfillSlackChannel(ctx, idOrRef));
