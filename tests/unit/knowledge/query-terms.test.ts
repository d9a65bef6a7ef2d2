import { describe, expect, it } from "vitest";
import { buildOrQuery, extractQueryTerms, MAX_QUERY_TERMS } from "@/lib/knowledge/query-terms";
import { headlineHtml, headlineSegments, MARK_START, MARK_STOP } from "@/lib/knowledge/highlight-marks";
import { parseMarkdownPostmortem } from "@/lib/knowledge/markdown-import";

describe("query terms", () => {
  it("keeps words, drops stopwords and duplicates, joins with or", () => {
    const terms = extractQueryTerms("The CoreDNS pods are timing out, and DNS is DOWN; dns again");
    expect(terms).toEqual(["coredns", "pods", "timing", "dns"]);
    expect(buildOrQuery(terms)).toBe("coredns or pods or timing or dns");
  });

  it("turns hostile input into plain words only", () => {
    const hostile = `"unterminated 'quote && || !(foo:*) <-> & | ! ( ) : * \\ ; DROP TABLE incident; -- ${"x".repeat(50)}`;
    const terms = extractQueryTerms(hostile);
    for (const t of terms) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(terms).toContain("drop");
    expect(terms.some((t) => t.length > 40)).toBe(false);
    expect(buildOrQuery(terms)).not.toMatch(/[&|!():*'"\\<>]/);
  });

  it("caps 10 KB of text to a bounded number of terms", () => {
    const big = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(" ");
    expect(extractQueryTerms(big).length).toBe(MAX_QUERY_TERMS);
    expect(extractQueryTerms("")).toEqual([]);
    expect(buildOrQuery([])).toBe("");
  });

  it("drops the words every incident uses", () => {
    expect(extractQueryTerms("Errors for 25 minutes, customers impacted: ledger disk full")).toEqual(["ledger", "disk", "full"]);
  });
});

describe("highlights", () => {
  it("escapes everything except the marks", () => {
    const headline = `<img src=x onerror=alert(1)> ${MARK_START}dns${MARK_STOP} & more`;
    expect(headlineHtml(headline)).toBe("&lt;img src=x onerror=alert(1)&gt; <mark>dns</mark> &amp; more");
    expect(headlineSegments(headline)).toEqual([
      { text: "<img src=x onerror=alert(1)> ", match: false },
      { text: "dns", match: true },
      { text: " & more", match: false },
    ]);
  });
});

describe("Markdown postmortem import", () => {
  it("reads front matter lists and text, body as postmortem", () => {
    const item = parseMarkdownPostmortem(
      "---\ntitle: \"Payments 502s\"\nexternalId: PM-7\nservices: [payments-api, checkout]\nseverity: SEV2\noccurred_at: 2024-01-02T03:04:05Z\n---\n# Payments 502s\n\nWe rolled back.",
      "/x/pm-7.md",
    );
    expect(item).toMatchObject({ title: "Payments 502s", externalId: "PM-7", services: ["payments-api", "checkout"], severity: "SEV2", occurredAt: "2024-01-02T03:04:05Z" });
    expect(item.postmortem).toBe("# Payments 502s\n\nWe rolled back.");
  });
  it("falls back to the heading and the file name", () => {
    expect(parseMarkdownPostmortem("# Disk full\n\ntext", "dir/2023-disk.md")).toMatchObject({ title: "Disk full", externalId: "2023-disk" });
  });
});
