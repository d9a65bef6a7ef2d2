import { describe, expect, it } from "vitest";
import { combinedScoreRanker, WEIGHTS } from "@/lib/similarity/combined-score-ranker";
import type { SimilarityCandidate, SimilarityQuery } from "@/lib/similarity/similarity-ranker";

const query: SimilarityQuery = {
  terms: ["dns", "coredns", "timeout"],
  services: ["payments-api"],
  alertNames: ["KubePodCrashLooping"],
  changeKinds: ["deployment"],
  rootCauseCodes: ["capacity"],
};

function candidate(id: string, over: Partial<SimilarityCandidate>): SimilarityCandidate {
  return { id, textRank: 0, trigram: 0, document: "", services: [], alertNames: [], changeKinds: [], rootCauseCodes: [], ...over };
}

describe("combinedScoreRanker", () => {
  it("explains every part of the score and orders by it", () => {
    const full = candidate("a", {
      textRank: 0.4,
      document: "CoreDNS lookups hit a timeout; DNS broke",
      services: ["payments-api"],
      alertNames: ["KubePodCrashLooping"],
      changeKinds: ["deployment"],
      rootCauseCodes: ["capacity"],
    });
    const textOnly = candidate("b", { textRank: 0.2, document: "dns timeout" });
    const ranked = combinedScoreRanker.rank(query, [textOnly, full]);
    expect(ranked.map((r) => r.id)).toEqual(["a", "b"]);
    expect(ranked[0]!.reasons).toEqual([
      "matched terms: dns, coredns, timeout",
      "shares alert KubePodCrashLooping",
      "same service payments-api",
      "same kind of change: deployment",
      "same root cause: capacity",
    ]);
    expect(ranked[0]!.score).toBeCloseTo(WEIGHTS.text + WEIGHTS.alerts + WEIGHTS.services + WEIGHTS.changes + WEIGHTS.rootCauses, 3);
    expect(ranked[1]!.score).toBeCloseTo(WEIGHTS.text * 0.5, 3);
    expect(ranked[1]!.reasons).toEqual(["matched terms: dns, timeout"]);
  });

  it("lets structured overlap lift a weaker text match, and drops candidates with no score", () => {
    const sameAlert = candidate("c", { textRank: 0.15, document: "dns", alertNames: ["kubepodcrashlooping"] });
    const betterText = candidate("d", { textRank: 0.2, document: "dns coredns" });
    const nothing = candidate("e", {});
    const ranked = combinedScoreRanker.rank(query, [betterText, sameAlert, nothing]);
    expect(ranked.map((r) => r.id)).toEqual(["c", "d"]);
  });

  it("uses trigram similarity when full text found nothing", () => {
    const typo = candidate("f", { trigram: 0.5, document: "cordns tmeout" });
    const [r] = combinedScoreRanker.rank(query, [typo]);
    expect(r!.score).toBeCloseTo(WEIGHTS.text * 0.4, 3);
    expect(r!.reasons).toEqual(["similar wording"]);
  });

  it("keeps the candidates' order (newest first) between equal scores", () => {
    const newer = candidate("z-newer", { textRank: 0.3, document: "dns" });
    const older = candidate("a-older", { textRank: 0.3, document: "dns" });
    expect(combinedScoreRanker.rank(query, [newer, older]).map((r) => r.id)).toEqual(["z-newer", "a-older"]);
    expect(combinedScoreRanker.rank(query, [older, newer]).map((r) => r.id)).toEqual(["a-older", "z-newer"]);
  });
});
