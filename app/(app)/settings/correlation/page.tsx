import type { Metadata } from "next";
import { getPageContext } from "@/lib/auth/page-context";
import { DEFAULT_GROUPING_WINDOW_MS } from "@/lib/correlation/alert-routing";
import { DEFAULT_ROUTING_RULES } from "@/lib/correlation/routing-rules";
import { getCorrelationSettings } from "@/lib/services/correlation/get-correlation-settings";
import { PageHeader } from "@/components/shell/page-header";
import { CorrelationSettingsForm } from "@/components/correlation/correlation-settings-form";

export const metadata: Metadata = { title: "Correlation" };

export default async function CorrelationPage() {
  const ctx = await getPageContext("settings:manage");
  const settings = await getCorrelationSettings(ctx);
  return (
    <>
      <PageHeader title="Correlation" description="How incoming alerts become incidents: which alerts declare one, at what severity, and how related alerts group." />
      <CorrelationSettingsForm
        settings={settings}
        defaults={{ rules: DEFAULT_ROUTING_RULES, groupingWindowMinutes: Math.round(DEFAULT_GROUPING_WINDOW_MS / 60_000) }}
      />
    </>
  );
}
