import { apiRoute } from "@/lib/api/http";
import { describeCaller } from "@/lib/services/organizations/describe-caller";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => describeCaller(ctx));
