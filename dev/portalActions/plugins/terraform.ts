import { PortalPlugin, portalAction } from '../types';

export const terraformPlugin: PortalPlugin = {
  pluginId: 'terraform',
  actions: [
    portalAction({
      name: 'list-workspaces',
      title: 'List Workspaces',
      description:
        'Lists workspaces in a Terraform Cloud organization. Supports searching by name and tag; results come in pages of up to 100.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string().min(1),
          search: z
            .string()
            .optional()
            .describe('Substring of the workspace name'),
          tags: z
            .array(z.string())
            .optional()
            .describe('Workspaces must have all of these tags'),
          project: z.string().optional().describe('Project ID, prj-…'),
          page: z
            .object({
              number: z.number().int().min(1).default(1),
              size: z.number().int().min(1).max(100).default(20),
            })
            .default({ number: 1, size: 20 }),
        }),
      output: z =>
        z.object({
          workspaces: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              terraformVersion: z.string(),
              executionMode: z.enum(['remote', 'local', 'agent']),
              locked: z.boolean(),
              resourceCount: z.number().int(),
              latestRunStatus: z.string().optional(),
              tags: z.array(z.string()),
            }),
          ),
          pagination: z.object({
            currentPage: z.number().int(),
            totalPages: z.number().int(),
            totalCount: z.number().int(),
          }),
        }),
      example: {
        organization: 'acme-infra',
        tags: ['team:payments'],
        page: { number: 1, size: 20 },
      },
      run: input => ({
        workspaces: [
          {
            id: 'ws-9Xq2LmTn4pKs7VbR',
            name: `${input.search ?? 'payments'}-prod-eu`,
            terraformVersion: '1.8.4',
            executionMode: 'remote' as const,
            locked: false,
            resourceCount: 214,
            latestRunStatus: 'applied',
            tags: input.tags ?? [],
          },
        ],
        pagination: {
          currentPage: input.page.number,
          totalPages: 1,
          totalCount: 1,
        },
      }),
    }),
    portalAction({
      name: 'get-workspace',
      title: 'Get Workspace',
      description:
        'Returns the settings and current state version of one workspace.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string().describe('Workspace name'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          autoApply: z.boolean(),
          workingDirectory: z.string().optional(),
          vcsRepo: z
            .object({
              identifier: z.string(),
              branch: z.string(),
              ingressSubmodules: z.boolean(),
            })
            .optional(),
          currentStateVersion: z
            .object({
              id: z.string(),
              serial: z.number().int(),
              createdAt: z.string(),
            })
            .optional(),
          lock: z.object({
            locked: z.boolean(),
            lockedBy: z.string().optional(),
          }),
        }),
      example: { organization: 'acme-infra', workspace: 'payments-prod-eu' },
      run: input => ({
        id: 'ws-9Xq2LmTn4pKs7VbR',
        name: input.workspace,
        autoApply: false,
        workingDirectory: 'envs/prod-eu',
        vcsRepo: {
          identifier: 'acme/payments-infra',
          branch: 'main',
          ingressSubmodules: false,
        },
        currentStateVersion: {
          id: 'sv-r3B7hJwK1dQz5MnP',
          serial: 418,
          createdAt: '2024-05-31T16:02:11Z',
        },
        lock: { locked: false },
      }),
    }),
    portalAction({
      name: 'create-workspace',
      title: 'Create Workspace',
      description:
        'Creates a workspace, optionally connected to a VCS repository. A workspace with the same name in the organization makes the call fail.',
      input: z =>
        z.object({
          organization: z.string(),
          name: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,90}$/)
            .describe('Letters, digits, dashes and underscores'),
          projectId: z.string().optional(),
          terraformVersion: z
            .string()
            .regex(/^\d+\.\d+\.\d+$/)
            .default('1.8.4'),
          executionMode: z.enum(['remote', 'local', 'agent']).default('remote'),
          agentPoolId: z
            .string()
            .optional()
            .describe('Required when executionMode is agent'),
          autoApply: z.boolean().default(false),
          workingDirectory: z.string().optional(),
          vcsRepo: z
            .object({
              identifier: z.string().describe('owner/repo'),
              branch: z.string().default('main'),
              oauthTokenId: z.string(),
              triggerPatterns: z.array(z.string()).optional(),
            })
            .optional(),
          tags: z.array(z.string().regex(/^[a-z0-9:_-]+$/)).default([]),
          description: z.string().max(600).optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          url: z.string().url(),
        }),
      example: {
        organization: 'acme-infra',
        name: 'payments-staging-eu',
        terraformVersion: '1.8.4',
        executionMode: 'remote',
        autoApply: true,
        workingDirectory: 'envs/staging-eu',
        vcsRepo: {
          identifier: 'acme/payments-infra',
          branch: 'main',
          oauthTokenId: 'ot-hmAyP66qk2AMVdbJ',
          triggerPatterns: ['envs/staging-eu/**/*', 'modules/**/*'],
        },
        tags: ['team:payments', 'env:staging'],
      },
      run: input => ({
        id: 'ws-Lq8dN2vC6xTe1YbW',
        name: input.name,
        url: `https://app.terraform.io/app/${input.organization}/workspaces/${input.name}`,
      }),
    }),
    portalAction({
      name: 'update-workspace-settings',
      title: 'Update Workspace Settings',
      description:
        'Changes workspace settings such as Terraform version, auto-apply or working directory. Only the fields you pass are changed.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          settings: z.object({
            terraformVersion: z.string().optional(),
            autoApply: z.boolean().optional(),
            workingDirectory: z.string().optional(),
            speculativeEnabled: z.boolean().optional(),
            assessmentsEnabled: z
              .boolean()
              .optional()
              .describe('Nightly drift detection'),
          }),
        }),
      output: z => z.object({ id: z.string(), changed: z.array(z.string()) }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        settings: { terraformVersion: '1.9.0', assessmentsEnabled: true },
      },
      run: input => ({
        id: 'ws-9Xq2LmTn4pKs7VbR',
        changed: Object.keys(input.settings),
      }),
    }),
    portalAction({
      name: 'lock-workspace',
      title: 'Lock Workspace',
      description:
        'Locks a workspace so no new runs can start. Useful during incident response.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          reason: z.string().min(3).max(200),
        }),
      output: z =>
        z.object({
          workspace: z.string(),
          locked: z.literal(true),
          reason: z.string(),
        }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        reason: 'INC-5520 freeze',
      },
      run: input => ({
        workspace: input.workspace,
        locked: true as const,
        reason: input.reason,
      }),
    }),
    portalAction({
      name: 'unlock-workspace',
      title: 'Unlock Workspace',
      description:
        'Releases a workspace lock. Force-unlocking a lock held by a run or another user requires workspace admin access.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          force: z.boolean().default(false),
        }),
      output: z =>
        z.object({ workspace: z.string(), locked: z.literal(false) }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        force: false,
      },
      run: input => ({ workspace: input.workspace, locked: false as const }),
    }),
    portalAction({
      name: 'plan-run',
      title: 'Plan Run',
      description:
        'Queues a plan on a workspace against its latest configuration version. The plan does not change infrastructure; use apply-run afterwards to apply it.',
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          message: z.string().max(255).default('Queued from Backstage'),
          targets: z
            .array(z.string())
            .optional()
            .describe(
              'Resource addresses for -target; meant for exceptional cases',
            ),
          replaceAddrs: z
            .array(z.string())
            .optional()
            .describe('Resources to force-replace'),
          refreshOnly: z.boolean().default(false),
          variables: z
            .array(
              z.object({
                key: z.string(),
                value: z
                  .string()
                  .describe('HCL literal, e.g. "\\"eu-west-1\\"" or 3'),
              }),
            )
            .optional()
            .describe('Run-scoped variable overrides'),
          speculative: z
            .boolean()
            .default(false)
            .describe('Plan only; the run can never be applied'),
        }),
      output: z =>
        z.object({
          runId: z.string(),
          status: z.enum(['pending', 'plan_queued', 'planning']),
          url: z.string().url(),
        }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        message: 'Bump RDS instance class for Q3 load',
        refreshOnly: false,
        variables: [{ key: 'db_instance_class', value: '"db.r6g.2xlarge"' }],
        speculative: false,
      },
      run: input => ({
        runId: 'run-Fz4kQ9wYpL2eT7hC',
        status: 'plan_queued' as const,
        url: `https://app.terraform.io/app/${input.organization}/workspaces/${input.workspace}/runs/run-Fz4kQ9wYpL2eT7hC`,
      }),
    }),
    portalAction({
      name: 'apply-run',
      title: 'Apply Run',
      description:
        'Confirms a planned run so Terraform applies it. The run must be in the planned or policy_checked state; this changes real infrastructure.',
      input: z =>
        z.object({
          runId: z.string().regex(/^run-[A-Za-z0-9]{16}$/),
          comment: z.string().max(500).optional(),
        }),
      output: z =>
        z.object({
          runId: z.string(),
          status: z.enum(['apply_queued', 'applying', 'applied', 'errored']),
        }),
      example: {
        runId: 'run-Fz4kQ9wYpL2eT7hC',
        comment: 'Reviewed plan: 1 to change',
      },
      run: input => ({ runId: input.runId, status: 'apply_queued' as const }),
    }),
    portalAction({
      name: 'discard-run',
      title: 'Discard Run',
      description:
        'Discards a run that is waiting for confirmation, freeing the workspace for the next run.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          runId: z.string().regex(/^run-[A-Za-z0-9]{16}$/),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({ runId: z.string(), status: z.literal('discarded') }),
      example: { runId: 'run-Fz4kQ9wYpL2eT7hC' },
      run: input => ({ runId: input.runId, status: 'discarded' as const }),
    }),
    portalAction({
      name: 'destroy-workspace-resources',
      title: 'Destroy Workspace Resources',
      description:
        'Queues a destroy plan that removes every resource managed by the workspace. Review the plan before applying it; once applied the infrastructure is gone.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          confirmWorkspaceName: z.string().describe('Must equal workspace'),
          autoApply: z
            .boolean()
            .default(false)
            .describe(
              'Apply without waiting for confirmation; refused on workspaces tagged env:prod',
            ),
        }),
      output: z =>
        z.object({
          runId: z.string(),
          isDestroy: z.literal(true),
          status: z.string(),
          resourcesToDestroy: z.number().int().optional(),
        }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-pr-1412-preview',
        confirmWorkspaceName: 'payments-pr-1412-preview',
        autoApply: false,
      },
      run: input => ({
        runId: 'run-Dq7vX2nM5sLk8PwA',
        isDestroy: true as const,
        status: input.autoApply ? 'apply_queued' : 'plan_queued',
        resourcesToDestroy: 37,
      }),
    }),
    portalAction({
      name: 'list-runs',
      title: 'List Runs',
      description: 'Lists recent runs of a workspace, newest first.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          statuses: z
            .array(
              z.enum([
                'pending',
                'planning',
                'planned',
                'policy_checked',
                'applying',
                'applied',
                'discarded',
                'errored',
                'canceled',
              ]),
            )
            .optional(),
          limit: z.number().int().min(1).max(100).default(10),
        }),
      output: z =>
        z.object({
          runs: z.array(
            z.object({
              id: z.string(),
              status: z.string(),
              message: z.string(),
              source: z.enum([
                'tfe-ui',
                'tfe-api',
                'tfe-configuration-version',
                'terraform+cloud',
              ]),
              createdAt: z.string(),
              isDestroy: z.boolean(),
              createdBy: z.string().optional(),
            }),
          ),
        }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        statuses: ['applied', 'errored'],
        limit: 5,
      },
      run: input => ({
        runs: [
          {
            id: 'run-Fz4kQ9wYpL2eT7hC',
            status: input.statuses?.[0] ?? 'applied',
            message: 'Merge pull request #311 from acme/rds-class',
            source: 'tfe-configuration-version' as const,
            createdAt: '2024-05-31T15:58:40Z',
            isDestroy: false,
            createdBy: 'github-app',
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'get-plan-summary',
      title: 'Get Plan Summary',
      description:
        'Summarises what a run plans to change: counts per action and the list of affected resource addresses. Sensitive attribute values are never included.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          runId: z.string().regex(/^run-[A-Za-z0-9]{16}$/),
          includeNoOp: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          runId: z.string(),
          counts: z.object({
            add: z.number().int(),
            change: z.number().int(),
            destroy: z.number().int(),
            replace: z.number().int(),
            import: z.number().int(),
          }),
          resourceChanges: z.array(
            z.object({
              address: z.string(),
              actions: z.array(
                z.enum(['create', 'update', 'delete', 'no-op', 'read']),
              ),
              changedAttributes: z.array(z.string()).optional(),
            }),
          ),
          outputChanges: z.array(z.string()),
        }),
      example: { runId: 'run-Fz4kQ9wYpL2eT7hC', includeNoOp: false },
      run: input => ({
        runId: input.runId,
        counts: { add: 0, change: 1, destroy: 0, replace: 0, import: 0 },
        resourceChanges: [
          {
            address: 'module.ledger_db.aws_db_instance.this',
            actions: ['update' as const],
            changedAttributes: ['instance_class'],
          },
        ],
        outputChanges: [],
      }),
    }),
    portalAction({
      name: 'get-state-outputs',
      title: 'Get State Outputs',
      description:
        'Reads the root module outputs from the current state of a workspace. Outputs marked sensitive are returned as null unless revealSensitive is set and the caller may read state.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          names: z.array(z.string()).optional().describe('Only these outputs'),
          revealSensitive: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          stateVersionId: z.string(),
          outputs: z.array(
            z.object({
              name: z.string(),
              type: z
                .string()
                .describe('Terraform type, e.g. string or list(string)'),
              sensitive: z.boolean(),
              value: z.unknown(),
            }),
          ),
        }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        names: ['ledger_db_endpoint', 'queue_urls'],
        revealSensitive: false,
      },
      run: input => ({
        stateVersionId: 'sv-r3B7hJwK1dQz5MnP',
        outputs: [
          {
            name: 'ledger_db_endpoint',
            type: 'string',
            sensitive: false,
            value: 'ledger-db-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432',
          },
          {
            name: 'queue_urls',
            type: 'list(string)',
            sensitive: false,
            value: [
              'https://sqs.eu-west-1.amazonaws.com/123456789012/ledger-events',
            ],
          },
          {
            name: 'ledger_db_password',
            type: 'string',
            sensitive: true,
            value: null,
          },
        ].filter(o => !input.names || input.names.includes(o.name)),
      }),
    }),
    portalAction({
      name: 'list-state-resources',
      title: 'List State Resources',
      description:
        'Lists resources recorded in the workspace state, filterable by type or module.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          type: z.string().optional().describe('e.g. aws_security_group'),
          module: z.string().optional().describe('e.g. module.network'),
        }),
      output: z =>
        z.object({
          resources: z.array(
            z.object({
              address: z.string(),
              type: z.string(),
              provider: z.string(),
              mode: z.enum(['managed', 'data']),
              instanceCount: z.number().int(),
            }),
          ),
        }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        type: 'aws_sqs_queue',
      },
      run: input => ({
        resources: [
          {
            address: `${input.module ? `${input.module}.` : ''}${input.type ?? 'aws_sqs_queue'}.ledger_events`,
            type: input.type ?? 'aws_sqs_queue',
            provider: 'registry.terraform.io/hashicorp/aws',
            mode: 'managed' as const,
            instanceCount: 1,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-workspace-variables',
      title: 'List Workspace Variables',
      description:
        'Lists Terraform and environment variables set on a workspace, including those inherited from variable sets. Sensitive values are write-only and come back empty.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          includeVariableSets: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          variables: z.array(
            z.object({
              id: z.string(),
              key: z.string(),
              value: z.string().nullable(),
              category: z.enum(['terraform', 'env']),
              hcl: z.boolean(),
              sensitive: z.boolean(),
              source: z
                .string()
                .describe('"workspace" or the variable set name'),
            }),
          ),
        }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        includeVariableSets: true,
      },
      run: input => ({
        variables: [
          {
            id: 'var-EavQ1LztoRTQHSNT',
            key: 'db_instance_class',
            value: 'db.r6g.xlarge',
            category: 'terraform' as const,
            hcl: false,
            sensitive: false,
            source: 'workspace',
          },
          ...(input.includeVariableSets
            ? [
                {
                  id: 'var-7hGm2KqP9sXw4RbN',
                  key: 'AWS_SECRET_ACCESS_KEY',
                  value: null,
                  category: 'env' as const,
                  hcl: false,
                  sensitive: true,
                  source: 'aws-prod-credentials',
                },
              ]
            : []),
        ],
      }),
    }),
    portalAction({
      name: 'set-workspace-variable',
      title: 'Set Workspace Variable',
      description:
        'Creates a workspace variable or overwrites the existing one with the same key and category. The new value takes effect on the next run.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          key: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
          value: z.string(),
          category: z.enum(['terraform', 'env']).default('terraform'),
          hcl: z
            .boolean()
            .default(false)
            .describe('Parse value as HCL, for lists and maps'),
          sensitive: z
            .boolean()
            .default(false)
            .describe('Once set, a sensitive variable can never be read back'),
          description: z.string().max(512).optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          key: z.string(),
          created: z.boolean(),
        }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        key: 'allowed_cidrs',
        value: '["10.20.0.0/16", "10.30.0.0/16"]',
        category: 'terraform',
        hcl: true,
        sensitive: false,
        description: 'Private ranges allowed to reach the ledger DB',
      },
      run: input => ({
        id: 'var-Qm3xT8kV1nWp6ZcL',
        key: input.key,
        created: true,
      }),
    }),
    portalAction({
      name: 'delete-workspace-variable',
      title: 'Delete Workspace Variable',
      description:
        'Deletes a variable from a workspace. Runs that depend on it will fail until it is set again.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          workspace: z.string(),
          variableId: z.string().regex(/^var-[A-Za-z0-9]{16}$/),
        }),
      output: z => z.object({ variableId: z.string(), deleted: z.boolean() }),
      example: {
        organization: 'acme-infra',
        workspace: 'payments-prod-eu',
        variableId: 'var-Qm3xT8kV1nWp6ZcL',
      },
      run: input => ({ variableId: input.variableId, deleted: true }),
    }),
    portalAction({
      name: 'search-registry-modules',
      title: 'Search Registry Modules',
      description: 'Searches the private module registry of an organization.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          query: z.string().min(2),
          provider: z.string().optional().describe('e.g. aws, google, azurerm'),
          limit: z.number().int().min(1).max(50).default(10),
        }),
      output: z =>
        z.object({
          modules: z.array(
            z.object({
              namespace: z.string(),
              name: z.string(),
              provider: z.string(),
              latestVersion: z.string(),
              downloads: z.number().int(),
            }),
          ),
        }),
      example: {
        organization: 'acme-infra',
        query: 'rds',
        provider: 'aws',
        limit: 10,
      },
      run: input => ({
        modules: [
          {
            namespace: input.organization,
            name: `${input.query}-postgres`,
            provider: input.provider ?? 'aws',
            latestVersion: '4.2.1',
            downloads: 1893,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-module-versions',
      title: 'Get Module Versions',
      description:
        'Lists published versions of a registry module with the inputs and outputs each declares. Use it before bumping a module pin to spot removed variables.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          module: z
            .string()
            .regex(/^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9]+$/)
            .describe('namespace/name/provider'),
          includeInterfaces: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          versions: z.array(
            z.object({
              version: z.string(),
              publishedAt: z.string(),
              inputs: z
                .array(
                  z.object({
                    name: z.string(),
                    type: z.string(),
                    required: z.boolean(),
                  }),
                )
                .optional(),
              outputs: z.array(z.string()).optional(),
            }),
          ),
        }),
      example: {
        organization: 'acme-infra',
        module: 'acme-infra/rds-postgres/aws',
        includeInterfaces: true,
      },
      run: input => ({
        versions: [
          {
            version: '4.2.1',
            publishedAt: '2024-05-20T10:00:00Z',
            inputs: input.includeInterfaces
              ? [
                  { name: 'instance_class', type: 'string', required: true },
                  {
                    name: 'backup_retention_days',
                    type: 'number',
                    required: false,
                  },
                ]
              : undefined,
            outputs: input.includeInterfaces
              ? ['endpoint', 'security_group_id']
              : undefined,
          },
          {
            version: '3.9.0',
            publishedAt: '2023-11-02T09:30:00Z',
            inputs: input.includeInterfaces
              ? [{ name: 'instance_class', type: 'string', required: true }]
              : undefined,
            outputs: input.includeInterfaces ? ['endpoint'] : undefined,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-drift-assessment',
      title: 'Get Drift Assessment',
      description:
        'Returns the result of the latest health assessment: resources that drifted from configuration and failing continuous-validation checks.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ organization: z.string(), workspace: z.string() }),
      output: z =>
        z.object({
          assessedAt: z.string().optional(),
          drifted: z.boolean(),
          driftedResources: z.array(
            z.object({ address: z.string(), attributes: z.array(z.string()) }),
          ),
          failedChecks: z.array(
            z.object({ address: z.string(), message: z.string() }),
          ),
        }),
      example: { organization: 'acme-infra', workspace: 'payments-prod-eu' },
      run: () => ({
        assessedAt: '2024-06-02T03:00:00Z',
        drifted: true,
        driftedResources: [
          { address: 'aws_security_group.ledger_db', attributes: ['ingress'] },
        ],
        failedChecks: [
          {
            address: 'check.certificate_expiry',
            message: 'Certificate for ledger.acme.example expires in 12 days',
          },
        ],
      }),
    }),
    portalAction({
      name: 'estimate-run-cost',
      title: 'Estimate Run Cost',
      description:
        'Shows the cost estimate calculated for a planned run, per resource, where the provider supports it.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({ runId: z.string().regex(/^run-[A-Za-z0-9]{16}$/) }),
      output: z =>
        z.object({
          runId: z.string(),
          priorMonthlyCost: z.number(),
          proposedMonthlyCost: z.number(),
          deltaMonthlyCost: z.number(),
          unmatchedResources: z
            .number()
            .int()
            .describe('Resources the estimator has no pricing for'),
        }),
      example: { runId: 'run-Fz4kQ9wYpL2eT7hC' },
      run: input => ({
        runId: input.runId,
        priorMonthlyCost: 1480.32,
        proposedMonthlyCost: 2122.56,
        deltaMonthlyCost: 642.24,
        unmatchedResources: 3,
      }),
    }),
  ],
};
