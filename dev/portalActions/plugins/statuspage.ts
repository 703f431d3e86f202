import { PortalPlugin, portalAction } from '../types';

const componentStatus = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;

const incidentStatus = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
] as const;

export const statuspagePlugin: PortalPlugin = {
  pluginId: 'statuspage',
  actions: [
    portalAction({
      name: 'list-pages',
      title: 'List Pages',
      description: 'Lists the status pages the API key has access to.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          pages: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              subdomain: z.string(),
              domain: z.string().optional(),
              timeZone: z.string(),
            }),
          ),
        }),
      example: {},
      run: () => ({
        pages: [
          {
            id: 'kctbh9vrtdwd',
            name: 'Acme Status',
            subdomain: 'acme',
            domain: 'status.acme.com',
            timeZone: 'Etc/UTC',
          },
          {
            id: 'q2m8x1c4l0zp',
            name: 'Acme Internal Tools',
            subdomain: 'acme-internal',
            timeZone: 'Europe/Berlin',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-components',
      title: 'List Components',
      description:
        'Lists the components of a status page with their current status. Hidden components are only included when asked for.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z
            .string()
            .regex(/^[a-z0-9]{12}$/)
            .describe('Status page id'),
          groupId: z
            .string()
            .optional()
            .describe('Only components in this group'),
          includeHidden: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          components: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              status: z.enum(componentStatus),
              groupId: z.string().optional(),
              showcase: z.boolean(),
              onlyShowIfDegraded: z.boolean(),
            }),
          ),
        }),
      example: { pageId: 'kctbh9vrtdwd', includeHidden: false },
      run: input => ({
        components: [
          {
            id: 'b13yz5g2cw10',
            name: 'API',
            status: 'operational' as const,
            groupId: input.groupId,
            showcase: true,
            onlyShowIfDegraded: false,
          },
          {
            id: 'v8d4k2p9qj3n',
            name: 'Checkout',
            status: 'degraded_performance' as const,
            groupId: input.groupId,
            showcase: true,
            onlyShowIfDegraded: false,
          },
          {
            id: 'r0t6h1m3xs7e',
            name: 'Webhooks',
            status: 'operational' as const,
            showcase: false,
            onlyShowIfDegraded: true,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-component-groups',
      title: 'List Component Groups',
      description: 'Lists component groups and the components in each.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ pageId: z.string().regex(/^[a-z0-9]{12}$/) }),
      output: z =>
        z.object({
          groups: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              componentIds: z.array(z.string()),
            }),
          ),
        }),
      example: { pageId: 'kctbh9vrtdwd' },
      run: () => ({
        groups: [
          {
            id: 'g5n1w7c2ka9d',
            name: 'Commerce',
            componentIds: ['v8d4k2p9qj3n', 'r0t6h1m3xs7e'],
          },
          {
            id: 'g0p3e8s6yu4b',
            name: 'Platform',
            componentIds: ['b13yz5g2cw10'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-component',
      title: 'Get Component',
      description: 'Returns one component with its status and description.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          componentId: z.string().regex(/^[a-z0-9]{12}$/),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          description: z.string().optional(),
          status: z.enum(componentStatus),
          updatedAt: z.string(),
          startDate: z.string().optional(),
        }),
      example: { pageId: 'kctbh9vrtdwd', componentId: 'v8d4k2p9qj3n' },
      run: input => ({
        id: input.componentId,
        name: 'Checkout',
        description: 'Cart, payment and order confirmation',
        status: 'degraded_performance' as const,
        updatedAt: '2024-06-01T09:52:10Z',
        startDate: '2021-03-01',
      }),
    }),
    portalAction({
      name: 'update-component-status',
      title: 'Update Component Status',
      description:
        'Sets the status of a component without opening an incident. Subscribers are not notified of status changes made this way; use `create-incident` for customer-facing communication.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          componentId: z.string().regex(/^[a-z0-9]{12}$/),
          status: z.enum(componentStatus),
        }),
      output: z =>
        z.object({
          componentId: z.string(),
          previousStatus: z.enum(componentStatus),
          status: z.enum(componentStatus),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        componentId: 'v8d4k2p9qj3n',
        status: 'operational',
      },
      run: input => ({
        componentId: input.componentId,
        previousStatus: 'degraded_performance' as const,
        status: input.status,
      }),
    }),
    portalAction({
      name: 'list-incidents',
      title: 'List Incidents',
      description:
        'Lists incidents of a page, newest first. `unresolved` returns only open incidents, `upcoming` and `active-maintenance` cover scheduled maintenance.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          scope: z
            .enum([
              'all',
              'unresolved',
              'upcoming',
              'active-maintenance',
              'scheduled',
            ])
            .default('all'),
          q: z
            .string()
            .optional()
            .describe('Search in incident names and updates'),
          limit: z.number().int().min(1).max(100).default(25),
          page: z.number().int().min(1).default(1),
        }),
      output: z =>
        z.object({
          incidents: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              status: z.enum([
                ...incidentStatus,
                'scheduled',
                'in_progress',
                'verifying',
                'completed',
              ]),
              impact: z.enum([
                'none',
                'minor',
                'major',
                'critical',
                'maintenance',
              ]),
              createdAt: z.string(),
              resolvedAt: z.string().optional(),
              shortlink: z.string(),
            }),
          ),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        scope: 'unresolved',
        limit: 10,
        page: 1,
      },
      run: input => ({
        incidents: [
          {
            id: 'p31zjtct2jer',
            name: 'Elevated checkout errors',
            status: 'monitoring' as const,
            impact: 'minor' as const,
            createdAt: '2024-06-01T09:20:00Z',
            shortlink: 'https://stspg.io/p31zjtct2jer',
          },
          ...(input.scope === 'all'
            ? [
                {
                  id: 'h8y2c5v0ln1s',
                  name: 'Checkout unavailable in EU',
                  status: 'resolved' as const,
                  impact: 'major' as const,
                  createdAt: '2024-05-14T16:02:00Z',
                  resolvedAt: '2024-05-14T16:16:00Z',
                  shortlink: 'https://stspg.io/h8y2c5v0ln1s',
                },
              ]
            : []),
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'get-incident',
      title: 'Get Incident',
      description:
        'Returns an incident with its full timeline of updates and the components it affects.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          incidentId: z.string().regex(/^[a-z0-9]{12}$/),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          status: z.enum(incidentStatus),
          impact: z.enum(['none', 'minor', 'major', 'critical']),
          components: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              status: z.enum(componentStatus),
            }),
          ),
          updates: z.array(
            z.object({
              status: z.enum(incidentStatus),
              body: z.string(),
              createdAt: z.string(),
            }),
          ),
          postmortemPublishedAt: z.string().optional(),
        }),
      example: { pageId: 'kctbh9vrtdwd', incidentId: 'p31zjtct2jer' },
      run: input => ({
        id: input.incidentId,
        name: 'Elevated checkout errors',
        status: 'monitoring' as const,
        impact: 'minor' as const,
        components: [
          {
            id: 'v8d4k2p9qj3n',
            name: 'Checkout',
            status: 'degraded_performance' as const,
          },
        ],
        updates: [
          {
            status: 'monitoring' as const,
            body: 'A fix has been applied and error rates are back to normal. We are monitoring.',
            createdAt: '2024-06-01T10:05:00Z',
          },
          {
            status: 'investigating' as const,
            body: 'Some customers may see errors when paying by card. We are investigating.',
            createdAt: '2024-06-01T09:20:00Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'create-incident',
      title: 'Create Incident',
      description:
        'Opens an incident on the status page, sets the status of affected components and, unless disabled, notifies subscribers by email, SMS and webhook. Everything written here is public.',
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          name: z.string().min(1).max(255).describe('Public incident title'),
          status: z.enum(incidentStatus).default('investigating'),
          impactOverride: z
            .enum(['none', 'minor', 'major', 'critical'])
            .optional(),
          body: z.string().min(1).describe('First public update'),
          componentUpdates: z
            .array(
              z.object({
                componentId: z.string().regex(/^[a-z0-9]{12}$/),
                status: z.enum(componentStatus),
              }),
            )
            .default([]),
          deliverNotifications: z.boolean().default(true),
          templateId: z
            .string()
            .optional()
            .describe('Incident template to start from'),
          metadata: z
            .record(z.string())
            .optional()
            .describe(
              'Internal key/value pairs, e.g. the PagerDuty incident id',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          shortlink: z.string(),
          status: z.enum(incidentStatus),
          notifiedSubscribers: z.number().int(),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        name: 'Delayed webhook deliveries',
        status: 'identified',
        impactOverride: 'minor',
        body: 'Webhook deliveries are delayed by up to 15 minutes. We have identified a backlog in our queue and are scaling workers.',
        componentUpdates: [
          { componentId: 'r0t6h1m3xs7e', status: 'degraded_performance' },
        ],
        deliverNotifications: true,
        metadata: {
          pagerduty: 'Q1X8Z4ABCD',
          slackChannel: 'inc-2024-06-01-webhooks',
        },
      },
      run: input => ({
        id: 'w9c2hf6yk1bd',
        shortlink: 'https://stspg.io/w9c2hf6yk1bd',
        status: input.status,
        notifiedSubscribers: input.deliverNotifications ? 1843 : 0,
      }),
    }),
    portalAction({
      name: 'post-incident-update',
      title: 'Post Incident Update',
      description:
        'Adds a public update to an open incident, optionally moving it to a new status and changing component statuses at the same time.',
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          incidentId: z.string().regex(/^[a-z0-9]{12}$/),
          status: z.enum(incidentStatus),
          body: z.string().min(1),
          componentUpdates: z
            .array(
              z.object({
                componentId: z.string(),
                status: z.enum(componentStatus),
              }),
            )
            .optional(),
          deliverNotifications: z.boolean().default(true),
          wantsTwitterUpdate: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          incidentId: z.string(),
          updateId: z.string(),
          status: z.enum(incidentStatus),
          displayAt: z.string(),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        incidentId: 'w9c2hf6yk1bd',
        status: 'monitoring',
        body: 'The backlog has been processed and new webhooks are delivered within seconds. We will keep monitoring.',
        componentUpdates: [
          { componentId: 'r0t6h1m3xs7e', status: 'operational' },
        ],
        deliverNotifications: true,
        wantsTwitterUpdate: false,
      },
      run: input => ({
        incidentId: input.incidentId,
        updateId: 'u7x3bq1n0mzr',
        status: input.status,
        displayAt: '2024-06-01T10:48:00Z',
      }),
    }),
    portalAction({
      name: 'resolve-incident',
      title: 'Resolve Incident',
      description:
        'Marks an incident resolved and sets every affected component back to operational. Resolving an already resolved incident changes nothing.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          incidentId: z.string().regex(/^[a-z0-9]{12}$/),
          body: z
            .string()
            .default('This incident has been resolved.')
            .describe('Final public update'),
        }),
      output: z =>
        z.object({
          incidentId: z.string(),
          status: z.literal('resolved'),
          resolvedAt: z.string(),
          componentsRestored: z.array(z.string()),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        incidentId: 'w9c2hf6yk1bd',
        body: 'Webhook delivery has been stable for an hour. This incident is resolved.',
      },
      run: input => ({
        incidentId: input.incidentId,
        status: 'resolved' as const,
        resolvedAt: '2024-06-01T11:52:00Z',
        componentsRestored: ['r0t6h1m3xs7e'],
      }),
    }),
    portalAction({
      name: 'delete-incident',
      title: 'Delete Incident',
      description:
        'Deletes an incident and its updates from the page and history. Meant for incidents opened by mistake; real ones should be resolved instead.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          incidentId: z.string().regex(/^[a-z0-9]{12}$/),
        }),
      output: z => z.object({ incidentId: z.string(), deleted: z.boolean() }),
      example: { pageId: 'kctbh9vrtdwd', incidentId: 'z4t0m2e6v8qa' },
      run: input => ({ incidentId: input.incidentId, deleted: true }),
    }),
    portalAction({
      name: 'schedule-maintenance',
      title: 'Schedule Maintenance',
      description:
        'Announces a maintenance window. With auto-transitions the listed components switch to under maintenance at the start and back to operational at the end without anyone touching the page.',
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          name: z.string().min(1).max(255),
          body: z.string().min(1),
          scheduledFor: z.string().describe('ISO-8601 start'),
          scheduledUntil: z.string().describe('ISO-8601 end'),
          componentIds: z.array(z.string().regex(/^[a-z0-9]{12}$/)).min(1),
          autoTransition: z
            .object({
              toMaintenance: z.boolean().default(true),
              toComplete: z.boolean().default(true),
              deliverNotificationsAtStart: z.boolean().default(false),
              deliverNotificationsAtEnd: z.boolean().default(false),
            })
            .default({}),
          remindPriorHours: z
            .number()
            .int()
            .min(0)
            .max(72)
            .default(24)
            .describe(
              'Send a reminder to subscribers this many hours before; 0 disables',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.literal('scheduled'),
          shortlink: z.string(),
          reminderAt: z.string().optional(),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        name: 'Database upgrade',
        body: 'We are upgrading our primary database. Checkout may be unavailable for up to 10 minutes during the window.',
        scheduledFor: '2024-06-09T02:00:00Z',
        scheduledUntil: '2024-06-09T03:00:00Z',
        componentIds: ['v8d4k2p9qj3n', 'b13yz5g2cw10'],
        autoTransition: {
          toMaintenance: true,
          toComplete: true,
          deliverNotificationsAtStart: true,
          deliverNotificationsAtEnd: true,
        },
        remindPriorHours: 24,
      },
      run: input => ({
        id: 'm6r1y9d3pk2t',
        status: 'scheduled' as const,
        shortlink: 'https://stspg.io/m6r1y9d3pk2t',
        reminderAt:
          input.remindPriorHours > 0 ? '2024-06-08T02:00:00Z' : undefined,
      }),
    }),
    portalAction({
      name: 'list-scheduled-maintenances',
      title: 'List Scheduled Maintenances',
      description: 'Lists upcoming and in-progress maintenance windows.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          includeActive: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          maintenances: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              status: z.enum(['scheduled', 'in_progress', 'verifying']),
              scheduledFor: z.string(),
              scheduledUntil: z.string(),
              componentNames: z.array(z.string()),
            }),
          ),
        }),
      example: { pageId: 'kctbh9vrtdwd', includeActive: true },
      run: () => ({
        maintenances: [
          {
            id: 'm6r1y9d3pk2t',
            name: 'Database upgrade',
            status: 'scheduled' as const,
            scheduledFor: '2024-06-09T02:00:00Z',
            scheduledUntil: '2024-06-09T03:00:00Z',
            componentNames: ['Checkout', 'API'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-subscribers',
      title: 'List Subscribers',
      description:
        'Lists page subscribers by channel. Email addresses and phone numbers are partially masked.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          type: z
            .enum(['email', 'sms', 'webhook', 'slack', 'teams'])
            .optional(),
          state: z
            .enum(['active', 'unconfirmed', 'quarantined', 'all'])
            .default('active'),
          q: z.string().optional(),
          limit: z.number().int().min(1).max(100).default(100),
          page: z.number().int().min(1).default(1),
        }),
      output: z =>
        z.object({
          total: z.number().int(),
          subscribers: z.array(
            z.object({
              id: z.string(),
              type: z.enum(['email', 'sms', 'webhook', 'slack', 'teams']),
              target: z.string(),
              componentIds: z
                .array(z.string())
                .describe('Empty means all components'),
              quarantinedAt: z.string().optional(),
            }),
          ),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        type: 'webhook',
        state: 'active',
        limit: 50,
        page: 1,
      },
      run: input => ({
        total: 1,
        subscribers: [
          {
            id: 's2k7f0n4bq8w',
            type: input.type ?? ('email' as const),
            target: 'https://hooks.partner.io/…/acme-status',
            componentIds: ['r0t6h1m3xs7e'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'unsubscribe-subscriber',
      title: 'Unsubscribe Subscriber',
      description:
        'Removes a subscriber from the page. Set `skipNotification` to avoid sending them an unsubscribe confirmation.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          subscriberId: z.string().regex(/^[a-z0-9]{12}$/),
          skipNotification: z.boolean().default(false),
        }),
      output: z =>
        z.object({ subscriberId: z.string(), unsubscribed: z.boolean() }),
      example: {
        pageId: 'kctbh9vrtdwd',
        subscriberId: 's2k7f0n4bq8w',
        skipNotification: true,
      },
      run: input => ({ subscriberId: input.subscriberId, unsubscribed: true }),
    }),
    portalAction({
      name: 'get-component-uptime',
      title: 'Get Component Uptime',
      description:
        'Computes uptime for a component over a date range from its recorded outages. Only components with uptime display enabled have data, and history before the component’s start date is ignored.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          componentId: z.string().regex(/^[a-z0-9]{12}$/),
          timeRange: z.object({
            start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
            end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          }),
        }),
      output: z =>
        z.object({
          componentId: z.string(),
          uptimePercentage: z.number().min(0).max(100),
          majorOutageSeconds: z.number().int(),
          partialOutageSeconds: z.number().int(),
          relatedIncidents: z.array(
            z.object({ id: z.string(), name: z.string() }),
          ),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        componentId: 'v8d4k2p9qj3n',
        timeRange: { start: '2024-05-01', end: '2024-05-31' },
      },
      run: input => ({
        componentId: input.componentId,
        uptimePercentage: 99.93,
        majorOutageSeconds: 840,
        partialOutageSeconds: 2_460,
        relatedIncidents: [
          { id: 'h8y2c5v0ln1s', name: 'Checkout unavailable in EU' },
        ],
      }),
    }),
    portalAction({
      name: 'list-incident-templates',
      title: 'List Incident Templates',
      description:
        'Lists saved incident templates with their default title and body.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          groupId: z.string().optional(),
        }),
      output: z =>
        z.object({
          templates: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              title: z.string(),
              body: z.string(),
              updateStatus: z.enum(incidentStatus),
            }),
          ),
        }),
      example: { pageId: 'kctbh9vrtdwd' },
      run: () => ({
        templates: [
          {
            id: 't1v5b9n3mx0c',
            name: 'Third-party payment provider',
            title: 'Card payments failing',
            body: 'Our payment provider is experiencing issues. Some card payments may fail; please retry or use another method.',
            updateStatus: 'identified' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-metrics',
      title: 'List Metrics',
      description:
        'Lists the public system metrics shown on the page, such as API response time, with their data source.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ pageId: z.string().regex(/^[a-z0-9]{12}$/) }),
      output: z =>
        z.object({
          metrics: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              suffix: z.string().optional(),
              provider: z.enum([
                'datadog',
                'newrelic',
                'pingdom',
                'librato',
                'self',
              ]),
              display: z.boolean(),
            }),
          ),
        }),
      example: { pageId: 'kctbh9vrtdwd' },
      run: () => ({
        metrics: [
          {
            id: 'mt0d3x7k2n9p',
            name: 'API response time',
            suffix: 'ms',
            provider: 'datadog' as const,
            display: true,
          },
          {
            id: 'mt4q8w1e5r6t',
            name: 'Webhook queue depth',
            provider: 'self' as const,
            display: false,
          },
        ],
      }),
    }),
    portalAction({
      name: 'publish-postmortem',
      title: 'Publish Postmortem',
      description:
        'Publishes a postmortem on a resolved incident. Subscribers and Twitter followers can optionally be notified.',
      input: z =>
        z.object({
          pageId: z.string().regex(/^[a-z0-9]{12}$/),
          incidentId: z.string().regex(/^[a-z0-9]{12}$/),
          body: z.string().min(50).describe('Postmortem text, Markdown'),
          notifySubscribers: z.boolean().default(false),
          notifyTwitter: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          incidentId: z.string(),
          publishedAt: z.string(),
          url: z.string(),
        }),
      example: {
        pageId: 'kctbh9vrtdwd',
        incidentId: 'w9c2hf6yk1bd',
        body: '## Summary\nBetween 09:58 and 10:41 UTC webhook deliveries were delayed because a worker deploy reduced queue consumers to one.\n\n## Follow-ups\n- Alert on consumer count\n- Autoscale on queue depth',
        notifySubscribers: true,
        notifyTwitter: false,
      },
      run: input => ({
        incidentId: input.incidentId,
        publishedAt: '2024-06-03T14:00:00Z',
        url: `https://status.acme.com/incidents/${input.incidentId}#postmortem`,
      }),
    }),
  ],
};
