import type { Metadata } from "next";
import { getPageContext } from "@/lib/auth/page-context";
import { listServices } from "@/lib/services/catalog/list-services";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { DeclareIncidentForm } from "@/components/incidents/declare-incident-form";

export const metadata: Metadata = { title: "Declare an incident" };

export default async function DeclareIncidentPage() {
  const ctx = await getPageContext("incident:write");
  const services = await listServices(ctx);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Declare an incident" description="Open an incident and start its timeline. You can refine everything later." />
      <Card>
        <CardContent className="px-5 sm:px-6">
          <DeclareIncidentForm services={services.items.map((s) => ({ slug: s.slug, name: s.name, team: s.team }))} />
        </CardContent>
      </Card>
    </div>
  );
}
