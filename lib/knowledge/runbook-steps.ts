import type { List, ListItem, Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";

export interface RunbookStep {
  /** 1-based, in document order */
  number: number;
  text: string;
}

/**
 * The checklist of a runbook: every task-list item and every item of an ordered list, in
 * document order, numbered from 1. Nested items count as steps of their own; their text is
 * the item's own paragraph only, so a parent does not repeat its children.
 */
export function parseRunbookSteps(markdown: string): RunbookStep[] {
  const tree: Root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const steps: RunbookStep[] = [];
  const visit = (node: Nodes, inOrderedList: boolean) => {
    if (node.type === "list") {
      const list = node as List;
      for (const item of list.children) visitItem(item, Boolean(list.ordered));
      return;
    }
    if ("children" in node) for (const child of node.children as Nodes[]) visit(child, inOrderedList);
  };
  const visitItem = (item: ListItem, ordered: boolean) => {
    const isStep = ordered || typeof item.checked === "boolean";
    if (isStep) {
      const own = item.children.filter((c) => c.type !== "list");
      const text = own.map((c) => toString(c)).join(" ").replace(/\s+/g, " ").trim();
      if (text) steps.push({ number: steps.length + 1, text: text.slice(0, 500) });
    }
    for (const child of item.children) visit(child, ordered);
  };
  visit(tree, false);
  return steps;
}

/** The first `# Heading` of a Markdown file, for a synced runbook's title. */
export function firstHeading(markdown: string): string | null {
  const tree: Root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const heading = tree.children.find((n) => n.type === "heading");
  const text = heading ? toString(heading).trim() : "";
  return text || null;
}

/**
 * The runbook's body without its opening `# Title` when that repeats the runbook's title, so
 * a page that shows the title as its heading does not print it twice.
 */
export function bodyWithoutTitle(markdown: string, title: string): string {
  const match = /^\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(markdown);
  if (!match || normaliseTitle(match[1]!) !== normaliseTitle(title)) return markdown;
  return markdown.slice(match[0].length).replace(/^\s*\n/, "");
}

function normaliseTitle(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}
