export interface Health {
  status: "ok" | "degraded";
  database: "pglite" | "postgres";
  version: string;
}
