"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/class-names";
import { tableCsv, type CsvValue } from "./table-csv";

export interface InsightTableData {
  id: string;
  title: string;
  description?: string;
  columns: Array<{ label: string; numeric?: boolean }>;
  rows: Array<Array<{ display: string; title?: string }>>;
  /** the same figures raw (seconds, fractions, counts), one column per number */
  csv: { header: string[]; rows: CsvValue[][] };
  empty: string;
}

function download(table: InsightTableData) {
  const csv = tableCsv(table.csv.header, table.csv.rows);
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${table.id}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/** A table of figures with its own CSV export (the raw values: seconds, fractions). */
export function InsightTable({ table }: { table: InsightTableData }) {
  return (
    <section aria-labelledby={`${table.id}-heading`} className="rounded-lg border border-border bg-card shadow-xs" data-testid={`table-${table.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2 border-b border-border px-4 py-3">
        <div className="min-w-0">
          <h3 id={`${table.id}-heading`} className="text-sm font-semibold">
            {table.title}
          </h3>
          {table.description && <p className="mt-0.5 text-xs text-muted-foreground">{table.description}</p>}
        </div>
        <Button variant="outline" size="sm" onClick={() => download(table)} disabled={table.rows.length === 0}>
          <Download aria-hidden />
          CSV<span className="sr-only"> of {table.title}</span>
        </Button>
      </div>
      {table.rows.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-muted-foreground">{table.empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <TableHeader>
              <TableRow>
                {table.columns.map((column) => (
                  <TableHead key={column.label} className={cn(column.numeric && "text-right")}>
                    {column.label}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {table.rows.map((row, index) => (
                <TableRow key={index}>
                  {row.map((cell, column) => (
                    <TableCell key={column} title={cell.title} className={cn("tabular", table.columns[column]?.numeric && "text-right", cell.display === "—" && "text-muted-foreground")}>
                      {cell.display}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
