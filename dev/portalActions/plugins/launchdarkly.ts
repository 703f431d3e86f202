import { PortalPlugin, portalAction } from '../types';

const flagStatus = ['new', 'active', 'inactive', 'launched'] as const;
const clauseOp = [
  'in',
  'endsWith',
  'startsWith',
  'matches',
  'contains',
  'lessThan',
  'greaterThan',
  'semVerEqual',
  'semVerGreaterThan',
  'semVerLessThan',
  'segmentMatch',
] as const;

export const launchdarklyPlugin: PortalPlugin = {
  pluginId: 'launchdarkly',
  actions: [
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description: 'Lists LaunchDarkly projects and their environments.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ tags: z.array(z.string()).optional() }),
      output: z =>
        z.object({
          projects: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              tags: z.array(z.string()),
              environments: z.array(
                z.object({ key: z.string(), name: z.string() }),
              ),
            }),
          ),
        }),
      example: { tags: ['web'] },
      run: input => ({
        projects: [
          {
            key: 'storefront',
            name: 'Storefront',
            tags: input.tags ?? [],
            environments: [
              { key: 'production', name: 'Production' },
              { key: 'staging', name: 'Staging' },
              { key: 'dev', name: 'Development' },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-environments',
      title: 'List Environments',
      description:
        'Lists the environments of a project with their approval and confirmation settings. SDK keys are never included.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ projectKey: z.string().regex(/^[a-z0-9._-]+$/) }),
      output: z =>
        z.object({
          environments: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              color: z.string(),
              critical: z.boolean(),
              requireComments: z.boolean(),
              confirmChanges: z.boolean(),
              approvalsRequired: z.number().int(),
            }),
          ),
        }),
      example: { projectKey: 'storefront' },
      run: () => ({
        environments: [
          {
            key: 'production',
            name: 'Production',
            color: 'd12d4b',
            critical: true,
            requireComments: true,
            confirmChanges: true,
            approvalsRequired: 1,
          },
          {
            key: 'staging',
            name: 'Staging',
            color: '7b42bc',
            critical: false,
            requireComments: false,
            confirmChanges: false,
            approvalsRequired: 0,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-flags',
      title: 'List Flags',
      description:
        'Lists feature flags in a project with their on/off state in one environment. Filter by tag, state or type; large projects should page with `offset`.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          environmentKey: z
            .string()
            .default('production')
            .describe('Environment whose state is reported'),
          tags: z.array(z.string()).optional(),
          filter: z
            .object({
              query: z
                .string()
                .optional()
                .describe('Substring of flag key or name'),
              state: z.enum(['live', 'deprecated', 'archived']).optional(),
              type: z.enum(['temporary', 'permanent']).optional(),
              maintainerEmail: z.string().email().optional(),
            })
            .optional(),
          sort: z
            .enum(['creationDate', '-creationDate', 'name', 'maintainerId'])
            .default('-creationDate'),
          limit: z.number().int().min(1).max(100).default(20),
          offset: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          totalCount: z.number().int(),
          flags: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              kind: z.enum(['boolean', 'multivariate']),
              temporary: z.boolean(),
              tags: z.array(z.string()),
              on: z.boolean(),
              status: z.enum(flagStatus),
              maintainer: z.string().optional(),
            }),
          ),
        }),
      example: {
        projectKey: 'storefront',
        environmentKey: 'production',
        tags: ['checkout'],
        filter: { state: 'live', type: 'temporary' },
        sort: '-creationDate',
        limit: 20,
        offset: 0,
      },
      run: input => ({
        totalCount: 2,
        flags: [
          {
            key: 'checkout-one-page',
            name: 'One-page checkout',
            kind: 'boolean' as const,
            temporary: true,
            tags: input.tags ?? [],
            on: true,
            status: 'active' as const,
            maintainer: 'maya@example.com',
          },
          {
            key: 'checkout-wallet-order',
            name: 'Wallet ordering experiment',
            kind: 'multivariate' as const,
            temporary: true,
            tags: input.tags ?? [],
            on: false,
            status: 'inactive' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-flag',
      title: 'Get Flag',
      description:
        'Returns a flag’s variations and, for the chosen environment, its targeting: individual targets, rules, fallthrough and off variation.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string().regex(/^[a-zA-Z0-9._-]+$/),
          environmentKey: z.string().default('production'),
        }),
      output: z =>
        z.object({
          key: z.string(),
          name: z.string(),
          description: z.string().optional(),
          variations: z.array(
            z.object({
              value: z.union([z.string(), z.number(), z.boolean()]),
              name: z.string().optional(),
            }),
          ),
          environment: z.object({
            key: z.string(),
            on: z.boolean(),
            offVariation: z.number().int(),
            fallthrough: z.object({
              variation: z.number().int().optional(),
              rollout: z
                .array(
                  z.object({
                    variation: z.number().int(),
                    weight: z.number().int(),
                  }),
                )
                .optional(),
            }),
            targets: z.array(
              z.object({
                variation: z.number().int(),
                values: z.array(z.string()),
              }),
            ),
            ruleCount: z.number().int(),
            version: z.number().int(),
          }),
        }),
      example: {
        projectKey: 'storefront',
        flagKey: 'checkout-one-page',
        environmentKey: 'production',
      },
      run: input => ({
        key: input.flagKey,
        name: 'One-page checkout',
        description:
          'Collapses shipping, payment and review into a single page.',
        variations: [
          { value: true, name: 'Enabled' },
          { value: false, name: 'Disabled' },
        ],
        environment: {
          key: input.environmentKey,
          on: true,
          offVariation: 1,
          fallthrough: {
            rollout: [
              { variation: 0, weight: 25000 },
              { variation: 1, weight: 75000 },
            ],
          },
          targets: [{ variation: 0, values: ['qa-user-1', 'qa-user-2'] }],
          ruleCount: 2,
          version: 57,
        },
      }),
    }),
    portalAction({
      name: 'create-flag',
      title: 'Create Flag',
      description:
        'Creates a flag in a project; it starts off in every environment. Boolean flags get true/false variations automatically, multivariate flags need at least two variations of the same type.',
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          key: z
            .string()
            .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/)
            .max(100)
            .describe('Immutable flag key used by SDKs'),
          name: z.string().min(1).max(256),
          description: z.string().optional(),
          kind: z.enum(['boolean', 'multivariate']).default('boolean'),
          variations: z
            .array(
              z.object({
                value: z.union([z.string(), z.number(), z.boolean()]),
                name: z.string().optional(),
                description: z.string().optional(),
              }),
            )
            .optional()
            .describe('Required for multivariate flags'),
          defaults: z
            .object({
              onVariation: z.number().int().min(0),
              offVariation: z.number().int().min(0),
            })
            .optional()
            .describe(
              'Variation indexes served when the flag is on with no rules, and when off',
            ),
          tags: z.array(z.string()).default([]),
          temporary: z.boolean().default(true),
          maintainerEmail: z.string().email().optional(),
          clientSideAvailability: z
            .object({
              usingEnvironmentId: z.boolean().default(false),
              usingMobileKey: z.boolean().default(false),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          key: z.string(),
          kind: z.enum(['boolean', 'multivariate']),
          variationCount: z.number().int(),
          url: z.string(),
        }),
      example: {
        projectKey: 'storefront',
        key: 'search-ranking-model',
        name: 'Search ranking model',
        description: 'Selects the ranking model used by product search.',
        kind: 'multivariate',
        variations: [
          { value: 'bm25', name: 'Baseline' },
          { value: 'ltr-v3', name: 'Learning to rank v3' },
          { value: 'ltr-v4', name: 'Learning to rank v4' },
        ],
        defaults: { onVariation: 0, offVariation: 0 },
        tags: ['search', 'experiment'],
        temporary: true,
        maintainerEmail: 'maya@example.com',
        clientSideAvailability: {
          usingEnvironmentId: false,
          usingMobileKey: false,
        },
      },
      run: input => ({
        key: input.key,
        kind: input.kind,
        variationCount:
          input.kind === 'boolean' ? 2 : (input.variations?.length ?? 0),
        url: `https://app.launchdarkly.com/projects/${input.projectKey}/flags/${input.key}`,
      }),
    }),
    portalAction({
      name: 'toggle-flag',
      title: 'Toggle Flag',
      description:
        'Turns a flag on or off in one environment. In environments that require approvals this creates an approval request instead of changing the flag.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
          environmentKey: z.string(),
          on: z.boolean(),
          comment: z
            .string()
            .max(500)
            .optional()
            .describe('Recorded in the audit log'),
        }),
      output: z =>
        z.object({
          flagKey: z.string(),
          environmentKey: z.string(),
          on: z.boolean(),
          outcome: z.enum(['applied', 'approval-requested', 'unchanged']),
          version: z.number().int(),
        }),
      example: {
        projectKey: 'storefront',
        flagKey: 'checkout-one-page',
        environmentKey: 'staging',
        on: false,
        comment: 'Disabling while QA investigates address validation bug',
      },
      run: input => ({
        flagKey: input.flagKey,
        environmentKey: input.environmentKey,
        on: input.on,
        outcome:
          input.environmentKey === 'production'
            ? ('approval-requested' as const)
            : ('applied' as const),
        version: 58,
      }),
    }),
    portalAction({
      name: 'update-flag-targeting',
      title: 'Update Flag Targeting',
      description:
        'Replaces the targeting rules and fallthrough of a flag in one environment. Rules are evaluated top to bottom and the first match wins; each rule serves a fixed variation or a percentage rollout whose weights sum to 100000.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
          environmentKey: z.string(),
          targeting: z.object({
            rules: z
              .array(
                z.object({
                  description: z.string().optional(),
                  clauses: z
                    .array(
                      z.object({
                        contextKind: z.string().default('user'),
                        attribute: z
                          .string()
                          .describe(
                            'Context attribute, e.g. `country` or `email`',
                          ),
                        op: z.enum(clauseOp),
                        values: z
                          .array(z.union([z.string(), z.number(), z.boolean()]))
                          .min(1),
                        negate: z.boolean().default(false),
                      }),
                    )
                    .min(1),
                  variation: z.number().int().min(0).optional(),
                  rollout: z
                    .object({
                      bucketBy: z.string().default('key'),
                      variations: z
                        .array(
                          z.object({
                            variation: z.number().int().min(0),
                            weight: z.number().int().min(0).max(100000),
                          }),
                        )
                        .min(1),
                    })
                    .optional(),
                }),
              )
              .max(50),
            fallthrough: z.object({
              variation: z.number().int().min(0).optional(),
              rollout: z
                .object({
                  variations: z.array(
                    z.object({
                      variation: z.number().int().min(0),
                      weight: z.number().int().min(0).max(100000),
                    }),
                  ),
                })
                .optional(),
            }),
            offVariation: z.number().int().min(0).optional(),
          }),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          flagKey: z.string(),
          environmentKey: z.string(),
          ruleCount: z.number().int(),
          version: z.number().int(),
        }),
      example: {
        projectKey: 'storefront',
        flagKey: 'checkout-one-page',
        environmentKey: 'production',
        targeting: {
          rules: [
            {
              description: 'Employees always get it',
              clauses: [
                {
                  contextKind: 'user',
                  attribute: 'email',
                  op: 'endsWith',
                  values: ['@example.com'],
                  negate: false,
                },
              ],
              variation: 0,
            },
            {
              description: 'Gradual rollout in the Nordics',
              clauses: [
                {
                  contextKind: 'user',
                  attribute: 'country',
                  op: 'in',
                  values: ['SE', 'NO', 'DK', 'FI'],
                  negate: false,
                },
              ],
              rollout: {
                bucketBy: 'key',
                variations: [
                  { variation: 0, weight: 50000 },
                  { variation: 1, weight: 50000 },
                ],
              },
            },
          ],
          fallthrough: { variation: 1 },
          offVariation: 1,
        },
        comment: 'Expand to Nordics at 50%',
      },
      run: input => ({
        flagKey: input.flagKey,
        environmentKey: input.environmentKey,
        ruleCount: input.targeting.rules.length,
        version: 59,
      }),
    }),
    portalAction({
      name: 'add-flag-targets',
      title: 'Add Flag Targets',
      description:
        'Adds individual context keys to a variation of a flag, for example to give QA accounts the new experience.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
          environmentKey: z.string(),
          variation: z.number().int().min(0),
          contextKind: z.string().default('user'),
          keys: z.array(z.string().min(1)).min(1).max(1000),
        }),
      output: z =>
        z.object({
          variation: z.number().int(),
          targetCount: z.number().int(),
        }),
      example: {
        projectKey: 'storefront',
        flagKey: 'search-ranking-model',
        environmentKey: 'production',
        variation: 2,
        contextKind: 'user',
        keys: ['qa-user-1', 'qa-user-2', 'search-team-bot'],
      },
      run: input => ({
        variation: input.variation,
        targetCount: input.keys.length,
      }),
    }),
    portalAction({
      name: 'archive-flag',
      title: 'Archive Flag',
      description:
        'Archives a flag across all environments. SDKs keep serving the off variation from cache, so remove code references first; archived flags can be restored.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          flagKey: z.string(),
          archived: z.boolean(),
          codeReferences: z
            .number()
            .int()
            .describe('Known references still in code'),
        }),
      example: {
        projectKey: 'storefront',
        flagKey: 'holiday-banner-2023',
        comment: 'Campaign ended',
      },
      run: input => ({
        flagKey: input.flagKey,
        archived: true,
        codeReferences: 0,
      }),
    }),
    portalAction({
      name: 'delete-flag',
      title: 'Delete Flag',
      description:
        'Permanently deletes a flag and its history in every environment.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
        }),
      output: z => z.object({ flagKey: z.string(), deleted: z.boolean() }),
      example: { projectKey: 'storefront', flagKey: 'tmp-loadtest-toggle' },
      run: input => ({ flagKey: input.flagKey, deleted: true }),
    }),
    portalAction({
      name: 'copy-flag-settings',
      title: 'Copy Flag Settings',
      description:
        'Copies a flag’s configuration from one environment to another, e.g. promoting staging targeting to production. Choose which parts to copy; anything not listed stays as it is in the target.',
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
          source: z.object({
            environmentKey: z.string(),
            currentVersion: z.number().int().optional(),
          }),
          target: z.object({
            environmentKey: z.string(),
            currentVersion: z.number().int().optional(),
          }),
          includedActions: z
            .array(
              z.enum([
                'updateOn',
                'updateRules',
                'updateFallthrough',
                'updateOffVariation',
                'updatePrerequisites',
                'updateTargets',
              ]),
            )
            .min(1),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          flagKey: z.string(),
          targetEnvironment: z.string(),
          copied: z.array(z.string()),
          targetVersion: z.number().int(),
        }),
      example: {
        projectKey: 'storefront',
        flagKey: 'search-ranking-model',
        source: { environmentKey: 'staging' },
        target: { environmentKey: 'production', currentVersion: 12 },
        includedActions: ['updateRules', 'updateFallthrough'],
        comment: 'Promote staging rollout',
      },
      run: input => ({
        flagKey: input.flagKey,
        targetEnvironment: input.target.environmentKey,
        copied: input.includedActions,
        targetVersion: (input.target.currentVersion ?? 0) + 1,
      }),
    }),
    portalAction({
      name: 'get-flag-status',
      title: 'Get Flag Status',
      description:
        'Reports whether a flag is still evaluated in each environment and when it was last requested. A flag that is `launched` everywhere is a good candidate for removal.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
        }),
      output: z =>
        z.object({
          flagKey: z.string(),
          environments: z.array(
            z.object({
              environmentKey: z.string(),
              status: z.enum(flagStatus),
              lastRequested: z.string().optional(),
            }),
          ),
        }),
      example: { projectKey: 'storefront', flagKey: 'checkout-one-page' },
      run: input => ({
        flagKey: input.flagKey,
        environments: [
          {
            environmentKey: 'production',
            status: 'active' as const,
            lastRequested: '2024-06-01T10:29:58Z',
          },
          {
            environmentKey: 'staging',
            status: 'launched' as const,
            lastRequested: '2024-06-01T09:12:40Z',
          },
          { environmentKey: 'dev', status: 'inactive' as const },
        ],
      }),
    }),
    portalAction({
      name: 'get-flag-evaluations',
      title: 'Get Flag Evaluations',
      description:
        'Returns how often each variation of a flag was served over a time range, bucketed by hour or day. Data is delayed by a few minutes.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
          environmentKey: z.string(),
          timeRange: z.object({
            from: z.number().int().describe('Epoch milliseconds'),
            to: z.number().int().describe('Epoch milliseconds'),
          }),
          granularity: z.enum(['hour', 'day']).default('day'),
        }),
      output: z =>
        z.object({
          totals: z.array(
            z.object({ variation: z.number().int(), count: z.number().int() }),
          ),
          series: z.array(
            z.object({
              bucketStart: z.number().int(),
              counts: z
                .record(z.number().int())
                .describe('Evaluation count keyed by variation index'),
            }),
          ),
        }),
      example: {
        projectKey: 'storefront',
        flagKey: 'checkout-one-page',
        environmentKey: 'production',
        timeRange: { from: 1717027200000, to: 1717200000000 },
        granularity: 'day',
      },
      run: input => {
        const step = input.granularity === 'hour' ? 3_600_000 : 86_400_000;
        const buckets = Math.max(
          1,
          Math.min(
            3,
            Math.floor((input.timeRange.to - input.timeRange.from) / step),
          ),
        );
        const series = Array.from({ length: buckets }, (_, i) => ({
          bucketStart: input.timeRange.from + i * step,
          counts: { '0': 41_200 + i * 900, '1': 123_600 - i * 700 },
        }));
        return {
          totals: [
            {
              variation: 0,
              count: series.reduce((s, b) => s + b.counts['0'], 0),
            },
            {
              variation: 1,
              count: series.reduce((s, b) => s + b.counts['1'], 0),
            },
          ],
          series,
        };
      },
    }),
    portalAction({
      name: 'list-segments',
      title: 'List Segments',
      description: 'Lists the segments of an environment.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          environmentKey: z.string(),
          tags: z.array(z.string()).optional(),
        }),
      output: z =>
        z.object({
          segments: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              unbounded: z
                .boolean()
                .describe('Big segments synced from an external store'),
              includedCount: z.number().int(),
              ruleCount: z.number().int(),
            }),
          ),
        }),
      example: { projectKey: 'storefront', environmentKey: 'production' },
      run: () => ({
        segments: [
          {
            key: 'beta-testers',
            name: 'Beta testers',
            unbounded: false,
            includedCount: 312,
            ruleCount: 0,
          },
          {
            key: 'enterprise-accounts',
            name: 'Enterprise accounts',
            unbounded: true,
            includedCount: 0,
            ruleCount: 1,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-segment',
      title: 'Get Segment',
      description:
        'Returns a segment’s rules and explicit inclusions and exclusions. Lists longer than 500 keys are truncated.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          environmentKey: z.string(),
          segmentKey: z.string(),
        }),
      output: z =>
        z.object({
          key: z.string(),
          name: z.string(),
          included: z.array(z.string()),
          excluded: z.array(z.string()),
          rules: z.array(
            z.object({
              clauses: z.array(
                z.object({
                  attribute: z.string(),
                  op: z.enum(clauseOp),
                  values: z.array(z.string()),
                  negate: z.boolean(),
                }),
              ),
            }),
          ),
          truncated: z.boolean(),
        }),
      example: {
        projectKey: 'storefront',
        environmentKey: 'production',
        segmentKey: 'beta-testers',
      },
      run: input => ({
        key: input.segmentKey,
        name: 'Beta testers',
        included: ['user-1042', 'user-2210', 'user-8891'],
        excluded: [],
        rules: [
          {
            clauses: [
              {
                attribute: 'plan',
                op: 'in' as const,
                values: ['beta'],
                negate: false,
              },
            ],
          },
        ],
        truncated: false,
      }),
    }),
    portalAction({
      name: 'update-segment-members',
      title: 'Update Segment Members',
      description:
        'Adds or removes context keys from a segment’s included and excluded lists in one change.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          environmentKey: z.string(),
          segmentKey: z.string(),
          included: z
            .object({
              add: z.array(z.string()).default([]),
              remove: z.array(z.string()).default([]),
            })
            .optional(),
          excluded: z
            .object({
              add: z.array(z.string()).default([]),
              remove: z.array(z.string()).default([]),
            })
            .optional(),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          segmentKey: z.string(),
          includedCount: z.number().int(),
          excludedCount: z.number().int(),
        }),
      example: {
        projectKey: 'storefront',
        environmentKey: 'production',
        segmentKey: 'beta-testers',
        included: { add: ['user-9001', 'user-9002'], remove: ['user-2210'] },
        comment: 'Q3 beta cohort',
      },
      run: input => ({
        segmentKey: input.segmentKey,
        includedCount:
          312 +
          (input.included?.add.length ?? 0) -
          (input.included?.remove.length ?? 0),
        excludedCount:
          (input.excluded?.add.length ?? 0) -
          (input.excluded?.remove.length ?? 0) +
          4,
      }),
    }),
    portalAction({
      name: 'list-audit-log',
      title: 'List Audit Log',
      description:
        'Lists audit log entries, newest first, optionally restricted to a resource specifier such as `proj/storefront:env/production:flag/*`.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          spec: z.string().optional().describe('Resource specifier'),
          query: z
            .string()
            .optional()
            .describe('Full-text search over entries'),
          after: z.number().int().optional().describe('Epoch ms lower bound'),
          before: z.number().int().optional().describe('Epoch ms upper bound'),
          limit: z.number().int().min(1).max(20).default(10),
        }),
      output: z =>
        z.object({
          entries: z.array(
            z.object({
              id: z.string(),
              date: z.number().int(),
              kind: z.string(),
              title: z.string(),
              member: z.string().optional(),
              comment: z.string().optional(),
            }),
          ),
        }),
      example: {
        spec: 'proj/storefront:env/production:flag/checkout-one-page',
        limit: 5,
      },
      run: () => ({
        entries: [
          {
            id: '665adf1e2b1f4a0011c3e9a2',
            date: 1717236120000,
            kind: 'flag',
            title:
              'Maya Lindqvist changed the targeting rules of One-page checkout in Production',
            member: 'maya@example.com',
            comment: 'Expand to Nordics at 50%',
          },
        ],
      }),
    }),
    portalAction({
      name: 'schedule-flag-change',
      title: 'Schedule Flag Change',
      description:
        'Schedules changes to a flag in one environment, such as turning it on at launch time or raising a rollout overnight. The instructions run in order at `executionDate`.',
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[a-z0-9._-]+$/),
          flagKey: z.string(),
          environmentKey: z.string(),
          executionDate: z.number().int().describe('Epoch milliseconds'),
          instructions: z
            .array(
              z.object({
                kind: z.enum([
                  'turnFlagOn',
                  'turnFlagOff',
                  'updateFallthroughVariationOrRollout',
                  'addTargets',
                  'removeTargets',
                ]),
                variationIndex: z.number().int().min(0).optional(),
                rolloutWeights: z
                  .record(z.number().int().min(0).max(100000))
                  .optional(),
                values: z.array(z.string()).optional(),
              }),
            )
            .min(1),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          scheduleId: z.string(),
          executionDate: z.number().int(),
          instructionCount: z.number().int(),
          status: z.enum(['pending', 'pending-approval']),
        }),
      example: {
        projectKey: 'storefront',
        flagKey: 'search-ranking-model',
        environmentKey: 'production',
        executionDate: 1717545600000,
        instructions: [
          { kind: 'turnFlagOn' },
          {
            kind: 'updateFallthroughVariationOrRollout',
            rolloutWeights: { '0': 80000, '1': 0, '2': 20000 },
          },
        ],
        comment: 'Start ltr-v4 at 20% Tuesday morning',
      },
      run: input => ({
        scheduleId: 'sched_1c9e4f',
        executionDate: input.executionDate,
        instructionCount: input.instructions.length,
        status:
          input.environmentKey === 'production'
            ? ('pending-approval' as const)
            : ('pending' as const),
      }),
    }),
  ],
};
