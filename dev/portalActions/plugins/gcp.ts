import { PortalPlugin, portalAction } from '../types';

export const gcpPlugin: PortalPlugin = {
  pluginId: 'gcp',
  actions: [
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description:
        'Lists Google Cloud projects visible to the portal service account, optionally under a single folder.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          parent: z
            .string()
            .regex(/^(folders|organizations)\/\d+$/)
            .optional()
            .describe('folders/123 or organizations/456'),
          labels: z
            .record(z.string())
            .optional()
            .describe('Projects must carry all of these labels'),
          pageSize: z.number().int().min(1).max(500).default(100),
          pageToken: z.string().optional(),
        }),
      output: z =>
        z.object({
          projects: z.array(
            z.object({
              projectId: z.string(),
              projectNumber: z.string(),
              displayName: z.string(),
              state: z.enum(['ACTIVE', 'DELETE_REQUESTED']),
              labels: z.record(z.string()),
            }),
          ),
          nextPageToken: z.string().optional(),
        }),
      example: {
        parent: 'folders/418203776512',
        labels: { team: 'search' },
        pageSize: 50,
      },
      run: input => ({
        projects: [
          {
            projectId: 'search-prod-7c2e',
            projectNumber: '804411209367',
            displayName: 'Search Production',
            state: 'ACTIVE' as const,
            labels: { ...input.labels, env: 'prod' },
          },
          {
            projectId: 'search-dev-19ab',
            projectNumber: '804411209912',
            displayName: 'Search Dev',
            state: 'ACTIVE' as const,
            labels: { ...input.labels, env: 'dev' },
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-project-iam-policy',
      title: 'Get Project IAM Policy',
      description:
        'Returns the IAM policy of a project. The etag in the response must be sent back with any change to avoid overwriting concurrent edits.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
          role: z
            .string()
            .optional()
            .describe('Only return bindings for this role, e.g. roles/viewer'),
        }),
      output: z =>
        z.object({
          version: z.number().int(),
          etag: z.string(),
          bindings: z.array(
            z.object({
              role: z.string(),
              members: z.array(z.string()),
              condition: z
                .object({ title: z.string(), expression: z.string() })
                .optional(),
            }),
          ),
        }),
      example: { projectId: 'search-prod-7c2e' },
      run: input => ({
        version: 3,
        etag: 'BwYZ3l0aB1k=',
        bindings: [
          {
            role: input.role ?? 'roles/viewer',
            members: [
              'group:search-eng@example.com',
              'serviceAccount:backstage@platform-tools.iam.gserviceaccount.com',
            ],
          },
          {
            role: 'roles/bigquery.dataEditor',
            members: [
              'serviceAccount:ranking-etl@search-prod-7c2e.iam.gserviceaccount.com',
            ],
            condition: {
              title: 'expires-2024-q3',
              expression: 'request.time < timestamp("2024-10-01T00:00:00Z")',
            },
          },
        ].filter(b => !input.role || b.role === input.role),
      }),
    }),
    portalAction({
      name: 'add-iam-binding',
      title: 'Add IAM Binding',
      description:
        'Grants a role to one or more members on a project. Members that already hold the role are left as they are.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          role: z
            .string()
            .regex(/^(roles|projects\/[^/]+\/roles)\/[A-Za-z0-9_.]+$/),
          members: z
            .array(z.string().regex(/^(user|group|serviceAccount|domain):.+$/))
            .min(1)
            .describe('Prefixed principals, e.g. user:ana@example.com'),
          condition: z
            .object({
              title: z.string(),
              description: z.string().optional(),
              expression: z.string().describe('CEL expression'),
            })
            .optional(),
          justification: z
            .string()
            .min(10)
            .describe('Recorded in the audit log'),
        }),
      output: z =>
        z.object({
          etag: z.string(),
          added: z.array(z.string()),
          alreadyPresent: z.array(z.string()),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        role: 'roles/logging.viewer',
        members: ['user:ana@example.com'],
        condition: {
          title: 'incident-4411',
          expression: 'request.time < timestamp("2024-06-09T00:00:00Z")',
        },
        justification: 'Investigating INC-4411 query latency',
      },
      run: input => ({
        etag: 'BwYZ3m1cQ2o=',
        added: input.members,
        alreadyPresent: [],
      }),
    }),
    portalAction({
      name: 'remove-iam-binding',
      title: 'Remove IAM Binding',
      description: 'Revokes a role from the listed members on a project.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          role: z.string(),
          members: z.array(z.string()).min(1),
        }),
      output: z =>
        z.object({
          etag: z.string(),
          removed: z.array(z.string()),
          notFound: z.array(z.string()),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        role: 'roles/logging.viewer',
        members: ['user:ana@example.com'],
      },
      run: input => ({
        etag: 'BwYZ3n7dT5s=',
        removed: input.members,
        notFound: [],
      }),
    }),
    portalAction({
      name: 'list-compute-instances',
      title: 'List Compute Instances',
      description:
        'Lists Compute Engine VMs in a project, across all zones unless one is given. The filter uses the Compute API filter syntax.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          zone: z
            .string()
            .regex(/^[a-z]+-[a-z]+\d-[a-z]$/)
            .optional()
            .describe('e.g. europe-west1-b'),
          filter: z
            .string()
            .optional()
            .describe('e.g. status = RUNNING AND labels.team = search'),
          maxResults: z.number().int().min(1).max(500).default(500),
          pageToken: z.string().optional(),
        }),
      output: z =>
        z.object({
          instances: z.array(
            z.object({
              name: z.string(),
              zone: z.string(),
              machineType: z.string(),
              status: z.enum([
                'PROVISIONING',
                'STAGING',
                'RUNNING',
                'STOPPING',
                'STOPPED',
                'SUSPENDED',
                'TERMINATED',
              ]),
              networkIp: z.string().optional(),
              preemptible: z.boolean(),
              labels: z.record(z.string()),
            }),
          ),
          nextPageToken: z.string().optional(),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        filter: 'labels.team = search',
        maxResults: 100,
      },
      run: input => ({
        instances: [
          {
            name: 'es-data-0',
            zone: input.zone ?? 'europe-west1-b',
            machineType: 'n2-highmem-8',
            status: 'RUNNING' as const,
            networkIp: '10.132.0.14',
            preemptible: false,
            labels: { team: 'search', role: 'elasticsearch' },
          },
        ],
      }),
    }),
    portalAction({
      name: 'resize-instance-group',
      title: 'Resize Instance Group',
      description:
        'Sets the target size of a managed instance group. Has no effect while an autoscaler controls the group; the response says so.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          location: z.string().describe('Zone or region of the group'),
          instanceGroupManager: z.string(),
          size: z.number().int().min(0).max(1000),
        }),
      output: z =>
        z.object({
          operation: z.string(),
          targetSize: z.number().int(),
          autoscaled: z.boolean(),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        location: 'europe-west1',
        instanceGroupManager: 'query-frontend-mig',
        size: 6,
      },
      run: input => ({
        operation: `operation-1717315200000-${input.instanceGroupManager}`,
        targetSize: input.size,
        autoscaled: false,
      }),
    }),
    portalAction({
      name: 'list-gke-clusters',
      title: 'List GKE Clusters',
      description:
        'Lists GKE clusters in a project with version, status and node count.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          location: z
            .string()
            .default('-')
            .describe('Region or zone; "-" for all'),
        }),
      output: z =>
        z.object({
          clusters: z.array(
            z.object({
              name: z.string(),
              location: z.string(),
              status: z.enum([
                'RUNNING',
                'PROVISIONING',
                'RECONCILING',
                'STOPPING',
                'ERROR',
                'DEGRADED',
              ]),
              currentMasterVersion: z.string(),
              currentNodeCount: z.number().int(),
              autopilot: z.boolean(),
              releaseChannel: z.enum([
                'RAPID',
                'REGULAR',
                'STABLE',
                'UNSPECIFIED',
              ]),
            }),
          ),
        }),
      example: { projectId: 'search-prod-7c2e', location: '-' },
      run: input => ({
        clusters: [
          {
            name: 'search-prod-euw1',
            location: input.location === '-' ? 'europe-west1' : input.location,
            status: 'RUNNING' as const,
            currentMasterVersion: '1.29.4-gke.1043002',
            currentNodeCount: 18,
            autopilot: false,
            releaseChannel: 'REGULAR' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'describe-gke-node-pools',
      title: 'Describe GKE Node Pools',
      description:
        'Describes the node pools of a cluster: machine type, autoscaling limits, version skew against the control plane and any pending upgrade.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          location: z.string(),
          cluster: z.string(),
        }),
      output: z =>
        z.object({
          nodePools: z.array(
            z.object({
              name: z.string(),
              machineType: z.string(),
              version: z.string(),
              nodeCount: z.number().int(),
              autoscaling: z
                .object({
                  minNodeCount: z.number().int(),
                  maxNodeCount: z.number().int(),
                })
                .optional(),
              spot: z.boolean(),
              upgradeAvailable: z.string().optional(),
            }),
          ),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        location: 'europe-west1',
        cluster: 'search-prod-euw1',
      },
      run: () => ({
        nodePools: [
          {
            name: 'default-pool',
            machineType: 'e2-standard-8',
            version: '1.29.4-gke.1043002',
            nodeCount: 6,
            autoscaling: { minNodeCount: 3, maxNodeCount: 12 },
            spot: false,
          },
          {
            name: 'batch-spot',
            machineType: 'n2-standard-16',
            version: '1.28.9-gke.1000000',
            nodeCount: 12,
            autoscaling: { minNodeCount: 0, maxNodeCount: 40 },
            spot: true,
            upgradeAvailable: '1.29.4-gke.1043002',
          },
        ],
      }),
    }),
    portalAction({
      name: 'upgrade-gke-node-pool',
      title: 'Upgrade GKE Node Pool',
      description:
        'Starts a surge upgrade of a node pool to the given version. Nodes are drained one batch at a time, so pods without disruption budgets may restart all at once.',
      input: z =>
        z.object({
          projectId: z.string(),
          location: z.string(),
          cluster: z.string(),
          nodePool: z.string(),
          nodeVersion: z
            .string()
            .regex(/^\d+\.\d+\.\d+-gke\.\d+$/)
            .describe('Must not be newer than the control plane'),
          upgradeSettings: z
            .object({
              maxSurge: z.number().int().min(0).max(20).default(1),
              maxUnavailable: z.number().int().min(0).max(20).default(0),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          operation: z.string(),
          status: z.enum(['PENDING', 'RUNNING']),
          targetVersion: z.string(),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        location: 'europe-west1',
        cluster: 'search-prod-euw1',
        nodePool: 'batch-spot',
        nodeVersion: '1.29.4-gke.1043002',
        upgradeSettings: { maxSurge: 2, maxUnavailable: 0 },
      },
      run: input => ({
        operation: `operation-upgrade-${input.nodePool}-1717315200`,
        status: 'PENDING' as const,
        targetVersion: input.nodeVersion,
      }),
    }),
    portalAction({
      name: 'list-cloud-run-services',
      title: 'List Cloud Run Services',
      description:
        'Lists Cloud Run services in a region together with the URL and latest ready revision.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          region: z.string().default('europe-west1'),
        }),
      output: z =>
        z.object({
          services: z.array(
            z.object({
              name: z.string(),
              uri: z.string(),
              latestReadyRevision: z.string(),
              ingress: z.enum([
                'all',
                'internal',
                'internal-and-cloud-load-balancing',
              ]),
              lastModifier: z.string().optional(),
            }),
          ),
        }),
      example: { projectId: 'search-prod-7c2e', region: 'europe-west1' },
      run: input => ({
        services: [
          {
            name: 'suggest-api',
            uri: `https://suggest-api-3kq7xv2a-${input.region === 'europe-west1' ? 'ew' : 'uc'}.a.run.app`,
            latestReadyRevision: 'suggest-api-00042-vex',
            ingress: 'internal-and-cloud-load-balancing' as const,
            lastModifier: 'cloudbuild@search-prod-7c2e.iam.gserviceaccount.com',
          },
        ],
      }),
    }),
    portalAction({
      name: 'deploy-cloud-run-revision',
      title: 'Deploy Cloud Run Revision',
      description:
        'Deploys a new revision of a Cloud Run service from a container image. By default the revision receives no traffic until split-cloud-run-traffic is used.',
      input: z =>
        z.object({
          projectId: z.string(),
          region: z.string(),
          service: z.string(),
          image: z
            .string()
            .regex(/^[a-z0-9.-]+\/[^\s]+[:@][^\s]+$/)
            .describe('Fully qualified image with tag or digest'),
          env: z
            .record(z.string())
            .optional()
            .describe('Environment variables to set on the revision'),
          resources: z
            .object({
              cpu: z.enum(['1', '2', '4', '8']).default('1'),
              memory: z
                .string()
                .regex(/^\d+(Mi|Gi)$/)
                .default('512Mi'),
            })
            .optional(),
          scaling: z
            .object({
              minInstances: z.number().int().min(0).max(100).default(0),
              maxInstances: z.number().int().min(1).max(1000).default(100),
            })
            .optional(),
          sendTraffic: z
            .boolean()
            .default(false)
            .describe('Route 100% of traffic to the new revision'),
          tag: z
            .string()
            .regex(/^[a-z][a-z0-9-]{0,45}$/)
            .optional()
            .describe('Revision tag for a dedicated URL'),
        }),
      output: z =>
        z.object({
          revision: z.string(),
          taggedUrl: z.string().optional(),
          trafficPercent: z.number().int(),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        region: 'europe-west1',
        service: 'suggest-api',
        image:
          'europe-docker.pkg.dev/search-prod-7c2e/services/suggest-api:1.18.0',
        env: { LOG_LEVEL: 'info', FEATURE_TYPO_TOLERANCE: 'true' },
        resources: { cpu: '2', memory: '1Gi' },
        scaling: { minInstances: 1, maxInstances: 40 },
        sendTraffic: false,
        tag: 'canary',
      },
      run: input => ({
        revision: `${input.service}-00043-kol`,
        taggedUrl: input.tag
          ? `https://${input.tag}---${input.service}-3kq7xv2a-ew.a.run.app`
          : undefined,
        trafficPercent: input.sendTraffic ? 100 : 0,
      }),
    }),
    portalAction({
      name: 'split-cloud-run-traffic',
      title: 'Split Cloud Run Traffic',
      description:
        'Sets how traffic is divided between revisions of a service. Percentages must add up to 100.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          region: z.string(),
          service: z.string(),
          traffic: z
            .array(
              z.object({
                revision: z
                  .string()
                  .optional()
                  .describe('Omit together with latest=true'),
                latest: z.boolean().default(false),
                percent: z.number().int().min(0).max(100),
              }),
            )
            .min(1),
        }),
      output: z =>
        z.object({
          service: z.string(),
          traffic: z.array(
            z.object({ revision: z.string(), percent: z.number().int() }),
          ),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        region: 'europe-west1',
        service: 'suggest-api',
        traffic: [
          { revision: 'suggest-api-00042-vex', latest: false, percent: 90 },
          { revision: 'suggest-api-00043-kol', latest: false, percent: 10 },
        ],
      },
      run: input => ({
        service: input.service,
        traffic: input.traffic.map(t => ({
          revision: t.revision ?? `${input.service}-latest`,
          percent: t.percent,
        })),
      }),
    }),
    portalAction({
      name: 'estimate-bigquery-query-cost',
      title: 'Estimate BigQuery Query Cost',
      description:
        'Dry-runs a query to report how many bytes it would scan and what that costs at on-demand pricing. The query is not executed.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string().describe('Project that would be billed'),
          query: z.string().min(1).max(100000).describe('Standard SQL'),
          location: z
            .enum(['US', 'EU', 'europe-west1', 'us-central1'])
            .default('EU'),
          pricePerTib: z.number().positive().default(6.25),
        }),
      output: z =>
        z.object({
          totalBytesProcessed: z.number().int(),
          estimatedCostUsd: z.number(),
          referencedTables: z.array(z.string()),
          cacheHit: z.boolean(),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        query:
          "SELECT query, COUNT(*) AS n FROM `search-prod-7c2e.logs.queries` WHERE DATE(ts) = '2024-06-01' GROUP BY query",
        location: 'EU',
        pricePerTib: 6.25,
      },
      run: input => {
        const bytes = 182536110080;
        return {
          totalBytesProcessed: bytes,
          estimatedCostUsd:
            Math.round((bytes / 1099511627776) * input.pricePerTib * 100) / 100,
          referencedTables: (input.query.match(/`([^`]+)`/g) ?? []).map(t =>
            t.replace(/`/g, ''),
          ),
          cacheHit: false,
        };
      },
    }),
    portalAction({
      name: 'list-bigquery-datasets',
      title: 'List BigQuery Datasets',
      description:
        'Lists datasets in a project with location, default table expiration and labels.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          includeHidden: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          datasets: z.array(
            z.object({
              datasetId: z.string(),
              location: z.string(),
              defaultTableExpirationDays: z.number().int().optional(),
              labels: z.record(z.string()),
            }),
          ),
        }),
      example: { projectId: 'search-prod-7c2e', includeHidden: false },
      run: input => ({
        datasets: [
          {
            datasetId: 'logs',
            location: 'EU',
            defaultTableExpirationDays: 400,
            labels: { team: 'search' } as Record<string, string>,
          },
          {
            datasetId: 'ranking_features',
            location: 'EU',
            labels: { team: 'search', pii: 'false' } as Record<string, string>,
          },
          ...(input.includeHidden
            ? [
                {
                  datasetId: '_scratch',
                  location: 'EU',
                  defaultTableExpirationDays: 1,
                  labels: {} as Record<string, string>,
                },
              ]
            : []),
        ],
      }),
    }),
    portalAction({
      name: 'list-pubsub-subscriptions',
      title: 'List Pub/Sub Subscriptions',
      description:
        'Lists subscriptions in a project with their topic, ack deadline and current backlog. Backlog figures come from Cloud Monitoring and lag by up to two minutes.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          topic: z
            .string()
            .optional()
            .describe('Only subscriptions attached to this topic'),
        }),
      output: z =>
        z.object({
          subscriptions: z.array(
            z.object({
              name: z.string(),
              topic: z.string(),
              type: z.enum(['pull', 'push', 'bigquery', 'cloud-storage']),
              ackDeadlineSeconds: z.number().int(),
              backlog: z.object({
                undeliveredMessages: z.number().int(),
                oldestUnackedAgeSeconds: z.number().int(),
              }),
              deadLetterTopic: z.string().optional(),
            }),
          ),
        }),
      example: { projectId: 'search-prod-7c2e', topic: 'index-updates' },
      run: input => ({
        subscriptions: [
          {
            name: `projects/${input.projectId}/subscriptions/indexer-worker`,
            topic: `projects/${input.projectId}/topics/${input.topic ?? 'index-updates'}`,
            type: 'pull' as const,
            ackDeadlineSeconds: 60,
            backlog: { undeliveredMessages: 1284, oldestUnackedAgeSeconds: 47 },
            deadLetterTopic: `projects/${input.projectId}/topics/index-updates-dlq`,
          },
        ],
      }),
    }),
    portalAction({
      name: 'purge-pubsub-backlog',
      title: 'Purge Pub/Sub Backlog',
      description:
        'Acknowledges every message currently in a subscription by seeking it to the present time. The dropped messages cannot be recovered unless message retention on the topic is enabled.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          projectId: z.string(),
          subscription: z.string(),
          confirmSubscriptionName: z
            .string()
            .describe('Repeat the subscription name to confirm'),
        }),
      output: z =>
        z.object({
          subscription: z.string(),
          purgedApproximately: z.number().int(),
        }),
      example: {
        projectId: 'search-prod-7c2e',
        subscription: 'indexer-worker',
        confirmSubscriptionName: 'indexer-worker',
      },
      run: input => ({
        subscription: `projects/${input.projectId}/subscriptions/${input.subscription}`,
        purgedApproximately:
          input.subscription === input.confirmSubscriptionName ? 1284 : 0,
      }),
    }),
    portalAction({
      name: 'read-log-entries',
      title: 'Read Log Entries',
      description:
        'Reads entries from Cloud Logging using the Logging query language. Queries without a timestamp restriction only look back one hour.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          resourceNames: z
            .array(z.string().regex(/^projects\/[a-z0-9-]+$/))
            .min(1)
            .describe('e.g. projects/search-prod-7c2e'),
          filter: z
            .string()
            .describe('e.g. severity>=ERROR AND resource.type="k8s_container"'),
          orderBy: z
            .enum(['timestamp asc', 'timestamp desc'])
            .default('timestamp desc'),
          pageSize: z.number().int().min(1).max(1000).default(50),
          pageToken: z.string().optional(),
        }),
      output: z =>
        z.object({
          entries: z.array(
            z.object({
              timestamp: z.string(),
              severity: z.enum([
                'DEFAULT',
                'DEBUG',
                'INFO',
                'NOTICE',
                'WARNING',
                'ERROR',
                'CRITICAL',
                'ALERT',
                'EMERGENCY',
              ]),
              logName: z.string(),
              resource: z.object({
                type: z.string(),
                labels: z.record(z.string()),
              }),
              textPayload: z.string().optional(),
              jsonPayload: z.record(z.unknown()).optional(),
            }),
          ),
          nextPageToken: z.string().optional(),
        }),
      example: {
        resourceNames: ['projects/search-prod-7c2e'],
        filter:
          'severity>=ERROR AND resource.labels.container_name="suggest-api"',
        orderBy: 'timestamp desc',
        pageSize: 20,
      },
      run: input => ({
        entries: [
          {
            timestamp: '2024-06-02T08:14:03.221Z',
            severity: 'ERROR' as const,
            logName: `${input.resourceNames[0]}/logs/stderr`,
            resource: {
              type: 'k8s_container',
              labels: {
                cluster_name: 'search-prod-euw1',
                container_name: 'suggest-api',
              },
            },
            jsonPayload: {
              message: 'upstream timeout after 2000ms',
              route: '/v1/suggest',
            },
          },
        ],
        nextPageToken: 'EAA4wJ2_dGluZw',
      }),
    }),
    portalAction({
      name: 'enable-service-api',
      title: 'Enable Service API',
      description:
        'Enables a Google Cloud API on a project, such as run.googleapis.com.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          service: z.string().regex(/^[a-z0-9.-]+\.googleapis\.com$/),
        }),
      output: z =>
        z.object({
          service: z.string(),
          state: z.enum(['ENABLED', 'ENABLING']),
        }),
      example: {
        projectId: 'search-dev-19ab',
        service: 'aiplatform.googleapis.com',
      },
      run: input => ({ service: input.service, state: 'ENABLED' as const }),
    }),
    portalAction({
      name: 'list-billing-budgets',
      title: 'List Billing Budgets',
      description:
        'Lists Cloud Billing budgets on a billing account that cover the given project, with actual spend so far this period.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          billingAccount: z
            .string()
            .regex(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/)
            .describe('Billing account ID, e.g. 01A2B3-C4D5E6-F7A8B9'),
          projectId: z.string().optional(),
        }),
      output: z =>
        z.object({
          budgets: z.array(
            z.object({
              displayName: z.string(),
              amount: z.object({ currencyCode: z.string(), units: z.number() }),
              spentSoFar: z.number(),
              thresholdPercents: z.array(z.number()),
            }),
          ),
        }),
      example: {
        billingAccount: '01A2B3-C4D5E6-F7A8B9',
        projectId: 'search-prod-7c2e',
      },
      run: () => ({
        budgets: [
          {
            displayName: 'search-prod monthly',
            amount: { currencyCode: 'USD', units: 30000 },
            spentSoFar: 2214.87,
            thresholdPercents: [0.5, 0.9, 1],
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-operation',
      title: 'Get Operation',
      description:
        'Polls a long-running operation returned by another GCP action.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ operation: z.string().min(1) }),
      output: z =>
        z.object({
          name: z.string(),
          done: z.boolean(),
          progressPercent: z.number().int().min(0).max(100).optional(),
          error: z
            .object({ code: z.number().int(), message: z.string() })
            .optional(),
        }),
      example: { operation: 'operation-upgrade-batch-spot-1717315200' },
      run: input => ({
        name: input.operation,
        done: false,
        progressPercent: 40,
      }),
    }),
    portalAction({
      name: 'list-service-accounts',
      title: 'List Service Accounts',
      description:
        'Lists service accounts in a project with their user-managed keys. Keys older than maxKeyAgeDays are flagged so they can be rotated.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          maxKeyAgeDays: z.number().int().min(1).max(3650).default(90),
        }),
      output: z =>
        z.object({
          accounts: z.array(
            z.object({
              email: z.string(),
              displayName: z.string().optional(),
              disabled: z.boolean(),
              keys: z.array(
                z.object({
                  keyId: z.string(),
                  createdAt: z.string(),
                  stale: z.boolean(),
                }),
              ),
            }),
          ),
        }),
      example: { projectId: 'search-prod-7c2e', maxKeyAgeDays: 90 },
      run: input => ({
        accounts: [
          {
            email: `ranking-etl@${input.projectId}.iam.gserviceaccount.com`,
            displayName: 'Ranking ETL',
            disabled: false,
            keys: [
              {
                keyId: '9f3c1e0d7a2b4c5e6f708192a3b4c5d6e7f80912',
                createdAt: '2023-08-14T09:00:00Z',
                stale: true,
              },
            ],
          },
          {
            email: `suggest-api@${input.projectId}.iam.gserviceaccount.com`,
            disabled: false,
            keys: [],
          },
        ],
      }),
    }),
  ],
};
