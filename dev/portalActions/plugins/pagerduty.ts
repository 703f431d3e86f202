import { PortalPlugin, portalAction } from '../types';

export const pagerdutyPlugin: PortalPlugin = {
  pluginId: 'pagerduty',
  actions: [
    portalAction({
      name: 'list-incidents',
      title: 'List Incidents',
      description:
        'Lists PagerDuty incidents, by default the open ones of the last 24 hours. Filter by service, team, urgency or status to keep the result small.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          statuses: z
            .array(z.enum(['triggered', 'acknowledged', 'resolved']))
            .default(['triggered', 'acknowledged']),
          serviceIds: z
            .array(z.string().regex(/^P[A-Z0-9]{6}$/))
            .optional()
            .describe('PagerDuty service ids'),
          teamIds: z.array(z.string()).optional(),
          urgencies: z.array(z.enum(['high', 'low'])).optional(),
          since: z
            .string()
            .optional()
            .describe('ISO 8601 start of the window; defaults to 24 hours ago'),
          until: z.string().optional(),
          sortBy: z
            .enum(['created_at:desc', 'created_at:asc', 'urgency:desc'])
            .default('created_at:desc'),
          limit: z.number().int().min(1).max(100).default(25),
        }),
      output: z =>
        z.object({
          incidents: z.array(
            z.object({
              id: z.string(),
              incidentNumber: z.number().int(),
              title: z.string(),
              status: z.enum(['triggered', 'acknowledged', 'resolved']),
              urgency: z.enum(['high', 'low']),
              service: z.object({ id: z.string(), name: z.string() }),
              assignees: z.array(z.string()),
              createdAt: z.string(),
            }),
          ),
          more: z.boolean(),
        }),
      example: {
        statuses: ['triggered', 'acknowledged'],
        serviceIds: ['PX7Q2LM'],
        urgencies: ['high'],
        sortBy: 'created_at:desc',
        limit: 25,
      },
      run: input => ({
        incidents: [
          {
            id: 'Q3V8KX1ZP2M0AB',
            incidentNumber: 58213,
            title: 'checkout-api: p99 latency above 2s for 10 minutes',
            status: input.statuses[0] ?? 'triggered',
            urgency: input.urgencies?.[0] ?? 'high',
            service: {
              id: input.serviceIds?.[0] ?? 'PX7Q2LM',
              name: 'checkout-api',
            },
            assignees: ['Priya Natarajan'],
            createdAt: '2024-05-14T09:02:11Z',
          },
        ],
        more: false,
      }),
    }),
    portalAction({
      name: 'get-incident',
      title: 'Get Incident',
      description:
        'Fetches one incident with its assignments, acknowledgements and the alerts grouped into it.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          incidentId: z
            .string()
            .min(1)
            .describe('Incident id or incident number'),
          includeAlerts: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          id: z.string(),
          incidentNumber: z.number().int(),
          title: z.string(),
          status: z.enum(['triggered', 'acknowledged', 'resolved']),
          urgency: z.enum(['high', 'low']),
          priority: z.string().optional(),
          escalationPolicy: z.object({ id: z.string(), name: z.string() }),
          assignments: z.array(
            z.object({ assignee: z.string(), at: z.string() }),
          ),
          acknowledgements: z.array(
            z.object({ by: z.string(), at: z.string() }),
          ),
          alerts: z
            .array(
              z.object({
                id: z.string(),
                summary: z.string(),
                severity: z.enum(['critical', 'error', 'warning', 'info']),
              }),
            )
            .optional(),
          htmlUrl: z.string(),
        }),
      example: { incidentId: 'Q3V8KX1ZP2M0AB', includeAlerts: true },
      run: input => ({
        id: input.incidentId,
        incidentNumber: 58213,
        title: 'checkout-api: p99 latency above 2s for 10 minutes',
        status: 'acknowledged' as const,
        urgency: 'high' as const,
        priority: 'P2',
        escalationPolicy: { id: 'PEP41Z9', name: 'Checkout Primary' },
        assignments: [
          { assignee: 'Priya Natarajan', at: '2024-05-14T09:02:12Z' },
        ],
        acknowledgements: [
          { by: 'Priya Natarajan', at: '2024-05-14T09:05:40Z' },
        ],
        alerts: input.includeAlerts
          ? [
              {
                id: 'AL1F7K2',
                summary:
                  'histogram_quantile(0.99, checkout_request_seconds) > 2',
                severity: 'critical' as const,
              },
            ]
          : undefined,
        htmlUrl: `https://acme.pagerduty.com/incidents/${input.incidentId}`,
      }),
    }),
    portalAction({
      name: 'trigger-incident',
      title: 'Trigger Incident',
      description:
        'Opens a new incident on a service and pages whoever is on call for its escalation policy. Reuse a dedupKey to avoid duplicate pages for the same problem.',
      input: z =>
        z.object({
          serviceId: z.string().regex(/^P[A-Z0-9]{6}$/),
          title: z.string().min(1).max(1024),
          urgency: z.enum(['high', 'low']).default('high'),
          details: z
            .string()
            .optional()
            .describe('Free-form body shown on the incident'),
          dedupKey: z.string().max(255).optional(),
          priorityId: z.string().optional(),
          escalationPolicyId: z
            .string()
            .optional()
            .describe('Overrides the service default'),
          conferenceBridge: z
            .object({ url: z.string(), dialIn: z.string().optional() })
            .optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          incidentNumber: z.number().int(),
          status: z.literal('triggered'),
          dedupKey: z.string(),
          htmlUrl: z.string(),
        }),
      example: {
        serviceId: 'PX7Q2LM',
        title: 'Card authorisations failing for Visa in EU',
        urgency: 'high',
        details: 'Error rate 18% since 09:40 UTC, acquirer returns code 91.',
        dedupKey: 'checkout-visa-eu-auth-failures',
        conferenceBridge: { url: 'https://meet.example.com/inc-checkout' },
      },
      run: input => ({
        id: 'Q1R0TW7YH4C9DE',
        incidentNumber: 58230,
        status: 'triggered' as const,
        dedupKey: input.dedupKey ?? 'Q1R0TW7YH4C9DE',
        htmlUrl: 'https://acme.pagerduty.com/incidents/Q1R0TW7YH4C9DE',
      }),
    }),
    portalAction({
      name: 'acknowledge-incident',
      title: 'Acknowledge Incident',
      description:
        'Acknowledges one or more incidents on behalf of the requesting user, which stops escalation until the acknowledgement timeout runs out.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          incidentIds: z.array(z.string()).min(1).max(50),
          fromEmail: z
            .string()
            .email()
            .describe('PagerDuty user the acknowledgement is recorded for'),
        }),
      output: z =>
        z.object({
          acknowledged: z.array(z.string()),
          alreadyResolved: z.array(z.string()),
        }),
      example: {
        incidentIds: ['Q3V8KX1ZP2M0AB'],
        fromEmail: 'priya.natarajan@example.com',
      },
      run: input => ({ acknowledged: input.incidentIds, alreadyResolved: [] }),
    }),
    portalAction({
      name: 'resolve-incident',
      title: 'Resolve Incident',
      description:
        'Marks an incident resolved, optionally leaving a resolution note.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          incidentId: z.string(),
          fromEmail: z.string().email(),
          resolution: z.string().max(2000).optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.literal('resolved'),
          resolvedAt: z.string(),
        }),
      example: {
        incidentId: 'Q3V8KX1ZP2M0AB',
        fromEmail: 'priya.natarajan@example.com',
        resolution: 'Rolled back checkout-api to 4.18.2.',
      },
      run: input => ({
        id: input.incidentId,
        status: 'resolved' as const,
        resolvedAt: '2024-05-14T09:48:00Z',
      }),
    }),
    portalAction({
      name: 'escalate-incident',
      title: 'Escalate Incident',
      description:
        'Pushes an incident to a higher level of its escalation policy and notifies the people there. The current assignees stay assigned.',
      input: z =>
        z.object({
          incidentId: z.string(),
          escalationLevel: z
            .number()
            .int()
            .min(1)
            .max(20)
            .describe('Target level of the escalation policy'),
          fromEmail: z.string().email(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          escalationLevel: z.number().int(),
          notified: z.array(
            z.object({
              name: z.string(),
              channel: z.enum(['push', 'sms', 'phone', 'email']),
            }),
          ),
        }),
      example: {
        incidentId: 'Q3V8KX1ZP2M0AB',
        escalationLevel: 2,
        fromEmail: 'priya.natarajan@example.com',
      },
      run: input => ({
        id: input.incidentId,
        escalationLevel: input.escalationLevel,
        notified: [
          { name: 'Daniel Brooks', channel: 'phone' as const },
          { name: 'Daniel Brooks', channel: 'push' as const },
        ],
      }),
    }),
    portalAction({
      name: 'snooze-incident',
      title: 'Snooze Incident',
      description:
        'Snoozes an acknowledged incident for a number of minutes; it re-triggers when the snooze ends. Triggered incidents must be acknowledged first.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          incidentId: z.string(),
          minutes: z.number().int().min(1).max(1440),
          fromEmail: z.string().email(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          snoozedUntil: z.string(),
        }),
      example: {
        incidentId: 'Q3V8KX1ZP2M0AB',
        minutes: 60,
        fromEmail: 'priya.natarajan@example.com',
      },
      run: input => {
        const until = new Date(
          Date.UTC(2024, 4, 14, 10, 0) + input.minutes * 60000,
        );
        return { id: input.incidentId, snoozedUntil: until.toISOString() };
      },
    }),
    portalAction({
      name: 'reassign-incident',
      title: 'Reassign Incident',
      description:
        'Reassigns an incident to specific users or to an escalation policy. Existing assignees are replaced, not added to.',
      input: z =>
        z.object({
          incidentId: z.string(),
          assignTo: z.union([
            z.object({
              kind: z.literal('users'),
              userIds: z.array(z.string()).min(1),
            }),
            z.object({
              kind: z.literal('escalation_policy'),
              escalationPolicyId: z.string(),
            }),
          ]),
          fromEmail: z.string().email(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          assignees: z.array(z.string()),
        }),
      example: {
        incidentId: 'Q3V8KX1ZP2M0AB',
        assignTo: { kind: 'users', userIds: ['PU8M3DQ'] },
        fromEmail: 'priya.natarajan@example.com',
      },
      run: input => ({
        id: input.incidentId,
        assignees:
          input.assignTo.kind === 'users'
            ? input.assignTo.userIds
            : ['Checkout Primary (level 1)'],
      }),
    }),
    portalAction({
      name: 'add-incident-note',
      title: 'Add Incident Note',
      description: 'Appends a note to the incident timeline.',
      input: z =>
        z.object({
          incidentId: z.string(),
          content: z.string().min(1).max(25000),
          fromEmail: z.string().email(),
        }),
      output: z =>
        z.object({
          noteId: z.string(),
          createdAt: z.string(),
        }),
      example: {
        incidentId: 'Q3V8KX1ZP2M0AB',
        content: 'Rollback started, watching error rate on the EU dashboard.',
        fromEmail: 'priya.natarajan@example.com',
      },
      run: () => ({ noteId: 'PNT7K4Q', createdAt: '2024-05-14T09:31:00Z' }),
    }),
    portalAction({
      name: 'list-incident-log-entries',
      title: 'List Incident Log Entries',
      description:
        'Returns the timeline of an incident: triggers, notifications, acknowledgements, escalations and notes. Set overview to true to skip per-notification noise.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          incidentId: z.string(),
          overview: z.boolean().default(true),
          limit: z.number().int().min(1).max(100).default(50),
        }),
      output: z =>
        z.object({
          entries: z.array(
            z.object({
              id: z.string(),
              type: z.enum([
                'trigger_log_entry',
                'notify_log_entry',
                'acknowledge_log_entry',
                'escalate_log_entry',
                'annotate_log_entry',
                'resolve_log_entry',
              ]),
              summary: z.string(),
              agent: z.string().optional(),
              createdAt: z.string(),
            }),
          ),
        }),
      example: { incidentId: 'Q3V8KX1ZP2M0AB', overview: true, limit: 50 },
      run: () => ({
        entries: [
          {
            id: 'R1A2B3C4',
            type: 'trigger_log_entry' as const,
            summary: 'Triggered through the Prometheus integration',
            createdAt: '2024-05-14T09:02:11Z',
          },
          {
            id: 'R1A2B3C9',
            type: 'acknowledge_log_entry' as const,
            summary: 'Acknowledged by Priya Natarajan',
            agent: 'Priya Natarajan',
            createdAt: '2024-05-14T09:05:40Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-oncalls',
      title: 'List On-Calls',
      description:
        'Shows who is on call right now, or at a given time, per escalation policy and level.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          escalationPolicyIds: z.array(z.string()).optional(),
          scheduleIds: z.array(z.string()).optional(),
          at: z
            .string()
            .optional()
            .describe('ISO 8601 instant; defaults to now'),
          earliestOnly: z
            .boolean()
            .default(true)
            .describe('Only the first level that has someone on call'),
        }),
      output: z =>
        z.object({
          oncalls: z.array(
            z.object({
              user: z.object({
                id: z.string(),
                name: z.string(),
                email: z.string(),
              }),
              escalationPolicy: z.string(),
              level: z.number().int(),
              schedule: z.string().optional(),
              start: z.string().optional(),
              end: z.string().optional(),
            }),
          ),
        }),
      example: { escalationPolicyIds: ['PEP41Z9'], earliestOnly: true },
      run: () => ({
        oncalls: [
          {
            user: {
              id: 'PU8M3DQ',
              name: 'Priya Natarajan',
              email: 'priya.natarajan@example.com',
            },
            escalationPolicy: 'Checkout Primary',
            level: 1,
            schedule: 'Checkout Weekly',
            start: '2024-05-13T08:00:00Z',
            end: '2024-05-20T08:00:00Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-service',
      title: 'Get Service',
      description:
        'Describes a PagerDuty service: its escalation policy, integrations, urgency rules and current status.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          serviceId: z.string().regex(/^P[A-Z0-9]{6}$/),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          status: z.enum([
            'active',
            'warning',
            'critical',
            'maintenance',
            'disabled',
          ]),
          escalationPolicy: z.object({ id: z.string(), name: z.string() }),
          integrations: z.array(
            z.object({ id: z.string(), type: z.string(), name: z.string() }),
          ),
          incidentUrgencyRule: z.object({
            type: z.enum(['constant', 'use_support_hours']),
            urgency: z.enum(['high', 'low', 'severity_based']).optional(),
          }),
          acknowledgementTimeoutSeconds: z.number().int().nullable(),
          autoResolveTimeoutSeconds: z.number().int().nullable(),
        }),
      example: { serviceId: 'PX7Q2LM' },
      run: input => ({
        id: input.serviceId,
        name: 'checkout-api',
        status: 'critical' as const,
        escalationPolicy: { id: 'PEP41Z9', name: 'Checkout Primary' },
        integrations: [
          {
            id: 'PI0Q1Z8',
            type: 'events_api_v2_inbound_integration',
            name: 'Prometheus Alertmanager',
          },
          {
            id: 'PI0Q1Z9',
            type: 'generic_email_inbound_integration',
            name: 'Acquirer status mails',
          },
        ],
        incidentUrgencyRule: {
          type: 'constant' as const,
          urgency: 'severity_based' as const,
        },
        acknowledgementTimeoutSeconds: 1800,
        autoResolveTimeoutSeconds: null,
      }),
    }),
    portalAction({
      name: 'list-services',
      title: 'List Services',
      description: 'Lists services, optionally only those of some teams.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z.string().optional(),
          teamIds: z.array(z.string()).optional(),
          limit: z.number().int().min(1).max(100).default(50),
        }),
      output: z =>
        z.object({
          services: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              status: z.enum([
                'active',
                'warning',
                'critical',
                'maintenance',
                'disabled',
              ]),
              teams: z.array(z.string()),
            }),
          ),
        }),
      example: { query: 'checkout', limit: 50 },
      run: input => ({
        services: [
          {
            id: 'PX7Q2LM',
            name: `${input.query ?? 'checkout'}-api`,
            status: 'critical' as const,
            teams: ['Checkout'],
          },
          {
            id: 'PX7Q2LN',
            name: `${input.query ?? 'checkout'}-worker`,
            status: 'active' as const,
            teams: ['Checkout'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-escalation-policies',
      title: 'List Escalation Policies',
      description:
        'Lists escalation policies with their rules, so you can see who gets paged at each level and after how long.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z.string().optional(),
          userIds: z
            .array(z.string())
            .optional()
            .describe('Only policies that contain these users'),
        }),
      output: z =>
        z.object({
          policies: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              numLoops: z.number().int(),
              rules: z.array(
                z.object({
                  escalationDelayMinutes: z.number().int(),
                  targets: z.array(
                    z.object({
                      type: z.enum(['user', 'schedule']),
                      id: z.string(),
                      name: z.string(),
                    }),
                  ),
                }),
              ),
            }),
          ),
        }),
      example: { query: 'checkout' },
      run: () => ({
        policies: [
          {
            id: 'PEP41Z9',
            name: 'Checkout Primary',
            numLoops: 2,
            rules: [
              {
                escalationDelayMinutes: 15,
                targets: [
                  {
                    type: 'schedule' as const,
                    id: 'PSC0K3R',
                    name: 'Checkout Weekly',
                  },
                ],
              },
              {
                escalationDelayMinutes: 30,
                targets: [
                  {
                    type: 'user' as const,
                    id: 'PU1D9BB',
                    name: 'Daniel Brooks',
                  },
                ],
              },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-schedule',
      title: 'Get Schedule',
      description:
        'Returns the rendered entries of an on-call schedule for a time window, with overrides already applied. Windows longer than 90 days are refused.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          scheduleId: z.string(),
          since: z.string().describe('ISO 8601 window start'),
          until: z.string().describe('ISO 8601 window end'),
          timeZone: z
            .string()
            .default('UTC')
            .describe('IANA zone name used for the returned times'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          timeZone: z.string(),
          entries: z.array(
            z.object({
              user: z.string(),
              start: z.string(),
              end: z.string(),
              override: z.boolean(),
            }),
          ),
        }),
      example: {
        scheduleId: 'PSC0K3R',
        since: '2024-05-13T00:00:00Z',
        until: '2024-05-27T00:00:00Z',
        timeZone: 'Europe/Berlin',
      },
      run: input => ({
        id: input.scheduleId,
        name: 'Checkout Weekly',
        timeZone: input.timeZone,
        entries: [
          {
            user: 'Priya Natarajan',
            start: input.since,
            end: '2024-05-20T08:00:00Z',
            override: false,
          },
          {
            user: 'Leo Martin',
            start: '2024-05-20T08:00:00Z',
            end: input.until,
            override: true,
          },
        ],
      }),
    }),
    portalAction({
      name: 'create-schedule-override',
      title: 'Create Schedule Override',
      description:
        'Puts someone else on call for part of a schedule, for example to cover a sick day. Overlapping overrides are split by PagerDuty.',
      input: z =>
        z.object({
          scheduleId: z.string(),
          overrides: z
            .array(
              z.object({
                userId: z.string(),
                start: z.string(),
                end: z.string(),
              }),
            )
            .min(1)
            .max(10),
        }),
      output: z =>
        z.object({
          created: z.array(
            z.object({
              id: z.string(),
              userId: z.string(),
              start: z.string(),
              end: z.string(),
            }),
          ),
        }),
      example: {
        scheduleId: 'PSC0K3R',
        overrides: [
          {
            userId: 'PU4LM2X',
            start: '2024-05-15T08:00:00Z',
            end: '2024-05-16T08:00:00Z',
          },
        ],
      },
      run: input => ({
        created: input.overrides.map((o, i) => ({
          id: `POV${1000 + i}`,
          ...o,
        })),
      }),
    }),
    portalAction({
      name: 'create-maintenance-window',
      title: 'Create Maintenance Window',
      description:
        'Schedules a maintenance window during which the listed services open no incidents. Alerts that arrive during the window are dropped, not queued.',
      input: z =>
        z.object({
          serviceIds: z.array(z.string().regex(/^P[A-Z0-9]{6}$/)).min(1),
          startTime: z.string(),
          endTime: z.string(),
          description: z.string().max(1000).optional(),
          fromEmail: z.string().email(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          sequenceNumber: z.number().int(),
          services: z.array(z.string()),
          startTime: z.string(),
          endTime: z.string(),
        }),
      example: {
        serviceIds: ['PX7Q2LM', 'PX7Q2LN'],
        startTime: '2024-05-18T22:00:00Z',
        endTime: '2024-05-19T02:00:00Z',
        description: 'Postgres 15 upgrade of the checkout cluster',
        fromEmail: 'daniel.brooks@example.com',
      },
      run: input => ({
        id: 'PMW8D2A',
        sequenceNumber: 412,
        services: input.serviceIds,
        startTime: input.startTime,
        endTime: input.endTime,
      }),
    }),
    portalAction({
      name: 'delete-maintenance-window',
      title: 'Delete Maintenance Window',
      description:
        'Deletes a future maintenance window or ends one that is in progress. Past windows cannot be removed.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          maintenanceWindowId: z.string(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          outcome: z.enum(['deleted', 'ended_early']),
        }),
      example: { maintenanceWindowId: 'PMW8D2A' },
      run: input => ({
        id: input.maintenanceWindowId,
        outcome: 'deleted' as const,
      }),
    }),
    portalAction({
      name: 'merge-incidents',
      title: 'Merge Incidents',
      description:
        'Merges the source incidents into a target incident; their alerts move to the target and the sources are resolved. This cannot be reversed.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          targetIncidentId: z.string(),
          sourceIncidentIds: z.array(z.string()).min(1).max(25),
          fromEmail: z.string().email(),
        }),
      output: z =>
        z.object({
          targetIncidentId: z.string(),
          mergedCount: z.number().int(),
          alertCount: z.number().int(),
        }),
      example: {
        targetIncidentId: 'Q3V8KX1ZP2M0AB',
        sourceIncidentIds: ['Q1R0TW7YH4C9DE', 'Q0M5N6B7V8C9XZ'],
        fromEmail: 'priya.natarajan@example.com',
      },
      run: input => ({
        targetIncidentId: input.targetIncidentId,
        mergedCount: input.sourceIncidentIds.length,
        alertCount: 1 + input.sourceIncidentIds.length * 2,
      }),
    }),
    portalAction({
      name: 'get-service-analytics',
      title: 'Get Service Analytics',
      description:
        'Aggregated incident metrics for services over a period: counts, mean time to acknowledge and resolve, and sleep-hour interruptions.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          serviceIds: z.array(z.string()).min(1).max(20),
          period: z.object({
            start: z.string().describe('ISO 8601 start, inclusive'),
            end: z.string().describe('ISO 8601 end, exclusive'),
          }),
          urgency: z.enum(['high', 'low', 'any']).default('any'),
          aggregateUnit: z
            .enum(['day', 'week', 'month'])
            .optional()
            .describe('Also return a time series at this grain'),
        }),
      output: z =>
        z.object({
          services: z.array(
            z.object({
              serviceId: z.string(),
              totalIncidents: z.number().int(),
              meanSecondsToAcknowledge: z.number().nullable(),
              meanSecondsToResolve: z.number().nullable(),
              sleepHourInterruptions: z.number().int(),
              series: z
                .array(
                  z.object({ bucket: z.string(), incidents: z.number().int() }),
                )
                .optional(),
            }),
          ),
        }),
      example: {
        serviceIds: ['PX7Q2LM'],
        period: { start: '2024-04-01T00:00:00Z', end: '2024-05-01T00:00:00Z' },
        urgency: 'high',
        aggregateUnit: 'week',
      },
      run: input => ({
        services: input.serviceIds.map((serviceId, i) => ({
          serviceId,
          totalIncidents: 14 - i,
          meanSecondsToAcknowledge: 212,
          meanSecondsToResolve: 2840,
          sleepHourInterruptions: 3,
          series: input.aggregateUnit
            ? [
                { bucket: '2024-04-01', incidents: 5 },
                { bucket: '2024-04-08', incidents: 2 },
                { bucket: '2024-04-15', incidents: 4 },
                { bucket: '2024-04-22', incidents: 3 },
              ]
            : undefined,
        })),
      }),
    }),
    portalAction({
      name: 'list-priorities',
      title: 'List Priorities',
      description:
        'Lists the incident priorities configured for the account, highest first.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          priorities: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              description: z.string(),
            }),
          ),
        }),
      example: {},
      run: () => ({
        priorities: [
          { id: 'PQ0P1AA', name: 'P1', description: 'Customer-facing outage' },
          { id: 'PQ0P1AB', name: 'P2', description: 'Severe degradation' },
          {
            id: 'PQ0P1AC',
            name: 'P3',
            description: 'Partial or internal impact',
          },
        ],
      }),
    }),
  ],
};
