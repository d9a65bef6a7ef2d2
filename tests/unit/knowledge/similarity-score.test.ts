import { describe, expect, it } from "vitest";
import { equivalentWords, isGenericWord } from "@/lib/knowledge/incident-vocabulary";
import { combinedScoreRanker, WEIGHTS } from "@/lib/similarity/combined-score-ranker";
import type { QueryLexeme } from "@/lib/similarity/field-weighted-relevance";
import { parseTsvector } from "@/lib/similarity/lexeme-positions";
import type { SimilarityCandidate, SimilarityQuery } from "@/lib/similarity/similarity-ranker";

/** Lexemes as PostgreSQL's english configuration would give them, one position a word. */
function lexemes(...words: string[]): QueryLexeme[] {
  return words.map((w, i) => ({ lexeme: w, term: w, weight: 1, position: i + 1 }));
}

/** A tsvector's text form with consecutive positions from `start`. */
function vector(words: string[], start = 1): string {
  const positions = new Map<string, number[]>();
  words.forEach((w, i) => positions.set(w, [...(positions.get(w) ?? []), start + i]));
  return [...positions].map(([w, p]) => `'${w}':${p.join(",")}`).join(" ");
}

function candidate(id: string, over: Partial<SimilarityCandidate> & { title?: string[]; body?: string[] } = {}): SimilarityCandidate {
  const title = over.title ?? [];
  const body = over.body ?? [];
  return {
    id,
    trigram: 0,
    services: [],
    alertNames: [],
    changeKinds: [],
    rootCauseCodes: [],
    fields: { title: parseTsvector(vector(title)), summary: new Map(), all: parseTsvector(vector([...title, ...body])) },
    ...over,
  };
}

function query(over: Partial<SimilarityQuery> = {}): SimilarityQuery {
  return {
    lexemes: lexemes("coredns", "timeout"),
    corpus: { documents: 100, holding: new Map([["coredns", 3], ["timeout", 40], ["minut", 95]]) },
    services: [],
    alertNames: [],
    changeKinds: [],
    rootCauseCodes: [],
    ...over,
  };
}

