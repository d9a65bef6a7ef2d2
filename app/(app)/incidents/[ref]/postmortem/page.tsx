import type { Metadata } from "next";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { LazyPostmortemEditor } from "@/components/postmortem/lazy-postmortem-editor";
import { PostmortemSidePanel, STATUS_LABELS } from "@/components/postmortem/postmortem-side-panel";
import { StartPostmortemCard } from "@/components/postmortem/start-postmortem-card";
import { getPageContext } from "@/lib/auth/page-context";
import { isEditableStatus } from "@/lib/core/postmortem-workflow";
import { roleHasPermission } from "@/lib/core/roles";
import { DEFAULT_CONFIDENTIALITY, type DocumentControlFacts } from "@/lib/documents/incident-snapshot";
import { NotFoundError } from "@/lib/services/errors";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { listMembers } from "@/lib/services/organizations/list-members";
import { getIncidentPostmortem } from "@/lib/services/postmortems/get-incident-postmortem";

interface PostmortemPageProps {
  params: Promise<{ ref: string }>;
}

const load = cache(async (ref: string) => {
  const ctx = await getPageContext("incident:read");
  const canWrite = roleHasPermission(ctx.role, "incident:write");
  try {
    const incident = await getIncident(ctx, ref);
    // The members (for action item owners) do not depend on the postmortem: one round trip, not two.
    const [postmortem, members] = await Promise.all([
      getIncidentPostmortem(ctx, incident.id).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
      canWrite ? listMembers(ctx) : [],
    ]);
    return { ctx, canWrite, incident, postmortem, members };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PostmortemPageProps): Promise<Metadata> {
  const { incident } = await load((await params).ref);
  return { title: `Postmortem · ${incident.ref}` };
}

export default async function PostmortemPage({ params }: PostmortemPageProps) {
  const { ref } = await params;
  const { ctx, canWrite, incident, postmortem, members } = await load(ref);
  if (ref !== incident.ref) redirect(`/incidents/${incident.ref}/postmortem`);
  const user = { id: ctx.actor.id ?? "", name: ctx.actor.label };

  const header = (
    <header className="flex flex-col gap-1">
      <Breadcrumb
        crumbs={[{ label: "Incidents", href: "/incidents" }, { label: incident.ref, href: `/incidents/${incident.ref}`, className: "font-mono" }, { label: "Postmortem" }]}
      />
      <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">
        Postmortem: <span className="text-muted-foreground">{incident.ref}</span> · {incident.title}
      </h1>
    </header>
  );

  if (!postmortem) {
    return (
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-5 sm:px-6">
        {header}
        <StartPostmortemCard incidentRef={incident.ref} canWrite={canWrite} />
      </div>
    );
  }

  const control: DocumentControlFacts = {
    documentId: `${incident.ref}-PM`,
    revision: postmortem.revision,
    status: STATUS_LABELS[postmortem.status] ?? postmortem.status,
    authors: postmortem.authors.map((a) => a.name),
    reviewers: postmortem.approvals.map((a) => a.name),
    approvals: postmortem.approvals.map((a) => ({ name: a.name, at: a.approvedAt })),
    confidentiality: DEFAULT_CONFIDENTIALITY,
  };
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-5 px-4 py-5 sm:px-6">
      {header}
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <LazyPostmortemEditor
          key={`${postmortem.id}:${postmortem.revision}:${postmortem.status}`}
          postmortemId={postmortem.id}
          incidentRef={incident.ref}
          user={user}
          canEdit={canWrite && isEditableStatus(postmortem.status)}
          control={control}
        />
        <aside aria-label="Postmortem details">
          <PostmortemSidePanel postmortem={postmortem} incidentRef={incident.ref} role={ctx.role} canWrite={canWrite} user={user} members={members} />
        </aside>
      </div>
    </div>
  );
}
