"use client";

import { useState } from "react";
import { Loader2 } from "lucide-react";
import type { ClusterView } from "@/lib/services/clusters/views";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";

interface RegisterClusterBody {
  name: string;
  environment?: string;
  kubeconfig?: string;
  inCluster?: true;
  namespaces?: string[];
}

/** Registers a cluster; the kubeconfig is write-only (stored encrypted, cleared from the page once saved). */
export function RegisterClusterForm() {
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState("");
  const [kubeconfig, setKubeconfig] = useState("");
  const [inCluster, setInCluster] = useState(false);
  const [namespaces, setNamespaces] = useState("");
  const { mutation, fieldErrors, formError } = useCreateMutation<RegisterClusterBody, ClusterView>("/api/v1/clusters", {
    success: (saved) => `Cluster ${saved.name} registered; the watcher connects within seconds`,
    onSuccess: () => {
      setKubeconfig("");
      setName("");
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const scoped = namespaces.split(",").map((n) => n.trim()).filter(Boolean);
    mutation.mutate({
      name: name.trim(),
      environment: environment.trim() || undefined,
      ...(inCluster ? { inCluster: true as const } : { kubeconfig }),
      namespaces: scoped.length > 0 ? scoped : undefined,
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label="Register a cluster">
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="cluster-name">Name</Label>
          <Input id="cluster-name" required maxLength={100} placeholder="e.g. prod-eu-1" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={fieldErrors.name ? true : undefined} />
          <FieldError id="cluster-name-error" message={fieldErrors.name} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="cluster-environment">Environment (optional)</Label>
          <Input id="cluster-environment" maxLength={50} placeholder="e.g. production" value={environment} onChange={(e) => setEnvironment(e.target.value)} />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={inCluster} onChange={(e) => setInCluster(e.target.checked)} />
        Logbook runs in this cluster: use its service account
      </label>
      {!inCluster && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="cluster-kubeconfig">Kubeconfig (YAML)</Label>
          <Textarea id="cluster-kubeconfig" rows={8} spellCheck={false} autoComplete="off" className="font-mono text-xs" value={kubeconfig} onChange={(e) => setKubeconfig(e.target.value)} aria-invalid={fieldErrors.kubeconfig ? true : undefined} aria-describedby="cluster-kubeconfig-hint" />
          <FieldError id="cluster-kubeconfig-error" message={fieldErrors.kubeconfig} />
          <p id="cluster-kubeconfig-hint" className="text-xs text-muted-foreground">Its current context is used. It is stored encrypted and never shown again.</p>
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="cluster-namespaces">Namespaces (optional)</Label>
        <Input id="cluster-namespaces" placeholder="all namespaces; or e.g. payments, checkout" value={namespaces} onChange={(e) => setNamespaces(e.target.value)} />
        <FieldError id="cluster-namespaces-error" message={fieldErrors.namespaces} />
      </div>
      <FormAlert message={formError} />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
          Register cluster
        </Button>
      </div>
    </form>
  );
}
