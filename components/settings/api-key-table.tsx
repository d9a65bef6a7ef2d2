import type { ApiKeyView } from "@/lib/services/api-keys/views";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/time/timestamp";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export function ApiKeyTable({ keys }: { keys: ApiKeyView[] }) {
  return (
    <Table className="min-w-[52rem]">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Name</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Key</TableHead>
          <TableHead>Created by</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="w-24">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.map((key) => (
          <TableRow key={key.id} data-testid="api-key-row" className={key.revokedAt ? "text-muted-foreground" : undefined}>
            <TableCell className="whitespace-nowrap font-medium">{key.name}</TableCell>
            <TableCell className="capitalize">{key.role}</TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs">{key.prefix}…</TableCell>
            <TableCell className="whitespace-nowrap">{key.createdBy}</TableCell>
            <TableCell className="text-xs">
              <Timestamp value={key.createdAt} layout="stacked" />
            </TableCell>
            <TableCell className="text-xs">
              <Timestamp value={key.lastUsedAt} layout="stacked" empty="Never" />
            </TableCell>
            <TableCell className="text-xs">
              {key.revokedAt ? (
                <span className="flex flex-col gap-0.5">
                  <Badge variant="muted">Revoked</Badge>
                  <Timestamp value={key.revokedAt} layout="stacked" />
                </span>
              ) : (
                <Badge variant="success">Active</Badge>
              )}
            </TableCell>
            <TableCell className="text-right">{!key.revokedAt && <RevokeApiKeyButton keyId={key.id} name={key.name} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
