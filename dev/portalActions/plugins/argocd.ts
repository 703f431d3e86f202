import { PortalPlugin, portalAction } from '../types';

export const argocdPlugin: PortalPlugin = {
  pluginId: 'argocd',
  actions: [
    portalAction({
      name: 'list-applications',
      title: 'List Applications',
      description:
        'Lists Argo CD applications, optionally only those in a project or matching a label selector.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          instance: z
            .string()
            .default('main')
            .describe('Argo CD instance name from app-config'),
          project: z.string().optional().describe('Argo CD project'),
          selector: z
            .string()
            .optional()
            .describe('Label selector, e.g. backstage-name=checkout'),
        }),
      output: z =>
        z.object({
          applications: z.array(
            z.object({
              name: z.string(),
              project: z.string(),
              syncStatus: z.enum(['Synced', 'OutOfSync', 'Unknown']),
              healthStatus: z.enum([
                'Healthy',
                'Progressing',
                'Degraded',
                'Suspended',
                'Missing',
                'Unknown',
              ]),
            }),
          ),
        }),
      example: { instance: 'main', project: 'payments' },
      run: input => ({
        applications: [
          {
            name: 'checkout-prod',
            project: input.project ?? 'default',
            syncStatus: 'Synced' as const,
            healthStatus: 'Healthy' as const,
          },
          {
            name: 'checkout-staging',
            project: input.project ?? 'default',
            syncStatus: 'OutOfSync' as const,
            healthStatus: 'Progressing' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-application',
      title: 'Get Application',
      description:
        'Returns the source, destination and current status of one application.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          name: z.string().min(1).describe('Application name'),
          appNamespace: z
            .string()
            .optional()
            .describe('Namespace of the Application resource, if not argocd'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          source: z.object({
            repoURL: z.string(),
            path: z.string().optional(),
            targetRevision: z.string(),
            helm: z.object({ valueFiles: z.array(z.string()) }).optional(),
          }),
          destination: z.object({
            server: z.string(),
            namespace: z.string(),
          }),
          syncPolicy: z.object({
            automated: z.boolean(),
            prune: z.boolean(),
            selfHeal: z.boolean(),
          }),
          status: z.object({
            sync: z.enum(['Synced', 'OutOfSync', 'Unknown']),
            health: z.string(),
            revision: z.string(),
          }),
        }),
      example: { name: 'checkout-prod' },
      run: input => ({
        name: input.name,
        source: {
          repoURL: 'https://github.com/acme/deployments.git',
          path: `apps/${input.name}`,
          targetRevision: 'main',
          helm: { valueFiles: ['values.yaml', 'values-prod.yaml'] },
        },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'checkout',
        },
        syncPolicy: { automated: true, prune: true, selfHeal: false },
        status: {
          sync: 'Synced' as const,
          health: 'Healthy',
          revision: '9f3c2a1e7b4d',
        },
      }),
    }),
    portalAction({
      name: 'get-sync-status',
      title: 'Get Sync Status',
      description: 'Short sync and health summary for an application.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ name: z.string() }),
      output: z =>
        z.object({
          name: z.string(),
          sync: z.enum(['Synced', 'OutOfSync', 'Unknown']),
          health: z.string(),
          operationPhase: z
            .enum(['Running', 'Succeeded', 'Failed', 'Error', 'Terminating'])
            .optional(),
          reconciledAt: z.string(),
        }),
      example: { name: 'checkout-staging' },
      run: input => ({
        name: input.name,
        sync: 'OutOfSync' as const,
        health: 'Progressing',
        operationPhase: 'Running' as const,
        reconciledAt: '2024-11-14T09:02:44Z',
      }),
    }),
    portalAction({
      name: 'get-application-history',
      title: 'Get Application History',
      description:
        'Lists past deployments of an application, newest first, with the revision and who started each sync. Argo CD keeps only the last ten entries unless revisionHistoryLimit says otherwise.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          name: z.string(),
          limit: z.number().int().min(1).max(50).default(10),
        }),
      output: z =>
        z.object({
          history: z.array(
            z.object({
              id: z.number().int(),
              revision: z.string(),
              deployedAt: z.string(),
              initiatedBy: z.string().optional(),
              automated: z.boolean(),
            }),
          ),
        }),
      example: { name: 'checkout-prod', limit: 3 },
      run: input => ({
        history: [
          {
            id: 57,
            revision: '9f3c2a1e7b4d',
            deployedAt: '2024-11-13T16:20:11Z',
            automated: true,
          },
          {
            id: 56,
            revision: '41be07d9c3aa',
            deployedAt: '2024-11-12T10:05:40Z',
            initiatedBy: 'maria.lopez@acme.com',
            automated: false,
          },
          {
            id: 55,
            revision: 'c0d8e61f2b90',
            deployedAt: '2024-11-08T14:47:03Z',
            automated: true,
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description: 'Lists Argo CD projects and their descriptions.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          projects: z.array(
            z.object({ name: z.string(), description: z.string().optional() }),
          ),
        }),
      example: {},
      run: () => ({
        projects: [
          { name: 'default' },
          { name: 'payments', description: 'Checkout, billing and ledgers' },
          { name: 'platform', description: 'Shared cluster add-ons' },
        ],
      }),
    }),
    portalAction({
      name: 'get-project',
      title: 'Get Project',
      description:
        'Shows which source repositories and destinations a project allows, plus its sync windows.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ project: z.string().describe('Project name') }),
      output: z =>
        z.object({
          name: z.string(),
          sourceRepos: z.array(z.string()),
          destinations: z.array(
            z.object({ server: z.string(), namespace: z.string() }),
          ),
          syncWindows: z.array(
            z.object({
              kind: z.enum(['allow', 'deny']),
              schedule: z.string(),
              duration: z.string(),
              manualSync: z.boolean(),
            }),
          ),
        }),
      example: { project: 'payments' },
      run: input => ({
        name: input.project,
        sourceRepos: ['https://github.com/acme/deployments.git'],
        destinations: [
          { server: 'https://kubernetes.default.svc', namespace: 'checkout' },
          { server: 'https://kubernetes.default.svc', namespace: 'billing' },
        ],
        syncWindows: [
          {
            kind: 'deny' as const,
            schedule: '0 22 * * 5',
            duration: '58h',
            manualSync: true,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-resource-tree',
      title: 'Get Resource Tree',
      description:
        'Returns the Kubernetes resources an application manages and the child resources they own, each with its health. Useful for spotting which pod or ReplicaSet makes an app Degraded.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          name: z.string(),
          kinds: z
            .array(z.string())
            .optional()
            .describe('Only nodes of these kinds, e.g. ["Pod","ReplicaSet"]'),
        }),
      output: z =>
        z.object({
          nodes: z.array(
            z.object({
              kind: z.string(),
              name: z.string(),
              namespace: z.string().optional(),
              parent: z.string().optional(),
              health: z
                .object({
                  status: z.string(),
                  message: z.string().optional(),
                })
                .optional(),
            }),
          ),
        }),
      example: { name: 'checkout-prod', kinds: ['Deployment', 'Pod'] },
      run: () => ({
        nodes: [
          {
            kind: 'Deployment',
            name: 'checkout-api',
            namespace: 'checkout',
            health: { status: 'Healthy' },
          },
          {
            kind: 'Pod',
            name: 'checkout-api-7d9f8c6b5-2xkqp',
            namespace: 'checkout',
            parent: 'ReplicaSet/checkout-api-7d9f8c6b5',
            health: { status: 'Healthy' },
          },
        ],
      }),
    }),
    portalAction({
      name: 'compare-revisions',
      title: 'Compare Revisions',
      description:
        'Renders the manifests at two Git revisions and reports which resources would be added, changed or removed. Nothing is applied.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          name: z.string().describe('Application name'),
          baseRevision: z.string().describe('Commit SHA, tag or branch'),
          targetRevision: z.string().describe('Commit SHA, tag or branch'),
          includeDiff: z
            .boolean()
            .default(false)
            .describe('Include a unified diff per changed resource'),
        }),
      output: z =>
        z.object({
          changes: z.array(
            z.object({
              kind: z.string(),
              name: z.string(),
              change: z.enum(['added', 'modified', 'removed']),
              diff: z.string().optional(),
            }),
          ),
        }),
      example: {
        name: 'checkout-prod',
        baseRevision: '41be07d9c3aa',
        targetRevision: 'main',
        includeDiff: true,
      },
      run: input => ({
        changes: [
          {
            kind: 'Deployment',
            name: 'checkout-api',
            change: 'modified' as const,
            diff: input.includeDiff
              ? '-        image: checkout-api:2024.11.2\n+        image: checkout-api:2024.11.3'
              : undefined,
          },
          {
            kind: 'ConfigMap',
            name: 'checkout-feature-flags',
            change: 'added' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-application-sets',
      title: 'List ApplicationSets',
      description:
        'Lists ApplicationSets and how many applications each one currently generates.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          project: z.string().optional(),
        }),
      output: z =>
        z.object({
          applicationSets: z.array(
            z.object({
              name: z.string(),
              generators: z.array(
                z.enum(['list', 'cluster', 'git', 'matrix', 'pullRequest']),
              ),
              applicationCount: z.number().int(),
            }),
          ),
        }),
      example: { project: 'platform' },
      run: () => ({
        applicationSets: [
          {
            name: 'cluster-addons',
            generators: ['cluster' as const, 'git' as const],
            applicationCount: 24,
          },
          {
            name: 'preview-environments',
            generators: ['pullRequest' as const],
            applicationCount: 6,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-application-logs',
      title: 'Get Application Logs',
      description:
        'Streams recent log lines from the pods of an application, merged and sorted by time.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          name: z.string(),
          container: z.string().optional(),
          sinceSeconds: z.number().int().min(1).max(86400).default(600),
          filter: z
            .string()
            .optional()
            .describe('Only lines containing this text'),
        }),
      output: z =>
        z.object({
          entries: z.array(
            z.object({
              timestamp: z.string(),
              pod: z.string(),
              line: z.string(),
            }),
          ),
        }),
      example: { name: 'checkout-prod', sinceSeconds: 300, filter: 'ERROR' },
      run: input => ({
        entries: [
          {
            timestamp: '2024-11-14T09:12:09Z',
            pod: 'checkout-api-7d9f8c6b5-h8tzn',
            line: `${input.filter ?? 'ERROR'} upstream connect error or disconnect/reset before headers`,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-repositories',
      title: 'List Repositories',
      description:
        'Lists the Git and Helm repositories registered in Argo CD and whether Argo CD can currently reach them. Credentials are never returned.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          type: z.enum(['git', 'helm', 'all']).default('all'),
        }),
      output: z =>
        z.object({
          repositories: z.array(
            z.object({
              repo: z.string(),
              type: z.enum(['git', 'helm']),
              connectionState: z.enum(['Successful', 'Failed', 'Unknown']),
              message: z.string().optional(),
            }),
          ),
        }),
      example: { type: 'all' },
      run: () => ({
        repositories: [
          {
            repo: 'https://github.com/acme/deployments.git',
            type: 'git' as const,
            connectionState: 'Successful' as const,
          },
          {
            repo: 'https://charts.bitnami.com/bitnami',
            type: 'helm' as const,
            connectionState: 'Failed' as const,
            message: 'dial tcp: lookup charts.bitnami.com: i/o timeout',
          },
        ],
      }),
    }),
    portalAction({
      name: 'sync-application',
      title: 'Sync Application',
      description:
        'Starts a sync of an application to its target revision, or to a specific revision if given. Returns as soon as the operation is accepted; poll get-sync-status for the outcome.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          name: z.string(),
          revision: z.string().optional(),
          prune: z
            .boolean()
            .default(false)
            .describe('Delete resources no longer in Git'),
          dryRun: z.boolean().default(false),
          resources: z
            .array(
              z.object({
                group: z.string().default(''),
                kind: z.string(),
                name: z.string(),
              }),
            )
            .optional()
            .describe('Sync only these resources'),
          syncOptions: z
            .array(z.string())
            .optional()
            .describe('e.g. ["ServerSideApply=true"]'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          operationPhase: z.enum(['Running', 'Succeeded', 'Failed']),
          revision: z.string(),
          dryRun: z.boolean(),
        }),
      example: {
        name: 'checkout-staging',
        prune: false,
        dryRun: false,
        resources: [
          { group: 'apps', kind: 'Deployment', name: 'checkout-api' },
        ],
      },
      run: input => ({
        name: input.name,
        operationPhase: 'Running' as const,
        revision: input.revision ?? '9f3c2a1e7b4d',
        dryRun: input.dryRun,
      }),
    }),
    portalAction({
      name: 'refresh-application',
      title: 'Refresh Application',
      description:
        'Asks Argo CD to re-read Git and compare again. A hard refresh also clears the manifest cache.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          name: z.string(),
          mode: z.enum(['normal', 'hard']).default('normal'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          sync: z.enum(['Synced', 'OutOfSync', 'Unknown']),
          refreshedAt: z.string(),
        }),
      example: { name: 'checkout-prod', mode: 'hard' },
      run: input => ({
        name: input.name,
        sync: 'Synced' as const,
        refreshedAt: '2024-11-14T09:44:00Z',
      }),
    }),
    portalAction({
      name: 'rollback-application',
      title: 'Rollback Application',
      description:
        'Redeploys an earlier entry of the application history. Automated sync must be off first, otherwise Argo CD would immediately sync back to Git.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          name: z.string(),
          historyId: z
            .number()
            .int()
            .min(0)
            .describe('Id from get-application-history'),
          prune: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          name: z.string(),
          historyId: z.number().int(),
          revision: z.string(),
          operationPhase: z.enum(['Running', 'Succeeded', 'Failed']),
        }),
      example: { name: 'checkout-prod', historyId: 56, prune: false },
      run: input => ({
        name: input.name,
        historyId: input.historyId,
        revision: '41be07d9c3aa',
        operationPhase: 'Running' as const,
      }),
    }),
    portalAction({
      name: 'terminate-operation',
      title: 'Terminate Operation',
      description:
        'Stops the sync that is currently running for an application, which can leave resources half applied.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ name: z.string() }),
      output: z =>
        z.object({
          name: z.string(),
          terminated: z.boolean(),
          message: z.string(),
        }),
      example: { name: 'checkout-staging' },
      run: input => ({
        name: input.name,
        terminated: true,
        message: 'operation terminating',
      }),
    }),
    portalAction({
      name: 'delete-application',
      title: 'Delete Application',
      description:
        'Deletes an Argo CD application. With cascade (the default) every Kubernetes resource it manages is deleted as well; turn cascade off to keep them running unmanaged.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          name: z.string(),
          cascade: z.boolean().default(true),
          propagationPolicy: z
            .enum(['foreground', 'background'])
            .default('foreground'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          deleted: z.boolean(),
          cascade: z.boolean(),
        }),
      example: {
        name: 'preview-pr-1432',
        cascade: true,
        propagationPolicy: 'background',
      },
      run: input => ({
        name: input.name,
        deleted: true,
        cascade: input.cascade,
      }),
    }),
    portalAction({
      name: 'create-application',
      title: 'Create Application',
      description:
        'Registers a new application pointing at a path in a Git repository. It is created without automated sync unless syncPolicy says otherwise.',
      input: z =>
        z.object({
          name: z
            .string()
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
            .max(63)
            .describe('DNS-1123 name'),
          project: z.string().default('default'),
          source: z.object({
            repoURL: z.string().url(),
            path: z.string().describe('Directory inside the repository'),
            targetRevision: z.string().default('HEAD'),
            helm: z
              .object({
                valueFiles: z.array(z.string()).default([]),
                parameters: z
                  .array(z.object({ name: z.string(), value: z.string() }))
                  .optional(),
              })
              .optional(),
          }),
          destination: z.object({
            server: z.string().default('https://kubernetes.default.svc'),
            namespace: z.string(),
          }),
          syncPolicy: z
            .object({
              automated: z.boolean().default(false),
              prune: z.boolean().default(false),
              selfHeal: z.boolean().default(false),
              createNamespace: z.boolean().default(false),
            })
            .optional(),
          labels: z.record(z.string()).optional(),
        }),
      output: z =>
        z.object({
          name: z.string(),
          project: z.string(),
          url: z.string(),
        }),
      example: {
        name: 'inventory-staging',
        project: 'payments',
        source: {
          repoURL: 'https://github.com/acme/deployments.git',
          path: 'apps/inventory/overlays/staging',
          targetRevision: 'main',
        },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'inventory',
        },
        syncPolicy: {
          automated: true,
          prune: true,
          selfHeal: true,
          createNamespace: true,
        },
        labels: { 'backstage-name': 'inventory' },
      },
      run: input => ({
        name: input.name,
        project: input.project,
        url: `https://argocd.example.com/applications/argocd/${input.name}`,
      }),
    }),
    portalAction({
      name: 'update-helm-parameters',
      title: 'Update Helm Parameters',
      description:
        'Overrides Helm parameters on an application. The override lives in Argo CD only, not in Git, and is lost if the application is recreated.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          name: z.string(),
          parameters: z
            .array(
              z.object({
                name: z.string().describe('Dotted value path, e.g. image.tag'),
                value: z.string(),
                forceString: z.boolean().optional(),
              }),
            )
            .min(1),
        }),
      output: z =>
        z.object({
          name: z.string(),
          parameters: z.array(
            z.object({ name: z.string(), value: z.string() }),
          ),
          sync: z.enum(['Synced', 'OutOfSync', 'Unknown']),
        }),
      example: {
        name: 'checkout-staging',
        parameters: [
          { name: 'image.tag', value: '2024.11.4-rc1' },
          { name: 'replicaCount', value: '2' },
        ],
      },
      run: input => ({
        name: input.name,
        parameters: input.parameters.map(p => ({
          name: p.name,
          value: p.value,
        })),
        sync: 'OutOfSync' as const,
      }),
    }),
    portalAction({
      name: 'set-auto-sync',
      title: 'Set Auto Sync',
      description: 'Turns automated sync on or off for an application.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          name: z.string(),
          enabled: z.boolean(),
          selfHeal: z.boolean().optional(),
          prune: z.boolean().optional(),
        }),
      output: z =>
        z.object({
          name: z.string(),
          automated: z.boolean(),
          selfHeal: z.boolean(),
          prune: z.boolean(),
        }),
      example: { name: 'checkout-prod', enabled: false },
      run: input => ({
        name: input.name,
        automated: input.enabled,
        selfHeal: input.selfHeal ?? false,
        prune: input.prune ?? false,
      }),
    }),
  ],
};
