import { GDPR_FIELDS, GDPR_GROUPS, NIS2_FIELDS, NIS2_GROUPS } from "./breach-report-fields";
import { DORA_IR_FIELDS, DORA_IR_GROUPS, type ReportField } from "./dora-ir-fields";
import type { Regime } from "./regimes";

export interface ReportCatalogue {
  regime: Regime;
  /** the template or the articles the fields come from */
  source: string;
  groups: ReadonlyArray<{ id: string; title: string }>;
  fields: ReportField[];
}

const CATALOGUES: Record<Regime, ReportCatalogue> = {
  dora: {
    regime: "dora",
    source: "Implementing Regulation (EU) 2025/302, Annex I (ESAs' JSON IR-1.2.1)",
    groups: DORA_IR_GROUPS,
    fields: DORA_IR_FIELDS,
  },
  nis2: { regime: "nis2", source: "Directive (EU) 2022/2555, Art. 23(4)", groups: NIS2_GROUPS, fields: NIS2_FIELDS },
  gdpr: { regime: "gdpr", source: "Regulation (EU) 2016/679, Art. 33(3)", groups: GDPR_GROUPS, fields: GDPR_FIELDS },
};

/** The fields of a regime's report, grouped as its template groups them: for the editor and every export. */
export function reportCatalogue(regime: Regime): ReportCatalogue {
  return CATALOGUES[regime];
}
