// The parts of DESIGN.md §5 that ESLint cannot see: no utils/helpers/misc dumping grounds
// (name a module after what it is) and no source file past the point where it should
// have been split. Run by `npm run lint` after eslint; prints every offender and exits 1.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const MAX_LINES = 450;
const BANNED_NAMES = new Set(["utils", "util", "helpers", "helper", "misc"]);
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
// Generated, vendored or produced by tools; not ours to lay out.
const IGNORED = new Set([".git", ".next", "node_modules", ".data", "db/migrations", "playwright-report", "test-results", "bench/out", "out", "build"]);

function* walk(dir) {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (IGNORED.has(relative) || (entry.isDirectory() && entry.name.startsWith(".") && !dir)) continue;
    if (entry.isDirectory()) {
      yield { path: relative, directory: true };
      yield* walk(relative);
    } else if (entry.isFile()) yield { path: relative, directory: false };
  }
}

function stem(name) {
  return name.replace(/(\.(test|spec|d))?\.[^.]+$/, "").toLowerCase();
}

const badNames = [];
const longFiles = [];
for (const entry of walk("")) {
  const name = path.basename(entry.path);
  if (BANNED_NAMES.has(entry.directory ? name.toLowerCase() : stem(name))) badNames.push(entry.path);
  if (!entry.directory && SOURCE.test(name) && !name.endsWith(".d.ts")) {
    const text = readFileSync(path.join(ROOT, entry.path), "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > MAX_LINES) longFiles.push({ path: entry.path, lines });
  }
}

if (badNames.length) {
  console.error(`Modules and folders named ${[...BANNED_NAMES].join("/")} are not allowed; name them after what they are:`);
  for (const p of badNames) console.error(`  ${p}`);
}
if (longFiles.length) {
  console.error(`Source files over ${MAX_LINES} lines; split them by responsibility:`);
  for (const f of longFiles) console.error(`  ${f.path} (${f.lines} lines)`);
}
if (badNames.length || longFiles.length) process.exit(1);
console.log("Layout OK: no utils/helpers/misc modules, no source file over 450 lines.");
