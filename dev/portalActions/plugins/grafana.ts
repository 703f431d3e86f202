import { PortalPlugin, portalAction } from '../types';

export const grafanaPlugin: PortalPlugin = {
  pluginId: 'grafana',
  actions: [
    portalAction({
      name: 'search-dashboards',
      title: 'Search Dashboards',
      description:
        'Finds Grafana dashboards by title, tag or folder. Results are ordered alphabetically and paged; ask for the next page when `hasMore` is true.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z
            .string()
            .optional()
            .describe('Free text matched against dashboard titles'),
          tags: z
            .array(z.string())
            .optional()
            .describe('Only dashboards carrying all of these tags'),
          folderUids: z
            .array(z.string())
            .optional()
            .describe('Restrict the search to these folders'),
          starred: z
            .boolean()
            .default(false)
            .describe('Only dashboards starred by the service account'),
          limit: z.number().int().min(1).max(500).default(50),
          page: z.number().int().min(1).default(1),
        }),
      output: z =>
        z.object({
          dashboards: z.array(
            z.object({
              uid: z.string(),
              title: z.string(),
              url: z.string(),
              folderTitle: z.string().optional(),
              tags: z.array(z.string()),
            }),
          ),
          hasMore: z.boolean(),
        }),
      example: {
        query: 'checkout',
        tags: ['payments'],
        starred: false,
        limit: 20,
        page: 1,
      },
      run: input => ({
        dashboards: [
          {
            uid: 'chk-svc-overview',
            title: `${input.query ?? 'Service'} overview`,
            url: '/d/chk-svc-overview/checkout-overview',
            folderTitle: 'Payments',
            tags: input.tags ?? [],
          },
          {
            uid: 'chk-svc-latency',
            title: `${input.query ?? 'Service'} latency breakdown`,
            url: '/d/chk-svc-latency/checkout-latency-breakdown',
            folderTitle: 'Payments',
            tags: [...(input.tags ?? []), 'slo'],
          },
        ],
        hasMore: false,
      }),
    }),
    portalAction({
      name: 'get-dashboard',
      title: 'Get Dashboard',
      description:
        'Returns the metadata of one dashboard and, optionally, a summary of its panels.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          uid: z.string().min(1).describe('Dashboard UID'),
          includePanels: z
            .boolean()
            .default(true)
            .describe('Also list the panels with their type and datasource'),
        }),
      output: z =>
        z.object({
          uid: z.string(),
          title: z.string(),
          version: z.number().int(),
          folderUid: z.string().optional(),
          updatedBy: z.string(),
          refresh: z.string().optional(),
          panels: z
            .array(
              z.object({
                id: z.number().int(),
                title: z.string(),
                type: z.string(),
                datasourceUid: z.string().optional(),
              }),
            )
            .optional(),
        }),
      example: { uid: 'chk-svc-overview', includePanels: true },
      run: input => ({
        uid: input.uid,
        title: 'Checkout overview',
        version: 42,
        folderUid: 'payments',
        updatedBy: 'sre-bot',
        refresh: '30s',
        panels: input.includePanels
          ? [
              {
                id: 1,
                title: 'Requests per second',
                type: 'timeseries',
                datasourceUid: 'prom-main',
              },
              {
                id: 2,
                title: 'Error budget remaining',
                type: 'stat',
                datasourceUid: 'prom-main',
              },
            ]
          : undefined,
      }),
    }),
    portalAction({
      name: 'create-dashboard',
      title: 'Create Dashboard',
      description:
        'Creates a dashboard from a list of panels and their queries. Panels are laid out on the 24-column grid using the given positions; set `overwrite` to replace an existing dashboard with the same title in the folder.',
      input: z =>
        z.object({
          title: z.string().min(3).max(120).describe('Dashboard title'),
          folderUid: z
            .string()
            .optional()
            .describe('Target folder; the General folder when omitted'),
          tags: z.array(z.string()).default([]),
          refresh: z
            .enum(['off', '10s', '30s', '1m', '5m', '15m'])
            .default('off')
            .describe('Auto-refresh interval'),
          panels: z
            .array(
              z.object({
                title: z.string(),
                type: z.enum([
                  'timeseries',
                  'stat',
                  'gauge',
                  'table',
                  'logs',
                  'bargauge',
                ]),
                datasourceUid: z.string(),
                targets: z
                  .array(
                    z.object({
                      refId: z.string().regex(/^[A-Z]$/),
                      expr: z
                        .string()
                        .describe('Query in the datasource language'),
                      legendFormat: z.string().optional(),
                    }),
                  )
                  .min(1),
                gridPos: z.object({
                  x: z.number().int().min(0).max(23),
                  y: z.number().int().min(0),
                  w: z.number().int().min(1).max(24),
                  h: z.number().int().min(1),
                }),
                unit: z
                  .string()
                  .optional()
                  .describe('Grafana unit id, e.g. `ms` or `percent`'),
              }),
            )
            .min(1)
            .describe('Panels to place on the dashboard'),
          overwrite: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          uid: z.string(),
          url: z.string(),
          version: z.number().int(),
          panelCount: z.number().int(),
        }),
      example: {
        title: 'Inventory API',
        folderUid: 'warehouse',
        tags: ['inventory', 'api'],
        refresh: '1m',
        panels: [
          {
            title: 'p99 latency',
            type: 'timeseries',
            datasourceUid: 'prom-main',
            targets: [
              {
                refId: 'A',
                expr: 'histogram_quantile(0.99, sum by (le) (rate(http_server_duration_seconds_bucket{service="inventory"}[5m])))',
                legendFormat: 'p99',
              },
            ],
            gridPos: { x: 0, y: 0, w: 12, h: 8 },
            unit: 's',
          },
          {
            title: '5xx ratio',
            type: 'stat',
            datasourceUid: 'prom-main',
            targets: [
              {
                refId: 'A',
                expr: 'sum(rate(http_requests_total{service="inventory",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="inventory"}[5m]))',
              },
            ],
            gridPos: { x: 12, y: 0, w: 12, h: 8 },
            unit: 'percentunit',
          },
        ],
        overwrite: false,
      },
      run: input => {
        const slug = input.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        return {
          uid: `${slug}-a1b2`,
          url: `/d/${slug}-a1b2/${slug}`,
          version: 1,
          panelCount: input.panels.length,
        };
      },
    }),
    portalAction({
      name: 'delete-dashboard',
      title: 'Delete Dashboard',
      description:
        'Deletes a dashboard and its version history. Alert rules linked to its panels stay but lose the link.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({ uid: z.string().min(1).describe('Dashboard UID') }),
      output: z =>
        z.object({ uid: z.string(), deleted: z.boolean(), title: z.string() }),
      example: { uid: 'tmp-loadtest-0412' },
      run: input => ({
        uid: input.uid,
        deleted: true,
        title: 'Load test scratchpad',
      }),
    }),
    portalAction({
      name: 'list-folders',
      title: 'List Folders',
      description: 'Lists dashboard folders visible to the caller.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          parentUid: z
            .string()
            .optional()
            .describe('List the subfolders of this folder instead of the root'),
          limit: z.number().int().min(1).max(1000).default(100),
        }),
      output: z =>
        z.object({
          folders: z.array(
            z.object({
              uid: z.string(),
              title: z.string(),
              canEdit: z.boolean(),
            }),
          ),
        }),
      example: { limit: 100 },
      run: input => ({
        folders: [
          { uid: 'payments', title: 'Payments', canEdit: true },
          { uid: 'warehouse', title: 'Warehouse', canEdit: true },
          { uid: 'platform', title: 'Platform', canEdit: false },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'query-datasource',
      title: 'Query Datasource',
      description:
        'Runs one or more queries against a datasource through Grafana and returns the resulting series. Long ranges are downsampled to `maxDataPoints` per series; the call times out after 30 seconds.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          datasourceUid: z.string().describe('UID of the datasource to query'),
          queries: z
            .array(
              z.object({
                refId: z
                  .string()
                  .regex(/^[A-Z]$/)
                  .describe('Letter identifying the query'),
                expr: z
                  .string()
                  .min(1)
                  .describe('PromQL, LogQL, SQL… depending on the datasource'),
                instant: z.boolean().optional(),
              }),
            )
            .min(1)
            .max(10),
          timeRange: z
            .object({
              from: z
                .string()
                .describe('Start, absolute ISO-8601 or relative like `now-6h`'),
              to: z.string().describe('End, e.g. `now`'),
            })
            .describe('Time window of the query'),
          maxDataPoints: z.number().int().min(10).max(11000).default(500),
          intervalMs: z
            .number()
            .int()
            .min(1000)
            .optional()
            .describe('Step between points'),
        }),
      output: z =>
        z.object({
          results: z.array(
            z.object({
              refId: z.string(),
              series: z.array(
                z.object({
                  name: z.string(),
                  labels: z.record(z.string()),
                  points: z.array(
                    z.object({ t: z.number().int(), v: z.number() }),
                  ),
                }),
              ),
              error: z.string().optional(),
            }),
          ),
        }),
      example: {
        datasourceUid: 'prom-main',
        queries: [
          {
            refId: 'A',
            expr: 'sum by (pod) (rate(container_cpu_usage_seconds_total{namespace="checkout"}[5m]))',
          },
        ],
        timeRange: { from: 'now-1h', to: 'now' },
        maxDataPoints: 500,
        intervalMs: 60000,
      },
      run: input => ({
        results: input.queries.map(q => ({
          refId: q.refId,
          series: [
            {
              name: q.expr.slice(0, 40),
              labels: { pod: 'checkout-7d9f8c-x2lqp' },
              points: [
                { t: 1717200000000, v: 0.21 },
                { t: 1717200060000, v: 0.24 },
                { t: 1717200120000, v: 0.19 },
              ],
            },
          ],
        })),
      }),
    }),
    portalAction({
      name: 'list-datasources',
      title: 'List Datasources',
      description:
        'Lists configured datasources with their type and whether they are the default. Connection secrets are never returned.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          type: z
            .string()
            .optional()
            .describe('Plugin type to filter on, e.g. `prometheus` or `loki`'),
        }),
      output: z =>
        z.object({
          datasources: z.array(
            z.object({
              uid: z.string(),
              name: z.string(),
              type: z.string(),
              isDefault: z.boolean(),
              readOnly: z.boolean(),
            }),
          ),
        }),
      example: { type: 'prometheus' },
      run: input => ({
        datasources: [
          {
            uid: 'prom-main',
            name: 'Prometheus (main)',
            type: input.type ?? 'prometheus',
            isDefault: true,
            readOnly: true,
          },
          {
            uid: 'prom-edge',
            name: 'Prometheus (edge)',
            type: input.type ?? 'prometheus',
            isDefault: false,
            readOnly: true,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-alert-rules',
      title: 'List Alert Rules',
      description:
        'Lists Grafana-managed alert rules with their current evaluation state. Filter by folder, state or label matchers.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          folderUid: z.string().optional(),
          state: z
            .enum(['firing', 'pending', 'normal', 'nodata', 'error'])
            .optional()
            .describe('Only rules currently in this state'),
          labels: z
            .record(z.string())
            .optional()
            .describe('Exact label matches, e.g. `{ "team": "payments" }`'),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      output: z =>
        z.object({
          rules: z.array(
            z.object({
              uid: z.string(),
              title: z.string(),
              state: z.enum(['firing', 'pending', 'normal', 'nodata', 'error']),
              folderUid: z.string(),
              labels: z.record(z.string()),
              lastEvaluation: z.string(),
            }),
          ),
          total: z.number().int(),
        }),
      example: { state: 'firing', labels: { team: 'payments' }, limit: 50 },
      run: input => ({
        rules: [
          {
            uid: 'a7c1e9',
            title: 'Checkout error rate above 2%',
            state: input.state ?? 'normal',
            folderUid: input.folderUid ?? 'payments',
            labels: { severity: 'page', ...(input.labels ?? {}) },
            lastEvaluation: '2024-06-01T10:14:00Z',
          },
        ],
        total: 1,
      }),
    }),
    portalAction({
      name: 'get-alert-rule',
      title: 'Get Alert Rule',
      description:
        'Fetches the full definition of an alert rule, including its query, condition, evaluation interval and notification settings.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ uid: z.string().describe('Alert rule UID') }),
      output: z =>
        z.object({
          uid: z.string(),
          title: z.string(),
          condition: z.string(),
          for: z.string(),
          interval: z.string(),
          queries: z.array(
            z.object({
              refId: z.string(),
              datasourceUid: z.string(),
              expr: z.string(),
            }),
          ),
          annotations: z.record(z.string()),
          labels: z.record(z.string()),
          contactPoint: z.string().optional(),
        }),
      example: { uid: 'a7c1e9' },
      run: input => ({
        uid: input.uid,
        title: 'Checkout error rate above 2%',
        condition: 'C',
        for: '5m',
        interval: '1m',
        queries: [
          {
            refId: 'A',
            datasourceUid: 'prom-main',
            expr: 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="checkout"}[5m]))',
          },
        ],
        annotations: {
          summary: 'Checkout is failing more than 2% of requests',
          runbook_url: 'https://runbooks.internal/checkout/errors',
        },
        labels: { team: 'payments', severity: 'page' },
        contactPoint: 'payments-oncall',
      }),
    }),
    portalAction({
      name: 'silence-alert',
      title: 'Silence Alert',
      description:
        'Creates an Alertmanager silence for alerts matching the given label matchers. Notifications stop immediately; the alerts keep being evaluated and show as silenced.',
      input: z =>
        z.object({
          matchers: z
            .array(
              z.object({
                name: z.string().describe('Label name'),
                value: z.string().describe('Label value or regular expression'),
                isRegex: z.boolean().default(false),
                isEqual: z
                  .boolean()
                  .default(true)
                  .describe('False negates the matcher'),
              }),
            )
            .min(1),
          startsAt: z
            .string()
            .optional()
            .describe('ISO-8601 start; defaults to now'),
          endsAt: z.string().describe('ISO-8601 end of the silence'),
          comment: z.string().min(5).describe('Why the alerts are silenced'),
          createdBy: z.string().describe('Person or team responsible'),
        }),
      output: z =>
        z.object({
          silenceId: z.string(),
          state: z.enum(['active', 'pending']),
          matchedAlerts: z.number().int(),
        }),
      example: {
        matchers: [
          { name: 'service', value: 'checkout', isRegex: false, isEqual: true },
          {
            name: 'severity',
            value: 'warning|info',
            isRegex: true,
            isEqual: true,
          },
        ],
        endsAt: '2024-06-01T14:00:00Z',
        comment: 'Planned database failover, see CHG-2231',
        createdBy: 'alice@example.com',
      },
      run: input => ({
        silenceId: '5e0c2b6f-8d7a-4c0e-9b7e-1f3a2d4c6b8a',
        state: input.startsAt ? ('pending' as const) : ('active' as const),
        matchedAlerts: input.matchers.length + 1,
      }),
    }),
    portalAction({
      name: 'expire-silence',
      title: 'Expire Silence',
      description:
        'Ends a silence early so matching alerts notify again. Expiring an already expired silence does nothing.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ silenceId: z.string().uuid() }),
      output: z =>
        z.object({ silenceId: z.string(), state: z.literal('expired') }),
      example: { silenceId: '5e0c2b6f-8d7a-4c0e-9b7e-1f3a2d4c6b8a' },
      run: input => ({ silenceId: input.silenceId, state: 'expired' as const }),
    }),
    portalAction({
      name: 'annotate-dashboard',
      title: 'Annotate Dashboard',
      description:
        'Adds an annotation to a dashboard, or to a single panel when `panelId` is given. Use it to mark deploys, incidents or config changes on graphs; give `timeEnd` for a region.',
      input: z =>
        z.object({
          dashboardUid: z.string(),
          panelId: z.number().int().optional(),
          time: z.number().int().describe('Start, epoch milliseconds'),
          timeEnd: z
            .number()
            .int()
            .optional()
            .describe('End for a region annotation'),
          text: z.string().min(1).max(2000),
          tags: z.array(z.string()).default([]),
        }),
      output: z => z.object({ id: z.number().int(), message: z.string() }),
      example: {
        dashboardUid: 'chk-svc-overview',
        time: 1717236000000,
        text: 'Deployed checkout v2.31.0 (canary 10%)',
        tags: ['deploy', 'checkout'],
      },
      run: input => ({
        id: 88123,
        message: `Annotation added to ${input.dashboardUid}${input.panelId !== undefined ? ` panel ${input.panelId}` : ''}`,
      }),
    }),
    portalAction({
      name: 'list-annotations',
      title: 'List Annotations',
      description: 'Lists annotations in a time window, newest first.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          dashboardUid: z.string().optional(),
          tags: z
            .array(z.string())
            .optional()
            .describe('Annotations having all of these tags'),
          from: z.number().int().describe('Epoch milliseconds'),
          to: z.number().int().describe('Epoch milliseconds'),
          type: z.enum(['annotation', 'alert']).default('annotation'),
          limit: z.number().int().min(1).max(1000).default(100),
        }),
      output: z =>
        z.object({
          annotations: z.array(
            z.object({
              id: z.number().int(),
              time: z.number().int(),
              timeEnd: z.number().int().optional(),
              text: z.string(),
              tags: z.array(z.string()),
              login: z.string().optional(),
            }),
          ),
        }),
      example: {
        tags: ['deploy'],
        from: 1717200000000,
        to: 1717286400000,
        type: 'annotation',
        limit: 20,
      },
      run: input => ({
        annotations: [
          {
            id: 88123,
            time: input.to - 3600000,
            text: 'Deployed checkout v2.31.0 (canary 10%)',
            tags: input.tags ?? [],
            login: 'deploy-bot',
          },
          {
            id: 88090,
            time: input.from + 7200000,
            timeEnd: input.from + 9000000,
            text: 'Database maintenance window',
            tags: ['maintenance'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'render-panel-image',
      title: 'Render Panel Image',
      description:
        'Renders a single panel to PNG using the image renderer and returns a short-lived download URL. Rendering large panels can take several seconds.',
      attributes: { readOnly: true },
      input: z =>
        z.object({
          dashboardUid: z.string(),
          panelId: z.number().int().min(1),
          from: z.string().default('now-6h'),
          to: z.string().default('now'),
          width: z.number().int().min(200).max(3000).default(1000),
          height: z.number().int().min(100).max(2000).default(500),
          theme: z.enum(['light', 'dark']).default('dark'),
          variables: z
            .record(z.string())
            .optional()
            .describe('Template variable values, without the `var-` prefix'),
        }),
      output: z =>
        z.object({
          imageUrl: z.string().url(),
          expiresInSeconds: z.number().int(),
          contentType: z.literal('image/png'),
        }),
      example: {
        dashboardUid: 'chk-svc-overview',
        panelId: 1,
        from: 'now-24h',
        to: 'now',
        width: 1200,
        height: 600,
        theme: 'light',
        variables: { cluster: 'eu-west-1', namespace: 'checkout' },
      },
      run: input => ({
        imageUrl: `https://grafana.example.com/render/d-solo/${input.dashboardUid}?panelId=${input.panelId}&width=${input.width}&height=${input.height}`,
        expiresInSeconds: 300,
        contentType: 'image/png' as const,
      }),
    }),
    portalAction({
      name: 'list-contact-points',
      title: 'List Contact Points',
      description:
        'Lists alerting contact points and the integrations behind each one (Slack, PagerDuty, email, webhook).',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          name: z.string().optional().describe('Exact contact point name'),
        }),
      output: z =>
        z.object({
          contactPoints: z.array(
            z.object({
              name: z.string(),
              integrations: z.array(
                z.object({
                  uid: z.string(),
                  type: z.enum([
                    'slack',
                    'pagerduty',
                    'email',
                    'webhook',
                    'opsgenie',
                    'teams',
                  ]),
                  disableResolveMessage: z.boolean(),
                }),
              ),
            }),
          ),
        }),
      example: {},
      run: input => ({
        contactPoints: [
          {
            name: input.name ?? 'payments-oncall',
            integrations: [
              {
                uid: 'pd-01',
                type: 'pagerduty' as const,
                disableResolveMessage: false,
              },
              {
                uid: 'sl-07',
                type: 'slack' as const,
                disableResolveMessage: true,
              },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'update-dashboard-permissions',
      title: 'Update Dashboard Permissions',
      description:
        'Replaces the permission list of a dashboard with the given entries. Permissions inherited from the folder are not affected; admins always keep access.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          dashboardUid: z.string(),
          items: z
            .array(
              z.object({
                teamId: z.number().int().optional(),
                userId: z.number().int().optional(),
                role: z.enum(['Viewer', 'Editor']).optional(),
                permission: z.enum(['View', 'Edit', 'Admin']),
              }),
            )
            .describe(
              'Full list of explicit permissions; an empty list removes them all',
            ),
        }),
      output: z =>
        z.object({
          dashboardUid: z.string(),
          applied: z.number().int(),
          message: z.string(),
        }),
      example: {
        dashboardUid: 'chk-svc-overview',
        items: [
          { teamId: 14, permission: 'Edit' },
          { role: 'Viewer', permission: 'View' },
        ],
      },
      run: input => ({
        dashboardUid: input.dashboardUid,
        applied: input.items.length,
        message: 'Dashboard permissions updated',
      }),
    }),
    portalAction({
      name: 'list-dashboard-versions',
      title: 'List Dashboard Versions',
      description:
        'Shows the saved versions of a dashboard with author and commit message. Grafana keeps at most the last 20 versions by default.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          uid: z.string(),
          limit: z.number().int().min(1).max(100).default(10),
        }),
      output: z =>
        z.object({
          versions: z.array(
            z.object({
              version: z.number().int(),
              created: z.string(),
              createdBy: z.string(),
              message: z.string(),
            }),
          ),
        }),
      example: { uid: 'chk-svc-overview', limit: 3 },
      run: input => ({
        versions: [
          {
            version: 42,
            created: '2024-05-30T09:12:00Z',
            createdBy: 'alice',
            message: 'Add error budget panel',
          },
          {
            version: 41,
            created: '2024-05-21T16:40:00Z',
            createdBy: 'bob',
            message: 'Switch latency to p99',
          },
          {
            version: 40,
            created: '2024-05-02T08:03:00Z',
            createdBy: 'sre-bot',
            message: '',
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'restore-dashboard-version',
      title: 'Restore Dashboard Version',
      description:
        'Restores an earlier version of a dashboard. The restore is saved as a new version, so nothing is lost.',
      input: z =>
        z.object({
          uid: z.string(),
          version: z
            .number()
            .int()
            .min(1)
            .describe('Version number to bring back'),
        }),
      output: z =>
        z.object({
          uid: z.string(),
          restoredFrom: z.number().int(),
          newVersion: z.number().int(),
        }),
      example: { uid: 'chk-svc-overview', version: 40 },
      run: input => ({
        uid: input.uid,
        restoredFrom: input.version,
        newVersion: 43,
      }),
    }),
  ],
};
