import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { listApiKeys } from "@/lib/services/api-keys/list-api-keys";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { ApiKeyTable } from "@/components/settings/api-key-table";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const ctx = await getPageContext("settings:manage");
  const keys = await listApiKeys(ctx);
  return (
    <>
      <PageHeader title="API keys" description="Keys let scripts, CI and integrations call the Logbook API. Each key carries one role in this organisation." />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Create a key</h2>
            </CardTitle>
            <CardDescription>Give it a name that says where it is used, and the lowest role that does the job.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateApiKeyForm />
          </CardContent>
        </Card>
        <section aria-labelledby="api-keys-list" className="flex flex-col gap-2">
          <h2 id="api-keys-list" className="text-sm font-semibold">
            Keys <span className="tabular font-normal text-muted-foreground">({keys.length})</span>
          </h2>
          <div className="rounded-lg border border-border bg-card shadow-xs">
            {keys.length === 0 ? (
              <EmptyState icon={<KeyRound aria-hidden />} title="No API keys yet">
                Create one above for your first integration.
              </EmptyState>
            ) : (
              <ApiKeyTable keys={keys} />
            )}
          </div>
        </section>
      </div>
    </>
  );
}
