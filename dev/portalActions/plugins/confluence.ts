import { PortalPlugin, portalAction } from '../types';

export const confluencePlugin: PortalPlugin = {
  pluginId: 'confluence',
  actions: [
    portalAction({
      name: 'search-content',
      title: 'Search Content',
      description:
        'Searches pages, blog posts and attachments with a CQL query. Only content the service account can view is returned, and results are capped at 100 per request.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          cql: z
            .string()
            .min(1)
            .describe(
              'CQL query, e.g. `space = ENG and type = page and text ~ "runbook"`',
            ),
          limit: z.number().int().min(1).max(100).default(25),
          start: z
            .number()
            .int()
            .min(0)
            .default(0)
            .describe('Offset of the first result'),
          excerpt: z
            .enum(['highlight', 'indexed', 'none'])
            .default('highlight')
            .describe('How to build the excerpt of each hit'),
        }),
      output: z =>
        z.object({
          results: z.array(
            z.object({
              id: z.string(),
              type: z.enum(['page', 'blogpost', 'attachment', 'comment']),
              title: z.string(),
              spaceKey: z.string(),
              excerpt: z.string().optional(),
              url: z.string(),
              lastModified: z.string(),
            }),
          ),
          totalSize: z.number().int(),
          start: z.number().int(),
        }),
      example: {
        cql: 'space = SRE and type = page and text ~ "failover"',
        limit: 10,
        start: 0,
        excerpt: 'highlight',
      },
      run: input => ({
        results: [
          {
            id: '2293761',
            type: 'page' as const,
            title: 'Runbook: Postgres primary failover',
            spaceKey: 'SRE',
            excerpt:
              input.excerpt === 'none'
                ? undefined
                : '…promote the replica, then update the @@@hl@@@failover@@@endhl@@@ DNS record…',
            url: 'https://acme.atlassian.net/wiki/spaces/SRE/pages/2293761',
            lastModified: '2024-04-18T13:22:05Z',
          },
        ],
        totalSize: 1,
        start: input.start,
      }),
    }),
    portalAction({
      name: 'get-page',
      title: 'Get Page',
      description:
        'Fetches a page with its body in the requested format. Older versions can be read by number; the latest is returned otherwise.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/).describe('Numeric page id'),
          bodyFormat: z
            .enum(['storage', 'atlas_doc_format', 'view'])
            .default('storage'),
          version: z.number().int().min(1).optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          spaceKey: z.string(),
          status: z.enum(['current', 'draft', 'archived']),
          parentId: z.string().optional(),
          version: z.object({
            number: z.number().int(),
            createdAt: z.string(),
            authorName: z.string(),
            message: z.string().optional(),
          }),
          body: z.object({ representation: z.string(), value: z.string() }),
          labels: z.array(z.string()),
        }),
      example: { pageId: '2293761', bodyFormat: 'storage' },
      run: input => ({
        id: input.pageId,
        title: 'Runbook: Postgres primary failover',
        spaceKey: 'SRE',
        status: 'current' as const,
        parentId: '2293700',
        version: {
          number: input.version ?? 14,
          createdAt: '2024-04-18T13:22:05Z',
          authorName: 'Priya Raman',
          message: 'Add step for pgbouncer reload',
        },
        body: {
          representation: input.bodyFormat,
          value:
            '<h2>When to use</h2><p>The primary is unreachable for more than 2 minutes.</p>',
        },
        labels: ['runbook', 'postgres'],
      }),
    }),
    portalAction({
      name: 'create-page',
      title: 'Create Page',
      description:
        'Creates a page in a space, under a parent page if one is given. The body is written in storage format (XHTML) by default; pass `status: draft` to save it unpublished.',
      input: z =>
        z.object({
          spaceKey: z
            .string()
            .regex(/^[A-Z][A-Z0-9]{1,9}$/)
            .describe('Space key, e.g. `ENG`'),
          title: z.string().min(1).max(255),
          parentId: z.string().regex(/^\d+$/).optional(),
          body: z.object({
            representation: z
              .enum(['storage', 'atlas_doc_format', 'wiki'])
              .default('storage'),
            value: z
              .string()
              .describe('Page content in the chosen representation'),
          }),
          labels: z.array(z.string().regex(/^[a-z0-9_-]+$/)).default([]),
          status: z.enum(['current', 'draft']).default('current'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          status: z.enum(['current', 'draft']),
          url: z.string(),
          version: z.number().int(),
        }),
      example: {
        spaceKey: 'ENG',
        title: 'ADR-042: Move background jobs to Temporal',
        parentId: '1900544',
        body: {
          representation: 'storage',
          value:
            '<h2>Context</h2><p>Cron jobs on the monolith are hard to retry.</p><h2>Decision</h2><p>Adopt Temporal for new jobs.</p>',
        },
        labels: ['adr', 'architecture'],
        status: 'draft',
      },
      run: input => ({
        id: '2310145',
        title: input.title,
        status: input.status,
        url: `https://acme.atlassian.net/wiki/spaces/${input.spaceKey}/pages/2310145`,
        version: 1,
      }),
    }),
    portalAction({
      name: 'update-page',
      title: 'Update Page',
      description:
        'Saves a new version of a page. `version.number` must be exactly one more than the current version, otherwise Confluence rejects the edit as a conflict.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          title: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe('New title; unchanged when omitted'),
          body: z.object({
            representation: z
              .enum(['storage', 'atlas_doc_format', 'wiki'])
              .default('storage'),
            value: z.string(),
          }),
          version: z.object({
            number: z.number().int().min(2),
            message: z.string().max(255).optional(),
            minorEdit: z
              .boolean()
              .default(false)
              .describe('Minor edits do not notify watchers'),
          }),
        }),
      output: z =>
        z.object({
          id: z.string(),
          version: z.number().int(),
          url: z.string(),
        }),
      example: {
        pageId: '2293761',
        body: {
          representation: 'storage',
          value:
            '<h2>When to use</h2><p>The primary is unreachable for more than 2 minutes, or replication lag exceeds 30s.</p>',
        },
        version: {
          number: 15,
          message: 'Clarify trigger conditions',
          minorEdit: true,
        },
      },
      run: input => ({
        id: input.pageId,
        version: input.version.number,
        url: `https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=${input.pageId}`,
      }),
    }),
    portalAction({
      name: 'archive-page',
      title: 'Archive Page',
      description:
        'Moves a page to the space archive. Archived pages disappear from the page tree and search but can be restored by a space admin.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          includeChildren: z
            .boolean()
            .default(false)
            .describe('Archive the whole subtree'),
        }),
      output: z =>
        z.object({
          archivedIds: z.array(z.string()),
          taskId: z.string().optional(),
        }),
      example: { pageId: '1811023', includeChildren: true },
      run: input => ({
        archivedIds: input.includeChildren
          ? [input.pageId, '1811024', '1811090']
          : [input.pageId],
        taskId: input.includeChildren ? 'long-task-77f1' : undefined,
      }),
    }),
    portalAction({
      name: 'delete-page',
      title: 'Delete Page',
      description:
        'Moves a page to the space trash, or purges it permanently when `purge` is set (the page must already be in the trash). Purged pages cannot be recovered.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          purge: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          pageId: z.string(),
          outcome: z.enum(['trashed', 'purged']),
        }),
      example: { pageId: '1811023', purge: false },
      run: input => ({
        pageId: input.pageId,
        outcome: input.purge ? ('purged' as const) : ('trashed' as const),
      }),
    }),
    portalAction({
      name: 'list-spaces',
      title: 'List Spaces',
      description: 'Lists spaces, optionally filtered by type or status.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          type: z.enum(['global', 'personal']).optional(),
          status: z.enum(['current', 'archived']).default('current'),
          labels: z
            .array(z.string())
            .optional()
            .describe('Spaces carrying any of these labels'),
          limit: z.number().int().min(1).max(250).default(50),
          cursor: z.string().optional(),
        }),
      output: z =>
        z.object({
          spaces: z.array(
            z.object({
              id: z.string(),
              key: z.string(),
              name: z.string(),
              type: z.enum(['global', 'personal']),
              homepageId: z.string().optional(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
      example: { type: 'global', status: 'current', limit: 50 },
      run: input => ({
        spaces: [
          {
            id: '98311',
            key: 'ENG',
            name: 'Engineering',
            type: input.type ?? ('global' as const),
            homepageId: '1900500',
          },
          {
            id: '98340',
            key: 'SRE',
            name: 'Site Reliability',
            type: input.type ?? ('global' as const),
            homepageId: '2293700',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-space',
      title: 'Get Space',
      description: 'Returns a space’s details, owner and home page.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({ spaceKey: z.string().regex(/^[A-Z~][A-Za-z0-9]{1,40}$/) }),
      output: z =>
        z.object({
          key: z.string(),
          name: z.string(),
          description: z.string().optional(),
          homepageId: z.string(),
          ownerName: z.string().optional(),
          pageCount: z.number().int(),
        }),
      example: { spaceKey: 'SRE' },
      run: input => ({
        key: input.spaceKey,
        name: 'Site Reliability',
        description: 'Runbooks, postmortems and on-call guides',
        homepageId: '2293700',
        ownerName: 'Priya Raman',
        pageCount: 412,
      }),
    }),
    portalAction({
      name: 'list-page-children',
      title: 'List Page Children',
      description:
        'Lists the direct child pages of a page in tree order. Set `depth` to walk further down; deep trees are cut off at 500 pages.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          depth: z.number().int().min(1).max(5).default(1),
        }),
      output: z =>
        z.object({
          children: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              depth: z.number().int(),
              childCount: z.number().int(),
            }),
          ),
          truncated: z.boolean(),
        }),
      example: { pageId: '2293700', depth: 2 },
      run: input => ({
        children: [
          {
            id: '2293761',
            title: 'Runbook: Postgres primary failover',
            depth: 1,
            childCount: 0,
          },
          { id: '2293790', title: 'Postmortems', depth: 1, childCount: 2 },
          ...(input.depth > 1
            ? [
                {
                  id: '2300011',
                  title: '2024-05-14 Checkout outage',
                  depth: 2,
                  childCount: 0,
                },
                {
                  id: '2301988',
                  title: '2024-05-27 DNS misconfiguration',
                  depth: 2,
                  childCount: 0,
                },
              ]
            : []),
        ],
        truncated: false,
      }),
    }),
    portalAction({
      name: 'add-page-labels',
      title: 'Add Page Labels',
      description:
        'Adds labels to a page. Labels it already has are left alone.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          labels: z
            .array(
              z
                .string()
                .regex(/^[a-z0-9_-]+$/)
                .max(255),
            )
            .min(1)
            .describe('Lowercase labels without spaces'),
        }),
      output: z =>
        z.object({ pageId: z.string(), labels: z.array(z.string()) }),
      example: { pageId: '2293761', labels: ['on-call', 'tier-1'] },
      run: input => ({
        pageId: input.pageId,
        labels: Array.from(new Set(['runbook', 'postgres', ...input.labels])),
      }),
    }),
    portalAction({
      name: 'remove-page-label',
      title: 'Remove Page Label',
      description: 'Removes one label from a page.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          label: z.string(),
        }),
      output: z => z.object({ pageId: z.string(), removed: z.boolean() }),
      example: { pageId: '2293761', label: 'draft' },
      run: input => ({ pageId: input.pageId, removed: input.label !== '' }),
    }),
    portalAction({
      name: 'list-page-comments',
      title: 'List Page Comments',
      description:
        'Lists footer and inline comments on a page. Inline comments include the text they are anchored to and whether they were resolved.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          kind: z.enum(['footer', 'inline', 'all']).default('all'),
          includeResolved: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          comments: z.array(
            z.object({
              id: z.string(),
              kind: z.enum(['footer', 'inline']),
              authorName: z.string(),
              createdAt: z.string(),
              body: z.string(),
              anchorText: z.string().optional(),
              resolved: z.boolean().optional(),
              replies: z.number().int(),
            }),
          ),
        }),
      example: { pageId: '2293761', kind: 'all', includeResolved: false },
      run: () => ({
        comments: [
          {
            id: '2299001',
            kind: 'inline' as const,
            authorName: 'Tomás Ortega',
            createdAt: '2024-05-02T09:10:00Z',
            body: 'Should we mention the read-only replica in eu-central here?',
            anchorText: 'promote the replica',
            resolved: false,
            replies: 1,
          },
          {
            id: '2299145',
            kind: 'footer' as const,
            authorName: 'Priya Raman',
            createdAt: '2024-05-03T16:45:00Z',
            body: 'Tested this during the May game day, worked end to end.',
            replies: 0,
          },
        ],
      }),
    }),
    portalAction({
      name: 'post-comment',
      title: 'Post Comment',
      description:
        'Adds a comment to a page, either at the bottom or inline on a piece of selected text. For inline comments, `matchIndex` picks which occurrence of the text to anchor on.',
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          body: z.string().min(1).describe('Comment in storage format'),
          parentCommentId: z
            .string()
            .optional()
            .describe('Reply to this comment'),
          inline: z
            .object({
              textSelection: z.string().min(1),
              matchIndex: z.number().int().min(0).default(0),
            })
            .optional()
            .describe('Anchor the comment to text on the page'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          kind: z.enum(['footer', 'inline']),
          url: z.string(),
        }),
      example: {
        pageId: '2293761',
        body: '<p>Step 4 is outdated since we moved to Patroni, will update.</p>',
        inline: {
          textSelection: 'update the failover DNS record',
          matchIndex: 0,
        },
      },
      run: input => ({
        id: '2299310',
        kind: input.inline ? ('inline' as const) : ('footer' as const),
        url: `https://acme.atlassian.net/wiki/spaces/SRE/pages/${input.pageId}?focusedCommentId=2299310`,
      }),
    }),
    portalAction({
      name: 'get-page-history',
      title: 'Get Page History',
      description:
        'Lists the versions of a page with author, date and change message.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          limit: z.number().int().min(1).max(200).default(25),
        }),
      output: z =>
        z.object({
          versions: z.array(
            z.object({
              number: z.number().int(),
              authorName: z.string(),
              createdAt: z.string(),
              message: z.string().optional(),
              minorEdit: z.boolean(),
            }),
          ),
        }),
      example: { pageId: '2293761', limit: 3 },
      run: input => ({
        versions: [
          {
            number: 14,
            authorName: 'Priya Raman',
            createdAt: '2024-04-18T13:22:05Z',
            message: 'Add step for pgbouncer reload',
            minorEdit: false,
          },
          {
            number: 13,
            authorName: 'Tomás Ortega',
            createdAt: '2024-03-02T08:11:40Z',
            minorEdit: true,
          },
          {
            number: 12,
            authorName: 'Priya Raman',
            createdAt: '2024-01-29T15:00:12Z',
            message: 'Rewrite for Patroni',
            minorEdit: false,
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'export-page',
      title: 'Export Page',
      description:
        'Exports a page to PDF or Word and returns a download link valid for 15 minutes. Macros that need a browser, such as Jira charts, render as placeholders.',
      attributes: { readOnly: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          format: z.enum(['pdf', 'word']).default('pdf'),
          includeChildren: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          downloadUrl: z.string().url(),
          fileName: z.string(),
          sizeBytes: z.number().int(),
        }),
      example: { pageId: '2293761', format: 'pdf', includeChildren: false },
      run: input => {
        const ext = input.format === 'pdf' ? 'pdf' : 'docx';
        return {
          downloadUrl: `https://acme.atlassian.net/wiki/download/temp/export-${input.pageId}.${ext}`,
          fileName: `page-${input.pageId}.${ext}`,
          sizeBytes: input.includeChildren ? 1_482_113 : 214_903,
        };
      },
    }),
    portalAction({
      name: 'list-attachments',
      title: 'List Attachments',
      description: 'Lists files attached to a page.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          mediaType: z
            .string()
            .optional()
            .describe('MIME type filter, e.g. `image/png`'),
          filename: z.string().optional(),
        }),
      output: z =>
        z.object({
          attachments: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              mediaType: z.string(),
              fileSize: z.number().int(),
              downloadUrl: z.string(),
              comment: z.string().optional(),
            }),
          ),
        }),
      example: { pageId: '2293761', mediaType: 'image/png' },
      run: input => ({
        attachments: [
          {
            id: 'att2293802',
            title: 'failover-sequence.png',
            mediaType: input.mediaType ?? 'image/png',
            fileSize: 88_412,
            downloadUrl: `https://acme.atlassian.net/wiki/download/attachments/${input.pageId}/failover-sequence.png`,
            comment: 'Sequence diagram from the Q1 game day',
          },
        ],
      }),
    }),
    portalAction({
      name: 'move-page',
      title: 'Move Page',
      description:
        'Moves a page, with its children, relative to a target page: before or after it as a sibling, or appended as its last child. Moving across spaces requires permission in both spaces.',
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          position: z.enum(['before', 'after', 'append']),
          targetId: z
            .string()
            .regex(/^\d+$/)
            .describe('Page the position is relative to'),
        }),
      output: z =>
        z.object({
          pageId: z.string(),
          newParentId: z.string(),
          spaceKey: z.string(),
        }),
      example: { pageId: '2310145', position: 'append', targetId: '1900600' },
      run: input => ({
        pageId: input.pageId,
        newParentId: input.position === 'append' ? input.targetId : '1900544',
        spaceKey: 'ENG',
      }),
    }),
    portalAction({
      name: 'watch-page',
      title: 'Watch Page',
      description:
        'Subscribes a user to notifications about edits and comments on a page, or unsubscribes them with `watch: false`.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          pageId: z.string().regex(/^\d+$/),
          accountId: z
            .string()
            .optional()
            .describe('User to subscribe; the caller when omitted'),
          watch: z.boolean().default(true),
        }),
      output: z => z.object({ pageId: z.string(), watching: z.boolean() }),
      example: { pageId: '2293761', watch: true },
      run: input => ({ pageId: input.pageId, watching: input.watch }),
    }),
  ],
};
