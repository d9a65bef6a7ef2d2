import type { MemberSummary } from "@/lib/services/organizations/views";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export function MemberTable({ members, currentUserId }: { members: MemberSummary[]; currentUserId: string | null }) {
  return (
    <Table className="min-w-[32rem]">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.userId} data-testid="member-row">
            <TableCell className="font-medium">
              {member.name}
              {member.userId === currentUserId && <span className="ml-2 text-xs font-normal text-muted-foreground">(you)</span>}
            </TableCell>
            <TableCell className="text-muted-foreground">{member.email}</TableCell>
            <TableCell>
              <Badge variant={member.role === "admin" ? "secondary" : "outline"} className="capitalize">
                {member.role}
              </Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
