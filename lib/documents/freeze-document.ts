import type { JSONContent } from "@tiptap/core";
import { freezeDataBlock, type DocumentControlFacts, type IncidentSnapshot } from "./incident-snapshot";
import { isDataBlockType } from "./postmortem-schema";

/**
 * Writes the current incident data into every data block's `frozen` attribute, so the
 * published document no longer changes with the incident. Pure: returns a new document.
 */
export function freezeDocument(doc: JSONContent, snapshot: IncidentSnapshot, control: DocumentControlFacts, capturedAt: string): JSONContent {
  if (isDataBlockType(doc.type)) {
    return { ...doc, attrs: { ...doc.attrs, incidentId: doc.attrs?.incidentId ?? snapshot.id, frozen: freezeDataBlock(doc.type, snapshot, control, capturedAt, doc.attrs) } };
  }
  if (!doc.content) return doc;
  return { ...doc, content: doc.content.map((child) => freezeDocument(child, snapshot, control, capturedAt)) };
}
