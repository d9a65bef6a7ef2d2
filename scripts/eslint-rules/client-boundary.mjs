// A file that starts with "use client" ends up in the browser bundle, wherever it lives, so
// the folder-based import rules cannot see it. This rule reads the directive instead and
// refuses server-only modules. Type-only imports are erased at build time and stay allowed.

const SERVER_ONLY = [
  { pattern: /^@\/db(\/|$)/, why: "the database layer" },
  { pattern: /^(\.\.?\/)+(.*\/)?db(\/|$)/, why: "the database layer" },
  { pattern: /^@\/lib\/(services|auth|api|jobs|platform|integrations|collab)(\/|$)/, why: "server code" },
  { pattern: /^@\/lib\/logger$/, why: "the server logger" },
  { pattern: /^@\/server$/, why: "the server entry point" },
  { pattern: /^node:/, why: "a Node.js built-in" },
  { pattern: /^(drizzle-orm|postgres|pino|better-auth\/(adapters|plugins)|proper-lockfile)(\/|$)/, why: "a server-side package" },
  { pattern: /^@electric-sql\//, why: "the embedded database" },
  { pattern: /^server-only$/, why: "a module marked server-only" },
];

function isClientModule(program) {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") return false;
    if (statement.directive === "use client") return true;
  }
  return false;
}

function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  // `import { type A, type B } from "x"` is erased too.
  return node.type === "ImportDeclaration" && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type");
}

export const clientBoundaryRule = {
  meta: {
    type: "problem",
    docs: { description: 'Modules marked "use client" must not import server-only code.' },
    schema: [],
    messages: {
      serverImport: '"use client" module imports {{source}} ({{why}}). Fetch /api/v1 from the client, or pass data down as props from a server component.',
    },
  },
  create(context) {
    let client = false;
    function check(node) {
      if (!client || !node.source || isTypeOnly(node)) return;
      const source = String(node.source.value);
      const hit = SERVER_ONLY.find((entry) => entry.pattern.test(source));
      if (hit) context.report({ node: node.source, messageId: "serverImport", data: { source, why: hit.why } });
    }
    return {
      Program(program) {
        client = isClientModule(program);
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression(node) {
        if (client && node.source.type === "Literal") check({ source: node.source, type: "ImportExpression" });
      },
    };
  },
};
