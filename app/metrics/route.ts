import { answerMetricsScrape } from "@/lib/observability/metrics-endpoint";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => answerMetricsScrape(request);
