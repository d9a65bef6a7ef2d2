import { describe, expect, it } from "vitest";
import { globMatches, keyFromPublishedUrl, resolveRunbookLinks, type LinkableRunbook, type LinkableSource } from "@/lib/knowledge/runbook-links";

const source: LinkableSource = { id: "src", path: "runbooks", publishedUrlPattern: "https://runbooks.example.dev/runbooks/{component}/{alertname_lower}" };

function book(id: string, over: Partial<LinkableRunbook> = {}): LinkableRunbook {
  return { id, title: id, alertNames: [], services: [], sourceId: null, sourcePath: null, sourceUrl: null, stale: false, ...over };
}

const synced = book("crashloop", {
  sourceId: "src",
  sourcePath: "runbooks/kubernetes/KubePodCrashLooping.md",
  sourceUrl: "https://github.com/acme/runbooks/blob/main/runbooks/kubernetes/KubePodCrashLooping.md",
  alertNames: ["KubePodCrashLooping"],
});
const glob = book("pods", { alertNames: ["KubePod*"] });
const byService = book("payments", { services: ["payments-api"] });

describe("resolveRunbookLinks", () => {
  const cases: Array<{ name: string; url: string | null; alert: string; service: string | null; expected: Array<[string | null, string]> }> = [
    {
      name: "annotation matches the source URL exactly",
      url: "https://github.com/acme/runbooks/blob/main/runbooks/kubernetes/KubePodCrashLooping.md",
      alert: "KubePodCrashLooping",
      service: null,
      expected: [["crashloop", "annotation"], ["pods", "alert_name"]],
    },
    {
      name: "annotation matches the published URL pattern, case-insensitively",
      url: "https://runbooks.example.dev/runbooks/kubernetes/kubepodcrashlooping/",
      alert: "KubePodCrashLooping",
      service: "payments-api",
      expected: [["crashloop", "annotation"], ["pods", "alert_name"], ["payments", "service"]],
    },
    {
      name: "unknown URL is still an external link, then glob matchers",
      url: "https://wiki.example.com/runbooks/KubePodNotReady",
      alert: "KubePodNotReady",
      service: null,
      expected: [[null, "external"], ["pods", "alert_name"]],
    },
    { name: "no annotation: service only", url: null, alert: "HighLatency", service: "payments-api", expected: [["payments", "service"]] },
    { name: "nothing matches", url: null, alert: "HighLatency", service: "other", expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const links = resolveRunbookLinks({ name: c.alert, runbookUrl: c.url, service: c.service }, [byService, glob, synced], [source]);
      expect(links.map((l) => [l.runbookId, l.kind])).toEqual(c.expected);
      for (const l of links) expect(l.reason.length).toBeGreaterThan(5);
    });
  }

  it("reads the runbook annotation when runbook_url is absent and prefers fresh over stale copies", () => {
    const stale = { ...synced, id: "old", stale: true };
    const links = resolveRunbookLinks(
      { name: "KubePodCrashLooping", runbookUrl: null, annotations: { runbook: synced.sourceUrl! }, service: null },
      [stale, synced],
      [source],
    );
    expect(links[0]).toMatchObject({ runbookId: "crashloop", kind: "annotation" });
  });
});

describe("published URL patterns and globs", () => {
  it("captures the relative key, tolerating .md, query strings and trailing slashes", () => {
    expect(keyFromPublishedUrl(source.publishedUrlPattern!, "https://runbooks.example.dev/runbooks/etcd/etcdnoleader.md?x=1")).toBe("etcd/etcdnoleader");
    expect(keyFromPublishedUrl("https://r.example/{path_lower}", "https://r.example/a/b/c")).toBe("a/b/c");
    expect(keyFromPublishedUrl(source.publishedUrlPattern!, "https://elsewhere.dev/runbooks/etcd/x")).toBeNull();
  });
  it("matches * and ? globs anchored and case-insensitive, treating regex characters literally", () => {
    expect(globMatches("KubePod*", "kubepodnotready")).toBe(true);
    expect(globMatches("Kube?od*", "KubePodX")).toBe(true);
    expect(globMatches("KubePod*", "XKubePod")).toBe(false);
    expect(globMatches("a.b", "axb")).toBe(false);
  });
});
