import { answerSlackInstall } from "@/lib/api/slack-install";

export const dynamic = "force-dynamic";

export const GET = (request: Request, context: { params: Promise<{ integrationId: string }> }) => answerSlackInstall(request, context);
