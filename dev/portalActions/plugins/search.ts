import { PortalPlugin, portalAction } from '../types';

export const searchPlugin: PortalPlugin = {
  pluginId: 'search',
  actions: [
    portalAction({
      name: 'query',
      title: 'Query',
      description:
        'Searches everything the portal indexes: catalog entities, TechDocs pages, tools and more. Results are filtered by what the caller is allowed to see, so totals can differ between users. Use pageCursor from the response to page through results.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          term: z.string().describe('Free-text query; empty lists everything'),
          types: z
            .array(z.string())
            .optional()
            .describe('Document types, e.g. ["software-catalog","techdocs"]'),
          filters: z
            .record(z.union([z.string(), z.array(z.string())]))
            .optional()
            .describe(
              'Field filters, e.g. { "kind": "Component", "lifecycle": ["production"] }',
            ),
          pageLimit: z.number().int().min(1).max(100).default(25),
          pageCursor: z.string().optional(),
        }),
      output: z =>
        z.object({
          results: z.array(
            z.object({
              type: z.string(),
              document: z.object({
                title: z.string(),
                text: z.string(),
                location: z.string(),
              }),
              rank: z.number().int(),
              highlight: z
                .object({
                  preTag: z.string(),
                  postTag: z.string(),
                  fields: z.record(z.string()),
                })
                .optional(),
            }),
          ),
          numberOfResults: z.number().int().optional(),
          nextPageCursor: z.string().optional(),
        }),
      example: {
        term: 'payment retries',
        types: ['software-catalog', 'techdocs'],
        filters: { kind: 'Component', lifecycle: ['production'] },
        pageLimit: 10,
      },
      run: input => ({
        results: [
          {
            type: 'techdocs',
            document: {
              title: 'Gateway timeouts',
              text: 'Check the payment-gateway dashboard first...',
              location: '/docs/default/component/checkout-api/runbook/',
            },
            rank: 1,
            highlight: {
              preTag: '<em>',
              postTag: '</em>',
              fields: { text: 'Check the <em>payment</em>-gateway dashboard' },
            },
          },
          {
            type: 'software-catalog',
            document: {
              title: 'checkout-api',
              text: 'Checkout and order placement API',
              location: '/catalog/default/component/checkout-api',
            },
            rank: 2,
          },
        ].slice(0, input.pageLimit),
        numberOfResults: 2,
      }),
    }),
    portalAction({
      name: 'suggest-terms',
      title: 'Suggest Terms',
      description:
        'Autocomplete for the search box: returns likely completions of a prefix.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          prefix: z.string().min(1).max(64),
          limit: z.number().int().min(1).max(20).default(8),
        }),
      output: z => z.object({ suggestions: z.array(z.string()) }),
      example: { prefix: 'check', limit: 4 },
      run: input => ({
        suggestions: [
          'checkout-api',
          'checkout-web',
          'checkout runbook',
          'checkstyle',
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'list-document-types',
      title: 'List Document Types',
      description:
        'Lists the document types registered with the search engine and how many documents each holds.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          types: z.array(
            z.object({
              type: z.string(),
              documentCount: z.number().int(),
              visibilityPermission: z.string().optional(),
            }),
          ),
        }),
      example: {},
      run: () => ({
        types: [
          {
            type: 'software-catalog',
            documentCount: 4821,
            visibilityPermission: 'catalog.entity.read',
          },
          { type: 'techdocs', documentCount: 12044 },
          { type: 'tools', documentCount: 37 },
          { type: 'adr', documentCount: 312 },
        ],
      }),
    }),
    portalAction({
      name: 'get-document',
      title: 'Get Document',
      description:
        'Fetches one indexed document by type and location, exactly as stored in the index.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          type: z.string(),
          location: z
            .string()
            .startsWith('/')
            .describe('Document location path'),
        }),
      output: z =>
        z.object({
          found: z.boolean(),
          document: z
            .object({
              title: z.string(),
              text: z.string(),
              location: z.string(),
              fields: z.record(z.string()),
            })
            .optional(),
        }),
      example: {
        type: 'software-catalog',
        location: '/catalog/default/component/checkout-api',
      },
      run: input => ({
        found: true,
        document: {
          title: 'checkout-api',
          text: 'Checkout and order placement API',
          location: input.location,
          fields: {
            kind: 'Component',
            type: 'service',
            lifecycle: 'production',
            owner: 'team-payments',
          },
        },
      }),
    }),
    portalAction({
      name: 'list-collators',
      title: 'List Collators',
      description:
        'Shows every collator feeding the index with its schedule and the outcome of its last run.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          collators: z.array(
            z.object({
              type: z.string(),
              schedule: z.object({
                frequencyMinutes: z.number().int(),
                timeoutMinutes: z.number().int(),
              }),
              lastRun: z
                .object({
                  finishedAt: z.string(),
                  status: z.enum(['succeeded', 'failed']),
                  documents: z.number().int(),
                })
                .optional(),
            }),
          ),
        }),
      example: {},
      run: () => ({
        collators: [
          {
            type: 'software-catalog',
            schedule: { frequencyMinutes: 10, timeoutMinutes: 15 },
            lastRun: {
              finishedAt: '2024-11-14T09:40:12Z',
              status: 'succeeded' as const,
              documents: 4821,
            },
          },
          {
            type: 'techdocs',
            schedule: { frequencyMinutes: 60, timeoutMinutes: 30 },
            lastRun: {
              finishedAt: '2024-11-14T09:00:58Z',
              status: 'failed' as const,
              documents: 0,
            },
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-index-stats',
      title: 'Get Index Stats',
      description: 'Size and document counts of the search index.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          type: z.string().optional().describe('Limit to one document type'),
        }),
      output: z =>
        z.object({
          engine: z.enum(['lunr', 'postgres', 'elasticsearch', 'opensearch']),
          indices: z.array(
            z.object({
              name: z.string(),
              documents: z.number().int(),
              sizeBytes: z.number().int(),
              lastUpdated: z.string(),
            }),
          ),
        }),
      example: { type: 'techdocs' },
      run: input => ({
        engine: 'opensearch' as const,
        indices: [
          {
            name: `${input.type ?? 'software-catalog'}-index__1731574858`,
            documents: 12044,
            sizeBytes: 58720256,
            lastUpdated: '2024-11-14T09:00:58Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'describe-index',
      title: 'Describe Index',
      description:
        'Returns the field mapping of an index, which is what you need to know to write field filters. Only available for Elasticsearch and OpenSearch engines.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ type: z.string() }),
      output: z =>
        z.object({
          index: z.string(),
          aliases: z.array(z.string()),
          fields: z.array(
            z.object({
              name: z.string(),
              type: z.enum([
                'text',
                'keyword',
                'date',
                'long',
                'boolean',
                'object',
              ]),
              filterable: z.boolean(),
            }),
          ),
        }),
      example: { type: 'software-catalog' },
      run: input => ({
        index: `${input.type}-index__1731574858`,
        aliases: [`${input.type}-index__search`],
        fields: [
          { name: 'title', type: 'text' as const, filterable: false },
          { name: 'kind', type: 'keyword' as const, filterable: true },
          { name: 'lifecycle', type: 'keyword' as const, filterable: true },
          { name: 'owner', type: 'keyword' as const, filterable: true },
        ],
      }),
    }),
    portalAction({
      name: 'search-entities',
      title: 'Search Entities',
      description:
        'A catalog-only search with typed filters, returning entity refs rather than documents. Prefer this when you need refs to pass to other actions.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          term: z.string().default(''),
          filter: z
            .object({
              kind: z.array(z.string()).optional(),
              type: z.array(z.string()).optional(),
              lifecycle: z
                .array(z.enum(['experimental', 'production', 'deprecated']))
                .optional(),
              owner: z.string().optional(),
              tags: z.array(z.string()).optional(),
            })
            .default({}),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          entities: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              owner: z.string(),
              score: z.number(),
            }),
          ),
        }),
      example: {
        term: 'payments',
        filter: {
          kind: ['Component'],
          lifecycle: ['production'],
          tags: ['java'],
        },
        limit: 20,
      },
      run: () => ({
        entities: [
          {
            entityRef: 'component:default/payment-gateway',
            title: 'Payment Gateway',
            owner: 'group:default/team-payments',
            score: 8.41,
          },
          {
            entityRef: 'component:default/checkout-api',
            owner: 'group:default/team-payments',
            score: 5.02,
          },
        ],
      }),
    }),
    portalAction({
      name: 'explain-ranking',
      title: 'Explain Ranking',
      description:
        'Explains why a document ranks where it does for a query, broken down by field and boost.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          term: z.string().min(1),
          type: z.string(),
          location: z.string(),
        }),
      output: z =>
        z.object({
          score: z.number(),
          rank: z.number().int().optional(),
          contributions: z.array(
            z.object({
              field: z.string(),
              boost: z.number(),
              score: z.number(),
            }),
          ),
        }),
      example: {
        term: 'gateway',
        type: 'software-catalog',
        location: '/catalog/default/component/payment-gateway',
      },
      run: () => ({
        score: 8.41,
        rank: 1,
        contributions: [
          { field: 'title', boost: 3, score: 6.9 },
          { field: 'text', boost: 1, score: 1.51 },
        ],
      }),
    }),
    portalAction({
      name: 'list-recent-queries',
      title: 'List Recent Queries',
      description:
        "Lists the caller's own recent searches. Other users' queries are never returned.",
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({ limit: z.number().int().min(1).max(50).default(10) }),
      output: z =>
        z.object({
          queries: z.array(
            z.object({
              term: z.string(),
              at: z.string(),
              results: z.number().int(),
            }),
          ),
        }),
      example: { limit: 2 },
      run: input => ({
        queries: [
          { term: 'payment retries', at: '2024-11-14T09:41:02Z', results: 2 },
          { term: 'settlement cron', at: '2024-11-14T08:17:45Z', results: 5 },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'get-query-analytics',
      title: 'Get Query Analytics',
      description:
        'Aggregated search analytics for a period: top terms, terms with no results and click-through rate. Needs the search.analytics.read permission.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          period: z.enum(['day', 'week', 'month']).default('week'),
          top: z.number().int().min(1).max(100).default(10),
          onlyZeroResults: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          period: z.string(),
          totalQueries: z.number().int(),
          clickThroughRate: z.number().min(0).max(1),
          terms: z.array(
            z.object({
              term: z.string(),
              count: z.number().int(),
              zeroResults: z.boolean(),
            }),
          ),
        }),
      example: { period: 'month', top: 3, onlyZeroResults: true },
      run: input => ({
        period: input.period,
        totalQueries: 48211,
        clickThroughRate: 0.63,
        terms: [
          { term: 'vpn setup', count: 211, zeroResults: true },
          { term: 'expense policy', count: 143, zeroResults: true },
          { term: 'kafka topics', count: 97, zeroResults: true },
        ].slice(0, input.top),
      }),
    }),
    portalAction({
      name: 'trigger-reindex',
      title: 'Trigger Reindex',
      description:
        'Runs the collator for one document type now instead of on its schedule. The old index keeps serving queries until the new one is complete.',
      input: z =>
        z.object({
          type: z.string().describe('Document type to reindex'),
        }),
      output: z =>
        z.object({
          type: z.string(),
          taskId: z.string(),
          alreadyRunning: z.boolean(),
        }),
      example: { type: 'techdocs' },
      run: input => ({
        type: input.type,
        taskId: `search_index_${input.type.replace(/-/g, '_')}`,
        alreadyRunning: false,
      }),
    }),
    portalAction({
      name: 'rebuild-index',
      title: 'Rebuild Index',
      description:
        'Drops every index and rebuilds them all from scratch. Search returns partial results until each collator finishes, which can take an hour on large portals.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          types: z
            .array(z.string())
            .optional()
            .describe('Defaults to every registered type'),
          reason: z.string().min(5).describe('Written to the audit log'),
        }),
      output: z =>
        z.object({
          scheduled: z.array(z.string()),
          estimatedMinutes: z.number().int(),
        }),
      example: {
        types: ['software-catalog', 'techdocs'],
        reason: 'Mapping change for the owner field',
      },
      run: input => ({
        scheduled: input.types ?? [
          'software-catalog',
          'techdocs',
          'tools',
          'adr',
        ],
        estimatedMinutes: 40,
      }),
    }),
    portalAction({
      name: 'purge-stale-indices',
      title: 'Purge Stale Indices',
      description:
        'Deletes index generations that are no longer behind an alias, freeing disk on the search cluster.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          keepLatest: z
            .number()
            .int()
            .min(0)
            .max(5)
            .default(1)
            .describe('Old generations to keep per type as a fallback'),
          dryRun: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          dryRun: z.boolean(),
          deleted: z.array(
            z.object({ index: z.string(), sizeBytes: z.number().int() }),
          ),
        }),
      example: { keepLatest: 1, dryRun: true },
      run: input => ({
        dryRun: input.dryRun,
        deleted: [
          { index: 'techdocs-index__1731488458', sizeBytes: 57149440 },
          { index: 'software-catalog-index__1731402058', sizeBytes: 9437184 },
        ],
      }),
    }),
    portalAction({
      name: 'update-synonyms',
      title: 'Update Synonyms',
      description:
        'Replaces the synonym list used at query time, so that, for example, k8s also matches kubernetes.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          synonyms: z
            .array(
              z.object({
                terms: z.array(z.string().min(1)).min(2),
                oneWay: z
                  .boolean()
                  .default(false)
                  .describe('Only the first term expands to the others'),
              }),
            )
            .max(500),
        }),
      output: z => z.object({ sets: z.number().int(), appliedAt: z.string() }),
      example: {
        synonyms: [
          { terms: ['k8s', 'kubernetes'], oneWay: false },
          { terms: ['pr', 'pull request', 'merge request'], oneWay: true },
        ],
      },
      run: input => ({
        sets: input.synonyms.length,
        appliedAt: '2024-11-14T10:02:00Z',
      }),
    }),
    portalAction({
      name: 'pin-result',
      title: 'Pin Result',
      description:
        'Pins a document to the top of results for a query term, e.g. to point "vpn" at the official setup guide. Pinning the same term and document again just updates the position.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          term: z.string().min(1),
          location: z.string().describe('Location of the document to pin'),
          position: z.number().int().min(1).max(5).default(1),
          expiresAt: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional()
            .describe('Date after which the pin is dropped'),
        }),
      output: z =>
        z.object({
          pinId: z.string(),
          term: z.string(),
          position: z.number().int(),
        }),
      example: {
        term: 'vpn setup',
        location: '/docs/default/component/it-handbook/network/vpn/',
        position: 1,
        expiresAt: '2025-06-30',
      },
      run: input => ({
        pinId: `pin_${input.term.replace(/\s+/g, '-')}`,
        term: input.term,
        position: input.position,
      }),
    }),
    portalAction({
      name: 'delete-pinned-result',
      title: 'Delete Pinned Result',
      description: 'Removes a pin.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ pinId: z.string() }),
      output: z => z.object({ pinId: z.string(), deleted: z.boolean() }),
      example: { pinId: 'pin_vpn-setup' },
      run: input => ({ pinId: input.pinId, deleted: true }),
    }),
    portalAction({
      name: 'update-collator-schedule',
      title: 'Update Collator Schedule',
      description:
        'Changes how often a collator runs. The new schedule applies from the next run; a run in progress is not interrupted.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          type: z.string(),
          frequency: z.object({
            minutes: z.number().int().min(5).max(1440),
          }),
          timeout: z
            .object({ minutes: z.number().int().min(1).max(240) })
            .optional(),
          initialDelaySeconds: z.number().int().min(0).max(600).optional(),
        }),
      output: z =>
        z.object({
          type: z.string(),
          frequencyMinutes: z.number().int(),
          nextRunAt: z.string(),
        }),
      example: {
        type: 'techdocs',
        frequency: { minutes: 30 },
        timeout: { minutes: 20 },
      },
      run: input => ({
        type: input.type,
        frequencyMinutes: input.frequency.minutes,
        nextRunAt: '2024-11-14T10:30:00Z',
      }),
    }),
  ],
};
