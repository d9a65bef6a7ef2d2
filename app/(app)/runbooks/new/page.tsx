import type { Metadata } from "next";
import { getPageContext } from "@/lib/auth/page-context";
import { PageHeader } from "@/components/shell/page-header";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";

export const metadata: Metadata = { title: "New runbook" };

export default async function NewRunbookPage() {
  await getPageContext("incident:write");
  return (
    <>
      <PageHeader title="New runbook" description="Markdown; task lists and numbered lists become a checklist on incidents." />
      <RunbookEditor />
    </>
  );
}
