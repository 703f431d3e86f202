import { PortalPlugin, portalAction } from '../types';

export const sentryPlugin: PortalPlugin = {
  pluginId: 'sentry',
  actions: [
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description:
        'Lists Sentry projects in the organization with their platform and owning teams.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          teamSlug: z
            .string()
            .optional()
            .describe('Only projects this team has access to'),
          query: z.string().optional(),
        }),
      output: z =>
        z.object({
          projects: z.array(
            z.object({
              id: z.string(),
              slug: z.string(),
              platform: z.string().nullable(),
              teams: z.array(z.string()),
              isBookmarked: z.boolean(),
            }),
          ),
        }),
      example: { teamSlug: 'storefront' },
      run: input => ({
        projects: [
          {
            id: '4504187',
            slug: 'storefront-web',
            platform: 'javascript-react',
            teams: [input.teamSlug ?? 'storefront'],
            isBookmarked: true,
          },
          {
            id: '4504192',
            slug: 'storefront-bff',
            platform: 'node-express',
            teams: [input.teamSlug ?? 'storefront'],
            isBookmarked: false,
          },
        ],
      }),
    }),
    portalAction({
      name: 'search-issues',
      title: 'Search Issues',
      description:
        'Searches error issues with Sentry search syntax over a time window, sorted by frequency, recency or user impact. Use the cursor from the previous page to continue.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projects: z.array(z.string()).min(1).describe('Project slugs'),
          query: z
            .string()
            .default('is:unresolved')
            .describe(
              'Search such as is:unresolved level:error release:web@2.31.0',
            ),
          environment: z.array(z.string()).optional(),
          statsPeriod: z
            .enum(['1h', '24h', '7d', '14d', '30d', '90d'])
            .default('24h'),
          sort: z
            .enum(['date', 'new', 'freq', 'user', 'priority'])
            .default('freq'),
          limit: z.number().int().min(1).max(100).default(25),
          cursor: z.string().optional(),
        }),
      output: z =>
        z.object({
          issues: z.array(
            z.object({
              id: z.string(),
              shortId: z.string(),
              title: z.string(),
              culprit: z.string(),
              level: z.enum(['fatal', 'error', 'warning', 'info', 'debug']),
              status: z.enum(['unresolved', 'resolved', 'ignored']),
              count: z.number().int(),
              userCount: z.number().int(),
              firstSeen: z.string(),
              lastSeen: z.string(),
              assignedTo: z.string().nullable(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
      example: {
        projects: ['storefront-web'],
        query: 'is:unresolved level:error',
        environment: ['production'],
        statsPeriod: '24h',
        sort: 'user',
        limit: 25,
      },
      run: input => ({
        issues: [
          {
            id: '5218834012',
            shortId: `${input.projects[0].toUpperCase()}-3KD`,
            title:
              "TypeError: Cannot read properties of undefined (reading 'price')",
            culprit: 'CartSummary(app/cart/CartSummary.tsx)',
            level: 'error' as const,
            status: 'unresolved' as const,
            count: 1843,
            userCount: 612,
            firstSeen: '2024-05-13T18:22:05Z',
            lastSeen: '2024-05-14T09:58:41Z',
            assignedTo: null,
          },
        ],
        nextCursor: '0:25:0',
      }),
    }),
    portalAction({
      name: 'get-issue',
      title: 'Get Issue',
      description:
        'Fetches one issue with its stats, tags summary and the releases where it was first and last seen.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueId: z
            .string()
            .regex(/^\d+$/)
            .describe('Numeric issue id, not the short id'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          shortId: z.string(),
          title: z.string(),
          status: z.enum(['unresolved', 'resolved', 'ignored']),
          substatus: z
            .enum([
              'ongoing',
              'escalating',
              'regressed',
              'new',
              'archived_until_escalating',
            ])
            .optional(),
          firstRelease: z.string().optional(),
          lastRelease: z.string().optional(),
          topTags: z.array(
            z.object({
              key: z.string(),
              topValue: z.string(),
              share: z.number().min(0).max(1),
            }),
          ),
          permalink: z.string(),
        }),
      example: { issueId: '5218834012' },
      run: input => ({
        id: input.issueId,
        shortId: 'STOREFRONT-WEB-3KD',
        title:
          "TypeError: Cannot read properties of undefined (reading 'price')",
        status: 'unresolved' as const,
        substatus: 'escalating' as const,
        firstRelease: 'web@2.31.0',
        lastRelease: 'web@2.31.1',
        topTags: [
          { key: 'browser', topValue: 'Safari 17.4', share: 0.71 },
          { key: 'url', topValue: '/cart', share: 0.94 },
        ],
        permalink: `https://sentry.example.com/organizations/acme/issues/${input.issueId}/`,
      }),
    }),
    portalAction({
      name: 'get-latest-event',
      title: 'Get Latest Event',
      description:
        'Returns the most recent event of an issue with its stack trace, breadcrumbs and request context. Frames from node_modules are collapsed unless includeLibraryFrames is set.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
          includeLibraryFrames: z.boolean().default(false),
          maxBreadcrumbs: z.number().int().min(0).max(100).default(20),
        }),
      output: z =>
        z.object({
          eventId: z.string(),
          dateCreated: z.string(),
          release: z.string().optional(),
          environment: z.string().optional(),
          exception: z.object({
            type: z.string(),
            value: z.string(),
            frames: z.array(
              z.object({
                filename: z.string(),
                function: z.string().optional(),
                lineNo: z.number().int().optional(),
                inApp: z.boolean(),
                context: z.array(z.string()).optional(),
              }),
            ),
          }),
          breadcrumbs: z.array(
            z.object({
              category: z.string(),
              message: z.string().optional(),
              level: z.string(),
              timestamp: z.string(),
            }),
          ),
          request: z.object({ method: z.string(), url: z.string() }).optional(),
          tags: z.record(z.string()),
        }),
      example: {
        issueId: '5218834012',
        includeLibraryFrames: false,
        maxBreadcrumbs: 10,
      },
      run: input => ({
        eventId: '9fa1c2b74e3d4a0f8c6b5e2d1a7f3c90',
        dateCreated: '2024-05-14T09:58:41Z',
        release: 'web@2.31.1',
        environment: 'production',
        exception: {
          type: 'TypeError',
          value: "Cannot read properties of undefined (reading 'price')",
          frames: [
            {
              filename: 'app/cart/CartSummary.tsx',
              function: 'CartSummary',
              lineNo: 48,
              inApp: true,
              context: [
                '  const total = items.reduce(',
                '    (sum, i) => sum + i.variant.price * i.qty,',
              ],
            },
            ...(input.includeLibraryFrames
              ? [
                  {
                    filename:
                      'node_modules/react-dom/cjs/react-dom.production.min.js',
                    lineNo: 1,
                    inApp: false,
                  },
                ]
              : []),
          ],
        },
        breadcrumbs: [
          {
            category: 'navigation',
            message: '/product/1123 -> /cart',
            level: 'info',
            timestamp: '2024-05-14T09:58:39Z',
          },
          {
            category: 'fetch',
            message: 'GET /api/cart [200]',
            level: 'info',
            timestamp: '2024-05-14T09:58:40Z',
          },
        ].slice(0, input.maxBreadcrumbs),
        request: { method: 'GET', url: 'https://shop.example.com/cart' },
        tags: { browser: 'Safari 17.4', os: 'iOS 17.4', transaction: '/cart' },
      }),
    }),
    portalAction({
      name: 'list-issue-events',
      title: 'List Issue Events',
      description:
        'Lists individual events grouped into an issue, newest first.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
          environment: z.string().optional(),
          query: z
            .string()
            .optional()
            .describe('Tag filter such as browser:"Safari 17.4"'),
          limit: z.number().int().min(1).max(100).default(50),
        }),
      output: z =>
        z.object({
          events: z.array(
            z.object({
              eventId: z.string(),
              dateCreated: z.string(),
              user: z
                .object({
                  id: z.string().optional(),
                  ipAddress: z.string().optional(),
                })
                .optional(),
              release: z.string().optional(),
            }),
          ),
        }),
      example: { issueId: '5218834012', environment: 'production', limit: 3 },
      run: input => ({
        events: [
          {
            eventId: '9fa1c2b74e3d4a0f8c6b5e2d1a7f3c90',
            dateCreated: '2024-05-14T09:58:41Z',
            user: { id: 'u_18823' },
            release: 'web@2.31.1',
          },
          {
            eventId: '2c7d9e1f0a3b4c5d6e7f8a9b0c1d2e3f',
            dateCreated: '2024-05-14T09:57:02Z',
            user: { id: 'u_55102' },
            release: 'web@2.31.1',
          },
          {
            eventId: '7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e',
            dateCreated: '2024-05-14T09:51:17Z',
            release: 'web@2.31.0',
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'resolve-issue',
      title: 'Resolve Issue',
      description:
        'Marks an issue resolved now, in the next release, or in a specific release. If the error appears again afterwards, Sentry flags it as a regression.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
          resolveIn: z
            .discriminatedUnion('kind', [
              z.object({ kind: z.literal('now') }),
              z.object({ kind: z.literal('nextRelease') }),
              z.object({
                kind: z.literal('release'),
                version: z.string().min(1),
              }),
              z.object({
                kind: z.literal('commit'),
                repository: z.string(),
                commit: z.string().regex(/^[0-9a-f]{7,40}$/),
              }),
            ])
            .default({ kind: 'now' }),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.literal('resolved'),
          statusDetails: z.object({
            inRelease: z.string().optional(),
            inNextRelease: z.boolean().optional(),
            inCommit: z.string().optional(),
          }),
        }),
      example: {
        issueId: '5218834012',
        resolveIn: { kind: 'release', version: 'web@2.31.2' },
      },
      run: input => {
        const r = input.resolveIn;
        let statusDetails: {
          inRelease?: string;
          inNextRelease?: boolean;
          inCommit?: string;
        } = {};
        if (r.kind === 'release') statusDetails = { inRelease: r.version };
        else if (r.kind === 'nextRelease')
          statusDetails = { inNextRelease: true };
        else if (r.kind === 'commit') statusDetails = { inCommit: r.commit };
        return {
          id: input.issueId,
          status: 'resolved' as const,
          statusDetails,
        };
      },
    }),
    portalAction({
      name: 'assign-issue',
      title: 'Assign Issue',
      description:
        'Assigns an issue to a user or a team, or clears the assignment when assignee is empty.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
          assignee: z
            .string()
            .regex(/^((user|team):.+)?$/)
            .describe(
              'user:<id or email> or team:<slug>; empty string unassigns',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          assignedTo: z
            .object({ type: z.enum(['user', 'team']), name: z.string() })
            .nullable(),
        }),
      example: { issueId: '5218834012', assignee: 'team:storefront' },
      run: input => {
        if (!input.assignee) return { id: input.issueId, assignedTo: null };
        const [type, name] = input.assignee.split(':');
        return {
          id: input.issueId,
          assignedTo: {
            type: type === 'team' ? ('team' as const) : ('user' as const),
            name,
          },
        };
      },
    }),
    portalAction({
      name: 'archive-issue',
      title: 'Archive Issue',
      description:
        'Archives an issue so it stops alerting, either forever or until it escalates or passes a count. Archived issues still collect events.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
          until: z
            .enum(['escalating', 'forever', 'count', 'duration'])
            .default('escalating'),
          count: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Events before it reopens; with until=count'),
          window: z
            .number()
            .int()
            .min(1)
            .max(10080)
            .optional()
            .describe('Minutes over which count applies'),
          durationMinutes: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('With until=duration'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.literal('ignored'),
          substatus: z.enum([
            'archived_until_escalating',
            'archived_forever',
            'archived_until_condition_met',
          ]),
        }),
      example: {
        issueId: '5218834012',
        until: 'count',
        count: 1000,
        window: 60,
      },
      run: input => ({
        id: input.issueId,
        status: 'ignored' as const,
        substatus: (
          {
            escalating: 'archived_until_escalating',
            forever: 'archived_forever',
            count: 'archived_until_condition_met',
            duration: 'archived_until_condition_met',
          } as const
        )[input.until],
      }),
    }),
    portalAction({
      name: 'merge-issues',
      title: 'Merge Issues',
      description:
        'Merges several issues into one; events of the others move under the primary, which is the one with the most events. Unmerging later is possible but does not restore comments or assignments.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          project: z.string(),
          issueIds: z.array(z.string().regex(/^\d+$/)).min(2).max(100),
        }),
      output: z =>
        z.object({
          parentId: z.string(),
          mergedChildren: z.array(z.string()),
        }),
      example: {
        project: 'storefront-web',
        issueIds: ['5218834012', '5218901177', '5219002345'],
      },
      run: input => ({
        parentId: input.issueIds[0],
        mergedChildren: input.issueIds.slice(1),
      }),
    }),
    portalAction({
      name: 'delete-issue',
      title: 'Delete Issue',
      description:
        'Deletes an issue and all of its events. New events with the same fingerprint will create a fresh issue.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
          discardFuture: z
            .boolean()
            .default(false)
            .describe(
              'Also drop future events with this fingerprint; needs a Business plan',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          deleted: z.boolean(),
          discarding: z.boolean(),
        }),
      example: { issueId: '5219002345', discardFuture: false },
      run: input => ({
        id: input.issueId,
        deleted: true,
        discarding: input.discardFuture,
      }),
    }),
    portalAction({
      name: 'comment-on-issue',
      title: 'Comment on Issue',
      description:
        'Adds a note to the issue activity stream. Mentions like @user notify the mentioned people.',
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
          text: z.string().min(1).max(5000),
          mentions: z
            .array(z.string())
            .default([])
            .describe('User ids or team slugs to notify'),
        }),
      output: z =>
        z.object({
          activityId: z.string(),
          dateCreated: z.string(),
        }),
      example: {
        issueId: '5218834012',
        text: 'Caused by variants missing in the cart payload after the pricing migration.',
        mentions: ['team:pricing'],
      },
      run: () => ({
        activityId: '3318204',
        dateCreated: '2024-05-14T10:05:00Z',
      }),
    }),
    portalAction({
      name: 'list-releases',
      title: 'List Releases',
      description:
        'Lists releases of a project with their adoption, new issue counts and last deploy, newest first.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          project: z.string(),
          query: z.string().optional().describe('Prefix of the version string'),
          environment: z.string().optional(),
          status: z.enum(['open', 'archived']).default('open'),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          releases: z.array(
            z.object({
              version: z.string(),
              dateCreated: z.string(),
              newGroups: z.number().int(),
              commitCount: z.number().int(),
              lastDeploy: z
                .object({ environment: z.string(), dateFinished: z.string() })
                .optional(),
              adoption: z.number().min(0).max(100).optional(),
            }),
          ),
        }),
      example: {
        project: 'storefront-web',
        environment: 'production',
        status: 'open',
        limit: 5,
      },
      run: input => ({
        releases: [
          {
            version: 'web@2.31.1',
            dateCreated: '2024-05-13T16:40:00Z',
            newGroups: 2,
            commitCount: 7,
            lastDeploy: {
              environment: input.environment ?? 'production',
              dateFinished: '2024-05-13T17:02:00Z',
            },
            adoption: 88.5,
          },
          {
            version: 'web@2.31.0',
            dateCreated: '2024-05-10T11:15:00Z',
            newGroups: 5,
            commitCount: 41,
            lastDeploy: {
              environment: input.environment ?? 'production',
              dateFinished: '2024-05-10T12:00:00Z',
            },
            adoption: 11.2,
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'create-release',
      title: 'Create Release',
      description:
        'Creates a release for one or more projects and associates commits with it, which enables suspect commits and resolve-in-release. Creating an existing version updates it instead.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          version: z
            .string()
            .min(1)
            .max(200)
            .regex(/^[^\s/\\]+$/)
            .describe(
              'Unique version string, often package@semver or a commit SHA',
            ),
          projects: z.array(z.string()).min(1),
          ref: z
            .string()
            .optional()
            .describe('Commit SHA or tag the release was built from'),
          refs: z
            .array(
              z.object({
                repository: z
                  .string()
                  .describe(
                    'Repository name as configured in Sentry, such as acme/storefront',
                  ),
                commit: z.string(),
                previousCommit: z.string().optional(),
              }),
            )
            .optional(),
          url: z.string().optional(),
          dateReleased: z.string().optional(),
        }),
      output: z =>
        z.object({
          version: z.string(),
          shortVersion: z.string(),
          projects: z.array(z.string()),
          commitCount: z.number().int(),
          dateCreated: z.string(),
        }),
      example: {
        version: 'web@2.31.2',
        projects: ['storefront-web'],
        refs: [
          {
            repository: 'acme/storefront',
            commit: 'e4b1c0d9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3',
            previousCommit: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9',
          },
        ],
        url: 'https://github.com/acme/storefront/releases/tag/web%402.31.2',
      },
      run: input => ({
        version: input.version,
        shortVersion: input.version.split('@').pop() ?? input.version,
        projects: input.projects,
        commitCount: input.refs ? 4 : 0,
        dateCreated: '2024-05-14T10:10:00Z',
      }),
    }),
    portalAction({
      name: 'create-deploy',
      title: 'Create Deploy',
      description: 'Records that a release was deployed to an environment.',
      input: z =>
        z.object({
          version: z.string().min(1),
          environment: z.string().min(1),
          name: z.string().optional(),
          url: z.string().optional(),
          dateStarted: z.string().optional(),
          dateFinished: z.string().optional(),
          projects: z
            .array(z.string())
            .optional()
            .describe('Defaults to all projects of the release'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          environment: z.string(),
          dateFinished: z.string(),
        }),
      example: {
        version: 'web@2.31.2',
        environment: 'production',
        name: 'deploy #1843',
        url: 'https://argocd.example.com/applications/storefront-web',
        dateFinished: '2024-05-14T10:20:00Z',
      },
      run: input => ({
        id: '8812034',
        environment: input.environment,
        dateFinished: input.dateFinished ?? '2024-05-14T10:20:00Z',
      }),
    }),
    portalAction({
      name: 'get-release-health',
      title: 'Get Release Health',
      description:
        'Reports crash-free session and user rates for a release, compared against the previous one. Only available for projects that send session data.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          project: z.string(),
          version: z.string(),
          environment: z.string().optional(),
          statsPeriod: z.enum(['24h', '7d', '14d', '30d']).default('24h'),
        }),
      output: z =>
        z.object({
          version: z.string(),
          crashFreeSessions: z.number().min(0).max(100).nullable(),
          crashFreeUsers: z.number().min(0).max(100).nullable(),
          totalSessions: z.number().int(),
          sessionsErrored: z.number().int(),
          previous: z
            .object({
              version: z.string(),
              crashFreeSessions: z.number().min(0).max(100).nullable(),
            })
            .optional(),
        }),
      example: {
        project: 'storefront-web',
        version: 'web@2.31.1',
        environment: 'production',
        statsPeriod: '24h',
      },
      run: input => ({
        version: input.version,
        crashFreeSessions: 99.12,
        crashFreeUsers: 98.7,
        totalSessions: 281044,
        sessionsErrored: 2473,
        previous: { version: 'web@2.31.0', crashFreeSessions: 99.61 },
      }),
    }),
    portalAction({
      name: 'query-events',
      title: 'Query Events',
      description:
        'Runs a Discover query over errors or transactions and returns aggregated rows. Field and function names follow Discover, so count(), p95(transaction.duration) and the like work.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          dataset: z.enum(['errors', 'transactions']).default('errors'),
          fields: z
            .array(z.string())
            .min(1)
            .max(20)
            .describe(
              'Columns and aggregates, such as transaction, count(), p95(transaction.duration)',
            ),
          query: z.string().default(''),
          projects: z.array(z.string()).optional(),
          environment: z.array(z.string()).optional(),
          statsPeriod: z
            .string()
            .regex(/^\d+[mhdw]$/)
            .default('24h'),
          orderBy: z
            .string()
            .optional()
            .describe('Field to sort by; prefix with - for descending'),
          limit: z.number().int().min(1).max(100).default(50),
        }),
      output: z =>
        z.object({
          rows: z.array(z.record(z.union([z.string(), z.number(), z.null()]))),
          meta: z.record(
            z.enum([
              'string',
              'integer',
              'number',
              'duration',
              'percentage',
              'date',
            ]),
          ),
        }),
      example: {
        dataset: 'transactions',
        fields: ['transaction', 'count()', 'p95(transaction.duration)'],
        query: 'transaction.op:http.server',
        projects: ['storefront-bff'],
        statsPeriod: '7d',
        orderBy: '-p95(transaction.duration)',
        limit: 10,
      },
      run: input => {
        const sample: Record<string, string | number | null> = {
          transaction: 'GET /api/cart',
          'count()': 918233,
          'p95(transaction.duration)': 412.5,
        };
        const row = Object.fromEntries(
          input.fields.map(f => [f, f in sample ? sample[f] : null]),
        );
        const meta = Object.fromEntries(
          input.fields.map(f => {
            let type: 'integer' | 'duration' | 'string' = 'string';
            if (f.startsWith('count')) type = 'integer';
            else if (f.startsWith('p') && f.includes('(')) type = 'duration';
            return [f, type] as const;
          }),
        );
        return { rows: [row], meta };
      },
    }),
    portalAction({
      name: 'list-alert-rules',
      title: 'List Alert Rules',
      description:
        'Lists issue and metric alert rules of a project, including who they notify.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          project: z.string(),
          kind: z.enum(['issue', 'metric', 'all']).default('all'),
        }),
      output: z =>
        z.object({
          rules: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              kind: z.enum(['issue', 'metric']),
              environment: z.string().nullable(),
              status: z.enum(['active', 'disabled', 'snoozed']),
              actions: z.array(
                z.object({ type: z.string(), target: z.string() }),
              ),
            }),
          ),
        }),
      example: { project: 'storefront-web', kind: 'all' },
      run: input => {
        const rules = [
          {
            id: '220115',
            name: 'New high-volume errors in production',
            kind: 'issue' as const,
            environment: 'production',
            status: 'active' as const,
            actions: [{ type: 'slack', target: '#storefront-alerts' }],
          },
          {
            id: '88410',
            name: 'Crash free sessions below 99%',
            kind: 'metric' as const,
            environment: null,
            status: 'snoozed' as const,
            actions: [{ type: 'pagerduty', target: 'storefront-web' }],
          },
        ];
        return {
          rules:
            input.kind === 'all'
              ? rules
              : rules.filter(r => r.kind === input.kind),
        };
      },
    }),
    portalAction({
      name: 'create-alert-rule',
      title: 'Create Alert Rule',
      description:
        'Creates an issue alert rule that fires when its conditions match and sends notifications through the listed actions. Conditions are combined with all, any or none.',
      input: z =>
        z.object({
          project: z.string(),
          name: z.string().min(1).max(256),
          environment: z.string().optional(),
          actionMatch: z.enum(['all', 'any', 'none']).default('all'),
          frequencyMinutes: z
            .number()
            .int()
            .min(5)
            .max(43200)
            .default(30)
            .describe('Minimum time between notifications'),
          conditions: z
            .array(
              z.object({
                id: z.enum([
                  'first_seen_event',
                  'regression_event',
                  'event_frequency',
                  'event_unique_user_frequency',
                  'reappeared_event',
                ]),
                value: z.number().int().optional(),
                interval: z
                  .enum(['1m', '5m', '15m', '1h', '1d', '1w'])
                  .optional(),
              }),
            )
            .min(1),
          filters: z
            .array(
              z.object({
                id: z.enum([
                  'level',
                  'tagged_event',
                  'assigned_to',
                  'latest_release',
                ]),
                key: z.string().optional(),
                match: z.enum(['eq', 'ne', 'co', 'nc', 'sw', 'ew']).optional(),
                value: z.string().optional(),
              }),
            )
            .default([]),
          actions: z
            .array(
              z.object({
                type: z.enum([
                  'email',
                  'slack',
                  'pagerduty',
                  'opsgenie',
                  'msteams',
                ]),
                target: z
                  .string()
                  .describe('Channel, service key or team depending on type'),
              }),
            )
            .min(1),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          status: z.literal('active'),
          dateCreated: z.string(),
        }),
      example: {
        project: 'storefront-web',
        name: 'Checkout errors hitting more than 100 users in 1h',
        environment: 'production',
        actionMatch: 'all',
        frequencyMinutes: 60,
        conditions: [
          { id: 'event_unique_user_frequency', value: 100, interval: '1h' },
        ],
        filters: [
          {
            id: 'tagged_event',
            key: 'transaction',
            match: 'sw',
            value: '/checkout',
          },
        ],
        actions: [{ type: 'slack', target: '#storefront-alerts' }],
      },
      run: input => ({
        id: '220188',
        name: input.name,
        status: 'active' as const,
        dateCreated: '2024-05-14T10:25:00Z',
      }),
    }),
    portalAction({
      name: 'mute-alert-rule',
      title: 'Mute Alert Rule',
      description:
        'Snoozes an alert rule for everyone or only for yourself. Muting for everyone needs project write access.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          project: z.string(),
          ruleId: z.string(),
          target: z.enum(['me', 'everyone']).default('me'),
          untilDate: z
            .string()
            .optional()
            .describe('ISO 8601; omit to mute until unmuted'),
        }),
      output: z =>
        z.object({
          ruleId: z.string(),
          mutedFor: z.enum(['me', 'everyone']),
          until: z.string().nullable(),
        }),
      example: {
        project: 'storefront-web',
        ruleId: '88410',
        target: 'everyone',
        untilDate: '2024-05-15T08:00:00Z',
      },
      run: input => ({
        ruleId: input.ruleId,
        mutedFor: input.target,
        until: input.untilDate ?? null,
      }),
    }),
    portalAction({
      name: 'get-issue-tag-values',
      title: 'Get Issue Tag Values',
      description:
        'Breaks down the events of an issue by the values of one tag, such as browser, release or customer id.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
          tagKey: z.string().min(1),
          limit: z.number().int().min(1).max(50).default(10),
        }),
      output: z =>
        z.object({
          key: z.string(),
          totalValues: z.number().int(),
          topValues: z.array(
            z.object({
              value: z.string(),
              count: z.number().int(),
              lastSeen: z.string(),
            }),
          ),
        }),
      example: { issueId: '5218834012', tagKey: 'browser', limit: 3 },
      run: input => ({
        key: input.tagKey,
        totalValues: 1843,
        topValues: [
          {
            value: 'Safari 17.4',
            count: 1309,
            lastSeen: '2024-05-14T09:58:41Z',
          },
          {
            value: 'Mobile Safari 17.3',
            count: 402,
            lastSeen: '2024-05-14T09:41:10Z',
          },
          { value: 'Chrome 124', count: 132, lastSeen: '2024-05-14T08:12:55Z' },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'get-suspect-commits',
      title: 'Get Suspect Commits',
      description:
        'Lists commits that likely introduced an issue, based on the files in its stack trace and the release history. Requires a repository integration and releases with commits.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueId: z.string().regex(/^\d+$/),
        }),
      output: z =>
        z.object({
          commits: z.array(
            z.object({
              id: z.string(),
              message: z.string(),
              author: z.object({ name: z.string(), email: z.string() }),
              repository: z.string(),
              dateCreated: z.string(),
              suspectReason: z.enum([
                'stacktrace_file',
                'release_commit',
                'scm_based',
              ]),
            }),
          ),
        }),
      example: { issueId: '5218834012' },
      run: () => ({
        commits: [
          {
            id: 'c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6',
            message:
              'Read price from variant instead of product in CartSummary',
            author: { name: 'Lena Vogel', email: 'lena.vogel@example.com' },
            repository: 'acme/storefront',
            dateCreated: '2024-05-13T14:02:11Z',
            suspectReason: 'stacktrace_file' as const,
          },
        ],
      }),
    }),
  ],
};
