export interface Health {
  status: "ok" | "degraded";
  database: "pglite" | "postgres";
  version: string;
  /** the roles this process runs (LOGBOOK_ROLES) */
  roles: string[];
}

/** GET /api/ready: whether this process can serve (database reachable and migrated). */
export interface Readiness {
  ready: boolean;
  database: "pglite" | "postgres";
  /** why not, in words; null when ready */
  reason: string | null;
}
