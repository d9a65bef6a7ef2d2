import { answerSlackRequest } from "@/lib/api/slack-intake";

export const dynamic = "force-dynamic";

export const POST = (request: Request, context: { params: Promise<{ integrationId: string }> }) => answerSlackRequest("events", request, context);
