import type { Metadata } from "next";
import { getPageContext } from "@/lib/auth/page-context";
import { listMembers } from "@/lib/services/organizations/list-members";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { AddMemberForm } from "@/components/settings/add-member-form";
import { MemberTable } from "@/components/settings/member-table";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const ctx = await getPageContext("settings:manage");
  const members = await listMembers(ctx);
  return (
    <>
      <PageHeader title="Members" description="People in this organisation and what their role lets them do." />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="members-list" className="flex flex-col gap-2">
          <h2 id="members-list" className="text-sm font-semibold">
            Members <span className="tabular font-normal text-muted-foreground">({members.length})</span>
          </h2>
          <div className="rounded-lg border border-border bg-card shadow-xs">
            <MemberTable members={members} currentUserId={ctx.caller.user?.id ?? null} />
          </div>
        </section>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Add member</h2>
            </CardTitle>
            <CardDescription>Adds an existing Logbook user to this organisation, or creates the user.</CardDescription>
          </CardHeader>
          <CardContent>
            <AddMemberForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
