import { describe, expect, it } from "vitest";
import { bodyWithoutTitle, firstHeading, parseRunbookSteps } from "@/lib/knowledge/runbook-steps";

describe("parseRunbookSteps", () => {
  it("numbers task-list and ordered-list items in document order, ignoring plain bullets", () => {
    const md = [
      "# CoreDNS errors",
      "## Meaning",
      "- a plain bullet is not a step",
      "## Diagnosis",
      "1. Check the **CoreDNS** pods: `kubectl -n kube-system get pods`",
      "2. Read the logs",
      "## Mitigation",
      "- [ ] Scale CoreDNS to 4 replicas",
      "- [x] Restart [NodeLocal DNSCache](https://example.com)",
    ].join("\n");
    expect(parseRunbookSteps(md)).toEqual([
      { number: 1, text: "Check the CoreDNS pods: kubectl -n kube-system get pods" },
      { number: 2, text: "Read the logs" },
      { number: 3, text: "Scale CoreDNS to 4 replicas" },
      { number: 4, text: "Restart NodeLocal DNSCache" },
    ]);
  });

  it("counts nested items separately without repeating children in the parent", () => {
    const md = "1. Drain the node\n   - [ ] cordon it\n   - [ ] evict pods\n2. Reboot";
    expect(parseRunbookSteps(md).map((s) => s.text)).toEqual(["Drain the node", "cordon it", "evict pods", "Reboot"]);
  });

  it("has no steps for prose, and survives HTML and odd input", () => {
    expect(parseRunbookSteps("Just text.\n\n<script>alert(1)</script>")).toEqual([]);
    expect(parseRunbookSteps("")).toEqual([]);
  });

  it("finds the first heading for a synced file's title", () => {
    expect(firstHeading("intro\n\n## Pod crash looping\n\n# Later")).toBe("Pod crash looping");
    expect(firstHeading("no heading")).toBeNull();
  });
});

describe("bodyWithoutTitle", () => {
  it("drops an opening heading that repeats the title, and nothing else", () => {
    expect(bodyWithoutTitle("# Kafka consumer lag\n\n## Meaning\nA group lags.", "Kafka consumer lag")).toBe("## Meaning\nA group lags.");
    expect(bodyWithoutTitle("\n#  kafka  Consumer lag #\nBody", "Kafka consumer lag")).toBe("Body");
  });

  it("keeps a body whose first heading says something else, or is not first", () => {
    expect(bodyWithoutTitle("# Another title\nBody", "Kafka consumer lag")).toBe("# Another title\nBody");
    expect(bodyWithoutTitle("Intro\n# Kafka consumer lag", "Kafka consumer lag")).toBe("Intro\n# Kafka consumer lag");
    expect(bodyWithoutTitle("## Kafka consumer lag\nBody", "Kafka consumer lag")).toBe("## Kafka consumer lag\nBody");
  });
});
