import { PortalPlugin, portalAction } from '../types';

export const opsgeniePlugin: PortalPlugin = {
  pluginId: 'opsgenie',
  actions: [
    portalAction({
      name: 'list-alerts',
      title: 'List Alerts',
      description:
        'Lists Opsgenie alerts matching a search query, newest first. The query uses Opsgenie search syntax, such as status: open AND priority: P1.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z
            .string()
            .default('status: open')
            .describe('Opsgenie alert search query'),
          searchIdentifier: z
            .string()
            .optional()
            .describe('Id or name of a saved search to use instead of query'),
          offset: z.number().int().min(0).max(20000).default(0),
          limit: z.number().int().min(1).max(100).default(20),
          sort: z
            .enum(['createdAt', 'updatedAt', 'tinyId', 'count', 'priority'])
            .default('createdAt'),
          order: z.enum(['asc', 'desc']).default('desc'),
        }),
      output: z =>
        z.object({
          alerts: z.array(
            z.object({
              id: z.string(),
              tinyId: z.string(),
              message: z.string(),
              status: z.enum(['open', 'closed']),
              acknowledged: z.boolean(),
              priority: z.enum(['P1', 'P2', 'P3', 'P4', 'P5']),
              count: z.number().int(),
              tags: z.array(z.string()),
              owner: z.string().optional(),
              createdAt: z.string(),
            }),
          ),
        }),
      example: {
        query: 'status: open AND priority: (P1 OR P2) AND tag: team-search',
        offset: 0,
        limit: 20,
        sort: 'createdAt',
        order: 'desc',
      },
      run: () => ({
        alerts: [
          {
            id: '70413a06-38d6-4c85-92b8-5ebc900d42e2-1715677200123',
            tinyId: '8812',
            message:
              '[search-indexer] consumer lag > 50k on topic catalog.entities',
            status: 'open' as const,
            acknowledged: false,
            priority: 'P2' as const,
            count: 7,
            tags: ['team-search', 'kafka'],
            createdAt: '2024-05-14T09:10:00.123Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-alert',
      title: 'Get Alert',
      description:
        'Fetches one alert by id, tiny id or alias, including its details map, responders and integration source.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          identifier: z.string().min(1),
          identifierType: z.enum(['id', 'tiny', 'alias']).default('id'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          tinyId: z.string(),
          alias: z.string(),
          message: z.string(),
          description: z.string().optional(),
          status: z.enum(['open', 'closed']),
          acknowledged: z.boolean(),
          snoozed: z.boolean(),
          priority: z.enum(['P1', 'P2', 'P3', 'P4', 'P5']),
          responders: z.array(
            z.object({
              type: z.enum(['team', 'user', 'escalation', 'schedule']),
              name: z.string(),
            }),
          ),
          details: z.record(z.string()),
          integration: z.object({ name: z.string(), type: z.string() }),
        }),
      example: { identifier: '8812', identifierType: 'tiny' },
      run: input => ({
        id: '70413a06-38d6-4c85-92b8-5ebc900d42e2-1715677200123',
        tinyId: input.identifierType === 'tiny' ? input.identifier : '8812',
        alias:
          input.identifierType === 'alias'
            ? input.identifier
            : 'search-indexer-consumer-lag',
        message:
          '[search-indexer] consumer lag > 50k on topic catalog.entities',
        description:
          'Lag has been growing for 15 minutes on partitions 3 and 7.',
        status: 'open' as const,
        acknowledged: false,
        snoozed: false,
        priority: 'P2' as const,
        responders: [{ type: 'team' as const, name: 'Search' }],
        details: {
          cluster: 'kafka-prod-eu',
          consumerGroup: 'search-indexer',
          runbook: 'https://runbooks.example.com/kafka-lag',
        },
        integration: { name: 'Prometheus', type: 'Prometheus' },
      }),
    }),
    portalAction({
      name: 'create-alert',
      title: 'Create Alert',
      description:
        'Raises a new alert and routes it to the given responders. Opsgenie processes the request asynchronously, so the response carries a request id rather than the alert id.',
      input: z =>
        z.object({
          message: z.string().min(1).max(130),
          alias: z
            .string()
            .max(512)
            .optional()
            .describe(
              'Deduplication key; alerts with an open alias just bump the count',
            ),
          description: z.string().max(15000).optional(),
          responders: z
            .array(
              z.object({
                type: z.enum(['team', 'user', 'escalation', 'schedule']),
                name: z.string().optional(),
                id: z.string().optional(),
              }),
            )
            .default([]),
          visibleTo: z
            .array(
              z.object({ type: z.enum(['team', 'user']), name: z.string() }),
            )
            .optional(),
          actions: z
            .array(z.string())
            .max(10)
            .optional()
            .describe('Custom action buttons shown on the alert'),
          tags: z.array(z.string()).max(20).default([]),
          details: z
            .record(z.string())
            .optional()
            .describe('Extra key/value properties'),
          entity: z.string().optional(),
          source: z.string().default('backstage'),
          priority: z.enum(['P1', 'P2', 'P3', 'P4', 'P5']).default('P3'),
        }),
      output: z =>
        z.object({
          requestId: z.string(),
          result: z.string(),
          took: z.number(),
        }),
      example: {
        message: 'Nightly catalog export failed for 3 consecutive runs',
        alias: 'catalog-export-nightly',
        description:
          'See the export job logs in the portal for the stack trace.',
        responders: [{ type: 'team', name: 'Developer Portal' }],
        tags: ['backstage', 'catalog'],
        details: { job: 'catalog-export', lastSuccess: '2024-05-11T02:00:00Z' },
        source: 'backstage',
        priority: 'P3',
      },
      run: () => ({
        requestId: '43a29c5c-3dbf-4fa4-9c26-f4f71023e120',
        result: 'Request will be processed',
        took: 0.107,
      }),
    }),
    portalAction({
      name: 'acknowledge-alert',
      title: 'Acknowledge Alert',
      description:
        'Acknowledges an open alert so that escalation stops. Acknowledging twice is harmless.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          identifier: z.string(),
          identifierType: z.enum(['id', 'tiny', 'alias']).default('id'),
          user: z
            .string()
            .optional()
            .describe('Display name recorded as the actor'),
          note: z.string().max(25000).optional(),
        }),
      output: z =>
        z.object({
          requestId: z.string(),
          result: z.string(),
        }),
      example: {
        identifier: '8812',
        identifierType: 'tiny',
        user: 'Ana Ruiz',
        note: 'Looking at the consumer now',
      },
      run: () => ({
        requestId: 'b7d3f1e2-0a41-4d6e-8c9f-2f1a3e5d7c90',
        result: 'Request will be processed',
      }),
    }),
    portalAction({
      name: 'close-alert',
      title: 'Close Alert',
      description:
        'Closes an alert. Closed alerts stop notifying and cannot be reopened; a new alert with the same alias starts a fresh one.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          identifier: z.string(),
          identifierType: z.enum(['id', 'tiny', 'alias']).default('id'),
          note: z.string().optional(),
        }),
      output: z =>
        z.object({
          requestId: z.string(),
          result: z.string(),
        }),
      example: {
        identifier: 'catalog-export-nightly',
        identifierType: 'alias',
        note: 'Fixed by re-running the export',
      },
      run: () => ({
        requestId: 'c1e0a9b8-7d6c-45f4-b3a2-190817263544',
        result: 'Request will be processed',
      }),
    }),
    portalAction({
      name: 'snooze-alert',
      title: 'Snooze Alert',
      description: 'Silences notifications for an alert until the given time.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          identifier: z.string(),
          endTime: z
            .string()
            .describe('ISO 8601 instant when notifications resume'),
          note: z.string().optional(),
        }),
      output: z =>
        z.object({
          requestId: z.string(),
          snoozedUntil: z.string(),
        }),
      example: {
        identifier: '70413a06-38d6-4c85-92b8-5ebc900d42e2-1715677200123',
        endTime: '2024-05-14T12:00:00Z',
      },
      run: input => ({
        requestId: 'd29f8e7a-6b5c-4d3e-a2f1-0e9d8c7b6a54',
        snoozedUntil: input.endTime,
      }),
    }),
    portalAction({
      name: 'escalate-alert',
      title: 'Escalate Alert',
      description:
        'Hands an alert to the next level of an escalation, notifying its members immediately regardless of the configured delay.',
      input: z =>
        z.object({
          identifier: z.string(),
          escalation: z.object({
            id: z.string().optional(),
            name: z.string().optional(),
          }),
          note: z.string().optional(),
        }),
      output: z =>
        z.object({
          requestId: z.string(),
          result: z.string(),
        }),
      example: {
        identifier: '8812',
        escalation: { name: 'Search_escalation' },
        note: 'Lag still rising after 30 min',
      },
      run: () => ({
        requestId: 'e3a4b5c6-d7e8-49f0-a1b2-c3d4e5f60718',
        result: 'Request will be processed',
      }),
    }),
    portalAction({
      name: 'add-alert-note',
      title: 'Add Alert Note',
      description: 'Adds a note to the alert’s activity log.',
      input: z =>
        z.object({
          identifier: z.string(),
          note: z.string().min(1).max(25000),
          user: z.string().optional(),
        }),
      output: z =>
        z.object({
          requestId: z.string(),
        }),
      example: {
        identifier: '8812',
        note: 'Partitions rebalanced, lag draining.',
      },
      run: () => ({ requestId: 'f4b5c6d7-e8f9-4a0b-b1c2-d3e4f5a6b7c8' }),
    }),
    portalAction({
      name: 'add-alert-tags',
      title: 'Add Alert Tags',
      description: 'Adds tags to an alert; tags it already has are ignored.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          identifier: z.string(),
          tags: z.array(z.string().min(1).max(50)).min(1).max(20),
        }),
      output: z =>
        z.object({
          requestId: z.string(),
          tags: z.array(z.string()),
        }),
      example: { identifier: '8812', tags: ['customer-impact', 'kafka'] },
      run: input => ({
        requestId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        tags: Array.from(new Set(['team-search', 'kafka', ...input.tags])),
      }),
    }),
    portalAction({
      name: 'assign-alert',
      title: 'Assign Alert',
      description:
        'Sets the owner of an alert. The owner must be a user of the account; assignment does not acknowledge the alert.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          identifier: z.string(),
          owner: z.object({
            username: z
              .string()
              .email()
              .optional()
              .describe('Login email of the Opsgenie user'),
            id: z.string().optional(),
          }),
        }),
      output: z =>
        z.object({
          requestId: z.string(),
          owner: z.string(),
        }),
      example: {
        identifier: '8812',
        owner: { username: 'ana.ruiz@example.com' },
      },
      run: input => ({
        requestId: '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
        owner: input.owner.username ?? input.owner.id ?? 'unknown',
      }),
    }),
    portalAction({
      name: 'list-alert-logs',
      title: 'List Alert Logs',
      description:
        'Returns the activity log of an alert: notifications sent, state changes and who made them.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          identifier: z.string(),
          limit: z.number().int().min(1).max(100).default(50),
          order: z.enum(['asc', 'desc']).default('asc'),
        }),
      output: z =>
        z.object({
          logs: z.array(
            z.object({
              log: z.string(),
              type: z.enum(['system', 'alertRecipient', 'alertAction', 'note']),
              owner: z.string(),
              createdAt: z.string(),
            }),
          ),
        }),
      example: { identifier: '8812', limit: 50, order: 'asc' },
      run: () => ({
        logs: [
          {
            log: 'Alert created via Prometheus',
            type: 'system' as const,
            owner: 'System',
            createdAt: '2024-05-14T09:10:00Z',
          },
          {
            log: 'Sent push notification to Ana Ruiz',
            type: 'alertRecipient' as const,
            owner: 'ana.ruiz@example.com',
            createdAt: '2024-05-14T09:10:02Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-on-calls',
      title: 'Get On-Calls',
      description:
        'Returns the current on-call participants of a schedule. With flat set, nested escalations and rotations are resolved down to users.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          scheduleIdentifier: z.string(),
          identifierType: z.enum(['id', 'name']).default('name'),
          flat: z.boolean().default(true),
          date: z
            .string()
            .optional()
            .describe('Point in time to evaluate, ISO 8601'),
        }),
      output: z =>
        z.object({
          schedule: z.string(),
          onCallRecipients: z.array(z.string()),
          participants: z
            .array(
              z.object({
                name: z.string(),
                type: z.enum(['user', 'team', 'escalation']),
              }),
            )
            .optional(),
        }),
      example: {
        scheduleIdentifier: 'Search_schedule',
        identifierType: 'name',
        flat: true,
      },
      run: input => ({
        schedule: input.scheduleIdentifier,
        onCallRecipients: ['ana.ruiz@example.com'],
        participants: input.flat
          ? undefined
          : [{ name: 'Search Primary', type: 'escalation' as const }],
      }),
    }),
    portalAction({
      name: 'list-schedules',
      title: 'List Schedules',
      description: 'Lists on-call schedules and the team that owns each.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          expandRotations: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          schedules: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              timezone: z.string(),
              enabled: z.boolean(),
              ownerTeam: z.string().optional(),
              rotations: z
                .array(
                  z.object({
                    name: z.string(),
                    type: z.enum(['daily', 'weekly', 'hourly']),
                    participants: z.array(z.string()),
                  }),
                )
                .optional(),
            }),
          ),
        }),
      example: { expandRotations: true },
      run: input => ({
        schedules: [
          {
            id: 'd875alp4-9b4e-4219-a803-0c26936d18de',
            name: 'Search_schedule',
            timezone: 'Europe/Madrid',
            enabled: true,
            ownerTeam: 'Search',
            rotations: input.expandRotations
              ? [
                  {
                    name: 'Weekly',
                    type: 'weekly' as const,
                    participants: [
                      'ana.ruiz@example.com',
                      'kenji.sato@example.com',
                    ],
                  },
                ]
              : undefined,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-team',
      title: 'Get Team',
      description: 'Shows an Opsgenie team with its members and their roles.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          team: z.string().min(1).describe('Team id or name'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          description: z.string().optional(),
          members: z.array(
            z.object({ username: z.string(), role: z.enum(['admin', 'user']) }),
          ),
        }),
      example: { team: 'Search' },
      run: input => ({
        id: '7c2b9f6e-1a3d-4e5f-8a9b-0c1d2e3f4a5b',
        name: input.team,
        description:
          'Owns search-indexer, search-api and the catalog search backend',
        members: [
          { username: 'ana.ruiz@example.com', role: 'admin' as const },
          { username: 'kenji.sato@example.com', role: 'user' as const },
        ],
      }),
    }),
    portalAction({
      name: 'list-teams',
      title: 'List Teams',
      description: 'Lists all Opsgenie teams in the account.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          teams: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              memberCount: z.number().int(),
            }),
          ),
        }),
      example: {},
      run: () => ({
        teams: [
          {
            id: '7c2b9f6e-1a3d-4e5f-8a9b-0c1d2e3f4a5b',
            name: 'Search',
            memberCount: 6,
          },
          {
            id: '2a4c6e8f-0b1d-4f3a-9c5e-7b9d1f3a5c7e',
            name: 'Developer Portal',
            memberCount: 4,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-heartbeats',
      title: 'List Heartbeats',
      description:
        'Lists heartbeat monitors and whether each one has expired. An expired heartbeat means the job that pings it has stopped reporting.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          onlyExpired: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          heartbeats: z.array(
            z.object({
              name: z.string(),
              interval: z.number().int(),
              intervalUnit: z.enum(['minutes', 'hours', 'days']),
              enabled: z.boolean(),
              expired: z.boolean(),
              lastPingTime: z.string().optional(),
              ownerTeam: z.string().optional(),
            }),
          ),
        }),
      example: { onlyExpired: false },
      run: input => {
        const all = [
          {
            name: 'catalog-export-nightly',
            interval: 1,
            intervalUnit: 'days' as const,
            enabled: true,
            expired: true,
            lastPingTime: '2024-05-11T02:14:00Z',
            ownerTeam: 'Developer Portal',
          },
          {
            name: 'search-reindex-hourly',
            interval: 70,
            intervalUnit: 'minutes' as const,
            enabled: true,
            expired: false,
            lastPingTime: '2024-05-14T09:00:30Z',
            ownerTeam: 'Search',
          },
        ];
        return {
          heartbeats: input.onlyExpired ? all.filter(h => h.expired) : all,
        };
      },
    }),
    portalAction({
      name: 'ping-heartbeat',
      title: 'Ping Heartbeat',
      description:
        'Sends a ping to a heartbeat monitor, resetting its expiry timer.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          name: z.string().min(1),
        }),
      output: z =>
        z.object({
          name: z.string(),
          result: z.literal('PONG - Heartbeat received'),
        }),
      example: { name: 'catalog-export-nightly' },
      run: input => ({
        name: input.name,
        result: 'PONG - Heartbeat received' as const,
      }),
    }),
    portalAction({
      name: 'list-integrations',
      title: 'List Integrations',
      description:
        'Lists inbound integrations such as Prometheus, Datadog or email, with the team they route to. API keys are never returned.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          type: z
            .string()
            .optional()
            .describe('Integration type to filter by, for example Prometheus'),
          teamName: z.string().optional(),
        }),
      output: z =>
        z.object({
          integrations: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              type: z.string(),
              enabled: z.boolean(),
              teamName: z.string().optional(),
            }),
          ),
        }),
      example: { type: 'Prometheus', teamName: 'Search' },
      run: input => ({
        integrations: [
          {
            id: '055082dc-9ab1-4cbe-ba73-6fb6c0e0b7c4',
            name: `${input.teamName ?? 'Search'}_Prometheus`,
            type: input.type ?? 'Prometheus',
            enabled: true,
            teamName: input.teamName ?? 'Search',
          },
        ],
      }),
    }),
    portalAction({
      name: 'count-alerts',
      title: 'Count Alerts',
      description:
        'Counts alerts matching a query without returning them, handy for dashboards and quick health checks.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z.string().default('status: open'),
          groupBy: z.enum(['priority', 'status', 'none']).default('none'),
        }),
      output: z =>
        z.object({
          count: z.number().int(),
          groups: z
            .array(z.object({ key: z.string(), count: z.number().int() }))
            .optional(),
        }),
      example: {
        query: 'status: open AND tag: team-search',
        groupBy: 'priority',
      },
      run: input => ({
        count: 9,
        groups: {
          none: undefined,
          priority: [
            { key: 'P2', count: 2 },
            { key: 'P3', count: 7 },
          ],
          status: [{ key: 'open', count: 9 }],
        }[input.groupBy],
      }),
    }),
    portalAction({
      name: 'get-request-status',
      title: 'Get Request Status',
      description:
        'Checks how an asynchronous alert request ended, such as a create or close call, and returns the alert id it produced. Request ids expire after a few days.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          requestId: z.string().uuid(),
        }),
      output: z =>
        z.object({
          success: z.boolean(),
          action: z.enum([
            'Create',
            'Acknowledge',
            'Close',
            'Snooze',
            'AddNote',
            'Escalate',
            'AssignOwnership',
          ]),
          processedAt: z.string(),
          alertId: z.string().optional(),
          status: z.string(),
          isSuccess: z.boolean(),
        }),
      example: { requestId: '43a29c5c-3dbf-4fa4-9c26-f4f71023e120' },
      run: () => ({
        success: true,
        action: 'Create' as const,
        processedAt: '2024-05-14T10:40:01.412Z',
        alertId: '8b1f04c2-5e3d-4a7b-9c6e-d2f1a0b9c8e7-1715683201412',
        status: 'Created alert',
        isSuccess: true,
      }),
    }),
    portalAction({
      name: 'list-escalations',
      title: 'List Escalations',
      description:
        'Lists escalation policies and the order in which they notify people.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          ownerTeam: z.string().optional(),
        }),
      output: z =>
        z.object({
          escalations: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              ownerTeam: z.string().optional(),
              rules: z.array(
                z.object({
                  delayMinutes: z.number().int(),
                  notifyType: z.enum([
                    'default',
                    'next',
                    'previous',
                    'users',
                    'admins',
                    'all',
                  ]),
                  recipient: z.object({
                    type: z.enum(['user', 'schedule', 'team']),
                    name: z.string(),
                  }),
                }),
              ),
            }),
          ),
        }),
      example: { ownerTeam: 'Search' },
      run: input => ({
        escalations: [
          {
            id: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
            name: `${input.ownerTeam ?? 'Search'}_escalation`,
            ownerTeam: input.ownerTeam ?? 'Search',
            rules: [
              {
                delayMinutes: 0,
                notifyType: 'default' as const,
                recipient: {
                  type: 'schedule' as const,
                  name: `${input.ownerTeam ?? 'Search'}_schedule`,
                },
              },
              {
                delayMinutes: 10,
                notifyType: 'all' as const,
                recipient: {
                  type: 'team' as const,
                  name: input.ownerTeam ?? 'Search',
                },
              },
            ],
          },
        ],
      }),
    }),
  ],
};
