import { markdownToPlainText } from "./markdown-plain-text";

/**
 * A title for an imported incident that came without one, as a person would pick it: the
 * postmortem's first heading, else the first sentence of the summary or the postmortem.
 */
export interface DerivedTitle {
  title: string;
  source: "postmortem heading" | "first sentence";
}

const MAX_TITLE = 200;

function bounded(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= MAX_TITLE) return flat;
  return `${flat.slice(0, MAX_TITLE - 2).replace(/\s+\S*$/, "")} …`;
}

function firstSentence(text: string): string | null {
  const plain = markdownToPlainText(text).split("\n").find((l) => l.trim());
  if (!plain) return null;
  const end = /[.!?](\s|$)/.exec(plain);
  return bounded(end ? plain.slice(0, end.index) : plain) || null;
}

export function deriveTitle(postmortem: string | undefined, summary: string | undefined): DerivedTitle | null {
  const heading = postmortem?.match(/^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m)?.[1];
  const fromHeading = heading ? bounded(markdownToPlainText(heading)) : "";
  if (fromHeading) return { title: fromHeading, source: "postmortem heading" };
  for (const text of [summary, postmortem]) {
    const sentence = text ? firstSentence(text) : null;
    if (sentence) return { title: sentence, source: "first sentence" };
  }
  return null;
}
