import type { JSONContent } from "@tiptap/core";
import type { Nodes, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

type Mark = { type: string; attrs?: Record<string, unknown> };

const SAFE_LINK = /^(https?:|mailto:)/i;

function inline(nodes: PhrasingContent[], marks: Mark[] = []): JSONContent[] {
  return nodes.flatMap((node): JSONContent[] => {
    switch (node.type) {
      case "text":
        return node.value ? [{ type: "text", text: node.value, ...(marks.length ? { marks } : {}) }] : [];
      case "strong":
        return inline(node.children, [...marks, { type: "bold" }]);
      case "emphasis":
        return inline(node.children, [...marks, { type: "italic" }]);
      case "delete":
        return inline(node.children, [...marks, { type: "strike" }]);
      case "inlineCode":
        return [{ type: "text", text: node.value, marks: [...marks, { type: "code" }] }];
      case "link":
        // Unsafe schemes keep their text and lose the link, as the editor's own schema would.
        return inline(node.children, SAFE_LINK.test(node.url) ? [...marks, { type: "link", attrs: { href: node.url } }] : marks);
      case "break":
        return [{ type: "hardBreak" }];
      default:
        // HTML, images and footnotes in a summary are shown as their text, never as markup.
        return "value" in node && typeof node.value === "string" && node.value ? [{ type: "text", text: node.value, ...(marks.length ? { marks } : {}) }] : [];
    }
  });
}

function paragraphOf(children: PhrasingContent[]): JSONContent {
  const content = inline(children);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

function block(node: RootContent | Nodes): JSONContent[] {
  switch (node.type) {
    case "paragraph":
      return [paragraphOf(node.children)];
    case "heading":
      // Inside a postmortem section, a summary's headings sit below the section's own.
      return [{ type: "heading", attrs: { level: Math.min(6, Math.max(3, node.depth + 2)) }, content: inline(node.children) }];
    case "blockquote":
      return [{ type: "blockquote", content: node.children.flatMap(block) }];
    case "code":
      return [{ type: "codeBlock", attrs: { language: node.lang ?? null }, content: node.value ? [{ type: "text", text: node.value }] : [] }];
    case "thematicBreak":
      return [{ type: "horizontalRule" }];
    case "list": {
      const isTasks = node.children.some((item) => typeof item.checked === "boolean");
      const items = node.children.map((item) => {
        const content = item.children.flatMap(block);
        const body = content.length ? content : [{ type: "paragraph" }];
        return isTasks ? { type: "taskItem", attrs: { checked: item.checked === true }, content: body } : { type: "listItem", content: body };
      });
      if (isTasks) return [{ type: "taskList", content: items }];
      return [node.ordered ? { type: "orderedList", attrs: { start: node.start ?? 1 }, content: items } : { type: "bulletList", content: items }];
    }
    case "table": {
      const rows = node.children.map((row, index) => ({
        type: "tableRow",
        content: row.children.map((cell) => ({ type: index === 0 ? "tableHeader" : "tableCell", content: [paragraphOf(cell.children)] })),
      }));
      return rows.length ? [{ type: "table", content: rows }] : [];
    }
    case "html":
      return node.value.trim() ? [{ type: "paragraph", content: [{ type: "text", text: node.value }] }] : [];
    default:
      return [];
  }
}

/**
 * Editor nodes for a piece of Markdown (an incident summary, an imported postmortem), so it
 * arrives in a postmortem formatted rather than as literal asterisks. Raw HTML stays text.
 */
export function markdownToDocContent(markdown: string): JSONContent[] {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return tree.children.flatMap(block);
}
