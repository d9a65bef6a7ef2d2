import type { PostmortemDoc } from "../postmortem-schema";
import { bulletList, dataBlock, heading, prompt, requiredHeading } from "./doc-builders";

/** The sections of a blameless postmortem, each with prompts that say what belongs there. */
export function standardSections(): PostmortemDoc[] {
  return [
    requiredHeading("Summary"),
    prompt("In two or three sentences: what happened, who was affected, and how it was resolved."),
    requiredHeading("Impact"),
    prompt("Who and what was affected, for how long, and how badly? Quantify where you can."),
    dataBlock("impactFigures"),
    heading(2, "Timeline"),
    prompt("The incident's timeline follows: its notes, status, severity and role changes, and the events highlighted on the incident. Choose other kinds with the block's Show filter."),
    dataBlock("incidentTimeline"),
    heading(2, "Detection"),
    prompt("How did we find out? Which alert, customer report or person noticed first, and could we have known sooner?"),
    heading(2, "Response"),
    prompt("Who responded and what did they do? What helped or slowed the response?"),
    requiredHeading("Recovery"),
    prompt("How was service restored? What was the mitigation, and what was the final fix?"),
    requiredHeading("Root cause and contributing factors"),
    prompt("Describe the conditions that made this possible. Focus on systems and processes, not on individuals."),
    bulletList(["Contributing factor"]),
    heading(2, "What went well"),
    bulletList([""]),
    heading(2, "What went poorly"),
    bulletList([""]),
    heading(2, "Where we got lucky"),
    bulletList([""]),
    heading(2, "Action items"),
    prompt("Each action has an owner and a due date; they are tracked on the incident and can become GitHub issues."),
    dataBlock("actionItemsBlock"),
    heading(2, "Lessons learned"),
    prompt("What should other teams know? What would you tell someone facing the same situation?"),
  ];
}

export function standardTemplate(): PostmortemDoc {
  return { type: "doc", content: [heading(1, "Postmortem"), ...standardSections()] };
}
