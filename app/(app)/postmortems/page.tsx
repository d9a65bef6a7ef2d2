import type { Metadata } from "next";
import Link from "next/link";
import { FileText } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { POSTMORTEM_STATUSES } from "@/lib/core/postmortem-workflow";
import { listPostmortems } from "@/lib/services/postmortems/list-postmortems";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/time/timestamp";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Postmortems" };

const LABELS: Record<string, string> = { draft: "Draft", in_review: "In review", approved: "Approved", published: "Published" };

interface PostmortemsPageProps {
  searchParams: Promise<{ status?: string }>;
}

export default async function PostmortemsPage({ searchParams }: PostmortemsPageProps) {
  const ctx = await getPageContext("incident:read");
  const requested = (await searchParams).status;
  const status = (POSTMORTEM_STATUSES as readonly string[]).includes(requested ?? "") ? requested : undefined;
  const { items } = await listPostmortems(ctx, status ? { status } : {});
  const tab = (active: boolean) => `rounded-md px-3 py-1.5 text-sm ${active ? "bg-secondary font-medium" : "text-muted-foreground hover:text-foreground"}`;
  return (
    <>
      <PageHeader
        title="Postmortems"
        description="Every incident's postmortem, most recently changed first."
        actions={
          <nav aria-label="Status filter" className="flex flex-wrap gap-1">
            <Link href="/postmortems" className={tab(!status)} aria-current={!status ? "page" : undefined}>
              All
            </Link>
            {POSTMORTEM_STATUSES.map((s) => (
              <Link key={s} href={`/postmortems?status=${s}`} className={tab(status === s)} aria-current={status === s ? "page" : undefined}>
                {LABELS[s]}
              </Link>
            ))}
          </nav>
        }
      />
      <div className="rounded-lg border border-border bg-card shadow-xs">
        {items.length === 0 ? (
          <EmptyState icon={<FileText aria-hidden />} title={status ? `No ${LABELS[status]!.toLowerCase()} postmortems` : "No postmortems yet"}>
            A postmortem is started from its incident&apos;s page.
          </EmptyState>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-28">Incident</TableHead>
                <TableHead>Title</TableHead>
                <TableHead className="w-28">Status</TableHead>
                <TableHead className="w-20">Revision</TableHead>
                <TableHead className="w-40">Template</TableHead>
                <TableHead className="w-44">Updated</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((p) => (
                <TableRow key={p.id}>
                  <TableCell className="font-mono text-xs">{p.incidentRef}</TableCell>
                  <TableCell>
                    <Link href={`/incidents/${p.incidentRef}/postmortem`} className="font-medium text-primary hover:underline">
                      {p.incidentTitle}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Badge variant={p.status === "published" ? "default" : "secondary"}>{LABELS[p.status] ?? p.status}</Badge>
                  </TableCell>
                  <TableCell className="tabular-nums">{p.revision}</TableCell>
                  <TableCell className="text-xs">{p.template === "regulatory" ? "Regulator-ready" : "Blameless standard"}</TableCell>
                  <TableCell className="text-xs">
                    <Timestamp value={p.updatedAt} layout="stacked" precision="minutes" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </>
  );
}
