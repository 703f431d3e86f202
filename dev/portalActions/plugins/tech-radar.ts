import { PortalPlugin, portalAction } from '../types';

export const techRadarPlugin: PortalPlugin = {
  pluginId: 'tech-radar',
  actions: [
    portalAction({
      name: 'list-entries',
      title: 'List Entries',
      description:
        'Lists the technologies on the radar with their quadrant and ring. Filter by either to narrow the list.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          radarId: z
            .string()
            .default('company')
            .describe('Which radar; most portals have one'),
          quadrant: z
            .enum(['languages', 'frameworks', 'infrastructure', 'tools'])
            .optional(),
          ring: z.enum(['adopt', 'trial', 'assess', 'hold']).optional(),
        }),
      output: z =>
        z.object({
          entries: z.array(
            z.object({
              key: z.string(),
              title: z.string(),
              quadrant: z.string(),
              ring: z.enum(['adopt', 'trial', 'assess', 'hold']),
              moved: z.enum(['up', 'down', 'new', 'none']),
            }),
          ),
        }),
      example: { radarId: 'company', quadrant: 'languages' },
      run: input => ({
        entries: [
          {
            key: 'kotlin',
            title: 'Kotlin',
            quadrant: input.quadrant ?? 'languages',
            ring: 'adopt' as const,
            moved: 'none' as const,
          },
          {
            key: 'rust',
            title: 'Rust',
            quadrant: input.quadrant ?? 'languages',
            ring: 'trial' as const,
            moved: 'up' as const,
          },
          {
            key: 'groovy',
            title: 'Groovy',
            quadrant: input.quadrant ?? 'languages',
            ring: 'hold' as const,
            moved: 'down' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-entry',
      title: 'Get Entry',
      description:
        'Returns one radar entry with its rationale, links and the teams known to use it.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          key: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]*$/)
            .describe('Entry key, e.g. rust'),
        }),
      output: z =>
        z.object({
          key: z.string(),
          title: z.string(),
          quadrant: z.string(),
          ring: z.enum(['adopt', 'trial', 'assess', 'hold']),
          description: z.string(),
          links: z.array(z.object({ title: z.string(), url: z.string() })),
          usedBy: z.array(z.string()),
          owner: z.string().optional(),
        }),
      example: { key: 'rust' },
      run: input => ({
        key: input.key,
        title: 'Rust',
        quadrant: 'languages',
        ring: 'trial' as const,
        description:
          'Approved for latency-critical services where the team has at least two experienced Rust developers.',
        links: [
          {
            title: 'Rust guild page',
            url: 'https://wiki.acme.internal/guilds/rust',
          },
        ],
        usedBy: ['group:default/team-edge', 'group:default/team-search'],
        owner: 'group:default/architecture-board',
      }),
    }),
    portalAction({
      name: 'search-entries',
      title: 'Search Entries',
      description:
        'Finds radar entries whose title, description or tags match a term.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          term: z.string().min(2),
          includeArchived: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          matches: z.array(
            z.object({
              key: z.string(),
              title: z.string(),
              ring: z.string(),
              archived: z.boolean(),
            }),
          ),
        }),
      example: { term: 'queue', includeArchived: true },
      run: input => ({
        matches: [
          {
            key: 'kafka',
            title: 'Apache Kafka',
            ring: 'adopt',
            archived: false,
          },
          {
            key: 'amazon-sqs',
            title: 'Amazon SQS',
            ring: 'trial',
            archived: false,
          },
          ...(input.includeArchived
            ? [
                {
                  key: 'activemq',
                  title: 'ActiveMQ',
                  ring: 'hold',
                  archived: true,
                },
              ]
            : []),
        ],
      }),
    }),
    portalAction({
      name: 'list-quadrants',
      title: 'List Quadrants',
      description: 'The four quadrants of the radar.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ radarId: z.string().default('company') }),
      output: z =>
        z.object({
          quadrants: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              entryCount: z.number().int(),
            }),
          ),
        }),
      example: { radarId: 'company' },
      run: () => ({
        quadrants: [
          { id: 'languages', name: 'Languages', entryCount: 14 },
          { id: 'frameworks', name: 'Frameworks', entryCount: 31 },
          { id: 'infrastructure', name: 'Infrastructure', entryCount: 27 },
          { id: 'tools', name: 'Tools', entryCount: 40 },
        ],
      }),
    }),
    portalAction({
      name: 'list-rings',
      title: 'List Rings',
      description:
        'Lists the rings with what each one means for teams choosing a technology.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ radarId: z.string().default('company') }),
      output: z =>
        z.object({
          rings: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              color: z.string().regex(/^#[0-9a-f]{6}$/),
              guidance: z.string(),
            }),
          ),
        }),
      example: { radarId: 'company' },
      run: () => ({
        rings: [
          {
            id: 'adopt',
            name: 'Adopt',
            color: '#5ba300',
            guidance: 'Default choice for new work.',
          },
          {
            id: 'trial',
            name: 'Trial',
            color: '#009eb0',
            guidance: 'Use on a real project, with support.',
          },
          {
            id: 'assess',
            name: 'Assess',
            color: '#c7ba00',
            guidance: 'Explore in spikes only.',
          },
          {
            id: 'hold',
            name: 'Hold',
            color: '#e09b96',
            guidance: 'Do not start anything new with it.',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-entry-history',
      title: 'Get Entry History',
      description:
        'Shows how an entry moved between rings over past radar editions, with the reason recorded for each move.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ key: z.string() }),
      output: z =>
        z.object({
          key: z.string(),
          timeline: z.array(
            z.object({
              edition: z.string(),
              ring: z.enum(['adopt', 'trial', 'assess', 'hold']),
              note: z.string().optional(),
            }),
          ),
        }),
      example: { key: 'rust' },
      run: input => ({
        key: input.key,
        timeline: [
          {
            edition: '2023-H2',
            ring: 'assess' as const,
            note: 'First spike by team-edge',
          },
          {
            edition: '2024-H2',
            ring: 'trial' as const,
            note: 'Two production services running without incident for six months',
          },
        ],
      }),
    }),
    portalAction({
      name: 'compare-editions',
      title: 'Compare Editions',
      description:
        'Lists what changed between two radar editions: new entries, moves and removals.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          from: z
            .string()
            .regex(/^\d{4}-H[12]$/)
            .describe('Edition, e.g. 2024-H1'),
          to: z.string().regex(/^\d{4}-H[12]$/),
        }),
      output: z =>
        z.object({
          added: z.array(z.object({ key: z.string(), ring: z.string() })),
          moved: z.array(
            z.object({
              key: z.string(),
              fromRing: z.string(),
              toRing: z.string(),
            }),
          ),
          removed: z.array(z.string()),
        }),
      example: { from: '2024-H1', to: '2024-H2' },
      run: () => ({
        added: [{ key: 'opentofu', ring: 'assess' }],
        moved: [
          { key: 'rust', fromRing: 'assess', toRing: 'trial' },
          { key: 'jenkins', fromRing: 'trial', toRing: 'hold' },
        ],
        removed: ['bower'],
      }),
    }),
    portalAction({
      name: 'export-radar',
      title: 'Export Radar',
      description:
        'Exports the whole radar in a format other tools understand. The csv format follows the column layout of the common build-your-own-radar tool.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          format: z.enum(['json', 'csv', 'markdown']).default('json'),
          edition: z
            .string()
            .optional()
            .describe('Defaults to the current edition'),
        }),
      output: z =>
        z.object({
          format: z.string(),
          edition: z.string(),
          content: z.string(),
          entryCount: z.number().int(),
        }),
      example: { format: 'csv' },
      run: input => ({
        format: input.format,
        edition: input.edition ?? '2024-H2',
        content:
          input.format === 'csv'
            ? 'name,ring,quadrant,isNew,description\nKotlin,adopt,languages,FALSE,Default JVM language\nRust,trial,languages,FALSE,For latency-critical services\n'
            : '[{"key":"kotlin","ring":"adopt"},{"key":"rust","ring":"trial"}]',
        entryCount: 2,
      }),
    }),
    portalAction({
      name: 'list-pending-proposals',
      title: 'List Pending Proposals',
      description:
        'Lists proposals waiting for the architecture board, oldest first, so nothing sits unreviewed.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          proposedBy: z
            .string()
            .optional()
            .describe('User or group entity ref'),
        }),
      output: z =>
        z.object({
          proposals: z.array(
            z.object({
              id: z.string(),
              key: z.string(),
              requestedRing: z.enum(['adopt', 'trial', 'assess', 'hold']),
              proposedBy: z.string(),
              createdAt: z.string(),
              votes: z.object({
                for: z.number().int(),
                against: z.number().int(),
              }),
            }),
          ),
        }),
      example: { proposedBy: 'group:default/team-platform' },
      run: input => ({
        proposals: [
          {
            id: 'prop-0193',
            key: 'opentofu',
            requestedRing: 'trial' as const,
            proposedBy: input.proposedBy ?? 'group:default/team-platform',
            createdAt: '2024-10-21T12:00:00Z',
            votes: { for: 3, against: 1 },
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-adoption-stats',
      title: 'Get Adoption Stats',
      description:
        'Counts catalog components that use an entry, based on their tags and detected languages. Counts are approximate and refreshed nightly.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          keys: z.array(z.string()).min(1).max(20),
          groupBy: z.enum(['none', 'owner', 'system']).default('none'),
        }),
      output: z =>
        z.object({
          stats: z.array(
            z.object({
              key: z.string(),
              components: z.number().int(),
              breakdown: z.record(z.number().int()).optional(),
            }),
          ),
          refreshedAt: z.string(),
        }),
      example: { keys: ['kotlin', 'groovy'], groupBy: 'owner' },
      run: input => ({
        stats: input.keys.map((key, i) => ({
          key,
          components: [212, 17, 54, 8][i % 4],
          breakdown:
            input.groupBy === 'none'
              ? undefined
              : {
                  'group:default/team-payments': 9 - i,
                  'group:default/team-search': 3 + i,
                },
        })),
        refreshedAt: '2024-11-14T02:00:00Z',
      }),
    }),
    portalAction({
      name: 'list-stale-entries',
      title: 'List Stale Entries',
      description: 'Entries not reviewed within the given number of months.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          olderThanMonths: z.number().int().min(1).max(60).default(12),
        }),
      output: z =>
        z.object({
          entries: z.array(
            z.object({
              key: z.string(),
              ring: z.string(),
              lastReviewed: z.string(),
            }),
          ),
        }),
      example: { olderThanMonths: 18 },
      run: () => ({
        entries: [
          { key: 'grunt', ring: 'hold', lastReviewed: '2022-05-10' },
          { key: 'consul', ring: 'trial', lastReviewed: '2023-02-01' },
        ],
      }),
    }),
    portalAction({
      name: 'create-entry',
      title: 'Create Entry',
      description:
        'Adds a technology to the radar directly. Only members of the architecture board may do this; everyone else should use propose-entry.',
      input: z =>
        z.object({
          key: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]*$/)
            .max(40),
          title: z.string().min(1).max(80),
          quadrant: z.enum([
            'languages',
            'frameworks',
            'infrastructure',
            'tools',
          ]),
          ring: z.enum(['adopt', 'trial', 'assess', 'hold']),
          description: z
            .string()
            .min(20)
            .describe('Markdown; why it sits in this ring'),
          links: z
            .array(z.object({ title: z.string(), url: z.string().url() }))
            .default([]),
          tags: z.array(z.string()).default([]),
          owner: z
            .string()
            .optional()
            .describe('Group responsible for the entry'),
        }),
      output: z =>
        z.object({ key: z.string(), edition: z.string(), url: z.string() }),
      example: {
        key: 'opentofu',
        title: 'OpenTofu',
        quadrant: 'infrastructure',
        ring: 'assess',
        description:
          'Open-source fork of Terraform. Evaluate for new stacks; existing Terraform code keeps working.',
        links: [{ title: 'Project site', url: 'https://opentofu.org' }],
        tags: ['iac'],
        owner: 'group:default/team-platform',
      },
      run: input => ({
        key: input.key,
        edition: '2024-H2',
        url: `https://backstage.acme.internal/tech-radar?entry=${input.key}`,
      }),
    }),
    portalAction({
      name: 'update-entry',
      title: 'Update Entry',
      description:
        'Edits the text, links or tags of an entry. Moving it to another ring is done with move-entry.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          key: z.string(),
          patch: z.object({
            title: z.string().optional(),
            description: z.string().optional(),
            links: z
              .array(z.object({ title: z.string(), url: z.string().url() }))
              .optional(),
            tags: z.array(z.string()).optional(),
            owner: z.string().optional(),
          }),
        }),
      output: z =>
        z.object({ key: z.string(), updatedFields: z.array(z.string()) }),
      example: {
        key: 'rust',
        patch: {
          tags: ['systems', 'performance'],
          owner: 'group:default/team-edge',
        },
      },
      run: input => ({
        key: input.key,
        updatedFields: Object.keys(input.patch),
      }),
    }),
    portalAction({
      name: 'move-entry',
      title: 'Move Entry',
      description:
        'Moves an entry to another ring in the current edition and records why. Teams watching the entry are notified.',
      input: z =>
        z.object({
          key: z.string(),
          toRing: z.enum(['adopt', 'trial', 'assess', 'hold']),
          reason: z.string().min(10),
        }),
      output: z =>
        z.object({
          key: z.string(),
          fromRing: z.enum(['adopt', 'trial', 'assess', 'hold']),
          toRing: z.enum(['adopt', 'trial', 'assess', 'hold']),
          notifiedTeams: z.number().int(),
        }),
      example: {
        key: 'jenkins',
        toRing: 'hold',
        reason: 'GitHub Actions covers all supported pipelines now.',
      },
      run: input => ({
        key: input.key,
        fromRing: 'trial' as const,
        toRing: input.toRing,
        notifiedTeams: 6,
      }),
    }),
    portalAction({
      name: 'propose-entry',
      title: 'Propose Entry',
      description:
        'Submits a technology, or a ring change for an existing one, to the architecture board for review.',
      input: z =>
        z.object({
          key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
          title: z.string(),
          quadrant: z.enum([
            'languages',
            'frameworks',
            'infrastructure',
            'tools',
          ]),
          requestedRing: z.enum(['adopt', 'trial', 'assess', 'hold']),
          motivation: z.string().min(30),
          evidence: z
            .array(
              z.object({
                entityRef: z
                  .string()
                  .describe('Component that already uses it'),
                note: z.string().optional(),
              }),
            )
            .optional(),
        }),
      output: z =>
        z.object({
          proposalId: z.string(),
          status: z.literal('pending'),
        }),
      example: {
        key: 'temporal',
        title: 'Temporal',
        quadrant: 'frameworks',
        requestedRing: 'trial',
        motivation:
          'We keep rebuilding retry and saga logic by hand; Temporal would give us durable workflows.',
        evidence: [
          {
            entityRef: 'component:default/refund-orchestrator',
            note: 'PoC since August',
          },
        ],
      },
      run: () => ({ proposalId: 'prop-0201', status: 'pending' as const }),
    }),
    portalAction({
      name: 'approve-proposal',
      title: 'Approve Proposal',
      description:
        'Approves a pending proposal and applies it to the current edition. Board members only.',
      input: z =>
        z.object({
          proposalId: z.string(),
          ring: z
            .enum(['adopt', 'trial', 'assess', 'hold'])
            .optional()
            .describe('Override the requested ring'),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          proposalId: z.string(),
          status: z.literal('approved'),
          key: z.string(),
          ring: z.string(),
        }),
      example: {
        proposalId: 'prop-0193',
        ring: 'assess',
        comment: 'Start with assess, revisit in H1.',
      },
      run: input => ({
        proposalId: input.proposalId,
        status: 'approved' as const,
        key: 'opentofu',
        ring: input.ring ?? 'trial',
      }),
    }),
    portalAction({
      name: 'reject-proposal',
      title: 'Reject Proposal',
      description: 'Rejects a proposal with a reason the proposer will see.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          proposalId: z.string(),
          reason: z.string().min(10),
        }),
      output: z =>
        z.object({ proposalId: z.string(), status: z.literal('rejected') }),
      example: {
        proposalId: 'prop-0187',
        reason: 'Overlaps with Kafka, which is already in adopt.',
      },
      run: input => ({
        proposalId: input.proposalId,
        status: 'rejected' as const,
      }),
    }),
    portalAction({
      name: 'delete-entry',
      title: 'Delete Entry',
      description:
        'Removes an entry from the radar. Set archive to keep it findable in history instead of deleting it outright.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          key: z.string(),
          archive: z.boolean().default(true),
        }),
      output: z =>
        z.object({ key: z.string(), result: z.enum(['archived', 'deleted']) }),
      example: { key: 'bower', archive: false },
      run: input => ({
        key: input.key,
        result: input.archive ? ('archived' as const) : ('deleted' as const),
      }),
    }),
    portalAction({
      name: 'publish-edition',
      title: 'Publish Edition',
      description:
        'Freezes the current state of the radar as a new edition and starts a fresh draft. Subscribers receive a summary of the changes.',
      input: z =>
        z.object({
          edition: z.string().regex(/^\d{4}-H[12]$/),
          announcement: z
            .object({
              title: z.string(),
              body: z.string().optional(),
              channels: z
                .array(z.enum(['email', 'slack', 'portal-banner']))
                .default(['portal-banner']),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          edition: z.string(),
          entries: z.number().int(),
          changes: z.number().int(),
          announced: z.boolean(),
        }),
      example: {
        edition: '2025-H1',
        announcement: {
          title: 'Tech Radar 2025-H1 is out',
          channels: ['slack', 'portal-banner'],
        },
      },
      run: input => ({
        edition: input.edition,
        entries: 112,
        changes: 9,
        announced: input.announcement !== undefined,
      }),
    }),
  ],
};
