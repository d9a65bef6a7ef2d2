import type { Metadata } from "next";
import { Boxes } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { listClusters } from "@/lib/services/clusters/list-clusters";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { Timestamp } from "@/components/time/timestamp";
import { RegisterClusterForm } from "@/components/clusters/register-cluster-form";

export const metadata: Metadata = { title: "Clusters" };

// The same rules as deploy/kubernetes/base/clusterrole.yaml (tests/unit/platform checks it): exactly the verbs the watcher uses.
const CLUSTER_ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: logbook-watcher
rules:
  - apiGroups: ["apps"]
    resources: ["deployments", "statefulsets", "daemonsets"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["pods", "events"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["get"]
  - apiGroups: ["batch"]
    resources: ["jobs"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["kustomize.toolkit.fluxcd.io"]
    resources: ["kustomizations"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["helm.toolkit.fluxcd.io"]
    resources: ["helmreleases"]
    verbs: ["get", "list", "watch"]`;

const STATUS_BADGE = { watching: "success", connecting: "muted", error: "destructive" } as const;

export default async function ClustersSettingsPage() {
  const ctx = await getPageContext("settings:manage");
  const { items } = await listClusters(ctx);
  return (
    <>
      <PageHeader title="Clusters" description="Kubernetes clusters Logbook watches: rollouts become changes, Warning events and failing pods become signals on the incident." />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="clusters-list" className="flex flex-col gap-2">
          <h2 id="clusters-list" className="text-sm font-semibold">Registered clusters</h2>
          <div className="rounded-lg border border-border bg-card shadow-xs">
            {items.length === 0 ? (
              <EmptyState icon={<Boxes aria-hidden />} title="No cluster is watched yet">
                Register one below with a kubeconfig whose user is bound to the read-only ClusterRole.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-border" data-testid="cluster-list">
                {items.map((c) => (
                  <li key={c.id} className="flex flex-col gap-1 px-5 py-3 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{c.name}</span>
                      {c.environment && <Badge variant="muted">{c.environment}</Badge>}
                      <Badge variant={STATUS_BADGE[c.status]}>{c.status}</Badge>
                      <span className="text-xs text-muted-foreground">{c.namespaces.length > 0 ? c.namespaces.join(", ") : "all namespaces"}</span>
                    </div>
                    {c.error && <p className="text-xs text-destructive">{c.error}</p>}
                    <p className="text-xs text-muted-foreground">
                      Last event: {c.lastEventAt ? <Timestamp value={c.lastEventAt} precision="minutes" /> : "none yet"}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Register a cluster</h2>
            </CardTitle>
            <CardDescription>By kubeconfig, or by the service account when Logbook runs in the cluster.</CardDescription>
          </CardHeader>
          <CardContent>
            <RegisterClusterForm />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Read-only ClusterRole</h2>
            </CardTitle>
            <CardDescription>Bind this to the watcher&apos;s user or service account: get, list and watch on what it follows, get on pod logs. Nothing else.</CardDescription>
          </CardHeader>
          <CardContent>
            <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs" data-testid="cluster-role">{CLUSTER_ROLE}</pre>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
