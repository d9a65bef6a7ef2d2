import { describe, expect, it } from "vitest";
import { markdownToPlainText } from "@/lib/knowledge/markdown-plain-text";
import { actionItemsFromPostmortem, resolutionFromPostmortem } from "@/lib/knowledge/postmortem-sections";

describe("markdownToPlainText", () => {
  it("keeps the words and drops the markup", () => {
    const md = [
      "## What **happened**",
      "",
      "> The `pg_wal` volume hit *100%* — see [the dashboard](https://grafana/x) and ![graph](a.png).",
      "",
      "- [x] dropped the ~~old~~ slot",
      "1. raised __limits__",
      "",
      "| step | who |",
      "| --- | :---: |",
      "| restart | ana |",
      "",
      "```sql",
      "select 1;",
      "```",
      "<script>alert(1)</script> <b>bold</b> snake_case_name stays",
    ].join("\n");
    expect(markdownToPlainText(md)).toBe(
      [
        "What happened",
        "The pg_wal volume hit 100% — see the dashboard and graph.",
        "dropped the old slot",
        "raised limits",
        " step who ",
        " restart ana ",
        "select 1;",
        " alert(1) bold snake_case_name stays",
      ]
        .map((l) => l.replace(/ +/g, " ").trim())
        .join("\n"),
    );
  });

  it("never produces markup from text that looks like it", () => {
    expect(markdownToPlainText("<img src=x onerror=alert(1)>fine")).not.toMatch(/[<>]/);
  });
});

describe("postmortem sections", () => {
  const postmortem = [
    "# Ledger disk full",
    "## What happened",
    "WAL piled up.",
    "## How we fixed it",
    "Dropped the **stale** replication slot and freed 400 GB. Then we added an alert. A third sentence that goes on and on. " + "More words. ".repeat(30),
    "### Follow-ups",
    "- Alert on [slot lag](https://x)",
    "* Review CDC ownership",
    "not a list item",
  ].join("\n");

  it("reads the first sentences of the resolution section, whatever its heading says", () => {
    const resolution = resolutionFromPostmortem(postmortem)!;
    expect(resolution.startsWith("Dropped the stale replication slot and freed 400 GB. Then we added an alert.")).toBe(true);
    expect(resolution.length).toBeLessThanOrEqual(281);
    expect(resolution).not.toContain("Follow-ups");
    expect(resolutionFromPostmortem("## What happened\n\nNothing about a fix.")).toBeNull();
    expect(resolutionFromPostmortem(null)).toBeNull();
  });

  it("lists the action items as plain text", () => {
    expect(actionItemsFromPostmortem(postmortem)).toEqual(["Alert on slot lag", "Review CDC ownership"]);
    expect(actionItemsFromPostmortem("## Action items\n\n1. Pin the pooler config\n2) Test against the pooler")).toEqual(["Pin the pooler config", "Test against the pooler"]);
    expect(actionItemsFromPostmortem("no headings")).toEqual([]);
  });
});
