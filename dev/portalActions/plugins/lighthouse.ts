import { PortalPlugin, portalAction } from '../types';

export const lighthousePlugin: PortalPlugin = {
  pluginId: 'lighthouse',
  actions: [
    portalAction({
      name: 'list-websites',
      title: 'List Websites',
      description:
        'Lists the websites tracked by the Lighthouse audit service with the scores of their latest audit.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          offset: z.number().int().min(0).default(0),
          limit: z.number().int().min(1).max(100).default(25),
        }),
      output: z =>
        z.object({
          websites: z.array(
            z.object({
              url: z.string(),
              lastAuditId: z.string().optional(),
              lastAuditStatus: z
                .enum(['COMPLETED', 'FAILED', 'RUNNING'])
                .optional(),
              scores: z
                .object({
                  performance: z.number(),
                  accessibility: z.number(),
                  bestPractices: z.number(),
                  seo: z.number(),
                })
                .optional(),
            }),
          ),
          total: z.number().int(),
        }),
      example: { offset: 0, limit: 25 },
      run: () => ({
        websites: [
          {
            url: 'https://shop.example.com/',
            lastAuditId: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8',
            lastAuditStatus: 'COMPLETED' as const,
            scores: {
              performance: 0.71,
              accessibility: 0.94,
              bestPractices: 0.92,
              seo: 1,
            },
          },
          {
            url: 'https://shop.example.com/checkout',
            lastAuditId: '0b9e4c1f-2d77-4a0e-8f35-61c2a9d7e0b3',
            lastAuditStatus: 'FAILED' as const,
          },
        ],
        total: 2,
      }),
    }),
    portalAction({
      name: 'list-audits',
      title: 'List Audits',
      description: 'Lists audits of one website, newest first.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          url: z.string().url().describe('Website URL exactly as tracked'),
          status: z.enum(['COMPLETED', 'FAILED', 'RUNNING']).optional(),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          audits: z.array(
            z.object({
              id: z.string(),
              status: z.enum(['COMPLETED', 'FAILED', 'RUNNING']),
              timeCreated: z.string(),
              timeCompleted: z.string().optional(),
              formFactor: z.enum(['mobile', 'desktop']),
            }),
          ),
        }),
      example: { url: 'https://shop.example.com/', limit: 2 },
      run: input => ({
        audits: [
          {
            id: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8',
            status: input.status ?? ('COMPLETED' as const),
            timeCreated: '2024-11-14T06:00:02Z',
            timeCompleted: '2024-11-14T06:01:19Z',
            formFactor: 'mobile' as const,
          },
          {
            id: '5c0d9a3b-1e4f-47a2-b8d6-0f9e2c7a1b54',
            status: input.status ?? ('COMPLETED' as const),
            timeCreated: '2024-11-13T06:00:01Z',
            timeCompleted: '2024-11-13T06:01:12Z',
            formFactor: 'mobile' as const,
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'get-audit',
      title: 'Get Audit',
      description:
        'Returns an audit with its category scores. The full Lighthouse report JSON is large and only included when includeReport is set.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          auditId: z.string().uuid(),
          includeReport: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          id: z.string(),
          url: z.string(),
          status: z.enum(['COMPLETED', 'FAILED', 'RUNNING']),
          categories: z.array(
            z.object({
              id: z.enum([
                'performance',
                'accessibility',
                'best-practices',
                'seo',
                'pwa',
              ]),
              score: z.number().min(0).max(1),
            }),
          ),
          lighthouseVersion: z.string(),
          report: z.string().optional().describe('Raw report JSON'),
        }),
      example: {
        auditId: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8',
        includeReport: false,
      },
      run: input => ({
        id: input.auditId,
        url: 'https://shop.example.com/',
        status: 'COMPLETED' as const,
        categories: [
          { id: 'performance' as const, score: 0.71 },
          { id: 'accessibility' as const, score: 0.94 },
          { id: 'best-practices' as const, score: 0.92 },
          { id: 'seo' as const, score: 1 },
        ],
        lighthouseVersion: '12.2.1',
        report: input.includeReport
          ? '{"lighthouseVersion":"12.2.1"}'
          : undefined,
      }),
    }),
    portalAction({
      name: 'get-latest-audit-for-entity',
      title: 'Get Latest Audit for Entity',
      description:
        'Looks up the website from the lighthouse.com/website-url annotation of a catalog entity and returns its most recent audit.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string().describe('e.g. component:default/shop-web'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          url: z.string().optional(),
          audit: z
            .object({
              id: z.string(),
              status: z.enum(['COMPLETED', 'FAILED', 'RUNNING']),
              timeCreated: z.string(),
              performance: z.number().optional(),
            })
            .optional(),
        }),
      example: { entityRef: 'component:default/shop-web' },
      run: input => ({
        entityRef: input.entityRef,
        url: 'https://shop.example.com/',
        audit: {
          id: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8',
          status: 'COMPLETED' as const,
          timeCreated: '2024-11-14T06:00:02Z',
          performance: 0.71,
        },
      }),
    }),
    portalAction({
      name: 'get-category-scores',
      title: 'Get Category Scores',
      description:
        'Category scores of the latest completed audit, as 0 to 100.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ url: z.string().url() }),
      output: z =>
        z.object({
          url: z.string(),
          auditId: z.string(),
          performance: z.number().int(),
          accessibility: z.number().int(),
          bestPractices: z.number().int(),
          seo: z.number().int(),
        }),
      example: { url: 'https://shop.example.com/' },
      run: input => ({
        url: input.url,
        auditId: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8',
        performance: 71,
        accessibility: 94,
        bestPractices: 92,
        seo: 100,
      }),
    }),
    portalAction({
      name: 'compare-audits',
      title: 'Compare Audits',
      description:
        'Compares two audits of the same site and reports which scores and metrics moved. Positive deltas are improvements; for timing metrics that means they got faster.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          baseAuditId: z.string().uuid(),
          targetAuditId: z.string().uuid(),
          threshold: z
            .number()
            .min(0)
            .max(1)
            .default(0.02)
            .describe('Ignore category changes smaller than this'),
        }),
      output: z =>
        z.object({
          categories: z.array(
            z.object({
              id: z.string(),
              base: z.number(),
              target: z.number(),
              delta: z.number(),
            }),
          ),
          metrics: z.array(
            z.object({
              id: z.string(),
              baseMs: z.number(),
              targetMs: z.number(),
              verdict: z.enum(['improved', 'regressed', 'unchanged']),
            }),
          ),
        }),
      example: {
        baseAuditId: '5c0d9a3b-1e4f-47a2-b8d6-0f9e2c7a1b54',
        targetAuditId: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8',
        threshold: 0.02,
      },
      run: () => ({
        categories: [
          { id: 'performance', base: 0.78, target: 0.71, delta: -0.07 },
        ],
        metrics: [
          {
            id: 'largest-contentful-paint',
            baseMs: 2410,
            targetMs: 3120,
            verdict: 'regressed' as const,
          },
          {
            id: 'total-blocking-time',
            baseMs: 180,
            targetMs: 175,
            verdict: 'unchanged' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-score-trend',
      title: 'Get Score Trend',
      description:
        'Returns one score per day for a category over a time window, for charting. Days without a completed audit are left out.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          url: z.string().url(),
          category: z
            .enum(['performance', 'accessibility', 'best-practices', 'seo'])
            .default('performance'),
          days: z.number().int().min(1).max(180).default(30),
        }),
      output: z =>
        z.object({
          category: z.string(),
          points: z.array(z.object({ date: z.string(), score: z.number() })),
        }),
      example: {
        url: 'https://shop.example.com/',
        category: 'performance',
        days: 3,
      },
      run: input => ({
        category: input.category,
        points: [
          { date: '2024-11-12', score: 0.8 },
          { date: '2024-11-13', score: 0.78 },
          { date: '2024-11-14', score: 0.71 },
        ].slice(-input.days),
      }),
    }),
    portalAction({
      name: 'list-opportunities',
      title: 'List Opportunities',
      description:
        'Lists the failing audits of a report ordered by estimated savings, such as unused JavaScript or unoptimised images.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          auditId: z.string().uuid(),
          category: z
            .enum(['performance', 'accessibility', 'best-practices', 'seo'])
            .optional(),
          minSavingsMs: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          opportunities: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              savingsMs: z.number().optional(),
              savingsBytes: z.number().int().optional(),
              items: z.array(
                z.object({
                  url: z.string(),
                  wastedBytes: z.number().int().optional(),
                }),
              ),
            }),
          ),
        }),
      example: {
        auditId: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8',
        category: 'performance',
        minSavingsMs: 100,
      },
      run: () => ({
        opportunities: [
          {
            id: 'unused-javascript',
            title: 'Reduce unused JavaScript',
            savingsMs: 900,
            savingsBytes: 214330,
            items: [
              {
                url: 'https://shop.example.com/_next/static/chunks/vendor-3f2a.js',
                wastedBytes: 161022,
              },
            ],
          },
          {
            id: 'modern-image-formats',
            title: 'Serve images in modern formats',
            savingsMs: 450,
            items: [
              {
                url: 'https://cdn.example.com/hero/winter-sale.png',
                wastedBytes: 388100,
              },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-performance-metrics',
      title: 'Get Performance Metrics',
      description:
        'Returns the lab metrics of an audit: FCP, LCP, TBT, CLS and Speed Index, each with its score.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ auditId: z.string().uuid() }),
      output: z =>
        z.object({
          auditId: z.string(),
          metrics: z.object({
            firstContentfulPaintMs: z.number(),
            largestContentfulPaintMs: z.number(),
            totalBlockingTimeMs: z.number(),
            cumulativeLayoutShift: z.number(),
            speedIndexMs: z.number(),
          }),
          ratings: z.record(z.enum(['good', 'needs-improvement', 'poor'])),
        }),
      example: { auditId: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8' },
      run: input => ({
        auditId: input.auditId,
        metrics: {
          firstContentfulPaintMs: 1480,
          largestContentfulPaintMs: 3120,
          totalBlockingTimeMs: 175,
          cumulativeLayoutShift: 0.04,
          speedIndexMs: 2890,
        },
        ratings: {
          firstContentfulPaint: 'good' as const,
          largestContentfulPaint: 'needs-improvement' as const,
          totalBlockingTime: 'good' as const,
          cumulativeLayoutShift: 'good' as const,
        },
      }),
    }),
    portalAction({
      name: 'export-report',
      title: 'Export Report',
      description:
        'Produces a shareable copy of an audit report as HTML or JSON and returns a signed download link valid for one hour.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          auditId: z.string().uuid(),
          format: z.enum(['html', 'json']).default('html'),
        }),
      output: z =>
        z.object({
          downloadUrl: z.string(),
          format: z.enum(['html', 'json']),
          sizeBytes: z.number().int(),
          expiresAt: z.string(),
        }),
      example: {
        auditId: 'a7f1d0c2-55e3-4f6b-9c11-3be0f1e2d4a8',
        format: 'json',
      },
      run: input => ({
        downloadUrl: `https://lighthouse-audit.acme.internal/v1/audits/${input.auditId}/report.${input.format}?sig=6f2c1a`,
        format: input.format,
        sizeBytes: input.format === 'html' ? 912044 : 402118,
        expiresAt: '2024-11-14T11:00:00Z',
      }),
    }),
    portalAction({
      name: 'get-budget-status',
      title: 'Get Budget Status',
      description:
        'Checks the latest audit of a site against its performance budget and lists every budget line that is exceeded.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ url: z.string().url() }),
      output: z =>
        z.object({
          withinBudget: z.boolean(),
          violations: z.array(
            z.object({
              metric: z.string(),
              budget: z.number(),
              actual: z.number(),
              unit: z.enum(['ms', 'KB', 'count', 'score']),
            }),
          ),
        }),
      example: { url: 'https://shop.example.com/' },
      run: () => ({
        withinBudget: false,
        violations: [
          {
            metric: 'largest-contentful-paint',
            budget: 2500,
            actual: 3120,
            unit: 'ms' as const,
          },
          { metric: 'script', budget: 350, actual: 498, unit: 'KB' as const },
        ],
      }),
    }),
    portalAction({
      name: 'trigger-audit',
      title: 'Trigger Audit',
      description:
        'Queues a new Lighthouse audit of a URL. Audits take around a minute; the returned id can be polled with get-audit.',
      input: z =>
        z.object({
          url: z.string().url(),
          options: z
            .object({
              formFactor: z.enum(['mobile', 'desktop']).default('mobile'),
              throttling: z
                .object({
                  rttMs: z.number().int().min(0).max(2000).default(150),
                  throughputKbps: z
                    .number()
                    .int()
                    .min(100)
                    .max(100000)
                    .default(1638),
                  cpuSlowdownMultiplier: z.number().min(1).max(8).default(4),
                })
                .optional(),
              onlyCategories: z
                .array(
                  z.enum([
                    'performance',
                    'accessibility',
                    'best-practices',
                    'seo',
                  ]),
                )
                .optional(),
              extraHeaders: z
                .record(z.string())
                .optional()
                .describe('Sent with every request, e.g. a preview cookie'),
              locale: z.string().default('en-US'),
            })
            .default({}),
        }),
      output: z =>
        z.object({
          auditId: z.string(),
          status: z.literal('RUNNING'),
          url: z.string(),
        }),
      example: {
        url: 'https://shop.example.com/checkout',
        options: {
          formFactor: 'desktop',
          throttling: {
            rttMs: 40,
            throughputKbps: 10240,
            cpuSlowdownMultiplier: 1,
          },
          onlyCategories: ['performance', 'accessibility'],
          extraHeaders: { Cookie: 'preview=1' },
          locale: 'de-DE',
        },
      },
      run: input => ({
        auditId: '9d2e7f40-6a1b-4c38-a5e9-2b7c0d4f1e63',
        status: 'RUNNING' as const,
        url: input.url,
      }),
    }),
    portalAction({
      name: 'rerun-audit',
      title: 'Rerun Audit',
      description:
        'Runs a new audit with the same URL and options as an earlier one.',
      input: z => z.object({ auditId: z.string().uuid() }),
      output: z =>
        z.object({
          previousAuditId: z.string(),
          auditId: z.string(),
          status: z.literal('RUNNING'),
        }),
      example: { auditId: '0b9e4c1f-2d77-4a0e-8f35-61c2a9d7e0b3' },
      run: input => ({
        previousAuditId: input.auditId,
        auditId: 'e4b1c9a7-3f02-4d6e-8a15-7c0b2f9d3e81',
        status: 'RUNNING' as const,
      }),
    }),
    portalAction({
      name: 'create-audit-schedule',
      title: 'Create Audit Schedule',
      description:
        'Schedules recurring audits of a website. A site can have several schedules, for example one per form factor.',
      input: z =>
        z.object({
          url: z.string().url(),
          cron: z
            .string()
            .regex(/^(\S+\s+){4}\S+$/)
            .describe('Five-field cron expression, UTC'),
          formFactor: z.enum(['mobile', 'desktop']).default('mobile'),
          notify: z
            .object({
              slackChannel: z.string().startsWith('#').optional(),
              emails: z.array(z.string().email()).optional(),
              onlyOnRegression: z.boolean().default(true),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          scheduleId: z.string(),
          url: z.string(),
          nextRunAt: z.string(),
        }),
      example: {
        url: 'https://shop.example.com/',
        cron: '0 6 * * *',
        formFactor: 'desktop',
        notify: { slackChannel: '#web-perf', onlyOnRegression: true },
      },
      run: input => ({
        scheduleId: 'sch_shop_desktop_daily',
        url: input.url,
        nextRunAt: '2024-11-15T06:00:00Z',
      }),
    }),
    portalAction({
      name: 'update-audit-schedule',
      title: 'Update Audit Schedule',
      description: 'Changes the cron expression of a schedule or pauses it.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          scheduleId: z.string(),
          cron: z
            .string()
            .regex(/^(\S+\s+){4}\S+$/)
            .optional(),
          paused: z.boolean().optional(),
        }),
      output: z =>
        z.object({
          scheduleId: z.string(),
          cron: z.string(),
          paused: z.boolean(),
        }),
      example: { scheduleId: 'sch_shop_desktop_daily', cron: '30 5 * * 1-5' },
      run: input => ({
        scheduleId: input.scheduleId,
        cron: input.cron ?? '0 6 * * *',
        paused: input.paused ?? false,
      }),
    }),
    portalAction({
      name: 'set-performance-budget',
      title: 'Set Performance Budget',
      description:
        'Defines the performance budget for a website, replacing any earlier one. Budgets are evaluated against every new audit.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          url: z.string().url(),
          timings: z
            .array(
              z.object({
                metric: z.enum([
                  'first-contentful-paint',
                  'largest-contentful-paint',
                  'total-blocking-time',
                  'speed-index',
                  'interactive',
                ]),
                budgetMs: z.number().int().min(0),
              }),
            )
            .default([]),
          resourceSizes: z
            .array(
              z.object({
                resourceType: z.enum([
                  'script',
                  'stylesheet',
                  'image',
                  'font',
                  'document',
                  'total',
                ]),
                budgetKb: z.number().int().min(1),
              }),
            )
            .default([]),
          minScores: z
            .object({
              performance: z.number().min(0).max(1).optional(),
              accessibility: z.number().min(0).max(1).optional(),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          url: z.string(),
          budgetLines: z.number().int(),
          currentlyWithinBudget: z.boolean(),
        }),
      example: {
        url: 'https://shop.example.com/',
        timings: [
          { metric: 'largest-contentful-paint', budgetMs: 2500 },
          { metric: 'total-blocking-time', budgetMs: 200 },
        ],
        resourceSizes: [{ resourceType: 'script', budgetKb: 350 }],
        minScores: { performance: 0.8, accessibility: 0.9 },
      },
      run: input => ({
        url: input.url,
        budgetLines:
          input.timings.length +
          input.resourceSizes.length +
          Object.keys(input.minScores ?? {}).length,
        currentlyWithinBudget: false,
      }),
    }),
    portalAction({
      name: 'cancel-audit',
      title: 'Cancel Audit',
      description:
        'Cancels an audit that is still running. Partial results are discarded.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ auditId: z.string().uuid() }),
      output: z =>
        z.object({
          auditId: z.string(),
          status: z.enum(['CANCELLED', 'COMPLETED', 'FAILED']),
        }),
      example: { auditId: '9d2e7f40-6a1b-4c38-a5e9-2b7c0d4f1e63' },
      run: input => ({ auditId: input.auditId, status: 'CANCELLED' as const }),
    }),
    portalAction({
      name: 'delete-audit',
      title: 'Delete Audit',
      description: 'Permanently deletes one audit and its stored report.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ auditId: z.string().uuid() }),
      output: z => z.object({ auditId: z.string(), deleted: z.boolean() }),
      example: { auditId: '0b9e4c1f-2d77-4a0e-8f35-61c2a9d7e0b3' },
      run: input => ({ auditId: input.auditId, deleted: true }),
    }),
    portalAction({
      name: 'delete-website',
      title: 'Delete Website',
      description:
        'Stops tracking a website and deletes all of its audits, schedules and budget. This cannot be undone.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          url: z.string().url(),
          keepAuditsDays: z
            .number()
            .int()
            .min(0)
            .max(365)
            .optional()
            .describe('Keep audits newer than this many days'),
        }),
      output: z =>
        z.object({
          url: z.string(),
          deletedAudits: z.number().int(),
          deletedSchedules: z.number().int(),
        }),
      example: { url: 'https://old-shop.example.com/' },
      run: input => ({
        url: input.url,
        deletedAudits: input.keepAuditsDays ? 120 : 412,
        deletedSchedules: 2,
      }),
    }),
  ],
};
