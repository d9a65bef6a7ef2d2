import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "@/components/markdown/markdown-view";

const render = (source: string) => renderToStaticMarkup(<MarkdownView>{source}</MarkdownView>);

describe("MarkdownView", () => {
  it("never renders a script element from raw HTML, but keeps the text visible", () => {
    const html = render("before <script>alert(1)</script> after");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("does not turn javascript: URLs into links", () => {
    const html = render("[click me](javascript:alert(1)) and [also](JaVaScRiPt:alert(2))");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain("<a");
    expect(html).toContain("click me");
  });

  it("drops event-handler attributes from raw HTML images", () => {
    const html = render('<img src=x onerror=alert(1)>\n\n![pic](https://example.com/a.png "t")');
    expect(html).not.toMatch(/<img/i);
    // The text stays readable (escaped), but no element carries the handler.
    expect(html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(html).toContain('href="https://example.com/a.png"');
  });

  it("opens links in a new tab without leaking the opener or endorsing the target", () => {
    const html = render("See [the runbook](https://runbooks.example/payments).");
    expect(html).toContain('href="https://runbooks.example/payments"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("renders GitHub-flavoured Markdown", () => {
    const html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~gone~~");
    expect(html).toContain("<table>");
    expect(html).toContain('type="checkbox"');
    expect(html).toContain("<del>gone</del>");
  });

  it("shows the empty text for blank input", () => {
    expect(render("   ")).toBe("");
    expect(renderToStaticMarkup(<MarkdownView empty="No summary yet.">{""}</MarkdownView>)).toContain("No summary yet.");
  });
});