describe("combinedScoreRanker", () => {
  it("explains every part of the score and orders by it", () => {
    const q = query({ services: ["payments-api"], alertNames: ["KubePodCrashLooping"], changeKinds: ["deployment"], rootCauseCodes: ["capacity"] });
    const full = candidate("a", {
      title: ["coredns", "timeout"],
      services: ["payments-api"],
      alertNames: ["KubePodCrashLooping"],
      changeKinds: ["deployment"],
      rootCauseCodes: ["capacity"],
    });
    const textOnly = candidate("b", { title: ["coredns", "timeout"] });
    const ranked = combinedScoreRanker.rank(q, [textOnly, full]);
    expect(ranked.map((r) => r.id)).toEqual(["a", "b"]);
    expect(ranked[0]!.reasons).toEqual([
      "matched terms: coredns",
      "shares alert KubePodCrashLooping",
      "same service payments-api",
      "same kind of change: deployment",
      "same root cause: capacity",
    ]);
    expect(ranked[0]!.score - ranked[1]!.score).toBeCloseTo(WEIGHTS.alerts + WEIGHTS.services + WEIGHTS.changes + WEIGHTS.rootCauses, 2);
    expect(ranked[0]!.strength).toBe("strong");
  });

  it("weighs a rare word above a common one, and a word in the title above one deep in the body", () => {
    const rare = candidate("rare", { body: ["coredns", "lookup", "fail"] });
    const common = candidate("common", { body: ["timeout", "lookup", "fail"] });
    expect(combinedScoreRanker.rank(query(), [common, rare]).map((r) => r.id)).toEqual(["rare", "common"]);
    const inTitle = candidate("title", { title: ["coredns", "outag"], body: ["pod", "restart", "node", "drain"] });
    const inBody = candidate("body", { title: ["node", "drain"], body: ["pod", "restart", "coredns", "outag"] });
    expect(combinedScoreRanker.rank(query(), [inBody, inTitle]).map((r) => r.id)).toEqual(["title", "body"]);
  });

  it("adds a bonus when the query's adjacent words are adjacent in the candidate too", () => {
    const q = query({ lexemes: lexemes("replic", "slot"), corpus: { documents: 100, holding: new Map([["replic", 10], ["slot", 10]]) } });
    const phrase = candidate("phrase", { body: ["drop", "replic", "slot", "disk"] });
    const apart = candidate("apart", { body: ["replic", "drop", "slot", "disk"] });
    const [first, second] = combinedScoreRanker.rank(q, [apart, phrase]);
    expect(first!.id).toBe("phrase");
    expect(first!.score).toBeGreaterThan(second!.score);
    expect(first!.reasons[0]).toBe("matched terms: replic slot");
  });

  it("never names a word every incident has or one most of the archive holds", () => {
    const q = query({ lexemes: [...lexemes("minutes", "timeout", "coredns")] });
    q.lexemes[0]!.lexeme = "minut";
    const [r] = combinedScoreRanker.rank(q, [candidate("a", { body: ["minut", "pod", "timeout", "node", "coredns"] })]);
    expect(r!.reasons).toEqual(["matched terms: coredns"]);
    expect(isGenericWord("Minutes")).toBe(true);
    const numbers = query({ lexemes: lexemes("300", "502", "coredns"), corpus: { documents: 8, holding: new Map([["300", 1], ["502", 1], ["coredns", 1]]) } });
    const [n] = combinedScoreRanker.rank(numbers, [candidate("n", { body: ["300", "pod", "502", "node", "coredns"] })]);
    expect(n!.reasons).toEqual(["matched terms: 502, coredns"]);
    // In a small archive a word most of it holds is no evidence either, and the reason says so.
    const small = query({ corpus: { documents: 8, holding: new Map([["coredns", 6], ["timeout", 7]]) } });
    const [c] = combinedScoreRanker.rank(small, [candidate("c", { body: ["coredns", "pod", "timeout"] })]);
    expect(c!.reasons).toEqual(["only common words in common"]);
    expect(isGenericWord("coredns")).toBe(false);
  });

  it("uses trigram similarity of the title when full text found nothing, and drops candidates with no score", () => {
    const typo = candidate("f", { trigram: 0.5, title: ["cordn", "tmeout"] });
    const ranked = combinedScoreRanker.rank(query(), [typo, candidate("nothing")]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.score).toBeCloseTo(WEIGHTS.text * 0.2, 3);
    expect(ranked[0]!.reasons).toEqual(["similar wording"]);
    expect(ranked[0]!.strength).toBe("possible");
  });

  it("says a faint text match is weak and a partial one possible", () => {
    const q = query({ lexemes: lexemes("coredns", "timeout", "ingress", "nginx") });
    const faint = candidate("faint", { body: ["timeout", ...Array.from({ length: 40 }, (_, i) => `w${i}`)] });
    const partial = candidate("partial", { title: ["coredns", "timeout"], body: ["pod"] });
    const byId = new Map(combinedScoreRanker.rank(q, [faint, partial]).map((r) => [r.id, r.strength]));
    expect(byId.get("faint")).toBe("weak");
    expect(byId.get("partial")).toBe("possible");
  });

  it("keeps the candidates' order (newest first) between equal scores", () => {
    const newer = candidate("z-newer", { body: ["coredns"] });
    const older = candidate("a-older", { body: ["coredns"] });
    expect(combinedScoreRanker.rank(query(), [newer, older]).map((r) => r.id)).toEqual(["z-newer", "a-older"]);
    expect(combinedScoreRanker.rank(query(), [older, newer]).map((r) => r.id)).toEqual(["a-older", "z-newer"]);
  });
});

describe("incident vocabulary", () => {
  it("widens a query with other names for what it names, whatever the word's ending", () => {
    const words = "our nameserver company is down, names not resolving".split(/\W+/);
    const implied = equivalentWords(words);
    expect(implied).toEqual(expect.arrayContaining(["dns", "vendor", "provider"]));
    expect(implied).not.toContain("nameserver");
    expect(equivalentWords("everyone got signed out of the app".split(" "))).toEqual(expect.arrayContaining(["session"]));
    expect(equivalentWords(["minutes", "pasta"])).toEqual([]);
    // Responders' words for machines and changes: "worker machines" after "an automatic OS patch".
    const patched = equivalentWords("worker machines dropped out after an automatic os patch".split(" "));
    expect(patched).toEqual(expect.arrayContaining(["nodes", "upgrade", "unattended", "kernel"]));
    expect(patched).not.toContain("machines");
  });
});
