import type { PostmortemDoc } from "../postmortem-schema";
import { dataBlock, heading, prompt, requiredHeading, table } from "./doc-builders";
import { standardSections } from "./standard";

/**
 * Regulator-ready: the blameless sections wrapped in what a supervisor asks for: document
 * control, regulatory status, quantified impact (each figure actual or estimate), third
 * parties, communications and an annex of key timestamps.
 */
export function regulatoryTemplate(): PostmortemDoc {
  return {
    type: "doc",
    content: [
      heading(1, "Postmortem"),
      heading(2, "Document control"),
      dataBlock("documentControl"),
      heading(2, "Regulatory status"),
      dataBlock("regulatoryStatus"),
      ...standardSections(),
      requiredHeading("Quantified impact"),
      prompt("State each figure and whether it is actual or an estimate; update estimates as facts become known."),
      table(
        ["Measure", "Value", "Actual or estimate"],
        [
          ["Clients affected", "", "estimate"],
          ["Transactions affected", "", "estimate"],
          ["Duration and downtime", "", "estimate"],
          ["Data affected (confidentiality, integrity, availability)", "", "estimate"],
          ["Economic costs", "", "estimate"],
        ],
      ),
      requiredHeading("Third-party involvement"),
      prompt("Name any ICT third-party service providers involved, their role in the incident and how they were engaged."),
      heading(2, "Communications log"),
      table(["Time (UTC)", "Audience", "Channel", "Summary"], [["", "", "", ""]]),
      heading(2, "Annex: key timestamps"),
      dataBlock("keyTimestamps"),
    ],
  };
}
