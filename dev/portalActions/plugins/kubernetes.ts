import { PortalPlugin, portalAction } from '../types';

export const kubernetesPlugin: PortalPlugin = {
  pluginId: 'kubernetes',
  actions: [
    portalAction({
      name: 'list-clusters',
      title: 'List Clusters',
      description:
        'Lists the Kubernetes clusters configured for the portal, with their auth provider and whether the dashboard link is set.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          includeSkipped: z
            .boolean()
            .default(false)
            .describe('Also return clusters marked skipMetricsLookup'),
        }),
      output: z =>
        z.object({
          clusters: z.array(
            z.object({
              name: z.string(),
              authProvider: z.enum([
                'serviceAccount',
                'google',
                'aws',
                'azure',
                'oidc',
              ]),
              dashboardUrl: z.string().optional(),
              skipMetricsLookup: z.boolean(),
            }),
          ),
        }),
      example: { includeSkipped: true },
      run: input => ({
        clusters: [
          {
            name: 'prod-eu-west-1',
            authProvider: 'aws' as const,
            dashboardUrl: 'https://k8s-dashboard.prod-eu.example.com',
            skipMetricsLookup: false,
          },
          {
            name: 'prod-us-east-1',
            authProvider: 'aws' as const,
            skipMetricsLookup: false,
          },
          ...(input.includeSkipped
            ? [
                {
                  name: 'sandbox-gke',
                  authProvider: 'google' as const,
                  skipMetricsLookup: true,
                },
              ]
            : []),
        ],
      }),
    }),
    portalAction({
      name: 'list-namespaces',
      title: 'List Namespaces',
      description: 'Returns the namespaces of one cluster.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string().min(1).describe('Cluster name as configured'),
          labelSelector: z
            .string()
            .optional()
            .describe('Kubernetes label selector, e.g. team=payments'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          namespaces: z.array(
            z.object({
              name: z.string(),
              phase: z.enum(['Active', 'Terminating']),
              labels: z.record(z.string()),
            }),
          ),
        }),
      example: { cluster: 'prod-eu-west-1', labelSelector: 'team=payments' },
      run: input => ({
        cluster: input.cluster,
        namespaces: [
          {
            name: 'payments',
            phase: 'Active' as const,
            labels: { team: 'payments', 'istio-injection': 'enabled' },
          },
          {
            name: 'payments-jobs',
            phase: 'Active' as const,
            labels: { team: 'payments', 'istio-injection': 'disabled' },
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-workloads',
      title: 'List Workloads for Entity',
      description:
        "Finds every Deployment, StatefulSet, DaemonSet and CronJob that carries the entity's kubernetes-id label, across all clusters the caller may see. Clusters that fail to answer are listed under errors rather than failing the whole call.",
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z
            .string()
            .regex(/^[a-z]+:[a-z0-9-]+\/[a-z0-9-]+$/)
            .describe('Catalog entity ref, e.g. component:default/checkout'),
          kinds: z
            .array(
              z.enum(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob']),
            )
            .optional()
            .describe('Restrict to these workload kinds'),
          clusters: z
            .array(z.string())
            .optional()
            .describe('Only query these clusters'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          workloads: z.array(
            z.object({
              cluster: z.string(),
              namespace: z.string(),
              kind: z.string(),
              name: z.string(),
              readyReplicas: z.number().int(),
              desiredReplicas: z.number().int(),
            }),
          ),
          errors: z.array(
            z.object({ cluster: z.string(), message: z.string() }),
          ),
        }),
      example: {
        entityRef: 'component:default/checkout',
        kinds: ['Deployment', 'CronJob'],
      },
      run: input => ({
        entityRef: input.entityRef,
        workloads: [
          {
            cluster: 'prod-eu-west-1',
            namespace: 'checkout',
            kind: 'Deployment',
            name: input.entityRef.split('/')[1],
            readyReplicas: 3,
            desiredReplicas: 3,
          },
          {
            cluster: 'prod-us-east-1',
            namespace: 'checkout',
            kind: 'Deployment',
            name: input.entityRef.split('/')[1],
            readyReplicas: 2,
            desiredReplicas: 3,
          },
        ],
        errors: [{ cluster: 'sandbox-gke', message: 'connect ETIMEDOUT' }],
      }),
    }),
    portalAction({
      name: 'get-deployment',
      title: 'Get Deployment',
      description:
        'Fetches a single Deployment with its strategy, container images and current conditions.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string().describe('Cluster name'),
          namespace: z.string().describe('Namespace of the deployment'),
          name: z.string().describe('Deployment name'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          namespace: z.string(),
          generation: z.number().int(),
          strategy: z.enum(['RollingUpdate', 'Recreate']),
          replicas: z.object({
            desired: z.number().int(),
            ready: z.number().int(),
            updated: z.number().int(),
            available: z.number().int(),
          }),
          containers: z.array(
            z.object({ name: z.string(), image: z.string() }),
          ),
          conditions: z.array(
            z.object({
              type: z.string(),
              status: z.enum(['True', 'False', 'Unknown']),
              reason: z.string().optional(),
            }),
          ),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        name: 'checkout-api',
      },
      run: input => ({
        name: input.name,
        namespace: input.namespace,
        generation: 42,
        strategy: 'RollingUpdate' as const,
        replicas: { desired: 3, ready: 3, updated: 3, available: 3 },
        containers: [
          {
            name: input.name,
            image: `registry.example.com/${input.name}:2024.11.3`,
          },
          { name: 'envoy', image: 'envoyproxy/envoy:v1.31.2' },
        ],
        conditions: [
          {
            type: 'Available',
            status: 'True' as const,
            reason: 'MinimumReplicasAvailable',
          },
          {
            type: 'Progressing',
            status: 'True' as const,
            reason: 'NewReplicaSetAvailable',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-pods',
      title: 'List Pods',
      description:
        'Lists pods in a namespace, optionally narrowed by label selector, phase or node. Results are paginated with an opaque continue token; pass it back to get the next page.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string().describe('Cluster name'),
          namespace: z.string().describe('Namespace to list'),
          filter: z
            .object({
              labelSelector: z.string().optional(),
              phase: z
                .enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'])
                .optional(),
              nodeName: z.string().optional(),
            })
            .optional()
            .describe('Narrow the listing'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .default(100)
            .describe('Page size'),
          continueToken: z
            .string()
            .optional()
            .describe('Token returned by the previous page'),
        }),
      output: z =>
        z.object({
          pods: z.array(
            z.object({
              name: z.string(),
              phase: z.enum([
                'Pending',
                'Running',
                'Succeeded',
                'Failed',
                'Unknown',
              ]),
              nodeName: z.string().optional(),
              restarts: z.number().int(),
              ageSeconds: z.number().int(),
            }),
          ),
          continueToken: z.string().optional(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        filter: { labelSelector: 'app=checkout-api', phase: 'Running' },
        limit: 2,
      },
      run: input => ({
        pods: [
          {
            name: 'checkout-api-7d9f8c6b5-2xkqp',
            phase: input.filter?.phase ?? 'Running',
            nodeName: 'ip-10-0-12-31.eu-west-1.compute.internal',
            restarts: 0,
            ageSeconds: 86400,
          },
          {
            name: 'checkout-api-7d9f8c6b5-h8tzn',
            phase: input.filter?.phase ?? 'Running',
            nodeName: 'ip-10-0-14-7.eu-west-1.compute.internal',
            restarts: 2,
            ageSeconds: 86391,
          },
        ].slice(0, input.limit),
        continueToken: 'eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTIzNDV9',
      }),
    }),
    portalAction({
      name: 'get-pod-logs',
      title: 'Get Pod Logs',
      description:
        'Returns the tail of a container log. Output is capped at 2000 lines regardless of tailLines; use sinceSeconds to look further back.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          podName: z.string().describe('Pod name'),
          container: z
            .string()
            .optional()
            .describe('Container name; required when the pod has several'),
          tailLines: z.number().int().min(1).max(2000).default(200),
          sinceSeconds: z.number().int().min(1).optional(),
          previous: z
            .boolean()
            .default(false)
            .describe('Read the log of the previous, terminated container'),
        }),
      output: z =>
        z.object({
          podName: z.string(),
          container: z.string(),
          lines: z.array(z.string()),
          truncated: z.boolean(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        podName: 'checkout-api-7d9f8c6b5-h8tzn',
        container: 'checkout-api',
        tailLines: 3,
        previous: true,
      },
      run: input => ({
        podName: input.podName,
        container: input.container ?? 'main',
        lines: [
          '2024-11-14T09:12:01Z INFO  starting http server on :8080',
          '2024-11-14T09:12:07Z WARN  payment-gateway latency 1840ms',
          '2024-11-14T09:12:09Z ERROR OOMKilled: memory limit 512Mi reached',
        ].slice(0, input.tailLines),
        truncated: false,
      }),
    }),
    portalAction({
      name: 'describe-pod',
      title: 'Describe Pod',
      description:
        'Gives the kubectl-describe view of a pod: container states, probes, volumes and recent events, as structured data.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          podName: z.string(),
        }),
      output: z =>
        z.object({
          name: z.string(),
          qosClass: z.enum(['Guaranteed', 'Burstable', 'BestEffort']),
          serviceAccount: z.string(),
          containers: z.array(
            z.object({
              name: z.string(),
              state: z.enum(['running', 'waiting', 'terminated']),
              reason: z.string().optional(),
              ready: z.boolean(),
              restartCount: z.number().int(),
              probes: z.object({
                liveness: z.string().optional(),
                readiness: z.string().optional(),
              }),
            }),
          ),
          volumes: z.array(z.object({ name: z.string(), type: z.string() })),
          events: z.array(
            z.object({
              type: z.enum(['Normal', 'Warning']),
              reason: z.string(),
              message: z.string(),
            }),
          ),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        podName: 'checkout-api-7d9f8c6b5-h8tzn',
      },
      run: input => ({
        name: input.podName,
        qosClass: 'Burstable' as const,
        serviceAccount: 'checkout-api',
        containers: [
          {
            name: 'checkout-api',
            state: 'running' as const,
            ready: true,
            restartCount: 2,
            probes: {
              liveness: 'http-get :8080/healthz delay=10s period=10s',
              readiness: 'http-get :8080/ready delay=5s period=5s',
            },
          },
        ],
        volumes: [
          { name: 'config', type: 'ConfigMap' },
          { name: 'kube-api-access-8j2lq', type: 'Projected' },
        ],
        events: [
          {
            type: 'Warning' as const,
            reason: 'BackOff',
            message: 'Back-off restarting failed container checkout-api',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-events',
      title: 'List Events',
      description:
        'Lists recent cluster events for a namespace, newest first. Kubernetes only keeps events for about an hour by default, so older history will not appear.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          involvedObject: z
            .object({
              kind: z.string().describe('e.g. Pod, Deployment'),
              name: z.string(),
            })
            .optional()
            .describe('Only events about this object'),
          type: z.enum(['Normal', 'Warning', 'All']).default('All'),
        }),
      output: z =>
        z.object({
          events: z.array(
            z.object({
              type: z.enum(['Normal', 'Warning']),
              reason: z.string(),
              object: z.string(),
              message: z.string(),
              count: z.number().int(),
              lastSeen: z.string(),
            }),
          ),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        involvedObject: { kind: 'Pod', name: 'checkout-api-7d9f8c6b5-h8tzn' },
        type: 'Warning' as const,
      },
      run: input => ({
        events: [
          {
            type: 'Warning' as const,
            reason: 'Unhealthy',
            object: input.involvedObject
              ? `${input.involvedObject.kind.toLowerCase()}/${input.involvedObject.name}`
              : 'pod/unknown',
            message:
              'Readiness probe failed: HTTP probe failed with statuscode: 503',
            count: 7,
            lastSeen: '2024-11-14T09:14:22Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-resource-usage',
      title: 'Get Resource Usage',
      description:
        'Reports CPU and memory usage against requests and limits for the pods of a workload, taken from metrics-server. Returns an empty list when metrics-server is not installed.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          workload: z.object({
            kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']),
            name: z.string(),
          }),
        }),
      output: z =>
        z.object({
          workload: z.string(),
          pods: z.array(
            z.object({
              pod: z.string(),
              cpu: z.object({
                usageMillicores: z.number(),
                requestMillicores: z.number().optional(),
                limitMillicores: z.number().optional(),
              }),
              memory: z.object({
                usageBytes: z.number(),
                requestBytes: z.number().optional(),
                limitBytes: z.number().optional(),
              }),
            }),
          ),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        workload: { kind: 'Deployment', name: 'checkout-api' },
      },
      run: input => ({
        workload: `${input.workload.kind}/${input.workload.name}`,
        pods: [
          {
            pod: `${input.workload.name}-7d9f8c6b5-2xkqp`,
            cpu: {
              usageMillicores: 212,
              requestMillicores: 250,
              limitMillicores: 1000,
            },
            memory: {
              usageBytes: 398458880,
              requestBytes: 268435456,
              limitBytes: 536870912,
            },
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-services',
      title: 'List Services',
      description: 'Lists Services in a namespace with their type and ports.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
        }),
      output: z =>
        z.object({
          services: z.array(
            z.object({
              name: z.string(),
              type: z.enum([
                'ClusterIP',
                'NodePort',
                'LoadBalancer',
                'ExternalName',
              ]),
              clusterIP: z.string().optional(),
              ports: z.array(
                z.object({
                  name: z.string().optional(),
                  port: z.number().int(),
                  targetPort: z.union([z.number().int(), z.string()]),
                  protocol: z.enum(['TCP', 'UDP', 'SCTP']),
                }),
              ),
            }),
          ),
        }),
      example: { cluster: 'prod-eu-west-1', namespace: 'checkout' },
      run: () => ({
        services: [
          {
            name: 'checkout-api',
            type: 'ClusterIP' as const,
            clusterIP: '172.20.41.118',
            ports: [
              {
                name: 'http',
                port: 80,
                targetPort: 'http',
                protocol: 'TCP' as const,
              },
              {
                name: 'grpc',
                port: 9090,
                targetPort: 9090,
                protocol: 'TCP' as const,
              },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-ingresses',
      title: 'List Ingresses',
      description:
        'Lists Ingress objects and the hosts and paths they route, so you can tell which public URL reaches which service.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z
            .string()
            .optional()
            .describe('Omit to search all namespaces you can read'),
          host: z
            .string()
            .optional()
            .describe('Only ingresses serving this host name'),
        }),
      output: z =>
        z.object({
          ingresses: z.array(
            z.object({
              name: z.string(),
              namespace: z.string(),
              ingressClass: z.string().optional(),
              tls: z.boolean(),
              rules: z.array(
                z.object({
                  host: z.string(),
                  paths: z.array(
                    z.object({
                      path: z.string(),
                      service: z.string(),
                      port: z.number().int(),
                    }),
                  ),
                }),
              ),
            }),
          ),
        }),
      example: { cluster: 'prod-eu-west-1', host: 'shop.example.com' },
      run: input => ({
        ingresses: [
          {
            name: 'checkout-public',
            namespace: input.namespace ?? 'checkout',
            ingressClass: 'nginx',
            tls: true,
            rules: [
              {
                host: input.host ?? 'shop.example.com',
                paths: [
                  { path: '/api/checkout', service: 'checkout-api', port: 80 },
                ],
              },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-rollout-status',
      title: 'Get Rollout Status',
      description:
        'Tells whether the latest rollout of a Deployment or StatefulSet has finished, is still progressing, or has stalled past its progress deadline.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          kind: z.enum(['Deployment', 'StatefulSet']).default('Deployment'),
          name: z.string(),
        }),
      output: z =>
        z.object({
          name: z.string(),
          status: z.enum(['complete', 'progressing', 'stalled']),
          revision: z.number().int(),
          updatedReplicas: z.number().int(),
          totalReplicas: z.number().int(),
          message: z.string(),
        }),
      example: {
        cluster: 'prod-us-east-1',
        namespace: 'checkout',
        kind: 'Deployment',
        name: 'checkout-api',
      },
      run: input => ({
        name: input.name,
        status: 'progressing' as const,
        revision: 18,
        updatedReplicas: 2,
        totalReplicas: 3,
        message: `Waiting for ${input.kind.toLowerCase()} "${input.name}" rollout to finish: 2 of 3 updated replicas are available`,
      }),
    }),
    portalAction({
      name: 'list-cronjobs',
      title: 'List CronJobs',
      description:
        'Lists CronJobs with their schedule, suspension state and the outcome of the last few Jobs they spawned.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          historyLimit: z
            .number()
            .int()
            .min(0)
            .max(10)
            .default(3)
            .describe('How many past Jobs to include per CronJob'),
        }),
      output: z =>
        z.object({
          cronJobs: z.array(
            z.object({
              name: z.string(),
              schedule: z.string(),
              timeZone: z.string().optional(),
              suspended: z.boolean(),
              lastScheduleTime: z.string().optional(),
              recentJobs: z.array(
                z.object({
                  name: z.string(),
                  result: z.enum(['succeeded', 'failed', 'running']),
                  durationSeconds: z.number().optional(),
                }),
              ),
            }),
          ),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'payments-jobs',
        historyLimit: 2,
      },
      run: input => ({
        cronJobs: [
          {
            name: 'settlement-report',
            schedule: '15 2 * * *',
            timeZone: 'Europe/Berlin',
            suspended: false,
            lastScheduleTime: '2024-11-14T01:15:00Z',
            recentJobs: [
              {
                name: 'settlement-report-28857015',
                result: 'succeeded' as const,
                durationSeconds: 412,
              },
              {
                name: 'settlement-report-28855575',
                result: 'failed' as const,
                durationSeconds: 61,
              },
            ].slice(0, input.historyLimit),
          },
        ],
      }),
    }),
    portalAction({
      name: 'scale-deployment',
      title: 'Scale Deployment',
      description:
        'Sets the replica count of a Deployment. If a HorizontalPodAutoscaler manages it, the autoscaler may change the count again shortly after.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          name: z.string().describe('Deployment name'),
          replicas: z
            .number()
            .int()
            .min(0)
            .max(200)
            .describe('Target replica count; 0 stops all pods'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          previousReplicas: z.number().int(),
          replicas: z.number().int(),
          managedByHpa: z.boolean(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        name: 'checkout-api',
        replicas: 5,
      },
      run: input => ({
        name: input.name,
        previousReplicas: 3,
        replicas: input.replicas,
        managedByHpa: false,
      }),
    }),
    portalAction({
      name: 'restart-deployment',
      title: 'Restart Deployment',
      description:
        'Performs a rolling restart by stamping the pod template with a restartedAt annotation, like kubectl rollout restart. Pods are replaced according to the rollout strategy, so there is no downtime for RollingUpdate deployments.',
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          name: z.string(),
          reason: z
            .string()
            .max(200)
            .optional()
            .describe('Recorded as the kubernetes.io/change-cause annotation'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          restartedAt: z.string(),
          newRevision: z.number().int(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        name: 'checkout-api',
        reason: 'Pick up rotated database credentials',
      },
      run: input => ({
        name: input.name,
        restartedAt: '2024-11-14T09:30:00Z',
        newRevision: 19,
      }),
    }),
    portalAction({
      name: 'rollback-deployment',
      title: 'Rollback Deployment',
      description:
        'Rolls a Deployment back to an earlier ReplicaSet revision, or to the previous one when no revision is given. The current pods are replaced.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          name: z.string(),
          toRevision: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Revision to restore; defaults to the previous one'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          fromRevision: z.number().int(),
          toRevision: z.number().int(),
          image: z.string(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        name: 'checkout-api',
        toRevision: 17,
      },
      run: input => ({
        name: input.name,
        fromRevision: 18,
        toRevision: input.toRevision ?? 17,
        image: `registry.example.com/${input.name}:2024.11.2`,
      }),
    }),
    portalAction({
      name: 'delete-pod',
      title: 'Delete Pod',
      description:
        'Deletes a pod. Its controller will normally create a replacement; bare pods are gone for good.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          podName: z.string(),
          gracePeriodSeconds: z
            .number()
            .int()
            .min(0)
            .max(3600)
            .optional()
            .describe('0 forces immediate deletion'),
        }),
      output: z =>
        z.object({
          podName: z.string(),
          deleted: z.boolean(),
          ownerKind: z.string().optional(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        podName: 'checkout-api-7d9f8c6b5-h8tzn',
        gracePeriodSeconds: 30,
      },
      run: input => ({
        podName: input.podName,
        deleted: true,
        ownerKind: 'ReplicaSet',
      }),
    }),
    portalAction({
      name: 'update-resource-limits',
      title: 'Update Resource Limits',
      description:
        'Patches the CPU and memory requests and limits of one container in a workload. This triggers a rollout. Quantities use Kubernetes notation such as 500m or 1Gi.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          workload: z.object({
            kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']),
            name: z.string(),
          }),
          container: z.string().describe('Container to patch'),
          resources: z.object({
            requests: z
              .object({
                cpu: z
                  .string()
                  .regex(/^\d+(\.\d+)?m?$/)
                  .optional(),
                memory: z
                  .string()
                  .regex(/^\d+(Ki|Mi|Gi)?$/)
                  .optional(),
              })
              .optional(),
            limits: z
              .object({
                cpu: z
                  .string()
                  .regex(/^\d+(\.\d+)?m?$/)
                  .optional(),
                memory: z
                  .string()
                  .regex(/^\d+(Ki|Mi|Gi)?$/)
                  .optional(),
              })
              .optional(),
          }),
        }),
      output: z =>
        z.object({
          workload: z.string(),
          container: z.string(),
          applied: z.object({
            requests: z.record(z.string()),
            limits: z.record(z.string()),
          }),
          rolloutTriggered: z.boolean(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'checkout',
        workload: { kind: 'Deployment', name: 'checkout-api' },
        container: 'checkout-api',
        resources: {
          requests: { cpu: '250m', memory: '512Mi' },
          limits: { memory: '1Gi' },
        },
      },
      run: input => {
        const pick = (q?: { cpu?: string; memory?: string }) => {
          const out: Record<string, string> = {};
          if (q?.cpu) out.cpu = q.cpu;
          if (q?.memory) out.memory = q.memory;
          return out;
        };
        return {
          workload: `${input.workload.kind}/${input.workload.name}`,
          container: input.container,
          applied: {
            requests: pick(input.resources.requests),
            limits: pick(input.resources.limits),
          },
          rolloutTriggered: true,
        };
      },
    }),
    portalAction({
      name: 'trigger-cronjob',
      title: 'Trigger CronJob',
      description:
        'Creates a one-off Job from a CronJob template, outside its schedule.',
      input: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          cronJob: z.string().describe('CronJob name'),
          jobName: z
            .string()
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
            .max(52)
            .optional()
            .describe('Name for the new Job; generated when omitted'),
          env: z
            .record(z.string())
            .optional()
            .describe('Extra environment variables for the first container'),
        }),
      output: z =>
        z.object({
          jobName: z.string(),
          namespace: z.string(),
          createdAt: z.string(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        namespace: 'payments-jobs',
        cronJob: 'settlement-report',
        env: { REPORT_DATE: '2024-11-13' },
      },
      run: input => ({
        jobName: input.jobName ?? `${input.cronJob}-manual-x7k2p`,
        namespace: input.namespace,
        createdAt: '2024-11-14T09:41:10Z',
      }),
    }),
    portalAction({
      name: 'cordon-node',
      title: 'Cordon Node',
      description:
        'Marks a node unschedulable so no new pods land on it; running pods stay. Set cordon to false to uncordon. Requires cluster-admin rights in the portal.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          cluster: z.string(),
          nodeName: z.string().describe('Node name as shown by kubectl'),
          cordon: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          nodeName: z.string(),
          unschedulable: z.boolean(),
          podsOnNode: z.number().int(),
        }),
      example: {
        cluster: 'prod-eu-west-1',
        nodeName: 'ip-10-0-14-7.eu-west-1.compute.internal',
        cordon: true,
      },
      run: input => ({
        nodeName: input.nodeName,
        unschedulable: input.cordon,
        podsOnNode: 23,
      }),
    }),
  ],
};
