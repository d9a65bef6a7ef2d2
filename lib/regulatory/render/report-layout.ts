import { utcText } from "@/lib/documents/render/render-types";
import { formatNumber } from "../dora-classification";
import { fieldValue, type ReportField } from "../dora-ir-fields";
import { reportCatalogue } from "../report-catalogue";
import type { ReportContent } from "../report-source";
import { REPORT_TYPE_LABELS, type Regime, type ReportType } from "../regimes";
import type { ReportValidationError } from "../validate-report";

/**
 * A report as every printed export lays it out (PDF, DOCX, XLSX): document control, then the
 * template's groups, each a table of field code, field and value. Pure.
 */

interface ReportExportMeta {
  title: string;
  incidentRef: string;
  reportId: string;
  /** "draft", "in_review", "approved", "submitted" */
  status: string;
  generatedBy: string;
  /** ISO 8601 UTC */
  generatedAt: string;
  /** SHA-256 of the canonical JSON of the content */
  contentSha256: string;
  preparedBy: string | null;
  approvedBy: string | null;
  submittedAt: string | null;
  authorityReference: string | null;
  dueAt: string | null;
}

export interface ReportExportInput {
  regime: Regime;
  type: ReportType;
  content: ReportContent;
  meta: ReportExportMeta;
  /** the validation of the content for its type, printed so a reader sees what is missing */
  errors: ReportValidationError[];
}

interface LayoutRow {
  code: string;
  name: string;
  value: string;
  required: boolean;
}

export interface LayoutGroup {
  id: string;
  title: string;
  rows: LayoutRow[];
}

export interface ReportLayout {
  title: string;
  subtitle: string;
  control: Array<[string, string]>;
  groups: LayoutGroup[];
  /** what validation still finds, "code field: message" */
  problems: string[];
  source: string;
}

export const LAYOUT_COLUMNS = ["Field", "Data field", "Value"];
export const EMPTY_VALUE = "—";

function label(f: ReportField, value: string): string {
  return f.options?.find((o) => o.value === value)?.label ?? value;
}

/** A value as printed: code lists as their labels, times in UTC, booleans as Yes/No. */
function printedValue(f: ReportField, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (Array.isArray(value)) return value.map((v) => label(f, String(v))).join("; ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (f.type === "date-time" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return utcText(new Date(value).toISOString());
  if (f.type === "percentage" && typeof value === "number") return `${value} %`;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "object") return JSON.stringify(value);
  return label(f, String(value));
}

export function reportLayout(input: ReportExportInput): ReportLayout {
  const catalogue = reportCatalogue(input.regime);
  const { meta } = input;
  const typeLabel = REPORT_TYPE_LABELS[input.regime][input.type] ?? input.type;
  const groups = catalogue.groups.map((g) => ({
    id: g.id,
    title: g.title,
    rows: catalogue.fields
      .filter((f) => f.group === g.id)
      .map((f) => ({ code: f.code, name: f.name, value: printedValue(f, fieldValue(input.content, f)), required: f.requiredFor.includes(input.type) })),
  }));
  const control: Array<[string, string]> = [
    ["Report", `${input.regime.toUpperCase()} ${typeLabel}`],
    ["Report ID", meta.reportId],
    ["Incident", meta.incidentRef],
    ["Status", meta.status.replace("_", " ")],
    ["Due", meta.dueAt ? utcText(meta.dueAt) : EMPTY_VALUE],
    ["Prepared by", meta.preparedBy ?? EMPTY_VALUE],
    ["Approved by", meta.approvedBy ?? EMPTY_VALUE],
    ["Submitted", meta.submittedAt ? utcText(meta.submittedAt) : "Not submitted"],
    ["Authority reference", meta.authorityReference ?? EMPTY_VALUE],
    ["Generated", `${utcText(meta.generatedAt)} by ${meta.generatedBy}`],
    ["Content SHA-256", meta.contentSha256],
  ];
  return {
    title: meta.title,
    subtitle: `${typeLabel}: ${catalogue.source}. Times are UTC.`,
    control,
    groups,
    problems: input.errors.map((e) => e.message),
    source: catalogue.source,
  };
}
