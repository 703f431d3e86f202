import { PortalPlugin, portalAction } from '../types';

export const datadogPlugin: PortalPlugin = {
  pluginId: 'datadog',
  actions: [
    portalAction({
      name: 'list-monitors',
      title: 'List Monitors',
      description:
        'Searches monitors by name, tag or status. Results are paginated with page and perPage; the total count is returned so you can tell when to stop.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z
            .string()
            .optional()
            .describe('Free text matched against monitor names'),
          tags: z
            .array(z.string())
            .optional()
            .describe('Monitor tags, e.g. team:payments'),
          monitorTags: z
            .array(z.string())
            .optional()
            .describe('Tags on the monitored scope, e.g. service:ledger-api'),
          statuses: z
            .array(z.enum(['Alert', 'Warn', 'No Data', 'OK']))
            .optional(),
          muted: z.boolean().optional(),
          page: z.number().int().min(0).default(0),
          perPage: z.number().int().min(1).max(1000).default(50),
        }),
      output: z =>
        z.object({
          monitors: z.array(
            z.object({
              id: z.number().int(),
              name: z.string(),
              type: z.string(),
              overallState: z.enum([
                'Alert',
                'Warn',
                'No Data',
                'OK',
                'Ignored',
                'Skipped',
                'Unknown',
              ]),
              muted: z.boolean(),
              tags: z.array(z.string()),
            }),
          ),
          totalCount: z.number().int(),
        }),
      example: {
        tags: ['team:payments'],
        statuses: ['Alert', 'Warn'],
        page: 0,
        perPage: 50,
      },
      run: input => ({
        monitors: [
          {
            id: 48213301,
            name: '[ledger-api] p99 latency above 800ms',
            type: 'query alert',
            overallState: input.statuses?.[0] ?? ('OK' as const),
            muted: false,
            tags: input.tags ?? ['team:payments'],
          },
        ],
        totalCount: 1,
      }),
    }),
    portalAction({
      name: 'get-monitor',
      title: 'Get Monitor',
      description:
        'Fetches a monitor definition together with the state of each group it evaluates.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          monitorId: z.number().int().positive(),
          groupStates: z
            .array(z.enum(['all', 'alert', 'warn', 'no data']))
            .default(['alert', 'warn'])
            .describe('Which group states to include in the response'),
        }),
      output: z =>
        z.object({
          id: z.number().int(),
          name: z.string(),
          query: z.string(),
          message: z.string(),
          thresholds: z.object({
            critical: z.number().optional(),
            warning: z.number().optional(),
            criticalRecovery: z.number().optional(),
          }),
          groups: z.array(
            z.object({
              name: z.string(),
              status: z.string(),
              lastTriggeredTs: z.number().int().optional(),
            }),
          ),
          creator: z.object({ email: z.string(), handle: z.string() }),
        }),
      example: { monitorId: 48213301, groupStates: ['alert'] },
      run: input => ({
        id: input.monitorId,
        name: '[ledger-api] p99 latency above 800ms',
        query:
          'percentile(last_5m):p99:trace.http.request{service:ledger-api,env:prod} by {resource_name} > 0.8',
        message:
          'Latency is high on {{resource_name.name}}. @slack-payments-oncall',
        thresholds: { critical: 0.8, warning: 0.6 },
        groups: [
          {
            name: 'resource_name:post_/v1/transfers',
            status: 'Alert',
            lastTriggeredTs: 1717312500,
          },
        ],
        creator: {
          email: 'mara.lindqvist@example.com',
          handle: 'mara.lindqvist@example.com',
        },
      }),
    }),
    portalAction({
      name: 'create-monitor',
      title: 'Create Monitor',
      description:
        'Creates a monitor. The query is validated by Datadog before saving, so a malformed query returns an error instead of a broken monitor.',
      input: z =>
        z.object({
          name: z.string().min(1).max(500),
          type: z.enum([
            'metric alert',
            'query alert',
            'service check',
            'log alert',
            'trace-analytics alert',
            'composite',
            'slo alert',
          ]),
          query: z.string().min(1),
          message: z
            .string()
            .describe(
              'Notification body; supports @-mentions and template variables',
            ),
          priority: z.number().int().min(1).max(5).optional(),
          tags: z.array(z.string()).default([]),
          options: z
            .object({
              thresholds: z.object({
                critical: z.number(),
                warning: z.number().optional(),
                criticalRecovery: z.number().optional(),
                warningRecovery: z.number().optional(),
              }),
              notifyNoData: z.boolean().default(false),
              noDataTimeframeMinutes: z.number().int().min(2).optional(),
              renotifyIntervalMinutes: z.number().int().min(0).optional(),
              evaluationDelaySeconds: z
                .number()
                .int()
                .min(0)
                .max(86400)
                .optional(),
              requireFullWindow: z.boolean().default(false),
              includeTags: z.boolean().default(true),
            })
            .describe('Thresholds and notification behaviour'),
          restrictedRoles: z
            .array(z.string().uuid())
            .optional()
            .describe('Only these roles may edit the monitor'),
        }),
      output: z =>
        z.object({
          id: z.number().int(),
          name: z.string(),
          url: z.string().url(),
          overallState: z.literal('No Data'),
        }),
      example: {
        name: '[ledger-api] error rate above 2%',
        type: 'query alert',
        query:
          'sum(last_10m):sum:trace.http.request.errors{service:ledger-api,env:prod}.as_count() / sum:trace.http.request.hits{service:ledger-api,env:prod}.as_count() > 0.02',
        message:
          'Error rate is {{value}}. Runbook: https://wiki.example.com/ledger-errors @pagerduty-payments',
        priority: 2,
        tags: ['team:payments', 'service:ledger-api'],
        options: {
          thresholds: { critical: 0.02, warning: 0.01 },
          notifyNoData: false,
          renotifyIntervalMinutes: 60,
          requireFullWindow: false,
          includeTags: true,
        },
      },
      run: input => ({
        id: 48219877,
        name: input.name,
        url: 'https://app.datadoghq.com/monitors/48219877',
        overallState: 'No Data' as const,
      }),
    }),
    portalAction({
      name: 'update-monitor',
      title: 'Update Monitor',
      description:
        'Edits fields of an existing monitor; omitted fields are left as they are.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          monitorId: z.number().int().positive(),
          name: z.string().optional(),
          query: z.string().optional(),
          message: z.string().optional(),
          tags: z.array(z.string()).optional().describe('Replaces all tags'),
          thresholds: z
            .object({
              critical: z.number().optional(),
              warning: z.number().optional(),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          id: z.number().int(),
          modified: z.string(),
          updatedFields: z.array(z.string()),
        }),
      example: {
        monitorId: 48213301,
        thresholds: { critical: 1.0, warning: 0.75 },
      },
      run: input => ({
        id: input.monitorId,
        modified: '2024-06-02T11:20:00Z',
        updatedFields: Object.keys(input).filter(k => k !== 'monitorId'),
      }),
    }),
    portalAction({
      name: 'mute-monitor',
      title: 'Mute Monitor',
      description:
        'Silences notifications from a monitor, optionally for one scope only and until a given time. The monitor keeps evaluating while muted.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          monitorId: z.number().int().positive(),
          scope: z
            .string()
            .optional()
            .describe(
              'e.g. host:web-12 or env:staging; whole monitor if omitted',
            ),
          endUnixSeconds: z
            .number()
            .int()
            .positive()
            .optional()
            .describe('Mute until this time; indefinitely if omitted'),
        }),
      output: z =>
        z.object({
          monitorId: z.number().int(),
          silenced: z
            .record(z.number().int().nullable())
            .describe('Scope to end time, null meaning indefinite'),
        }),
      example: {
        monitorId: 48213301,
        scope: 'env:staging',
        endUnixSeconds: 1717336800,
      },
      run: input => ({
        monitorId: input.monitorId,
        silenced: { [input.scope ?? '*']: input.endUnixSeconds ?? null },
      }),
    }),
    portalAction({
      name: 'unmute-monitor',
      title: 'Unmute Monitor',
      description: 'Lifts a mute from a monitor or from one of its scopes.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          monitorId: z.number().int().positive(),
          scope: z.string().optional(),
          allScopes: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          monitorId: z.number().int(),
          silenced: z.record(z.number().int().nullable()),
        }),
      example: { monitorId: 48213301, scope: 'env:staging', allScopes: false },
      run: input => ({ monitorId: input.monitorId, silenced: {} }),
    }),
    portalAction({
      name: 'delete-monitor',
      title: 'Delete Monitor',
      description:
        'Deletes a monitor and its history. Monitors referenced by an SLO or composite monitor cannot be deleted unless force is set, which also breaks those references.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          monitorId: z.number().int().positive(),
          force: z.boolean().default(false),
        }),
      output: z => z.object({ deletedMonitorId: z.number().int() }),
      example: { monitorId: 48219877, force: false },
      run: input => ({ deletedMonitorId: input.monitorId }),
    }),
    portalAction({
      name: 'query-metrics',
      title: 'Query Metrics',
      description:
        'Runs a metrics query over a time range and returns the resulting series. Long ranges are rolled up automatically, so point spacing grows with the range.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z
            .string()
            .min(1)
            .describe('e.g. avg:system.cpu.user{service:ledger-api} by {host}'),
          from: z.number().int().describe('Unix seconds'),
          to: z.number().int().describe('Unix seconds'),
          maxSeries: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          series: z.array(
            z.object({
              metric: z.string(),
              scope: z.string(),
              unit: z.string().optional(),
              intervalSeconds: z.number().int(),
              pointlist: z.array(
                z.object({
                  ts: z.number().int(),
                  value: z.number().nullable(),
                }),
              ),
            }),
          ),
        }),
      example: {
        query: 'avg:system.cpu.user{service:ledger-api,env:prod} by {host}',
        from: 1717308000,
        to: 1717311600,
        maxSeries: 5,
      },
      run: input => {
        const step = Math.max(20, Math.floor((input.to - input.from) / 3));
        return {
          series: [
            {
              metric: 'system.cpu.user',
              scope: 'host:ledger-api-7f9c',
              unit: 'percent',
              intervalSeconds: step,
              pointlist: [0, 1, 2].map(i => ({
                ts: input.from + i * step,
                value: 31.5 + i * 2.25,
              })),
            },
          ].slice(0, input.maxSeries),
        };
      },
    }),
    portalAction({
      name: 'list-active-metrics',
      title: 'List Active Metrics',
      description:
        'Lists metric names that reported data since the given time, optionally for one host or tag.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          from: z.number().int().describe('Unix seconds'),
          host: z.string().optional(),
          tagFilter: z
            .string()
            .optional()
            .describe('e.g. env:prod AND service:ledger-api'),
        }),
      output: z =>
        z.object({ from: z.number().int(), metrics: z.array(z.string()) }),
      example: { from: 1717308000, tagFilter: 'service:ledger-api' },
      run: input => ({
        from: input.from,
        metrics: [
          'trace.http.request.hits',
          'trace.http.request.errors',
          'ledger.transfers.committed',
          'jvm.heap_memory',
        ],
      }),
    }),
    portalAction({
      name: 'search-logs',
      title: 'Search Logs',
      description:
        'Searches indexed logs with Datadog log query syntax. Returns at most limit events per call; pass the cursor from the response to continue.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z
            .string()
            .default('*')
            .describe(
              'e.g. service:ledger-api status:error @http.status_code:5*',
            ),
          timeRange: z.object({
            from: z
              .string()
              .describe('ISO timestamp or relative, e.g. now-15m'),
            to: z.string().default('now'),
          }),
          indexes: z.array(z.string()).default(['*']),
          sort: z.enum(['timestamp', '-timestamp']).default('-timestamp'),
          limit: z.number().int().min(1).max(1000).default(50),
          cursor: z.string().optional(),
          attributes: z
            .array(z.string())
            .optional()
            .describe(
              'Only return these attributes of each event, to keep the output small',
            ),
        }),
      output: z =>
        z.object({
          events: z.array(
            z.object({
              id: z.string(),
              timestamp: z.string(),
              status: z.enum([
                'emergency',
                'alert',
                'critical',
                'error',
                'warn',
                'info',
                'debug',
                'ok',
              ]),
              service: z.string().optional(),
              host: z.string().optional(),
              message: z.string(),
              attributes: z.record(z.unknown()).optional(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
      example: {
        query: 'service:ledger-api status:error',
        timeRange: { from: 'now-1h', to: 'now' },
        indexes: ['main'],
        sort: '-timestamp',
        limit: 10,
        attributes: ['http.status_code', 'trace_id'],
      },
      run: input => ({
        events: [
          {
            id: 'AQAAAY_xR2wKq1d0bQAAAABBWV94UjJ3S0FBQ',
            timestamp: '2024-06-02T10:58:41.201Z',
            status: 'error' as const,
            service: 'ledger-api',
            host: 'ledger-api-7f9c',
            message:
              'transfer 7731 rejected: insufficient funds check timed out',
            attributes: input.attributes
              ? { 'http.status_code': 504, trace_id: '3142857301299872112' }
              : undefined,
          },
        ].slice(0, input.limit),
        nextCursor: 'eyJhZnRlciI6IkFRQUFBWV94UjJ3S3ExZDBiUSJ9',
      }),
    }),
    portalAction({
      name: 'list-dashboards',
      title: 'List Dashboards',
      description:
        'Lists dashboards, optionally only those created by the caller or shared.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          filterShared: z.boolean().optional(),
          filterDeleted: z.boolean().default(false),
          count: z.number().int().min(1).max(100).default(100),
          start: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          dashboards: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              url: z.string(),
              layoutType: z.enum(['ordered', 'free']),
              authorHandle: z.string(),
              modifiedAt: z.string(),
            }),
          ),
        }),
      example: { filterDeleted: false, count: 20, start: 0 },
      run: () => ({
        dashboards: [
          {
            id: 'abc-8xk-2mq',
            title: 'Ledger API – Service Overview',
            url: '/dashboard/abc-8xk-2mq/ledger-api-service-overview',
            layoutType: 'ordered' as const,
            authorHandle: 'mara.lindqvist@example.com',
            modifiedAt: '2024-05-21T13:40:00Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-slos',
      title: 'List SLOs',
      description:
        'Lists service level objectives filtered by tags or a name query.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z.string().optional(),
          tagsQuery: z.string().optional().describe('e.g. team:payments'),
          limit: z.number().int().min(1).max(1000).default(100),
          offset: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          slos: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              type: z.enum(['metric', 'monitor', 'time_slice']),
              targets: z.array(
                z.object({
                  timeframe: z.enum(['7d', '30d', '90d']),
                  target: z.number(),
                  warning: z.number().optional(),
                }),
              ),
              tags: z.array(z.string()),
            }),
          ),
        }),
      example: { tagsQuery: 'team:payments', limit: 100, offset: 0 },
      run: input => ({
        slos: [
          {
            id: 'c3b7e1f0a9d24e6b8f5c2a1d0e9f8a7b',
            name: 'Ledger API availability',
            type: 'metric' as const,
            targets: [
              { timeframe: '30d' as const, target: 99.9, warning: 99.95 },
            ],
            tags: input.tagsQuery ? [input.tagsQuery] : [],
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-slo-history',
      title: 'Get SLO History',
      description:
        'Returns the SLI value and remaining error budget of an SLO over a window. Windows longer than 90 days are rejected.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          sloId: z.string().regex(/^[0-9a-f]{32}$/),
          fromTs: z.number().int(),
          toTs: z.number().int(),
          target: z
            .number()
            .min(0)
            .max(100)
            .optional()
            .describe('Override the SLO target for the calculation'),
        }),
      output: z =>
        z.object({
          sloId: z.string(),
          sliValue: z.number(),
          errorBudgetRemaining: z.object({
            percent: z.number(),
            minutes: z.number().optional(),
          }),
          groups: z
            .array(z.object({ name: z.string(), sliValue: z.number() }))
            .optional(),
        }),
      example: {
        sloId: 'c3b7e1f0a9d24e6b8f5c2a1d0e9f8a7b',
        fromTs: 1714694400,
        toTs: 1717286400,
      },
      run: input => ({
        sloId: input.sloId,
        sliValue: 99.934,
        errorBudgetRemaining: { percent: 34, minutes: 14.7 },
        groups: [
          { name: 'region:eu-west-1', sliValue: 99.951 },
          { name: 'region:us-east-1', sliValue: 99.902 },
        ],
      }),
    }),
    portalAction({
      name: 'schedule-downtime',
      title: 'Schedule Downtime',
      description:
        'Schedules a downtime that silences matching monitors, for example during a maintenance window. Recurring downtimes use an RRULE.',
      input: z =>
        z.object({
          scope: z.string().describe('e.g. env:prod AND service:ledger-api'),
          monitorIdentifier: z.union([
            z.object({ monitorId: z.number().int() }),
            z.object({ monitorTags: z.array(z.string()).min(1) }),
          ]),
          schedule: z.object({
            start: z.string().datetime(),
            end: z.string().datetime().optional(),
            timezone: z.string().default('UTC'),
            recurrence: z
              .object({
                rrule: z
                  .string()
                  .startsWith('FREQ=')
                  .describe('e.g. FREQ=WEEKLY;BYDAY=SU'),
                durationMinutes: z.number().int().min(1),
              })
              .optional(),
          }),
          message: z.string().optional(),
          notifyEndStates: z
            .array(z.enum(['alert', 'no data', 'warn']))
            .default(['alert', 'no data', 'warn']),
          muteFirstRecoveryNotification: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          downtimeId: z.string(),
          status: z.enum(['scheduled', 'active']),
          scope: z.string(),
        }),
      example: {
        scope: 'env:prod AND service:ledger-api',
        monitorIdentifier: { monitorTags: ['team:payments'] },
        schedule: {
          start: '2024-06-09T02:00:00Z',
          end: '2024-06-09T04:00:00Z',
          timezone: 'Europe/Berlin',
        },
        message: 'Postgres 15 minor upgrade, CHG-2204',
        notifyEndStates: ['alert'],
        muteFirstRecoveryNotification: true,
      },
      run: input => ({
        downtimeId: '00e000000-0000-1234-0000-000000000000',
        status: 'scheduled' as const,
        scope: input.scope,
      }),
    }),
    portalAction({
      name: 'cancel-downtime',
      title: 'Cancel Downtime',
      description:
        'Cancels a scheduled or active downtime; silenced monitors start notifying again right away.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ downtimeId: z.string().min(1) }),
      output: z => z.object({ downtimeId: z.string(), canceled: z.boolean() }),
      example: { downtimeId: '00e000000-0000-1234-0000-000000000000' },
      run: input => ({ downtimeId: input.downtimeId, canceled: true }),
    }),
    portalAction({
      name: 'list-incidents',
      title: 'List Incidents',
      description:
        'Lists incidents declared in Datadog Incident Management, most recent first.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          state: z.enum(['active', 'stable', 'resolved']).optional(),
          severity: z
            .array(z.enum(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5']))
            .optional(),
          pageSize: z.number().int().min(1).max(100).default(10),
          pageOffset: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          incidents: z.array(
            z.object({
              id: z.string(),
              publicId: z.number().int(),
              title: z.string(),
              severity: z.string(),
              state: z.enum(['active', 'stable', 'resolved']),
              commander: z.string().optional(),
              declared: z.string(),
              resolved: z.string().optional(),
              services: z.array(z.string()),
            }),
          ),
        }),
      example: { state: 'active', pageSize: 10, pageOffset: 0 },
      run: input => ({
        incidents: [
          {
            id: 'f1d3e5a7-9b2c-4d6e-8f0a-1b3c5d7e9f2a',
            publicId: 412,
            title: 'Elevated 5xx on transfers endpoint',
            severity: input.severity?.[0] ?? 'SEV-2',
            state: input.state ?? ('active' as const),
            commander: 'priya.raman@example.com',
            declared: '2024-06-02T10:52:00Z',
            services: ['ledger-api'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'post-event',
      title: 'Post Event',
      description:
        'Posts an event to the event stream, for example to mark a deploy or a config change on graphs.',
      input: z =>
        z.object({
          title: z.string().min(1).max(100),
          text: z
            .string()
            .max(4000)
            .describe('Markdown, start with %%% \\n to enable it'),
          alertType: z
            .enum(['info', 'success', 'warning', 'error'])
            .default('info'),
          tags: z.array(z.string()).default([]),
          aggregationKey: z.string().max(100).optional(),
          sourceTypeName: z
            .string()
            .optional()
            .describe('e.g. jenkins, github, backstage'),
        }),
      output: z => z.object({ eventId: z.number().int(), url: z.string() }),
      example: {
        title: 'Deployed ledger-api 2.41.0 to prod',
        text: 'Release pipeline run 90431 by priya.raman',
        alertType: 'info',
        tags: ['service:ledger-api', 'env:prod', 'version:2.41.0'],
        sourceTypeName: 'backstage',
      },
      run: input => ({
        eventId: 7703412098812,
        url: `https://app.datadoghq.com/event/event?id=7703412098812&title=${encodeURIComponent(input.title)}`,
      }),
    }),
    portalAction({
      name: 'get-service-dependencies',
      title: 'Get Service Dependencies',
      description:
        'Returns the upstream callers and downstream dependencies of an APM service as seen in traces during the last hour.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          service: z.string(),
          env: z.string().default('prod'),
          direction: z.enum(['upstream', 'downstream', 'both']).default('both'),
        }),
      output: z =>
        z.object({
          service: z.string(),
          upstream: z.array(
            z.object({ service: z.string(), requestsPerSecond: z.number() }),
          ),
          downstream: z.array(
            z.object({
              service: z.string(),
              type: z.enum(['web', 'db', 'cache', 'queue', 'http', 'custom']),
              requestsPerSecond: z.number(),
              errorRate: z.number(),
            }),
          ),
        }),
      example: { service: 'ledger-api', env: 'prod', direction: 'both' },
      run: input => ({
        service: input.service,
        upstream:
          input.direction === 'downstream'
            ? []
            : [{ service: 'checkout-api', requestsPerSecond: 142.3 }],
        downstream:
          input.direction === 'upstream'
            ? []
            : [
                {
                  service: 'postgres-ledger',
                  type: 'db' as const,
                  requestsPerSecond: 611.8,
                  errorRate: 0.0004,
                },
                {
                  service: 'kafka-ledger-events',
                  type: 'queue' as const,
                  requestsPerSecond: 140.1,
                  errorRate: 0,
                },
              ],
      }),
    }),
    portalAction({
      name: 'list-synthetic-tests',
      title: 'List Synthetic Tests',
      description:
        'Lists API and browser synthetic tests with their locations and last result.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          type: z.enum(['api', 'browser', 'mobile']).optional(),
          tags: z.array(z.string()).optional(),
        }),
      output: z =>
        z.object({
          tests: z.array(
            z.object({
              publicId: z.string(),
              name: z.string(),
              type: z.enum(['api', 'browser', 'mobile']),
              status: z.enum(['live', 'paused']),
              locations: z.array(z.string()),
              lastResult: z.enum(['passed', 'failed', 'no data']),
            }),
          ),
        }),
      example: { type: 'api', tags: ['team:payments'] },
      run: input => ({
        tests: [
          {
            publicId: 'pzx-k3m-9qa',
            name: 'Ledger API health check',
            type: input.type ?? ('api' as const),
            status: 'live' as const,
            locations: ['aws:eu-west-1', 'aws:us-east-1'],
            lastResult: 'passed' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'trigger-synthetic-tests',
      title: 'Trigger Synthetic Tests',
      description:
        'Runs synthetic tests on demand, for instance right after a deploy. Each run counts toward the synthetics usage bill.',
      input: z =>
        z.object({
          tests: z
            .array(
              z.object({
                publicId: z
                  .string()
                  .regex(/^[a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3}$/),
                locations: z
                  .array(z.string())
                  .optional()
                  .describe('Override the configured locations'),
                startUrl: z
                  .string()
                  .url()
                  .optional()
                  .describe('Browser tests only'),
                variables: z.record(z.string()).optional(),
              }),
            )
            .min(1)
            .max(100),
        }),
      output: z =>
        z.object({
          batchId: z.string(),
          triggered: z.array(
            z.object({
              publicId: z.string(),
              resultId: z.string(),
              location: z.string(),
            }),
          ),
        }),
      example: {
        tests: [
          { publicId: 'pzx-k3m-9qa' },
          {
            publicId: 'brw-4tq-7ne',
            startUrl: 'https://staging.shop.example.com/checkout',
            variables: { TEST_USER: 'synthetics+checkout@example.com' },
          },
        ],
      },
      run: input => ({
        batchId: 'b7c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
        triggered: input.tests.map((t, i) => ({
          publicId: t.publicId,
          resultId: String(5522801934410 + i),
          location: t.locations?.[0] ?? 'aws:eu-west-1',
        })),
      }),
    }),
    portalAction({
      name: 'validate-monitor-query',
      title: 'Validate Monitor Query',
      description:
        'Checks a monitor type, query and thresholds for errors without saving anything.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          type: z.enum([
            'metric alert',
            'query alert',
            'log alert',
            'service check',
          ]),
          query: z.string().min(1),
          critical: z.number().optional(),
        }),
      output: z =>
        z.object({ valid: z.boolean(), errors: z.array(z.string()) }),
      example: {
        type: 'query alert',
        query: 'avg(last_5m):avg:system.load.1{env:prod} > 4',
        critical: 4,
      },
      run: input => ({
        valid: /[<>]=?\s*-?\d/.test(input.query),
        errors: /[<>]=?\s*-?\d/.test(input.query)
          ? []
          : ['The query must end with a comparison to a threshold'],
      }),
    }),
  ],
};
