import { PortalPlugin, portalAction } from '../types';

const stateType = [
  'triage',
  'backlog',
  'unstarted',
  'started',
  'completed',
  'canceled',
] as const;

export const linearPlugin: PortalPlugin = {
  pluginId: 'linear',
  actions: [
    portalAction({
      name: 'search-issues',
      title: 'Search Issues',
      description:
        'Searches issues by text and structured filters such as team, workflow state type, assignee, label and priority. Results are cursor-paginated; pass `after` from the previous page.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z
            .string()
            .optional()
            .describe('Matched against title and description'),
          filter: z
            .object({
              teamKeys: z.array(z.string().regex(/^[A-Z]{2,5}$/)).optional(),
              stateTypes: z.array(z.enum(stateType)).optional(),
              assigneeEmails: z.array(z.string().email()).optional(),
              labels: z
                .array(z.string())
                .optional()
                .describe('Issues with any of these labels'),
              priorities: z
                .array(z.number().int().min(0).max(4))
                .optional()
                .describe('0 none, 1 urgent, 2 high, 3 medium, 4 low'),
              projectId: z.string().optional(),
            })
            .default({}),
          orderBy: z
            .enum(['updatedAt', 'createdAt', 'priority'])
            .default('updatedAt'),
          first: z.number().int().min(1).max(100).default(25),
          after: z.string().optional(),
        }),
      output: z =>
        z.object({
          issues: z.array(
            z.object({
              identifier: z.string(),
              title: z.string(),
              state: z.object({ name: z.string(), type: z.enum(stateType) }),
              priority: z.number().int(),
              assignee: z.string().optional(),
              labels: z.array(z.string()),
              url: z.string(),
              updatedAt: z.string(),
            }),
          ),
          pageInfo: z.object({
            hasNextPage: z.boolean(),
            endCursor: z.string().optional(),
          }),
        }),
      example: {
        query: 'rate limit',
        filter: {
          teamKeys: ['API'],
          stateTypes: ['unstarted', 'started'],
          priorities: [1, 2],
        },
        orderBy: 'priority',
        first: 10,
      },
      run: input => ({
        issues: [
          {
            identifier: `${input.filter.teamKeys?.[0] ?? 'API'}-812`,
            title: 'Per-tenant rate limit ignores burst setting',
            state: { name: 'In Progress', type: 'started' as const },
            priority: 2,
            assignee: 'dana@example.com',
            labels: ['bug', 'gateway'],
            url: 'https://linear.app/acme/issue/API-812',
            updatedAt: '2024-05-31T15:02:00Z',
          },
        ],
        pageInfo: { hasNextPage: false },
      }),
    }),
    portalAction({
      name: 'get-issue',
      title: 'Get Issue',
      description:
        'Fetches a single issue by its identifier, including description, relations and sub-issues.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          identifier: z
            .string()
            .regex(/^[A-Z]{2,5}-\d+$/)
            .describe('Issue key such as `API-812`'),
          includeComments: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          identifier: z.string(),
          title: z.string(),
          description: z.string().optional(),
          state: z.object({ name: z.string(), type: z.enum(stateType) }),
          priority: z.number().int(),
          estimate: z.number().optional(),
          assignee: z.string().optional(),
          creator: z.string(),
          project: z.object({ id: z.string(), name: z.string() }).optional(),
          cycle: z
            .object({ number: z.number().int(), name: z.string().optional() })
            .optional(),
          relations: z.array(
            z.object({
              type: z.enum(['blocks', 'blocked_by', 'related', 'duplicate']),
              identifier: z.string(),
            }),
          ),
          children: z.array(z.string()),
          comments: z
            .array(
              z.object({
                author: z.string(),
                body: z.string(),
                createdAt: z.string(),
              }),
            )
            .optional(),
        }),
      example: { identifier: 'API-812', includeComments: true },
      run: input => ({
        identifier: input.identifier,
        title: 'Per-tenant rate limit ignores burst setting',
        description:
          'Tenants configured with `burst: 50` are throttled at the base rate. Repro in staging with the load script attached.',
        state: { name: 'In Progress', type: 'started' as const },
        priority: 2,
        estimate: 3,
        assignee: 'dana@example.com',
        creator: 'support-bot@example.com',
        project: { id: 'proj_7Hq2', name: 'Gateway reliability Q2' },
        cycle: { number: 31 },
        relations: [{ type: 'blocks' as const, identifier: 'API-820' }],
        children: ['API-813'],
        comments: input.includeComments
          ? [
              {
                author: 'dana@example.com',
                body: 'Token bucket is refilled with the wrong capacity, fix incoming.',
                createdAt: '2024-05-31T15:01:00Z',
              },
            ]
          : undefined,
      }),
    }),
    portalAction({
      name: 'create-issue',
      title: 'Create Issue',
      description:
        'Creates an issue in a team. Labels, assignee and subscribers are resolved by name and email; unknown labels are rejected rather than created.',
      input: z =>
        z.object({
          teamKey: z.string().regex(/^[A-Z]{2,5}$/),
          title: z.string().min(1).max(255),
          description: z.string().optional().describe('Markdown'),
          priority: z.number().int().min(0).max(4).default(0),
          estimate: z
            .number()
            .int()
            .min(0)
            .max(21)
            .optional()
            .describe('Points, per team estimate scale'),
          labelNames: z.array(z.string()).default([]),
          assigneeEmail: z.string().email().optional(),
          projectId: z.string().optional(),
          cycleNumber: z.number().int().min(1).optional(),
          parentIdentifier: z
            .string()
            .regex(/^[A-Z]{2,5}-\d+$/)
            .optional()
            .describe('Create as a sub-issue'),
          dueDate: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional()
            .describe('YYYY-MM-DD'),
          subscriberEmails: z.array(z.string().email()).default([]),
          stateName: z
            .string()
            .optional()
            .describe('Initial workflow state; the team default otherwise'),
        }),
      output: z =>
        z.object({
          identifier: z.string(),
          url: z.string(),
          state: z.string(),
        }),
      example: {
        teamKey: 'API',
        title: 'Return Retry-After header on 429 responses',
        description:
          'Clients currently back off blindly. Include `Retry-After` computed from the bucket refill time.',
        priority: 3,
        estimate: 2,
        labelNames: ['gateway', 'dx'],
        assigneeEmail: 'dana@example.com',
        parentIdentifier: 'API-812',
        dueDate: '2024-06-14',
        subscriberEmails: ['support-lead@example.com'],
      },
      run: input => ({
        identifier: `${input.teamKey}-821`,
        url: `https://linear.app/acme/issue/${input.teamKey}-821`,
        state: input.stateName ?? 'Todo',
      }),
    }),
    portalAction({
      name: 'update-issue',
      title: 'Update Issue',
      description:
        'Applies a partial update to an issue; fields left out are unchanged. Setting `assigneeEmail` to an empty string unassigns the issue.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          identifier: z.string().regex(/^[A-Z]{2,5}-\d+$/),
          patch: z.object({
            title: z.string().min(1).max(255).optional(),
            description: z.string().optional(),
            stateName: z.string().optional(),
            priority: z.number().int().min(0).max(4).optional(),
            estimate: z.number().int().min(0).max(21).optional(),
            assigneeEmail: z.string().optional(),
            labelNames: z
              .array(z.string())
              .optional()
              .describe('Replaces all labels'),
            dueDate: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/)
              .optional(),
          }),
        }),
      output: z =>
        z.object({
          identifier: z.string(),
          updatedFields: z.array(z.string()),
          updatedAt: z.string(),
        }),
      example: {
        identifier: 'API-812',
        patch: { stateName: 'In Review', estimate: 5 },
      },
      run: input => ({
        identifier: input.identifier,
        updatedFields: Object.keys(input.patch),
        updatedAt: '2024-06-01T10:30:00Z',
      }),
    }),
    portalAction({
      name: 'archive-issue',
      title: 'Archive Issue',
      description:
        'Archives an issue and its sub-issues. Archived issues are hidden from views and search but can be restored from the archive.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({ identifier: z.string().regex(/^[A-Z]{2,5}-\d+$/) }),
      output: z => z.object({ identifier: z.string(), archivedAt: z.string() }),
      example: { identifier: 'WEB-77' },
      run: input => ({
        identifier: input.identifier,
        archivedAt: '2024-06-01T10:31:00Z',
      }),
    }),
    portalAction({
      name: 'post-issue-comment',
      title: 'Post Issue Comment',
      description:
        'Adds a Markdown comment to an issue, or replies to an existing comment.',
      input: z =>
        z.object({
          identifier: z.string().regex(/^[A-Z]{2,5}-\d+$/),
          body: z
            .string()
            .min(1)
            .describe('Markdown; `@user` mentions notify people'),
          parentCommentId: z.string().optional(),
        }),
      output: z => z.object({ commentId: z.string(), url: z.string() }),
      example: {
        identifier: 'API-812',
        body: 'Deployed the fix to staging, burst now honoured. Verified with 60 rps spike for tenant `acme-eu`.',
      },
      run: input => ({
        commentId: 'cmt_4f2a91',
        url: `https://linear.app/acme/issue/${input.identifier}#comment-cmt_4f2a91`,
      }),
    }),
    portalAction({
      name: 'list-teams',
      title: 'List Teams',
      description:
        'Lists teams in the workspace with their key and active cycle.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ includeArchived: z.boolean().default(false) }),
      output: z =>
        z.object({
          teams: z.array(
            z.object({
              id: z.string(),
              key: z.string(),
              name: z.string(),
              memberCount: z.number().int(),
              cyclesEnabled: z.boolean(),
              activeCycleNumber: z.number().int().optional(),
            }),
          ),
        }),
      example: { includeArchived: false },
      run: () => ({
        teams: [
          {
            id: 'team_api',
            key: 'API',
            name: 'API Platform',
            memberCount: 9,
            cyclesEnabled: true,
            activeCycleNumber: 31,
          },
          {
            id: 'team_web',
            key: 'WEB',
            name: 'Web',
            memberCount: 12,
            cyclesEnabled: true,
            activeCycleNumber: 44,
          },
          {
            id: 'team_sec',
            key: 'SEC',
            name: 'Security',
            memberCount: 4,
            cyclesEnabled: false,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-workflow-states',
      title: 'List Workflow States',
      description:
        'Lists the workflow states of a team in board order. Use the names when moving issues between states.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ teamKey: z.string().regex(/^[A-Z]{2,5}$/) }),
      output: z =>
        z.object({
          states: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              type: z.enum(stateType),
              color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
              position: z.number(),
            }),
          ),
        }),
      example: { teamKey: 'API' },
      run: () => ({
        states: [
          {
            id: 'st1',
            name: 'Backlog',
            type: 'backlog' as const,
            color: '#bec2c8',
            position: 0,
          },
          {
            id: 'st2',
            name: 'Todo',
            type: 'unstarted' as const,
            color: '#e2e2e2',
            position: 1,
          },
          {
            id: 'st3',
            name: 'In Progress',
            type: 'started' as const,
            color: '#f2c94c',
            position: 2,
          },
          {
            id: 'st4',
            name: 'In Review',
            type: 'started' as const,
            color: '#5e6ad2',
            position: 3,
          },
          {
            id: 'st5',
            name: 'Done',
            type: 'completed' as const,
            color: '#5e6ad2',
            position: 4,
          },
          {
            id: 'st6',
            name: 'Canceled',
            type: 'canceled' as const,
            color: '#95a2b3',
            position: 5,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description:
        'Lists projects, optionally only those of one team or in a given state.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          teamKey: z
            .string()
            .regex(/^[A-Z]{2,5}$/)
            .optional(),
          state: z
            .enum(['planned', 'started', 'paused', 'completed', 'canceled'])
            .optional(),
          first: z.number().int().min(1).max(100).default(50),
        }),
      output: z =>
        z.object({
          projects: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              state: z.enum([
                'planned',
                'started',
                'paused',
                'completed',
                'canceled',
              ]),
              progress: z.number().min(0).max(1),
              lead: z.string().optional(),
              targetDate: z.string().optional(),
            }),
          ),
        }),
      example: { teamKey: 'API', state: 'started', first: 20 },
      run: input => ({
        projects: [
          {
            id: 'proj_7Hq2',
            name: 'Gateway reliability Q2',
            state: input.state ?? ('started' as const),
            progress: 0.64,
            lead: 'dana@example.com',
            targetDate: '2024-06-28',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-project',
      title: 'Get Project',
      description:
        'Returns a project with its milestones, member teams, latest status update and issue counts by state type.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ projectId: z.string().min(1) }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          description: z.string().optional(),
          state: z.enum([
            'planned',
            'started',
            'paused',
            'completed',
            'canceled',
          ]),
          health: z.enum(['onTrack', 'atRisk', 'offTrack']).optional(),
          teams: z.array(z.string()),
          milestones: z.array(
            z.object({
              name: z.string(),
              targetDate: z.string().optional(),
              progress: z.number().min(0).max(1),
            }),
          ),
          issueCounts: z.record(z.number().int()),
          latestUpdate: z
            .object({
              author: z.string(),
              body: z.string(),
              createdAt: z.string(),
            })
            .optional(),
        }),
      example: { projectId: 'proj_7Hq2' },
      run: input => ({
        id: input.projectId,
        name: 'Gateway reliability Q2',
        description:
          'Cut gateway-caused 5xx by half and make throttling predictable.',
        state: 'started' as const,
        health: 'atRisk' as const,
        teams: ['API', 'SEC'],
        milestones: [
          {
            name: 'Rate limiter rewrite',
            targetDate: '2024-06-07',
            progress: 0.8,
          },
          {
            name: 'mTLS between edge and gateway',
            targetDate: '2024-06-28',
            progress: 0.35,
          },
        ],
        issueCounts: {
          backlog: 4,
          unstarted: 6,
          started: 5,
          completed: 27,
          canceled: 2,
        },
        latestUpdate: {
          author: 'dana@example.com',
          body: 'mTLS slipped a week waiting on the cert rotation tooling.',
          createdAt: '2024-05-30T09:00:00Z',
        },
      }),
    }),
    portalAction({
      name: 'create-project',
      title: 'Create Project',
      description:
        'Creates a project shared by one or more teams, with optional lead, dates and milestones.',
      input: z =>
        z.object({
          name: z.string().min(1).max(80),
          description: z.string().max(255).optional(),
          teamKeys: z.array(z.string().regex(/^[A-Z]{2,5}$/)).min(1),
          leadEmail: z.string().email().optional(),
          startDate: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          targetDate: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          milestones: z
            .array(
              z.object({
                name: z.string().min(1),
                targetDate: z
                  .string()
                  .regex(/^\d{4}-\d{2}-\d{2}$/)
                  .optional(),
              }),
            )
            .default([]),
          icon: z.string().optional().describe('Emoji or icon name'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          url: z.string(),
          milestoneCount: z.number().int(),
        }),
      example: {
        name: 'Self-serve API keys',
        description:
          'Let customers create and rotate API keys from the dashboard.',
        teamKeys: ['API', 'WEB'],
        leadEmail: 'dana@example.com',
        startDate: '2024-07-01',
        targetDate: '2024-09-27',
        milestones: [
          { name: 'Key model and storage', targetDate: '2024-07-26' },
          { name: 'Dashboard UI', targetDate: '2024-09-06' },
        ],
      },
      run: input => ({
        id: 'proj_9Kx4',
        name: input.name,
        url: `https://linear.app/acme/project/${input.name.toLowerCase().replace(/\s+/g, '-')}-9kx4`,
        milestoneCount: input.milestones.length,
      }),
    }),
    portalAction({
      name: 'get-cycle',
      title: 'Get Cycle',
      description:
        'Returns the current, next or previous cycle of a team with scope and completion figures.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          teamKey: z.string().regex(/^[A-Z]{2,5}$/),
          which: z.enum(['current', 'next', 'previous']).default('current'),
        }),
      output: z =>
        z.object({
          number: z.number().int(),
          startsAt: z.string(),
          endsAt: z.string(),
          scope: z.object({ issues: z.number().int(), points: z.number() }),
          completed: z.object({ issues: z.number().int(), points: z.number() }),
          carriedOver: z.number().int().optional(),
        }),
      example: { teamKey: 'API', which: 'current' },
      run: input => {
        const offset = { previous: -1, current: 0, next: 1 }[input.which];
        return {
          number: 31 + offset,
          startsAt: '2024-05-27T00:00:00Z',
          endsAt: '2024-06-10T00:00:00Z',
          scope: { issues: 18, points: 41 },
          completed: {
            issues: offset < 0 ? 16 : 7,
            points: offset < 0 ? 37 : 15,
          },
          carriedOver: offset < 0 ? 2 : undefined,
        };
      },
    }),
    portalAction({
      name: 'add-issues-to-cycle',
      title: 'Add Issues To Cycle',
      description:
        'Moves issues into a cycle of their team. Issues from other teams are skipped and reported back.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          teamKey: z.string().regex(/^[A-Z]{2,5}$/),
          cycleNumber: z.number().int().min(1),
          identifiers: z
            .array(z.string().regex(/^[A-Z]{2,5}-\d+$/))
            .min(1)
            .max(50),
        }),
      output: z =>
        z.object({
          added: z.array(z.string()),
          skipped: z.array(
            z.object({ identifier: z.string(), reason: z.string() }),
          ),
        }),
      example: {
        teamKey: 'API',
        cycleNumber: 32,
        identifiers: ['API-820', 'API-821', 'WEB-301'],
      },
      run: input => ({
        added: input.identifiers.filter(i => i.startsWith(`${input.teamKey}-`)),
        skipped: input.identifiers
          .filter(i => !i.startsWith(`${input.teamKey}-`))
          .map(identifier => ({
            identifier,
            reason: `Issue belongs to another team than ${input.teamKey}`,
          })),
      }),
    }),
    portalAction({
      name: 'link-issues',
      title: 'Link Issues',
      description:
        'Creates a relation between two issues. Marking an issue as a duplicate also moves it to the team’s duplicate state.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          identifier: z.string().regex(/^[A-Z]{2,5}-\d+$/),
          relatedIdentifier: z.string().regex(/^[A-Z]{2,5}-\d+$/),
          type: z
            .enum(['blocks', 'related', 'duplicate'])
            .describe(
              '`identifier` blocks / is related to / duplicates `relatedIdentifier`',
            ),
        }),
      output: z => z.object({ relationId: z.string(), type: z.string() }),
      example: {
        identifier: 'API-812',
        relatedIdentifier: 'API-820',
        type: 'blocks',
      },
      run: input => ({
        relationId: `rel_${input.identifier}_${input.relatedIdentifier}`,
        type: input.type,
      }),
    }),
    portalAction({
      name: 'list-labels',
      title: 'List Labels',
      description:
        'Lists issue labels, workspace-wide and team-specific, including label groups.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          teamKey: z
            .string()
            .regex(/^[A-Z]{2,5}$/)
            .optional(),
        }),
      output: z =>
        z.object({
          labels: z.array(
            z.object({
              name: z.string(),
              color: z.string(),
              group: z.string().optional(),
              scope: z.enum(['workspace', 'team']),
            }),
          ),
        }),
      example: { teamKey: 'API' },
      run: input => ({
        labels: [
          {
            name: 'bug',
            color: '#eb5757',
            group: 'Type',
            scope: 'workspace' as const,
          },
          {
            name: 'feature',
            color: '#bb87fc',
            group: 'Type',
            scope: 'workspace' as const,
          },
          {
            name: 'gateway',
            color: '#4ea7fc',
            scope: input.teamKey ? ('team' as const) : ('workspace' as const),
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-issue-history',
      title: 'List Issue History',
      description:
        'Shows the change log of an issue: state transitions, reassignments, priority and label changes, newest first.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          identifier: z.string().regex(/^[A-Z]{2,5}-\d+$/),
          first: z.number().int().min(1).max(100).default(30),
        }),
      output: z =>
        z.object({
          entries: z.array(
            z.object({
              createdAt: z.string(),
              actor: z.string(),
              field: z.enum([
                'state',
                'assignee',
                'priority',
                'labels',
                'estimate',
                'cycle',
                'project',
                'title',
              ]),
              from: z.string().optional(),
              to: z.string().optional(),
            }),
          ),
        }),
      example: { identifier: 'API-812', first: 10 },
      run: () => ({
        entries: [
          {
            createdAt: '2024-05-31T14:58:00Z',
            actor: 'dana@example.com',
            field: 'state' as const,
            from: 'Todo',
            to: 'In Progress',
          },
          {
            createdAt: '2024-05-30T10:12:00Z',
            actor: 'lead@example.com',
            field: 'assignee' as const,
            to: 'dana@example.com',
          },
          {
            createdAt: '2024-05-30T10:11:00Z',
            actor: 'lead@example.com',
            field: 'priority' as const,
            from: 'Medium',
            to: 'High',
          },
        ],
      }),
    }),
    portalAction({
      name: 'attach-url-to-issue',
      title: 'Attach URL To Issue',
      description:
        'Attaches a link, such as a pull request, dashboard or Backstage entity page, to an issue. Attaching the same URL again updates the title instead of adding a duplicate.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          identifier: z.string().regex(/^[A-Z]{2,5}-\d+$/),
          url: z.string().url(),
          title: z.string().min(1).max(120),
          subtitle: z.string().optional(),
          metadata: z
            .record(z.string())
            .optional()
            .describe('Extra key/value pairs shown on the attachment'),
        }),
      output: z =>
        z.object({
          attachmentId: z.string(),
          identifier: z.string(),
          url: z.string(),
        }),
      example: {
        identifier: 'API-812',
        url: 'https://github.com/acme/gateway/pull/1442',
        title: 'fix(ratelimit): honour burst capacity',
        subtitle: 'Open · 2 approvals',
        metadata: { repo: 'acme/gateway' },
      },
      run: input => ({
        attachmentId: 'att_91c2',
        identifier: input.identifier,
        url: input.url,
      }),
    }),
    portalAction({
      name: 'get-team-velocity',
      title: 'Get Team Velocity',
      description:
        'Computes completed points per cycle for a team over its last cycles, with the rolling average used for planning.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          teamKey: z.string().regex(/^[A-Z]{2,5}$/),
          cycles: z.number().int().min(2).max(12).default(6),
        }),
      output: z =>
        z.object({
          teamKey: z.string(),
          cycles: z.array(
            z.object({
              number: z.number().int(),
              completedPoints: z.number(),
              scopePoints: z.number(),
            }),
          ),
          averageCompletedPoints: z.number(),
        }),
      example: { teamKey: 'API', cycles: 4 },
      run: input => {
        const cycles = Array.from({ length: input.cycles }, (_, i) => ({
          number: 30 - i,
          completedPoints: 34 + ((i * 7) % 9),
          scopePoints: 42 + ((i * 5) % 6),
        }));
        return {
          teamKey: input.teamKey,
          cycles,
          averageCompletedPoints:
            Math.round(
              (cycles.reduce((s, c) => s + c.completedPoints, 0) /
                cycles.length) *
                10,
            ) / 10,
        };
      },
    }),
  ],
};
