import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { service } from "./catalog";
import { alert } from "./ingest";

/**
 * A Kubernetes cluster the watcher follows. The lease (holder and expiry) lives on the row so
 * that one process watches each cluster however many run the watcher role.
 */
export const kubernetesCluster = pgTable(
  "kubernetes_cluster",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    environment: text("environment"),
    /** kubeconfig | in_cluster */
    authMode: text("auth_mode").notNull(),
    /** The kubeconfig YAML encrypted with the server's key; never returned. */
    kubeconfigEncrypted: text("kubeconfig_encrypted"),
    /** Empty: every namespace. */
    namespaces: jsonb("namespaces").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** connecting | watching | error */
    status: text("status").notNull().default("connecting"),
    error: text("error"),
    lastEventAt: timestamp("last_event_at", { withTimezone: true }),
    /** The last resourceVersion seen per watched resource, so a new lease holder resumes. */
    resourceVersions: jsonb("resource_versions").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    leaseHolder: text("lease_holder"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("kubernetes_cluster_org_name_uq").on(t.organizationId, t.name), index("kubernetes_cluster_lease_idx").on(t.leaseExpiresAt)],
);

/**
 * A workload's current rollout: what the rollout decisions compare against (template hash,
 * images), kept in the database rather than in memory, and what the service page shows.
 */
export const kubernetesWorkload = pgTable(
  "kubernetes_workload",
  {
    clusterId: text("cluster_id")
      .notNull()
      .references(() => kubernetesCluster.id, { onDelete: "cascade" }),
    organizationId: text("organization_id").notNull(),
    kind: text("kind").notNull(),
    namespace: text("namespace").notNull(),
    name: text("name").notNull(),
    serviceId: text("service_id").references(() => service.id, { onDelete: "set null" }),
    templateHash: text("template_hash").notNull(),
    images: jsonb("images").$type<string[]>().notNull(),
    revision: text("revision"),
    /** progressing | complete | failed */
    rolloutStatus: text("rollout_status").notNull(),
    rolloutReason: text("rollout_reason"),
    replicas: integer("replicas").notNull().default(0),
    readyReplicas: integer("ready_replicas").notNull().default(0),
    rolloutStartedAt: timestamp("rollout_started_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.kind, t.namespace, t.name] }), index("kubernetes_workload_service_idx").on(t.serviceId)],
);

/** A Warning event or failing pod, kept after the cluster forgets it (events live about an hour). */
export const clusterSignal = pgTable(
  "cluster_signal",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    clusterId: text("cluster_id")
      .notNull()
      .references(() => kubernetesCluster.id, { onDelete: "cascade" }),
    /** warning_event | crash_loop | oom_killed | image_pull | config_error | job_failed | flood */
    kind: text("kind").notNull(),
    namespace: text("namespace").notNull(),
    /** Kind/name of the object, e.g. Pod/checkout-7d9f-abcde */
    object: text("object").notNull(),
    reason: text("reason").notNull(),
    message: text("message").notNull(),
    count: integer("count").notNull().default(1),
    restarts: integer("restarts"),
    logTail: jsonb("log_tail").$type<string[]>(),
    serviceId: text("service_id").references(() => service.id, { onDelete: "set null" }),
    alertId: text("alert_id").references(() => alert.id, { onDelete: "set null" }),
    /** The signal's identity: the event's uid, or the pod/container/reason. */
    dedupKey: text("dedup_key").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("cluster_signal_dedup_uq").on(t.clusterId, t.dedupKey),
    index("cluster_signal_org_time_idx").on(t.organizationId, t.lastSeenAt),
    index("cluster_signal_service_time_idx").on(t.serviceId, t.lastSeenAt),
  ],
);
