import { PortalPlugin, portalAction } from '../types';

export const slackPlugin: PortalPlugin = {
  pluginId: 'slack',
  actions: [
    portalAction({
      name: 'list-channels',
      title: 'List Channels',
      description:
        'Lists conversations the Slack app can see. Paginate with `cursor`; Slack may return fewer than `limit` channels per page even when more exist.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          types: z
            .array(z.enum(['public_channel', 'private_channel', 'mpim', 'im']))
            .default(['public_channel'])
            .describe('Conversation types to include'),
          excludeArchived: z.boolean().default(true),
          nameContains: z.string().optional(),
          limit: z.number().int().min(1).max(1000).default(200),
          cursor: z.string().optional(),
        }),
      output: z =>
        z.object({
          channels: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              isPrivate: z.boolean(),
              isArchived: z.boolean(),
              memberCount: z.number().int(),
              topic: z.string().optional(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
      example: {
        types: ['public_channel'],
        excludeArchived: true,
        nameContains: 'incident',
        limit: 100,
      },
      run: input => ({
        channels: [
          {
            id: 'C04J8Q1RX2L',
            name: `${input.nameContains ?? 'general'}-response`,
            isPrivate: false,
            isArchived: false,
            memberCount: 214,
            topic: 'Active incidents only. Use threads.',
          },
          {
            id: 'C05AB9ZK7TQ',
            name: `${input.nameContains ?? 'general'}-reviews`,
            isPrivate: false,
            isArchived: false,
            memberCount: 88,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-channel-info',
      title: 'Get Channel Info',
      description:
        'Returns a channel’s name, topic, purpose, creator and member count.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          channel: z
            .string()
            .regex(/^[CGD][A-Z0-9]{8,}$/)
            .describe('Channel id, e.g. `C04J8Q1RX2L`'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          isPrivate: z.boolean(),
          isArchived: z.boolean(),
          created: z.number().int().describe('Unix seconds'),
          creator: z.string(),
          topic: z.string(),
          purpose: z.string(),
          memberCount: z.number().int(),
        }),
      example: { channel: 'C04J8Q1RX2L' },
      run: input => ({
        id: input.channel,
        name: 'incident-response',
        isPrivate: false,
        isArchived: false,
        created: 1673280000,
        creator: 'U01QW2E3R4T',
        topic: 'Active incidents only. Use threads.',
        purpose: 'Coordinating customer-facing incidents',
        memberCount: 214,
      }),
    }),
    portalAction({
      name: 'post-message',
      title: 'Post Message',
      description:
        'Posts a message to a channel or thread as the Backstage app. `text` is always required because it is used for notifications and screen readers, even when `blocks` provide the rich layout. The app must be a member of private channels.',
      input: z =>
        z.object({
          channel: z
            .string()
            .min(1)
            .describe('Channel id, or a name like `#deploys`'),
          text: z
            .string()
            .min(1)
            .max(40000)
            .describe('Plain fallback text, mrkdwn allowed'),
          blocks: z
            .array(
              z.object({
                type: z.enum([
                  'section',
                  'header',
                  'divider',
                  'context',
                  'actions',
                ]),
                text: z
                  .object({
                    type: z.enum(['mrkdwn', 'plain_text']),
                    text: z.string(),
                  })
                  .optional(),
                fields: z
                  .array(
                    z.object({
                      type: z.enum(['mrkdwn', 'plain_text']),
                      text: z.string(),
                    }),
                  )
                  .max(10)
                  .optional(),
                elements: z
                  .array(
                    z.object({
                      type: z.enum(['button', 'mrkdwn', 'plain_text']),
                      text: z.string(),
                      url: z.string().url().optional(),
                      style: z.enum(['primary', 'danger']).optional(),
                    }),
                  )
                  .optional(),
              }),
            )
            .max(50)
            .optional()
            .describe('Block Kit layout'),
          threadTs: z
            .string()
            .regex(/^\d+\.\d+$/)
            .optional()
            .describe('Reply in this thread'),
          replyBroadcast: z
            .boolean()
            .default(false)
            .describe('Also show a thread reply in the channel'),
          unfurlLinks: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          channel: z.string(),
          ts: z.string(),
          permalink: z.string(),
        }),
      example: {
        channel: 'C05DEPLOYS9',
        text: 'storefront 2024.06.01-3 deployed to production',
        blocks: [
          {
            type: 'header',
            text: {
              type: 'plain_text',
              text: 'storefront deployed to production',
            },
          },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: '*Version*\n2024.06.01-3' },
              { type: 'mrkdwn', text: '*Triggered by*\n<@U02JLEE>' },
            ],
          },
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                text: 'View in Backstage',
                url: 'https://backstage.example.com/catalog/default/component/storefront',
                style: 'primary',
              },
            ],
          },
        ],
        replyBroadcast: false,
        unfurlLinks: false,
      },
      run: input => ({
        channel: input.channel,
        ts: '1717236000.001200',
        permalink: `https://acme.slack.com/archives/${input.channel}/p1717236000001200`,
      }),
    }),
    portalAction({
      name: 'update-message',
      title: 'Update Message',
      description:
        'Edits a message the app posted earlier. Messages posted by people cannot be edited. Omitting `blocks` keeps the existing layout.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          channel: z.string().regex(/^[CGD][A-Z0-9]{8,}$/),
          ts: z
            .string()
            .regex(/^\d+\.\d+$/)
            .describe('Timestamp of the message to edit'),
          text: z.string().min(1),
          blocks: z
            .array(
              z.object({
                type: z.string(),
                text: z
                  .object({ type: z.string(), text: z.string() })
                  .optional(),
              }),
            )
            .optional(),
        }),
      output: z =>
        z.object({ channel: z.string(), ts: z.string(), text: z.string() }),
      example: {
        channel: 'C05DEPLOYS9',
        ts: '1717236000.001200',
        text: ':white_check_mark: storefront 2024.06.01-3 deployed to production (canary promoted)',
      },
      run: input => ({
        channel: input.channel,
        ts: input.ts,
        text: input.text,
      }),
    }),
    portalAction({
      name: 'delete-message',
      title: 'Delete Message',
      description:
        'Deletes a message posted by the app, including from threads. This cannot be undone.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          channel: z.string().regex(/^[CGD][A-Z0-9]{8,}$/),
          ts: z.string().regex(/^\d+\.\d+$/),
        }),
      output: z =>
        z.object({ channel: z.string(), ts: z.string(), deleted: z.boolean() }),
      example: { channel: 'C05DEPLOYS9', ts: '1717236000.001200' },
      run: input => ({ channel: input.channel, ts: input.ts, deleted: true }),
    }),
    portalAction({
      name: 'schedule-message',
      title: 'Schedule Message',
      description:
        'Schedules a message to be posted later, at most 120 days ahead. Scheduled messages can be listed and deleted until they are sent.',
      input: z =>
        z.object({
          channel: z.string().regex(/^[CGD][A-Z0-9]{8,}$/),
          text: z.string().min(1).max(4000),
          postAt: z
            .number()
            .int()
            .min(1_600_000_000)
            .describe(
              'Unix timestamp in seconds when the message should be sent',
            ),
          threadTs: z
            .string()
            .regex(/^\d+\.\d+$/)
            .optional(),
        }),
      output: z =>
        z.object({
          scheduledMessageId: z.string(),
          channel: z.string(),
          postAt: z.number().int(),
        }),
      example: {
        channel: 'C04TEAMPLAT',
        text: 'Reminder: the Kubernetes 1.29 upgrade window starts in 1 hour. Freeze merges to `infra/`.',
        postAt: 1717488000,
      },
      run: input => ({
        scheduledMessageId: 'Q07A9LXK3M2',
        channel: input.channel,
        postAt: input.postAt,
      }),
    }),
    portalAction({
      name: 'list-scheduled-messages',
      title: 'List Scheduled Messages',
      description: 'Lists messages the app has scheduled but not yet sent.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          channel: z.string().optional(),
          oldest: z.number().int().optional().describe('Unix seconds'),
          latest: z.number().int().optional().describe('Unix seconds'),
        }),
      output: z =>
        z.object({
          messages: z.array(
            z.object({
              id: z.string(),
              channel: z.string(),
              postAt: z.number().int(),
              text: z.string(),
            }),
          ),
        }),
      example: { channel: 'C04TEAMPLAT' },
      run: input => ({
        messages: [
          {
            id: 'Q07A9LXK3M2',
            channel: input.channel ?? 'C04TEAMPLAT',
            postAt: 1717488000,
            text: 'Reminder: the Kubernetes 1.29 upgrade window starts in 1 hour.',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-conversation-history',
      title: 'Get Conversation History',
      description:
        'Reads messages from a channel between two timestamps, newest first. Thread replies are not included; fetch them with `get-thread-replies`.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          channel: z.string().regex(/^[CGD][A-Z0-9]{8,}$/),
          oldest: z
            .string()
            .regex(/^\d+(\.\d+)?$/)
            .optional(),
          latest: z
            .string()
            .regex(/^\d+(\.\d+)?$/)
            .optional(),
          inclusive: z.boolean().default(false),
          limit: z.number().int().min(1).max(999).default(100),
          cursor: z.string().optional(),
        }),
      output: z =>
        z.object({
          messages: z.array(
            z.object({
              ts: z.string(),
              user: z.string().optional(),
              botId: z.string().optional(),
              text: z.string(),
              replyCount: z.number().int().optional(),
              reactions: z
                .array(z.object({ name: z.string(), count: z.number().int() }))
                .optional(),
            }),
          ),
          hasMore: z.boolean(),
          nextCursor: z.string().optional(),
        }),
      example: {
        channel: 'C04J8Q1RX2L',
        oldest: '1717200000',
        inclusive: false,
        limit: 50,
      },
      run: () => ({
        messages: [
          {
            ts: '1717231100.004500',
            user: 'U02JLEE',
            text: 'Checkout 5xx are back to baseline, keeping the incident open for 30 more minutes.',
            reactions: [{ name: 'eyes', count: 3 }],
          },
          {
            ts: '1717229210.000900',
            botId: 'B01PAGERDTY',
            text: ':rotating_light: [P1] Checkout error rate above 2%',
            replyCount: 17,
          },
        ],
        hasMore: false,
      }),
    }),
    portalAction({
      name: 'get-thread-replies',
      title: 'Get Thread Replies',
      description:
        'Returns the parent message and all replies of a thread in order.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          channel: z.string().regex(/^[CGD][A-Z0-9]{8,}$/),
          threadTs: z.string().regex(/^\d+\.\d+$/),
          limit: z.number().int().min(1).max(1000).default(200),
        }),
      output: z =>
        z.object({
          messages: z.array(
            z.object({ ts: z.string(), user: z.string(), text: z.string() }),
          ),
          hasMore: z.boolean(),
        }),
      example: {
        channel: 'C04J8Q1RX2L',
        threadTs: '1717229210.000900',
        limit: 200,
      },
      run: input => ({
        messages: [
          {
            ts: input.threadTs,
            user: 'B01PAGERDTY',
            text: ':rotating_light: [P1] Checkout error rate above 2%',
          },
          {
            ts: '1717229301.001100',
            user: 'U02JLEE',
            text: 'Ack, looking. Looks like the payments provider again.',
          },
          {
            ts: '1717229512.001300',
            user: 'U03PRIYA',
            text: 'Failing over to the secondary provider.',
          },
        ],
        hasMore: false,
      }),
    }),
    portalAction({
      name: 'search-messages',
      title: 'Search Messages',
      description:
        'Searches messages across the workspace with Slack search syntax (`in:#channel`, `from:@user`, `before:2024-06-01`). Needs a user token with search scope, so results reflect that user’s access.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z.string().min(1),
          sort: z.enum(['score', 'timestamp']).default('score'),
          sortDir: z.enum(['asc', 'desc']).default('desc'),
          count: z.number().int().min(1).max(100).default(20),
          page: z.number().int().min(1).max(100).default(1),
        }),
      output: z =>
        z.object({
          total: z.number().int(),
          matches: z.array(
            z.object({
              ts: z.string(),
              channel: z.object({ id: z.string(), name: z.string() }),
              username: z.string(),
              text: z.string(),
              permalink: z.string(),
            }),
          ),
          pagination: z.object({
            page: z.number().int(),
            pageCount: z.number().int(),
          }),
        }),
      example: {
        query: 'in:#incident-response "connection pool exhausted"',
        sort: 'timestamp',
        sortDir: 'desc',
        count: 20,
        page: 1,
      },
      run: input => ({
        total: 1,
        matches: [
          {
            ts: '1715688000.002200',
            channel: { id: 'C04J8Q1RX2L', name: 'incident-response' },
            username: 'priya',
            text: 'Root cause: connection pool exhausted on orders-db after the ORM upgrade.',
            permalink:
              'https://acme.slack.com/archives/C04J8Q1RX2L/p1715688000002200',
          },
        ],
        pagination: { page: input.page, pageCount: 1 },
      }),
    }),
    portalAction({
      name: 'add-reaction',
      title: 'Add Reaction',
      description:
        'Adds an emoji reaction to a message. Adding the same reaction twice has no effect.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          channel: z.string().regex(/^[CGD][A-Z0-9]{8,}$/),
          ts: z.string().regex(/^\d+\.\d+$/),
          name: z
            .string()
            .regex(/^[a-z0-9_+-]+$/)
            .describe('Emoji name without colons, e.g. `white_check_mark`'),
        }),
      output: z => z.object({ ok: z.boolean() }),
      example: {
        channel: 'C04J8Q1RX2L',
        ts: '1717229210.000900',
        name: 'white_check_mark',
      },
      run: input => ({ ok: input.name.length > 0 }),
    }),
    portalAction({
      name: 'create-channel',
      title: 'Create Channel',
      description:
        'Creates a channel and optionally invites people and sets its topic and purpose. Channel names must be lowercase, without spaces or periods, and at most 80 characters.',
      input: z =>
        z.object({
          name: z
            .string()
            .regex(/^[a-z0-9_-]{1,80}$/)
            .describe('Channel name without `#`'),
          isPrivate: z.boolean().default(false),
          topic: z.string().max(250).optional(),
          purpose: z.string().max(250).optional(),
          inviteUserIds: z
            .array(z.string().regex(/^[UW][A-Z0-9]+$/))
            .max(1000)
            .default([]),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          isPrivate: z.boolean(),
          invited: z.number().int(),
        }),
      example: {
        name: 'inc-2024-06-01-checkout-5xx',
        isPrivate: false,
        topic: 'IC: @priya · Comms: @jlee · Status: investigating',
        purpose: 'Incident channel for elevated checkout errors',
        inviteUserIds: ['U03PRIYA', 'U02JLEE', 'U04TOMAS'],
      },
      run: input => ({
        id: 'C07INC0601A',
        name: input.name,
        isPrivate: input.isPrivate,
        invited: input.inviteUserIds.length,
      }),
    }),
    portalAction({
      name: 'invite-to-channel',
      title: 'Invite To Channel',
      description:
        'Invites users to a channel. Users who are already members are reported as such rather than causing an error.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          channel: z.string().regex(/^[CGD][A-Z0-9]{8,}$/),
          userIds: z
            .array(z.string().regex(/^[UW][A-Z0-9]+$/))
            .min(1)
            .max(1000),
        }),
      output: z =>
        z.object({
          invited: z.array(z.string()),
          alreadyMembers: z.array(z.string()),
        }),
      example: { channel: 'C07INC0601A', userIds: ['U05DBA01', 'U02JLEE'] },
      run: input => ({
        invited: input.userIds.filter(u => u !== 'U02JLEE'),
        alreadyMembers: input.userIds.filter(u => u === 'U02JLEE'),
      }),
    }),
    portalAction({
      name: 'archive-channel',
      title: 'Archive Channel',
      description:
        'Archives a channel. Members can no longer post, the history stays searchable, and workspace admins can unarchive it.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ channel: z.string().regex(/^[CG][A-Z0-9]{8,}$/) }),
      output: z => z.object({ channel: z.string(), archived: z.boolean() }),
      example: { channel: 'C07INC0601A' },
      run: input => ({ channel: input.channel, archived: true }),
    }),
    portalAction({
      name: 'lookup-user-by-email',
      title: 'Lookup User By Email',
      description:
        'Finds the Slack user behind an email address, handy for mapping catalog owners to Slack mentions.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ email: z.string().email() }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          realName: z.string(),
          displayName: z.string().optional(),
          timezone: z.string(),
          isBot: z.boolean(),
          deleted: z.boolean(),
        }),
      example: { email: 'priya.raman@example.com' },
      run: input => ({
        id: 'U03PRIYA',
        name: input.email.split('@')[0],
        realName: 'Priya Raman',
        displayName: 'priya',
        timezone: 'Europe/London',
        isBot: false,
        deleted: false,
      }),
    }),
    portalAction({
      name: 'list-user-groups',
      title: 'List User Groups',
      description:
        'Lists user groups (the @-mentionable handles) with their members.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          includeDisabled: z.boolean().default(false),
          includeUsers: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          groups: z.array(
            z.object({
              id: z.string(),
              handle: z.string(),
              name: z.string(),
              description: z.string().optional(),
              userIds: z.array(z.string()).optional(),
              userCount: z.number().int(),
            }),
          ),
        }),
      example: { includeDisabled: false, includeUsers: true },
      run: input => ({
        groups: [
          {
            id: 'S01SREONCALL',
            handle: 'sre-oncall',
            name: 'SRE on-call',
            description: 'Rotates weekly via PagerDuty sync',
            userIds: input.includeUsers ? ['U03PRIYA', 'U04TOMAS'] : undefined,
            userCount: 2,
          },
        ],
      }),
    }),
    portalAction({
      name: 'set-channel-topic',
      title: 'Set Channel Topic',
      description: 'Replaces the topic of a channel.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          channel: z.string().regex(/^[CG][A-Z0-9]{8,}$/),
          topic: z.string().max(250),
        }),
      output: z => z.object({ channel: z.string(), topic: z.string() }),
      example: {
        channel: 'C07INC0601A',
        topic: 'IC: @priya · Comms: @jlee · Status: monitoring',
      },
      run: input => ({ channel: input.channel, topic: input.topic }),
    }),
    portalAction({
      name: 'pin-message',
      title: 'Pin Message',
      description:
        'Pins a message to a channel so it shows in the channel details. A channel holds at most 100 pins.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          channel: z.string().regex(/^[CGD][A-Z0-9]{8,}$/),
          ts: z.string().regex(/^\d+\.\d+$/),
        }),
      output: z =>
        z.object({ pinned: z.boolean(), pinCount: z.number().int() }),
      example: { channel: 'C07INC0601A', ts: '1717231100.004500' },
      run: input => ({ pinned: input.ts.length > 0, pinCount: 3 }),
    }),
  ],
};
