import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { slackMrkdwnToMarkdown } from "@/lib/slack/mrkdwn";

/** Slack text → the HTML the timeline shows, through the same safe Markdown view. */
const shown = (text: string, names = {}) => renderToStaticMarkup(<MarkdownView>{slackMrkdwnToMarkdown(text, names)}</MarkdownView>);

describe("slackMrkdwnToMarkdown", () => {
  it("names mentioned people and channels, from Slack's label or the looked-up names", () => {
    expect(slackMrkdwnToMarkdown("ping <@U024BE7LH|alex> and <@U0G9QF9C6>", { users: { U0G9QF9C6: "sam" } })).toBe("ping @alex and @sam");
    expect(slackMrkdwnToMarkdown("see <#C024BE7LR|general> and <#C0ZZZ>")).toBe("see #general and #C0ZZZ");
    expect(slackMrkdwnToMarkdown("<!here> <!channel> <!subteam^SAZ94GDB8|@oncall>")).toBe("@here @channel @oncall");
    expect(slackMrkdwnToMarkdown("<!date^1392734382^{date_short}|Feb 18, 2014>")).toBe("Feb 18, 2014");
  });

  it("turns http(s) links into links and every other scheme into plain text", () => {
    expect(shown("<https://status.example/a?b=1&amp;c=2|status page>")).toContain('<a href="https://status.example/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow">status page</a>');
    // Parentheses in the URL do not end the link early.
    expect(shown("<https://example.com/wiki/Foo_(bar)>")).toContain('href="https://example.com/wiki/Foo_(bar)" target="_blank" rel="noopener noreferrer nofollow">https://example.com/wiki/Foo_(bar)</a>');
    for (const link of ["<javascript:alert(1)|click>", "<JaVaScRiPt:alert(1)|click>", "<data:text/html;base64,PHNjcmlwdD4=|click>", "<mailto:a@b.example|click>"]) {
      const html = shown(link);
      expect(html).not.toContain("<a");
      expect(html).not.toMatch(/javascript:|data:/i);
      expect(html).toContain("click");
    }
  });

  it("shows Markdown typed in Slack as typed, not as links, images or HTML", () => {
    const html = shown("[free money](javascript:alert(1)) ![x](/p.gif) # not a heading\n# nor this");
    expect(html).not.toContain("<a");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<h1");
    expect(html).toContain("[free money](javascript:alert(1))");
    expect(html).toContain("![x](/p.gif)");
    expect(html).toContain("# nor this");
    // Slack sends a typed "<script>" as entities: it stays text.
    const script = shown("&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;");
    expect(script).not.toMatch(/<script/i);
    expect(script).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;");
  });

  it("keeps Slack's emphasis, code, quotes and line breaks", () => {
    expect(shown("*bold* _italic_ ~gone~")).toBe(renderToStaticMarkup(<MarkdownView>{"**bold** *italic* ~~gone~~"}</MarkdownView>));
    expect(slackMrkdwnToMarkdown("snake_case_name and 2*3*4")).toBe("snake\\_case\\_name and 2\\*3\\*4");
    expect(shown("run `kubectl get pods`")).toContain("<code>kubectl get pods</code>");
    const block = shown("before\n```select * from t where a &lt; 1\n```\nafter");
    expect(block).toContain("<pre><code>select * from t where a &lt; 1\n</code></pre>");
    expect(block).not.toContain("\\");
    expect(shown("&gt; quoted\nplain")).toContain("<blockquote>");
    expect(shown("line one\nline two")).toContain("line one<br/>");
  });

  it("does not let a line's start become Markdown structure", () => {
    const html = shown("- not a list\n1. not ordered\n---\n    not code");
    expect(html).not.toMatch(/<(ul|ol|hr|pre|h2)/);
    expect(html).toContain("- not a list");
    expect(html).toContain("1. not ordered");
  });

  it("drops the private-use characters it uses internally, so text cannot forge a placeholder", () => {
    expect(slackMrkdwnToMarkdown("a\uE0000\uE001b <https://x.example|x>")).toBe("a0b [x](https://x.example/)");
  });
});
