import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
// @ts-expect-error -- a plain .mjs script (it must run on an old Node before tsx loads), no types
import { nodeVersionProblem } from "@/scripts/check-node-version.mjs";

describe("the Node.js version check run before dev, start and cli", () => {
  it("refuses an older Node with one line naming both versions", () => {
    expect(nodeVersionProblem("20.20.2", ">=22.19")).toBe("Logbook needs Node.js ≥ 22.19; this is 20.20.2. Install Node 22 (see README, \"Prerequisites\").");
    expect(nodeVersionProblem("v22.18.9", ">=22.19")).toMatch(/this is 22\.18\.9/);
  });

  it("accepts the required version and anything newer", () => {
    for (const version of ["22.19.0", "22.23.3", "23.0.0", "24.1.0"]) expect(nodeVersionProblem(version, ">=22.19")).toBeNull();
  });

  it("compares numerically, not as text", () => {
    expect(nodeVersionProblem("22.9.0", ">=22.19")).not.toBeNull();
    expect(nodeVersionProblem("100.0.0", ">=22.19")).toBeNull();
  });

  it("passes on the Node running the tests (the project's engines.node)", () => {
    const result = spawnSync(process.execPath, ["scripts/check-node-version.mjs"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
  });
});
