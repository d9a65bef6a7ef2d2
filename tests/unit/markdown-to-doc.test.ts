import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { markdownToDocContent } from "@/lib/documents/markdown-to-doc";
import { postmortemExtensions } from "@/lib/documents/postmortem-schema";

const schema = getSchema(postmortemExtensions);
const valid = (markdown: string) => schema.nodeFromJSON({ type: "doc", content: markdownToDocContent(markdown) }).toJSON();

describe("markdownToDocContent", () => {
  it("turns emphasis, code and links into marks instead of literal characters", () => {
    const [paragraph] = markdownToDocContent("**Impact:** 25 min of `POST /v1/payments` see [graph](https://grafana.example/d/1)");
    expect(paragraph!.content).toEqual([
      { type: "text", text: "Impact:", marks: [{ type: "bold" }] },
      { type: "text", text: " 25 min of " },
      { type: "text", text: "POST /v1/payments", marks: [{ type: "code" }] },
      { type: "text", text: " see " },
      { type: "text", text: "graph", marks: [{ type: "link", attrs: { href: "https://grafana.example/d/1" } }] },
    ]);
  });

  it("builds lists, task lists, tables, quotes and code blocks the editor schema accepts", () => {
    const doc = valid(["- one\n- two", "1. first", "- [x] done\n- [ ] open", "| a | b |\n|---|---|\n| 1 | 2 |", "> quoted", "```sh\nkubectl get pods\n```", "## Cause"].join("\n\n"));
    expect(doc.content!.map((n: { type: string }) => n.type)).toEqual(["bulletList", "orderedList", "taskList", "table", "blockquote", "codeBlock", "heading"]);
  });

  it("keeps raw HTML and unsafe links as text, never as markup", () => {
    const content = markdownToDocContent('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    const json = JSON.stringify(content);
    expect(json).not.toContain('"type":"link"');
    expect(json).toContain("<script>alert(1)</script>");
    expect(() => valid('<script>alert(1)</script>')).not.toThrow();
  });
});
