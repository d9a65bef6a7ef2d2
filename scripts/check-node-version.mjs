// Stops `npm run dev`, `npm start` and `npm run cli` (their pre-scripts) with one clear line
// when Node.js is older than package.json's engines.node: on an old Node the server used to
// start anyway and fail later in ways that did not say why. Plain JavaScript on purpose: it
// must run on the old Node it refuses, before tsx or anything else is loaded.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The problem with running on `actual` when `required` is ">=MAJOR.MINOR[.PATCH]", or null. */
export function nodeVersionProblem(actual, required) {
  const want = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(required.trim());
  if (!want) throw new Error(`engines.node must read ">=MAJOR.MINOR", not "${required}"`);
  const have = actual.replace(/^v/, "").split(".").map(Number);
  const need = want.slice(1).map((part) => Number(part ?? 0));
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) > need[i]) return null;
    if ((have[i] ?? 0) < need[i]) {
      return `Logbook needs Node.js ${required.replace(">=", "≥ ")}; this is ${actual.replace(/^v/, "")}. Install Node 22 (see README, "Prerequisites").`;
    }
  }
  return null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { engines } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const problem = nodeVersionProblem(process.versions.node, engines.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
