/**
 * Reads a Backstage catalog over HTTP: either a raw `catalog-info.yaml` (e.g. a file in a
 * repository) or the catalog API (`…/api/catalog/entities?filter=kind=component`, or
 * `/entities/by-query`), whose answers are JSON. What comes back is handed as it is to the
 * pure mapping in lib/catalog/backstage-entities.ts.
 */
export interface BackstageCatalogSource {
  url: string;
  /** Backstage's catalog API usually wants a static token (backend.auth.externalAccess). */
  token?: string;
}

const MAX_CATALOG_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

export class BackstageFetchError extends Error {
  override name = "BackstageFetchError";
}

/** The catalog's text (YAML) or parsed JSON. */
export async function fetchBackstageCatalog(source: BackstageCatalogSource): Promise<string | unknown> {
  const url = new URL(source.url);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new BackstageFetchError(`Only http(s) catalog URLs can be read, not ${url.protocol}`);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json, application/yaml;q=0.9, text/plain;q=0.8", ...(source.token ? { authorization: `Bearer ${source.token}` } : {}) },
      redirect: "follow",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new BackstageFetchError(`Could not reach the catalog at ${url.origin}: ${(error as Error).message}`);
  }
  if (response.status === 401 || response.status === 403) throw new BackstageFetchError(`The catalog refused Logbook (HTTP ${response.status}): set a token that may read the catalog.`);
  if (!response.ok) throw new BackstageFetchError(`The catalog answered HTTP ${response.status} for ${url.pathname}.`);
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_CATALOG_BYTES) throw new BackstageFetchError(`The catalog is larger than ${MAX_CATALOG_BYTES / 1024 / 1024} MiB.`);
  const text = await response.text();
  if (text.length > MAX_CATALOG_BYTES) throw new BackstageFetchError(`The catalog is larger than ${MAX_CATALOG_BYTES / 1024 / 1024} MiB.`);
  if (/\bjson\b/i.test(response.headers.get("content-type") ?? "")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BackstageFetchError("The catalog answered invalid JSON.");
    }
  }
  return text;
}
