// The parts of DESIGN.md §5 and docs/ARCHITECTURE.md that ESLint cannot see, run by
// `npm run lint` after eslint; prints every offender and exits 1:
// - no utils/helpers/misc dumping grounds (name a module after what it is);
// - no source file past the point where it should have been split;
// - the floor plan of a domain (lib/services/<domain>/): a verb file exports one verb, named
//   after the file, and a verb taking a context checks its caller's role first; only
//   inputs.ts, views.ts and internal.ts hold anything else;
// - a domain's internal.ts is imported from inside that domain only;
// - outbound clients (Octokit, Slack, Kubernetes, PagerDuty… and bare fetch) live only
//   under lib/integrations/<system>/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = process.cwd();
const MAX_LINES = 450;
const BANNED_NAMES = new Set(["utils", "util", "helpers", "helper", "misc"]);
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
// Generated, vendored or produced by tools; not ours to lay out.
const IGNORED = new Set([".git", ".next", "node_modules", ".data", "db/migrations", "playwright-report", "test-results", "bench/out", "out", "build", "dist"]);
/** Files of a domain folder that are not verbs. */
const DOMAIN_MODULES = new Set(["inputs", "views", "internal", "index"]);
/** Packages that talk to another system over the network: only lib/integrations may use them. */
const OUTBOUND_PACKAGES = [/^@octokit\//, /^octokit$/, /^@slack\//, /^@kubernetes\/client-node$/, /^@pagerduty\//, /^undici$/, /^axios$/, /^node-fetch$/, /^got$/, /^openid-client$/];
/** Server-side code whose outbound calls must go through lib/integrations. */
const SERVER_CODE = /^(lib|db|cli)\/|^server\.ts$/;

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

const camelCase = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const hasExport = (node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports at top level (types included), and its import specifiers. */
function readModule(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const exports = [];
  const imports = [];
  let callsFetch = false;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || (ts.isExportDeclaration(statement) && statement.moduleSpecifier)) {
      imports.push(statement.moduleSpecifier.text);
    }
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) exports.push(...statement.exportClause.elements.map((e) => ({ name: e.name.text, kind: "re-export" })));
      else exports.push({ name: "*", kind: "re-export" });
    } else if (ts.isExportAssignment(statement)) exports.push({ name: "default", kind: "default" });
    else if (hasExport(statement)) {
      if (ts.isVariableStatement(statement)) exports.push(...statement.declarationList.declarations.map((d) => ({ name: d.name.getText(source), kind: "const", node: d })));
      else if (ts.isFunctionDeclaration(statement)) exports.push({ name: statement.name?.text ?? "default", kind: "function", node: statement });
      else exports.push({ name: statement.name?.getText(source) ?? "?", kind: ts.SyntaxKind[statement.kind] });
    }
  }
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      if (ts.isIdentifier(node.expression) && node.expression.text === "fetch") callsFetch = true;
      // dynamic import("...")
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) imports.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { exports, imports, callsFetch };
}

/** `lib/services/<domain>/…` of a file or of an import specifier resolved from `fromFile`. */
function resolveSpecifier(fromFile, specifier) {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return null;
}
const domainOf = (file) => /^lib\/services\/([^/]+)\//.exec(file)?.[1] ?? null;
const isInternalModule = (file) => /^lib\/services\/[^/]+\/internal(\.tsx?|\/|$)/.test(file);

const problems = { badNames: [], longFiles: [], verbFiles: [], internalImports: [], outbound: [] };

for (const entry of walk("")) {
  const name = path.basename(entry.path);
  if (BANNED_NAMES.has(entry.directory ? name.toLowerCase() : stem(name))) problems.badNames.push(entry.path);
  if (entry.directory || !SOURCE.test(name) || name.endsWith(".d.ts")) continue;
  const text = readFileSync(path.join(ROOT, entry.path), "utf8");
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > MAX_LINES) problems.longFiles.push(`${entry.path} (${lines} lines)`);
  if (!/\.(ts|tsx)$/.test(name)) continue;
  const isServerCode = SERVER_CODE.test(entry.path) && !entry.path.startsWith("lib/integrations/");
  const domain = domainOf(entry.path);
  if (!isServerCode && !domain && !entry.path.startsWith("app/") && !entry.path.startsWith("components/")) continue;
  const parsed = readModule(entry.path, text);

  // A verb file: directly in a domain folder, not one of the domain's shared modules.
  const inDomainRoot = /^lib\/services\/[^/]+\/[^/]+\.tsx?$/.test(entry.path);
  if (inDomainRoot && !DOMAIN_MODULES.has(stem(name))) {
    const expected = camelCase(stem(name));
    const [only, ...more] = parsed.exports;
    // Case-insensitive, so `get-github-connection.ts` may export getGitHubConnection.
    if (!only || more.length > 0 || only.kind !== "function" || only.name.toLowerCase() !== expected.toLowerCase()) {
      const found = parsed.exports.map((e) => e.name).join(", ") || "nothing";
      problems.verbFiles.push(`${entry.path}: a verb file exports one function, ${expected}; it exports ${found} (types go to views.ts, zod schemas to inputs.ts, helpers to internal.ts)`);
    } else {
      const firstParameter = only.node.parameters[0]?.name.getText();
      if (firstParameter === "ctx" && !/\brequirePermission\(ctx\b/.test(text)) {
        problems.verbFiles.push(`${entry.path}: ${expected} takes a context but never calls requirePermission(ctx, …)`);
      }
    }
  }

  for (const specifier of parsed.imports) {
    const target = resolveSpecifier(entry.path, specifier);
    if (target && isInternalModule(target) && domainOf(target) !== domain) {
      problems.internalImports.push(`${entry.path} imports ${specifier}: another domain's internal module (use its verbs or views)`);
    }
    if (isServerCode && OUTBOUND_PACKAGES.some((p) => p.test(specifier))) {
      problems.outbound.push(`${entry.path} imports ${specifier}: outbound clients live in lib/integrations/<system>/`);
    }
  }
  if (isServerCode && parsed.callsFetch) problems.outbound.push(`${entry.path} calls fetch(): outbound HTTP goes through a client in lib/integrations/<system>/`);
}

const report = [
  [problems.badNames, `Modules and folders named ${[...BANNED_NAMES].join("/")} are not allowed; name them after what they are:`],
  [problems.longFiles, `Source files over ${MAX_LINES} lines; split them by responsibility:`],
  [problems.verbFiles, "Domain floor plan (docs/ARCHITECTURE.md): verb files hold one verb each:"],
  [problems.internalImports, "A domain's internal.ts is for that domain only:"],
  [problems.outbound, "Outbound clients only under lib/integrations/:"],
];
let failed = false;
for (const [list, heading] of report) {
  if (list.length === 0) continue;
  failed = true;
  console.error(heading);
  for (const line of list) console.error(`  ${line}`);
}
if (failed) process.exit(1);
console.log("Layout OK: names, file sizes, one verb per verb file, domain-internal modules, outbound clients.");
