import { createHash } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback server speaking GitHub's REST API for repositories, git trees and contents
 * (with Link-header pagination of directory listings), so runbook sync is exercised through
 * the real @octokit/rest client.
 */
export interface FakeRunbookRepo {
  url: string;
  token: string;
  /** path → Markdown of the default branch */
  files: Map<string, string>;
  /** answer the trees call as truncated, forcing the contents-API walk */
  truncateTree: boolean;
  /** when set, every call answers with this failure */
  failure: { status: number; headers?: Record<string, string> } | null;
  requests: string[];
  close(): Promise<void>;
}

export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    ...extra,
  });
  res.end(text);
}

const PAGE_SIZE = 2;

export async function startFakeRunbookRepo(repository: string, token: string): Promise<FakeRunbookRepo> {
  const state = { files: new Map<string, string>(), truncateTree: false, failure: null as FakeRunbookRepo["failure"], requests: [] as string[] };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    state.requests.push(`${req.method} ${decodeURIComponent(url.pathname)}${url.search}`);
    if (state.failure) return send(res, state.failure.status, { message: "failure", documentation_url: "https://docs.github.com" }, state.failure.headers);
    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) return send(res, 401, { message: "Bad credentials" });
    const prefix = `/repos/${repository}`;
    if (!url.pathname.startsWith(prefix)) return send(res, 404, { message: "Not Found" });
    const rest = url.pathname.slice(prefix.length);
    if (rest === "") return send(res, 200, { full_name: repository, default_branch: "main" });
    if (rest.startsWith("/git/trees/")) {
      const dirs = new Set<string>();
      for (const path of state.files.keys()) {
        const parts = path.split("/");
        for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
      }
      const tree = [
        ...[...dirs].map((path) => ({ path, mode: "040000", type: "tree", sha: gitBlobSha(`dir:${path}`) })),
        ...[...state.files].map(([path, content]) => ({ path, mode: "100644", type: "blob", sha: gitBlobSha(content), size: content.length })),
      ];
      return send(res, 200, { sha: "f".repeat(40), url: "", tree: state.truncateTree ? tree.slice(0, 1) : tree, truncated: state.truncateTree });
    }
    if (rest.startsWith("/contents")) {
      const path = decodeURIComponent(rest.replace(/^\/contents\/?/, ""));
      const content = state.files.get(path);
      if (content !== undefined) {
        return send(res, 200, { type: "file", path, name: path.split("/").pop(), sha: gitBlobSha(content), encoding: "base64", content: Buffer.from(content).toString("base64") });
      }
      const entries = new Map<string, { type: string; path: string; sha: string; name: string }>();
      for (const [file, text] of state.files) {
        if (path && !file.startsWith(`${path}/`)) continue;
        const rel = path ? file.slice(path.length + 1) : file;
        const [first, ...more] = rel.split("/");
        const full = path ? `${path}/${first}` : first!;
        entries.set(full, more.length > 0 ? { type: "dir", path: full, sha: gitBlobSha(`dir:${full}`), name: first! } : { type: "file", path: full, sha: gitBlobSha(text), name: first! });
      }
      if (entries.size === 0) return send(res, 404, { message: "Not Found" });
      const all = [...entries.values()].sort((a, b) => a.path.localeCompare(b.path));
      const page = Number(url.searchParams.get("page") ?? "1");
      const slice = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      const last = Math.ceil(all.length / PAGE_SIZE);
      const headers: Record<string, string> = {};
      if (page < last) {
        const next = new URL(url.toString());
        next.searchParams.set("page", String(page + 1));
        headers.link = `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next", <http://${req.headers.host}${next.pathname}?page=${last}>; rel="last"`;
      }
      return send(res, 200, slice, headers);
    }
    return send(res, 404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeRunbookRepo;
}
