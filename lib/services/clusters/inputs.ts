import { z } from "zod";

const namespaceName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a Kubernetes namespace name (lowercase letters, digits and dashes)").max(63);

export const registerClusterInput = z
  .strictObject({
    name: z.string().trim().min(1, "name the cluster").max(100),
    environment: z.string().trim().min(1).max(50).optional(),
    kubeconfig: z.string().min(1, "paste the kubeconfig YAML").max(100_000).optional(),
    inCluster: z.literal(true).optional(),
    namespaces: z.array(namespaceName).max(200).optional(),
  })
  .refine((v) => Boolean(v.kubeconfig) !== Boolean(v.inCluster), { message: "give either kubeconfig (YAML) or inCluster: true", path: ["kubeconfig"] });

export const listSignalsQuery = z.strictObject({
  cluster: z.string().optional(),
  namespace: z.string().optional(),
  service: z.string().optional(),
  /** an incident's id or reference: the signals on its timeline (its Cluster panel) */
  incident: z.string().min(1).max(100).optional(),
  since: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time with an offset" }).optional(),
});

export const listWorkloadsQuery = z.strictObject({
  cluster: z.string().optional(),
  namespace: z.string().optional(),
  service: z.string().optional(),
});
