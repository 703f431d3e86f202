import { PortalPlugin, portalAction } from '../types';

export const costInsightsPlugin: PortalPlugin = {
  pluginId: 'cost-insights',
  actions: [
    portalAction({
      name: 'list-cost-groups',
      title: 'List Cost Groups',
      description:
        'Lists the groups that cloud spend is attributed to, as configured in the cost allocation rules. Only groups the caller is a member of are returned unless they hold the cost-admin role.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          includeEmpty: z
            .boolean()
            .default(false)
            .describe(
              'Also return groups with no attributed spend in the last 90 days',
            ),
        }),
      output: z =>
        z.object({
          groups: z.array(
            z.object({
              id: z.string().describe('Catalog entity ref of the group'),
              name: z.string().optional(),
              projectCount: z.number().int(),
            }),
          ),
        }),
      example: { includeEmpty: false },
      run: input => ({
        groups: [
          { id: 'group:default/payments', name: 'Payments', projectCount: 7 },
          { id: 'group:default/search', name: 'Search', projectCount: 4 },
          ...(input.includeEmpty
            ? [{ id: 'group:default/labs', name: 'Labs', projectCount: 0 }]
            : []),
        ],
      }),
    }),
    portalAction({
      name: 'get-group-daily-cost',
      title: 'Get Group Daily Cost',
      description:
        "Returns a group's daily cloud cost over a reporting window, along with the change against the preceding window of equal length.",
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          group: z
            .string()
            .min(1)
            .describe('Group entity ref, e.g. group:default/payments'),
          intervals: z
            .string()
            .regex(/^R\d+\/P\d+[DM]\/\d{4}-\d{2}-\d{2}$/)
            .describe(
              'ISO 8601 repeating interval, e.g. R2/P30D/2024-06-01 for two 30-day windows ending on that date',
            ),
          currency: z
            .enum(['USD', 'EUR', 'GBP'])
            .default('USD')
            .describe('Currency to express amounts in'),
        }),
      output: z =>
        z.object({
          group: z.string(),
          currency: z.string(),
          aggregation: z.array(
            z.object({ date: z.string(), amount: z.number() }),
          ),
          change: z.object({
            ratio: z.number().describe('Relative change, 0.1 meaning +10%'),
            amount: z.number(),
          }),
          trendline: z
            .object({ slope: z.number(), intercept: z.number() })
            .optional(),
        }),
      example: {
        group: 'group:default/payments',
        intervals: 'R2/P30D/2024-06-01',
        currency: 'USD',
      },
      run: input => ({
        group: input.group,
        currency: input.currency,
        aggregation: [
          { date: '2024-05-30', amount: 1412.37 },
          { date: '2024-05-31', amount: 1398.02 },
          { date: '2024-06-01', amount: 1455.9 },
        ],
        change: { ratio: 0.064, amount: 2710.4 },
        trendline: { slope: 4.12, intercept: 1302.5 },
      }),
    }),
    portalAction({
      name: 'get-project-daily-cost',
      title: 'Get Project Daily Cost',
      description:
        'Daily cost for a single cloud project or account, optionally broken down by service.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          project: z.string().describe('Cloud project ID or AWS account ID'),
          period: z
            .object({
              start: z.string().date().describe('First day, inclusive'),
              end: z.string().date().describe('Last day, inclusive'),
            })
            .describe('Reporting window; at most 366 days'),
          breakdownBy: z
            .enum(['service', 'sku', 'region', 'none'])
            .default('none'),
        }),
      output: z =>
        z.object({
          project: z.string(),
          total: z.number(),
          days: z.array(
            z.object({
              date: z.string(),
              amount: z.number(),
              breakdown: z.record(z.number()).optional(),
            }),
          ),
        }),
      example: {
        project: 'payments-prod-3f1a',
        period: { start: '2024-06-01', end: '2024-06-03' },
        breakdownBy: 'service',
      },
      run: input => {
        const days = [input.period.start, input.period.end].map((date, i) => ({
          date,
          amount: 310.5 + i * 12.25,
          breakdown:
            input.breakdownBy === 'none'
              ? undefined
              : {
                  compute: 201.1 + i * 10,
                  storage: 64.4,
                  network: 45 + i * 2.25,
                },
        }));
        return {
          project: input.project,
          total: days.reduce((sum, d) => sum + d.amount, 0),
          days,
        };
      },
    }),
    portalAction({
      name: 'get-entity-cost',
      title: 'Get Catalog Entity Cost',
      description:
        'Looks up the spend attributed to a catalog component or system through its cost-center labels. Entities without labels return an empty series rather than an error.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z
            .string()
            .regex(/^[a-z]+:[a-z0-9-]+\/[a-z0-9-]+$/i)
            .describe('Full entity ref, kind:namespace/name'),
          intervals: z.string().describe('ISO 8601 repeating interval'),
          includeChildren: z
            .boolean()
            .default(true)
            .describe(
              'For systems and domains, sum the cost of owned components',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          aggregation: z.array(
            z.object({ date: z.string(), amount: z.number() }),
          ),
          children: z
            .array(z.object({ entityRef: z.string(), share: z.number() }))
            .optional(),
        }),
      example: {
        entityRef: 'system:default/checkout',
        intervals: 'R2/P7D/2024-06-01',
        includeChildren: true,
      },
      run: input => ({
        entityRef: input.entityRef,
        aggregation: [
          { date: '2024-05-31', amount: 88.4 },
          { date: '2024-06-01', amount: 91.02 },
        ],
        children: input.includeChildren
          ? [
              { entityRef: 'component:default/checkout-api', share: 0.62 },
              { entityRef: 'component:default/checkout-worker', share: 0.38 },
            ]
          : undefined,
      }),
    }),
    portalAction({
      name: 'compare-period-costs',
      title: 'Compare Period Costs',
      description:
        'Compares spend between two arbitrary periods and ranks the dimensions that moved the most. Useful for explaining a month-over-month jump.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          group: z
            .string()
            .describe('Group entity ref to scope the comparison'),
          baseline: z.object({
            start: z.string().date(),
            end: z.string().date(),
          }),
          comparison: z.object({
            start: z.string().date(),
            end: z.string().date(),
          }),
          groupBy: z
            .enum(['service', 'project', 'region', 'team-label'])
            .default('service')
            .describe('Dimension to rank movers by'),
          top: z.number().int().min(1).max(50).default(10),
          filters: z
            .array(
              z.object({
                key: z.string().describe('Dimension name, e.g. service or env'),
                values: z.array(z.string()).min(1),
              }),
            )
            .optional()
            .describe('Restrict both periods to matching line items'),
        }),
      output: z =>
        z.object({
          baselineTotal: z.number(),
          comparisonTotal: z.number(),
          movers: z.array(
            z.object({
              key: z.string(),
              baseline: z.number(),
              comparison: z.number(),
              delta: z.number(),
            }),
          ),
        }),
      example: {
        group: 'group:default/search',
        baseline: { start: '2024-04-01', end: '2024-04-30' },
        comparison: { start: '2024-05-01', end: '2024-05-31' },
        groupBy: 'service',
        top: 3,
        filters: [{ key: 'env', values: ['production'] }],
      },
      run: input => {
        const movers = [
          { key: 'BigQuery', baseline: 4200, comparison: 6105.5 },
          { key: 'Compute Engine', baseline: 9800, comparison: 10240 },
          { key: 'Cloud Storage', baseline: 1200, comparison: 1010 },
        ]
          .slice(0, input.top)
          .map(m => ({ ...m, delta: m.comparison - m.baseline }));
        return { baselineTotal: 15200, comparisonTotal: 17355.5, movers };
      },
    }),
    portalAction({
      name: 'forecast-monthly-spend',
      title: 'Forecast Monthly Spend',
      description:
        'Projects spend for the coming months from historical usage. Forecasts beyond six months are returned but flagged as low confidence.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          group: z.string(),
          horizonMonths: z.number().int().min(1).max(12).default(3),
          model: z
            .enum(['linear', 'seasonal', 'holt-winters'])
            .default('seasonal')
            .describe('Forecasting model to use'),
          historyMonths: z
            .number()
            .int()
            .min(3)
            .max(24)
            .default(12)
            .describe('How much history to fit the model on'),
        }),
      output: z =>
        z.object({
          model: z.string(),
          months: z.array(
            z.object({
              month: z.string().describe('YYYY-MM'),
              expected: z.number(),
              lower: z.number(),
              upper: z.number(),
              confidence: z.enum(['high', 'medium', 'low']),
            }),
          ),
        }),
      example: {
        group: 'group:default/payments',
        horizonMonths: 2,
        model: 'seasonal',
        historyMonths: 12,
      },
      run: input => ({
        model: input.model,
        months: Array.from({ length: input.horizonMonths }, (_, i) => {
          let confidence: 'high' | 'medium' | 'low' = 'low';
          if (i < 3) confidence = 'high';
          else if (i < 6) confidence = 'medium';
          return {
            month: `2024-${String(7 + i).padStart(2, '0')}`,
            expected: 41000 + i * 850,
            lower: 38500 + i * 700,
            upper: 43900 + i * 1000,
            confidence,
          };
        }),
      }),
    }),
    portalAction({
      name: 'list-cost-alerts',
      title: 'List Cost Alerts',
      description:
        'Lists cost anomaly and budget alerts for a group. Results are paginated; pass the returned cursor to fetch the next page.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          group: z.string(),
          status: z
            .array(z.enum(['open', 'snoozed', 'accepted', 'dismissed']))
            .default(['open'])
            .describe('Alert states to include'),
          kinds: z
            .array(z.enum(['anomaly', 'budget', 'unlabeled', 'idle-resource']))
            .optional(),
          pageSize: z.number().int().min(1).max(100).default(25),
          cursor: z.string().optional(),
        }),
      output: z =>
        z.object({
          alerts: z.array(
            z.object({
              id: z.string(),
              kind: z.enum(['anomaly', 'budget', 'unlabeled', 'idle-resource']),
              status: z.enum(['open', 'snoozed', 'accepted', 'dismissed']),
              title: z.string(),
              impact: z.number().describe('Estimated monthly impact in USD'),
              createdAt: z.string(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
      example: {
        group: 'group:default/search',
        status: ['open', 'snoozed'],
        pageSize: 25,
      },
      run: input => ({
        alerts: [
          {
            id: 'alrt-7c21',
            kind: 'anomaly' as const,
            status: input.status[0],
            title: 'BigQuery spend 45% above forecast',
            impact: 1905.5,
            createdAt: '2024-06-02T08:00:00Z',
          },
        ],
        nextCursor: undefined,
      }),
    }),
    portalAction({
      name: 'snooze-cost-alert',
      title: 'Snooze Cost Alert',
      description:
        'Hides an alert until the given date. Snoozing an already snoozed alert just moves the wake-up date.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          alertId: z.string().min(1),
          until: z.string().date().describe('Date the alert reappears'),
          note: z.string().max(500).optional(),
        }),
      output: z =>
        z.object({
          alertId: z.string(),
          status: z.literal('snoozed'),
          until: z.string(),
        }),
      example: {
        alertId: 'alrt-7c21',
        until: '2024-07-01',
        note: 'Re-index finishing',
      },
      run: input => ({
        alertId: input.alertId,
        status: 'snoozed' as const,
        until: input.until,
      }),
    }),
    portalAction({
      name: 'dismiss-cost-alert',
      title: 'Dismiss Cost Alert',
      description:
        'Closes an alert with a reason. The reason is fed back to the anomaly detector, so choose it carefully.',
      input: z =>
        z.object({
          alertId: z.string(),
          reason: z
            .enum([
              'expected-growth',
              'migration',
              'one-off-event',
              'not-actionable',
              'false-positive',
              'other',
            ])
            .describe('Why the alert does not need action'),
          feedback: z
            .string()
            .max(1000)
            .optional()
            .describe('Free text; required by policy when reason is other'),
        }),
      output: z =>
        z.object({
          alertId: z.string(),
          status: z.literal('dismissed'),
          reason: z.string(),
        }),
      example: { alertId: 'alrt-7c21', reason: 'migration' },
      run: input => ({
        alertId: input.alertId,
        status: 'dismissed' as const,
        reason: input.reason,
      }),
    }),
    portalAction({
      name: 'accept-cost-alert',
      title: 'Accept Cost Alert',
      description: 'Marks an alert as acknowledged and assigns it to an owner.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          alertId: z.string(),
          assignee: z
            .string()
            .describe('User entity ref of the person following up'),
        }),
      output: z =>
        z.object({
          alertId: z.string(),
          status: z.literal('accepted'),
          assignee: z.string(),
        }),
      example: { alertId: 'alrt-19ba', assignee: 'user:default/jdoe' },
      run: input => ({
        alertId: input.alertId,
        status: 'accepted' as const,
        assignee: input.assignee,
      }),
    }),
    portalAction({
      name: 'get-product-insights',
      title: 'Get Product Insights',
      description:
        'Breaks down spend on one cloud product (for example compute or storage) by the entities that consume it, for the selected window.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          product: z
            .enum([
              'compute',
              'storage',
              'database',
              'networking',
              'data-warehouse',
              'kubernetes',
            ])
            .describe('Product category as defined in app-config'),
          group: z.string(),
          intervals: z.string(),
          project: z.string().optional().describe('Limit to one project'),
        }),
      output: z =>
        z.object({
          product: z.string(),
          aggregation: z
            .object({ previous: z.number(), current: z.number() })
            .describe('Totals for the previous and current period'),
          entities: z.array(
            z.object({
              id: z.string(),
              aggregation: z.object({
                previous: z.number(),
                current: z.number(),
              }),
              change: z.object({ ratio: z.number(), amount: z.number() }),
            }),
          ),
        }),
      example: {
        product: 'data-warehouse',
        group: 'group:default/search',
        intervals: 'R2/P30D/2024-06-01',
      },
      run: input => ({
        product: input.product,
        aggregation: { previous: 4200, current: 6105.5 },
        entities: [
          {
            id: 'search-ranking-etl',
            aggregation: { previous: 2500, current: 4000 },
            change: { ratio: 0.6, amount: 1500 },
          },
          {
            id: 'query-logs-archive',
            aggregation: { previous: 1700, current: 2105.5 },
            change: { ratio: 0.2385, amount: 405.5 },
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-unlabeled-resources',
      title: 'List Unlabeled Resources',
      description:
        'Finds billable resources that carry none of the labels used for cost allocation, sorted by spend. These end up in the shared "unallocated" bucket.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          requiredLabels: z
            .array(z.string())
            .default(['team', 'service'])
            .describe('A resource missing any of these counts as unlabeled'),
          filters: z
            .array(z.object({ key: z.string(), values: z.array(z.string()) }))
            .default([]),
          minMonthlyCost: z.number().min(0).default(10),
          limit: z.number().int().min(1).max(500).default(100),
        }),
      output: z =>
        z.object({
          resources: z.array(
            z.object({
              resourceId: z.string(),
              provider: z.enum(['aws', 'gcp', 'azure']),
              missingLabels: z.array(z.string()),
              monthlyCost: z.number(),
            }),
          ),
          totalMonthlyCost: z.number(),
        }),
      example: {
        requiredLabels: ['team', 'cost-center'],
        filters: [{ key: 'provider', values: ['gcp'] }],
        minMonthlyCost: 50,
        limit: 100,
      },
      run: input => ({
        resources: [
          {
            resourceId: 'projects/shared-data/instances/etl-runner-2',
            provider: 'gcp' as const,
            missingLabels: input.requiredLabels,
            monthlyCost: 412.8,
          },
        ],
        totalMonthlyCost: 412.8,
      }),
    }),
    portalAction({
      name: 'estimate-rightsizing-savings',
      title: 'Estimate Rightsizing Savings',
      description:
        'Estimates the monthly saving from moving the given resources to smaller sizes or committed-use pricing. Nothing is changed; the result is an estimate based on the last 30 days of utilisation.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          resources: z
            .array(
              z.object({
                resourceId: z.string(),
                targetSize: z
                  .string()
                  .optional()
                  .describe('Leave out to let the estimator pick'),
              }),
            )
            .min(1)
            .max(200),
          pricing: z
            .enum(['on-demand', '1y-commitment', '3y-commitment'])
            .default('on-demand'),
          cpuHeadroomPercent: z.number().int().min(0).max(80).default(20),
        }),
      output: z =>
        z.object({
          estimates: z.array(
            z.object({
              resourceId: z.string(),
              currentSize: z.string(),
              suggestedSize: z.string(),
              currentMonthly: z.number(),
              estimatedMonthly: z.number(),
            }),
          ),
          totalSavings: z.number(),
        }),
      example: {
        resources: [
          { resourceId: 'i-0a12b3c4d5e6f7081' },
          { resourceId: 'i-0fe9d8c7b6a5f4e32', targetSize: 'm6i.large' },
        ],
        pricing: '1y-commitment',
        cpuHeadroomPercent: 25,
      },
      run: input => {
        const estimates = input.resources.map(r => ({
          resourceId: r.resourceId,
          currentSize: 'm6i.2xlarge',
          suggestedSize: r.targetSize ?? 'm6i.xlarge',
          currentMonthly: 280.32,
          estimatedMonthly: 140.16,
        }));
        return { estimates, totalSavings: estimates.length * 140.16 };
      },
    }),
    portalAction({
      name: 'create-budget',
      title: 'Create Budget',
      description:
        'Creates a spending budget for a group and wires up threshold notifications. Requires the cost-admin role.',
      input: z =>
        z.object({
          name: z.string().min(3).max(80),
          group: z.string().describe('Group entity ref the budget applies to'),
          amount: z.number().positive(),
          currency: z.enum(['USD', 'EUR', 'GBP']).default('USD'),
          period: z.enum(['monthly', 'quarterly', 'yearly']).default('monthly'),
          scope: z
            .object({
              projects: z.array(z.string()).optional(),
              services: z.array(z.string()).optional(),
              labels: z.record(z.string()).optional(),
            })
            .optional()
            .describe('Narrow which spend counts toward the budget'),
          thresholds: z
            .array(
              z.object({
                percent: z.number().int().min(1).max(200),
                basis: z.enum(['actual', 'forecast']).default('actual'),
                notify: z
                  .array(z.string())
                  .describe('Emails or Slack channels'),
              }),
            )
            .min(1),
        }),
      output: z =>
        z.object({
          budgetId: z.string(),
          name: z.string(),
          amount: z.number(),
          currency: z.string(),
          thresholdCount: z.number().int(),
        }),
      example: {
        name: 'Search prod Q3',
        group: 'group:default/search',
        amount: 45000,
        currency: 'USD',
        period: 'monthly',
        scope: { labels: { env: 'production' } },
        thresholds: [
          { percent: 80, basis: 'actual', notify: ['#search-oncall'] },
          {
            percent: 100,
            basis: 'forecast',
            notify: ['search-leads@example.com'],
          },
        ],
      },
      run: input => ({
        budgetId: `bdg-${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        name: input.name,
        amount: input.amount,
        currency: input.currency,
        thresholdCount: input.thresholds.length,
      }),
    }),
    portalAction({
      name: 'update-budget',
      title: 'Update Budget',
      description:
        'Changes the amount or thresholds of an existing budget. Fields left out keep their current value.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          budgetId: z.string(),
          amount: z.number().positive().optional(),
          thresholds: z
            .array(
              z.object({
                percent: z.number().int(),
                notify: z.array(z.string()),
              }),
            )
            .optional()
            .describe('Replaces the whole threshold list when given'),
        }),
      output: z =>
        z.object({
          budgetId: z.string(),
          updatedFields: z.array(z.string()),
        }),
      example: { budgetId: 'bdg-search-prod-q3', amount: 50000 },
      run: input => ({
        budgetId: input.budgetId,
        updatedFields: [
          ...(input.amount !== undefined ? ['amount'] : []),
          ...(input.thresholds ? ['thresholds'] : []),
        ],
      }),
    }),
    portalAction({
      name: 'delete-budget',
      title: 'Delete Budget',
      description:
        'Removes a budget and all its notification rules. Historical alerts raised by the budget are kept.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          budgetId: z.string().describe('ID returned by create-budget'),
        }),
      output: z => z.object({ budgetId: z.string(), deleted: z.boolean() }),
      example: { budgetId: 'bdg-search-prod-q3' },
      run: input => ({ budgetId: input.budgetId, deleted: true }),
    }),
    portalAction({
      name: 'export-cost-report',
      title: 'Export Cost Report',
      description:
        'Builds a cost report and stores it for download; large reports are generated asynchronously and the returned link becomes valid once status is ready. Links expire after 24 hours.',
      input: z =>
        z.object({
          format: z.enum(['csv', 'xlsx', 'parquet']).default('csv'),
          period: z.object({
            start: z.string().date(),
            end: z.string().date(),
          }),
          groupBy: z
            .array(
              z.enum(['day', 'project', 'service', 'sku', 'team', 'region']),
            )
            .min(1)
            .max(3)
            .describe('Columns to aggregate by, in order'),
          groups: z
            .array(z.string())
            .optional()
            .describe('Limit to these group entity refs'),
          filters: z
            .array(
              z.object({
                key: z.string(),
                operator: z.enum(['in', 'not-in']).default('in'),
                values: z.array(z.string()),
              }),
            )
            .optional(),
          includeCredits: z.boolean().default(false),
          amortizeCommitments: z
            .boolean()
            .default(true)
            .describe('Spread upfront reservation fees across the term'),
        }),
      output: z =>
        z.object({
          reportId: z.string(),
          status: z.enum(['ready', 'pending']),
          downloadUrl: z.string().url().optional(),
          rowCount: z.number().int().optional(),
        }),
      example: {
        format: 'xlsx',
        period: { start: '2024-05-01', end: '2024-05-31' },
        groupBy: ['team', 'service'],
        groups: ['group:default/payments'],
        filters: [{ key: 'env', operator: 'not-in', values: ['sandbox'] }],
        includeCredits: false,
        amortizeCommitments: true,
      },
      run: input => ({
        reportId: `rpt-${input.period.start.replace(/-/g, '')}-${input.format}`,
        status: 'ready' as const,
        downloadUrl: `https://cost.example.com/reports/rpt-${input.period.start.replace(/-/g, '')}.${input.format}`,
        rowCount: 1284,
      }),
    }),
    portalAction({
      name: 'get-unit-cost-metrics',
      title: 'Get Unit Cost Metrics',
      description:
        'Divides spend by a business metric such as daily active users or orders, so growth can be told apart from inefficiency.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          group: z.string(),
          metric: z.enum([
            'daily-active-users',
            'orders',
            'api-requests',
            'gb-processed',
          ]),
          intervals: z.string(),
        }),
      output: z =>
        z.object({
          metric: z.string(),
          series: z.array(
            z.object({
              date: z.string(),
              cost: z.number(),
              metricValue: z.number(),
              unitCost: z.number(),
            }),
          ),
        }),
      example: {
        group: 'group:default/payments',
        metric: 'orders',
        intervals: 'R2/P7D/2024-06-01',
      },
      run: input => ({
        metric: input.metric,
        series: [
          {
            date: '2024-05-31',
            cost: 1398.02,
            metricValue: 51200,
            unitCost: 0.0273,
          },
          {
            date: '2024-06-01',
            cost: 1455.9,
            metricValue: 55010,
            unitCost: 0.0265,
          },
        ],
      }),
    }),
    portalAction({
      name: 'set-allocation-rule',
      title: 'Set Allocation Rule',
      description:
        'Creates or replaces the rule that maps resource labels to an owning group. Re-applying the same rule has no further effect; changes apply to cost data from the next daily import.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          ruleId: z
            .string()
            .regex(/^[a-z0-9-]+$/)
            .describe('Stable identifier for the rule'),
          targetGroup: z.string(),
          match: z
            .object({
              labels: z.record(z.string()).describe('All labels must match'),
              providers: z.array(z.enum(['aws', 'gcp', 'azure'])).optional(),
            })
            .describe('Which line items the rule captures'),
          priority: z.number().int().min(0).max(1000).default(100),
        }),
      output: z =>
        z.object({
          ruleId: z.string(),
          targetGroup: z.string(),
          effectiveFrom: z.string(),
        }),
      example: {
        ruleId: 'search-team-label',
        targetGroup: 'group:default/search',
        match: { labels: { team: 'search' }, providers: ['gcp'] },
        priority: 100,
      },
      run: input => ({
        ruleId: input.ruleId,
        targetGroup: input.targetGroup,
        effectiveFrom: '2024-06-02',
      }),
    }),
    portalAction({
      name: 'list-currencies',
      title: 'List Currencies',
      description: 'Currencies and exchange rates the cost views can display.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          base: z.string(),
          currencies: z.array(
            z.object({ code: z.string(), label: z.string(), rate: z.number() }),
          ),
        }),
      example: {},
      run: () => ({
        base: 'USD',
        currencies: [
          { code: 'USD', label: 'US Dollar', rate: 1 },
          { code: 'EUR', label: 'Euro', rate: 0.92 },
          { code: 'GBP', label: 'Pound Sterling', rate: 0.79 },
        ],
      }),
    }),
    portalAction({
      name: 'get-last-import-status',
      title: 'Get Last Import Status',
      description:
        'When billing data was last imported from each provider, and whether that import failed.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          providers: z.array(
            z.object({
              provider: z.enum(['aws', 'gcp', 'azure']),
              lastImportAt: z.string(),
              dataCompleteThrough: z
                .string()
                .describe('Last day with complete billing data'),
              ok: z.boolean(),
              error: z.string().optional(),
            }),
          ),
        }),
      example: {},
      run: () => ({
        providers: [
          {
            provider: 'aws' as const,
            lastImportAt: '2024-06-02T06:10:00Z',
            dataCompleteThrough: '2024-05-31',
            ok: true,
          },
          {
            provider: 'gcp' as const,
            lastImportAt: '2024-06-02T05:45:00Z',
            dataCompleteThrough: '2024-06-01',
            ok: true,
          },
          {
            provider: 'azure' as const,
            lastImportAt: '2024-06-01T05:50:00Z',
            dataCompleteThrough: '2024-05-30',
            ok: false,
            error: 'Export blob not found for 2024-06-01',
          },
        ],
      }),
    }),
  ],
};
