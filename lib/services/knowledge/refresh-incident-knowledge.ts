import { sql } from "drizzle-orm";
import { incidentKnowledge } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { selectRows } from "@/db/raw-queries";
import type { ImportedKnowledge } from "./internal";

/** Notes beyond this are not worth indexing for similarity; keeps documents bounded. */
const MAX_DOCUMENT_CHARS = 200_000;

interface Gathered {
  organization_id: string;
  title: string;
  summary: string;
  notes: string | null;
  postmortem: string | null;
  alert_names: string[] | null;
  change_kinds: string[] | null;
}

/**
 * Rebuilds the incident's search document from its title, summary, notes, postmortem text
 * (imported, or the postmortem's own), resolution and root causes; alert names and change
 * kinds gathered from the incident's alerts and marked changes are added to the imported ones.
 */
export async function refreshIncidentKnowledge(db: Queryable, incidentId: string, imported: ImportedKnowledge = {}): Promise<void> {
  const [row] = await selectRows<Gathered>(
    db,
    sql`select i.organization_id, i.title, i.summary,
          (select string_agg(t.body, E'\n' order by t.occurred_at) from timeline_event t
            where t.incident_id = i.id and t.kind = 'note' and t.body is not null) as notes,
          (select p.text from postmortem p where p.incident_id = i.id) as postmortem,
          (select json_agg(distinct a.name) from alert a where a.incident_id = i.id) as alert_names,
          (select json_agg(distinct c.kind) from incident_change_mark m join change_event c on c.id = m.change_id
            where m.incident_id = i.id and m.mark in ('suspect', 'culprit')) as change_kinds
        from incident i where i.id = ${incidentId}`,
  );
  if (!row) return;
  const [existing] = await selectRows<{
    tags: string[];
    root_cause_codes: string[];
    alert_names: string[];
    change_kinds: string[];
    resolution: string | null;
    postmortem_text: string | null;
  }>(db, sql`select tags, root_cause_codes, alert_names, change_kinds, resolution, postmortem_text from incident_knowledge where incident_id = ${incidentId}`);
  // Written once, with what the import named: the row's search vectors are computed per write.
  const tags = imported.tags ?? existing?.tags ?? [];
  const rootCauseCodes = imported.rootCauseCodes ?? existing?.root_cause_codes ?? [];
  const resolution = imported.resolution ?? existing?.resolution ?? null;
  const alertNames = [...new Set([...(imported.alertNames ?? existing?.alert_names ?? []), ...(row.alert_names ?? [])])];
  const changeKinds = [...new Set([...(existing?.change_kinds ?? []), ...(row.change_kinds ?? [])])];
  const postmortemText = row.postmortem?.trim() ? row.postmortem : (imported.postmortemText ?? existing?.postmortem_text ?? null);
  const document = [
    row.title,
    row.summary,
    row.notes,
    postmortemText,
    resolution,
    rootCauseCodes.join(" "),
    tags.join(" "),
    alertNames.join(" "),
  ]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join("\n\n")
    .slice(0, MAX_DOCUMENT_CHARS);
  const values = { organizationId: row.organization_id, tags, rootCauseCodes, resolution, alertNames, changeKinds, postmortemText, document, updatedAt: new Date() };
  await db
    .insert(incidentKnowledge)
    .values({ incidentId, ...values })
    .onConflictDoUpdate({ target: incidentKnowledge.incidentId, set: values });
}
