import { describe, expect, it } from "vitest";
import { jsonDepthProblem, MAX_JSON_DEPTH } from "@/lib/core/json-depth";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("JSON nesting depth", () => {
  it("accepts documents up to the limit", () => {
    expect(jsonDepthProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonDepthProblem('{"a":{"b":[1,{"c":null}]}}')).toBeNull();
  });

  it("refuses one level past it, naming the limit", () => {
    expect(jsonDepthProblem(nested(MAX_JSON_DEPTH + 1))).toBe(`the JSON document nests deeper than ${MAX_JSON_DEPTH} levels`);
    expect(jsonDepthProblem('{"hints":' + "{\"x\":".repeat(100_000) + "1" + "}".repeat(100_001))).not.toBeNull();
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    const brackets = "[".repeat(MAX_JSON_DEPTH * 2);
    expect(jsonDepthProblem(JSON.stringify({ text: brackets }))).toBeNull();
    expect(jsonDepthProblem(JSON.stringify({ text: `say \\"${brackets}` }))).toBeNull();
  });
});
