import { PortalPlugin, portalAction } from '../types';

export const techdocsPlugin: PortalPlugin = {
  pluginId: 'techdocs',
  actions: [
    portalAction({
      name: 'list-docs-sites',
      title: 'List Docs Sites',
      description:
        'Lists catalog entities that have TechDocs, with the time their site was last built.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe(
              'Only entities owned by this group, e.g. group:default/team-payments',
            ),
          kind: z.string().optional(),
          offset: z.number().int().min(0).default(0),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      output: z =>
        z.object({
          sites: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              builtAt: z.string().optional(),
            }),
          ),
          totalItems: z.number().int(),
        }),
      example: { owner: 'group:default/team-payments', offset: 0, limit: 50 },
      run: () => ({
        sites: [
          {
            entityRef: 'component:default/checkout-api',
            title: 'Checkout API',
            builtAt: '2024-11-13T16:25:07Z',
          },
          {
            entityRef: 'system:default/payments',
            title: 'Payments Platform Handbook',
            builtAt: '2024-10-30T11:02:19Z',
          },
          { entityRef: 'component:default/ledger', title: 'Ledger' },
        ],
        totalItems: 3,
      }),
    }),
    portalAction({
      name: 'get-docs-metadata',
      title: 'Get Docs Metadata',
      description:
        'Reads techdocs_metadata.json for an entity: site name, description, build timestamp and the files the site contains.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          namespace: z.string().default('default'),
          kind: z.string(),
          name: z.string(),
        }),
      output: z =>
        z.object({
          siteName: z.string(),
          siteDescription: z.string().optional(),
          buildTimestamp: z.number().int(),
          etag: z.string(),
          files: z.array(z.string()),
        }),
      example: {
        namespace: 'default',
        kind: 'component',
        name: 'checkout-api',
      },
      run: input => ({
        siteName: input.name,
        siteDescription: 'How the checkout API works and how to operate it',
        buildTimestamp: 1731515107,
        etag: '3b18e512dbf2a0c1',
        files: ['index.html', 'runbook/index.html', 'architecture/index.html'],
      }),
    }),
    portalAction({
      name: 'get-entity-docs-info',
      title: 'Get Entity Docs Info',
      description:
        "Resolves where an entity's docs come from, based on its techdocs-ref annotation.",
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string().describe('e.g. component:default/checkout-api'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          hasDocs: z.boolean(),
          techdocsRef: z.string().optional(),
          sourceType: z.enum(['dir', 'url', 'none']),
          builder: z.enum(['local', 'external']),
        }),
      example: { entityRef: 'component:default/checkout-api' },
      run: input => ({
        entityRef: input.entityRef,
        hasDocs: true,
        techdocsRef: 'dir:.',
        sourceType: 'dir' as const,
        builder: 'local' as const,
      }),
    }),
    portalAction({
      name: 'get-page',
      title: 'Get Page',
      description:
        "Returns one page of an entity's documentation as plain text with its headings. HTML is stripped, code blocks are kept.",
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string(),
          path: z
            .string()
            .default('')
            .describe(
              'Page path inside the site, e.g. runbook/; empty for the home page',
            ),
          maxChars: z.number().int().min(500).max(100000).default(20000),
        }),
      output: z =>
        z.object({
          title: z.string(),
          path: z.string(),
          headings: z.array(
            z.object({
              level: z.number().int().min(1).max(6),
              text: z.string(),
            }),
          ),
          text: z.string(),
          truncated: z.boolean(),
        }),
      example: {
        entityRef: 'component:default/checkout-api',
        path: 'runbook/',
        maxChars: 20000,
      },
      run: input => ({
        title: 'Runbook',
        path: input.path,
        headings: [
          { level: 1, text: 'Runbook' },
          { level: 2, text: 'Gateway timeouts' },
          { level: 2, text: 'Replaying failed orders' },
        ],
        text: 'Runbook\n\nGateway timeouts\nCheck the payment-gateway dashboard first. If p99 is above 2s, scale checkout-api to 6 replicas.',
        truncated: false,
      }),
    }),
    portalAction({
      name: 'get-table-of-contents',
      title: 'Get Table of Contents',
      description: 'Returns the navigation tree of a docs site.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ entityRef: z.string() }),
      output: z =>
        z.object({
          entries: z.array(
            z.object({
              title: z.string(),
              path: z.string(),
              children: z.array(
                z.object({ title: z.string(), path: z.string() }),
              ),
            }),
          ),
        }),
      example: { entityRef: 'system:default/payments' },
      run: () => ({
        entries: [
          { title: 'Overview', path: '', children: [] },
          {
            title: 'Operations',
            path: 'operations/',
            children: [
              { title: 'On-call', path: 'operations/on-call/' },
              { title: 'Incident response', path: 'operations/incidents/' },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'search-docs',
      title: 'Search Docs',
      description:
        'Full-text search across TechDocs pages only. For searching the whole portal use the search plugin instead.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          term: z.string().min(2),
          entityRef: z
            .string()
            .optional()
            .describe('Limit the search to one docs site'),
          limit: z.number().int().min(1).max(25).default(10),
        }),
      output: z =>
        z.object({
          results: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              path: z.string(),
              snippet: z.string(),
            }),
          ),
        }),
      example: { term: 'idempotency key', limit: 5 },
      run: input => ({
        results: [
          {
            entityRef: input.entityRef ?? 'component:default/checkout-api',
            title: 'Order creation',
            path: 'api/orders/',
            snippet: `Clients must send an ${input.term} header so retries do not create duplicate orders.`,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-build-status',
      title: 'Get Build Status',
      description:
        'Tells whether the docs site of an entity is up to date, being rebuilt, or failed its last build.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ entityRef: z.string() }),
      output: z =>
        z.object({
          entityRef: z.string(),
          state: z.enum(['up-to-date', 'building', 'failed', 'never-built']),
          lastBuildAt: z.string().optional(),
          error: z.string().optional(),
        }),
      example: { entityRef: 'component:default/ledger' },
      run: input => ({
        entityRef: input.entityRef,
        state: 'failed' as const,
        lastBuildAt: '2024-11-12T07:31:44Z',
        error: 'Config file mkdocs.yml not found in the repository root',
      }),
    }),
    portalAction({
      name: 'get-build-log',
      title: 'Get Build Log',
      description:
        'Returns the output of the most recent docs build for an entity. Only kept for builds run by this backend instance.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string(),
          level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
        }),
      output: z =>
        z.object({
          lines: z.array(
            z.object({
              level: z.enum(['debug', 'info', 'warn', 'error']),
              message: z.string(),
            }),
          ),
        }),
      example: { entityRef: 'component:default/ledger', level: 'warn' },
      run: () => ({
        lines: [
          {
            level: 'warn' as const,
            message:
              "Doc file 'index.md' contains a link to 'setup.md' which is not found",
          },
          {
            level: 'error' as const,
            message: 'Config file mkdocs.yml not found in the repository root',
          },
        ],
      }),
    }),
    portalAction({
      name: 'check-docs-freshness',
      title: 'Check Docs Freshness',
      description:
        'Compares the docs source in the repository with what was last published and says whether a rebuild would change anything. Makes one request to the source host.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ entityRef: z.string() }),
      output: z =>
        z.object({
          stale: z.boolean(),
          publishedCommit: z.string().optional(),
          sourceCommit: z.string(),
          daysBehind: z.number().int(),
        }),
      example: { entityRef: 'component:default/checkout-api' },
      run: () => ({
        stale: true,
        publishedCommit: '41be07d9',
        sourceCommit: 'c0d8e61f',
        daysBehind: 2,
      }),
    }),
    portalAction({
      name: 'list-broken-links',
      title: 'List Broken Links',
      description:
        'Scans a published site for internal links that point to missing pages or anchors. External links are checked only when checkExternal is set, which is much slower.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string(),
          checkExternal: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          checkedLinks: z.number().int(),
          broken: z.array(
            z.object({
              page: z.string(),
              href: z.string(),
              reason: z.enum(['missing-page', 'missing-anchor', 'http-error']),
              status: z.number().int().optional(),
            }),
          ),
        }),
      example: { entityRef: 'system:default/payments', checkExternal: true },
      run: input => ({
        checkedLinks: 214,
        broken: [
          {
            page: 'operations/on-call/',
            href: '../incidents/#paging-policy',
            reason: 'missing-anchor' as const,
          },
          ...(input.checkExternal
            ? [
                {
                  page: 'architecture/',
                  href: 'https://wiki.acme.internal/display/PAY/Old+Design',
                  reason: 'http-error' as const,
                  status: 404,
                },
              ]
            : []),
        ],
      }),
    }),
    portalAction({
      name: 'export-page-as-markdown',
      title: 'Export Page as Markdown',
      description: 'Converts a rendered docs page back to Markdown.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string(),
          path: z.string().default(''),
          includeFrontMatter: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          path: z.string(),
          markdown: z.string(),
        }),
      example: {
        entityRef: 'component:default/checkout-api',
        path: 'api/orders/',
        includeFrontMatter: true,
      },
      run: input => ({
        path: input.path,
        markdown: `${input.includeFrontMatter ? '---\ntitle: Order creation\n---\n\n' : ''}# Order creation\n\nSend an \`Idempotency-Key\` header with every POST.\n`,
      }),
    }),
    portalAction({
      name: 'list-addons',
      title: 'List Addons',
      description:
        'Lists the TechDocs addons installed in the portal and where on the page each one renders.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          addons: z.array(
            z.object({
              name: z.string(),
              location: z.enum([
                'Header',
                'Subheader',
                'PrimarySidebar',
                'SecondarySidebar',
                'Content',
                'Component',
              ]),
            }),
          ),
        }),
      example: {},
      run: () => ({
        addons: [
          { name: 'ReportIssue', location: 'Content' as const },
          { name: 'TextSize', location: 'Subheader' as const },
          { name: 'ExpandableNavigation', location: 'PrimarySidebar' as const },
        ],
      }),
    }),
    portalAction({
      name: 'trigger-build',
      title: 'Trigger Build',
      description:
        'Starts a docs build for an entity right away instead of waiting for the next page visit. Only works when techdocs.builder is local.',
      input: z =>
        z.object({
          entityRef: z.string(),
          force: z
            .boolean()
            .default(false)
            .describe('Build even if the source has not changed'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          buildId: z.string(),
          queued: z.boolean(),
        }),
      example: { entityRef: 'component:default/ledger', force: true },
      run: input => ({
        entityRef: input.entityRef,
        buildId: 'bld_01JCQ8Z3T4M2',
        queued: true,
      }),
    }),
    portalAction({
      name: 'sync-docs',
      title: 'Sync Docs',
      description:
        'Makes sure the published site matches the current source, rebuilding only if needed, and waits for the result. Can take a minute for large sites.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string(),
          timeoutSeconds: z.number().int().min(10).max(600).default(120),
        }),
      output: z =>
        z.object({
          result: z.enum(['cached', 'updated', 'failed', 'timed-out']),
          durationMs: z.number().int(),
          log: z.array(z.string()),
        }),
      example: {
        entityRef: 'component:default/checkout-api',
        timeoutSeconds: 120,
      },
      run: () => ({
        result: 'updated' as const,
        durationMs: 18412,
        log: [
          'Preparing docs for entity component:default/checkout-api',
          'Successfully generated docs from source',
          'Successfully uploaded all the generated files',
        ],
      }),
    }),
    portalAction({
      name: 'set-default-version',
      title: 'Set Default Version',
      description:
        'For sites published with versioning, chooses which version readers land on.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string(),
          version: z.string().regex(/^(latest|v?\d+(\.\d+){0,2})$/),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          defaultVersion: z.string(),
          availableVersions: z.array(z.string()),
        }),
      example: { entityRef: 'api:default/orders-api', version: 'v2' },
      run: input => ({
        entityRef: input.entityRef,
        defaultVersion: input.version,
        availableVersions: ['v1', 'v2', 'latest'],
      }),
    }),
    portalAction({
      name: 'publish-docs',
      title: 'Publish Docs',
      description:
        'Uploads an externally generated site to the TechDocs storage bucket for an entity. Use this from CI when techdocs.builder is external.',
      input: z =>
        z.object({
          entityRef: z.string(),
          sourceArtifactUrl: z
            .string()
            .url()
            .describe('URL of a tarball holding the generated site directory'),
          storage: z
            .object({
              provider: z.enum([
                'awsS3',
                'googleGcs',
                'azureBlobStorage',
                'local',
              ]),
              bucket: z.string().optional(),
              pathPrefix: z.string().optional(),
            })
            .optional()
            .describe('Override the configured publisher'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          objectsUploaded: z.number().int(),
          bytes: z.number().int(),
          url: z.string(),
        }),
      example: {
        entityRef: 'component:default/ledger',
        sourceArtifactUrl:
          'https://ci.acme.internal/artifacts/ledger/site-1482.tgz',
        storage: {
          provider: 'awsS3',
          bucket: 'acme-techdocs',
          pathPrefix: 'prod',
        },
      },
      run: input => {
        const [kind, rest] = input.entityRef.split(':');
        const [namespace, name] = rest.split('/');
        return {
          entityRef: input.entityRef,
          objectsUploaded: 73,
          bytes: 1843221,
          url: `https://backstage.acme.internal/docs/${namespace}/${kind}/${name}`,
        };
      },
    }),
    portalAction({
      name: 'purge-cache',
      title: 'Purge Cache',
      description:
        'Drops cached pages of one site, or of all sites, from the TechDocs cache. Readers will hit storage directly until the cache warms again.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          entityRef: z.string().optional().describe('Omit to purge every site'),
        }),
      output: z =>
        z.object({
          purgedKeys: z.number().int(),
          scope: z.enum(['entity', 'all']),
        }),
      example: { entityRef: 'component:default/checkout-api' },
      run: input => ({
        purgedKeys: input.entityRef ? 41 : 3920,
        scope: input.entityRef ? ('entity' as const) : ('all' as const),
      }),
    }),
    portalAction({
      name: 'delete-docs-site',
      title: 'Delete Docs Site',
      description:
        'Removes all published files of an entity from TechDocs storage. The entity keeps its annotation, so a local builder would rebuild the site on the next visit.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          entityRef: z.string(),
          confirm: z
            .literal(true)
            .describe('Must be true; guards against accidental calls'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          deletedObjects: z.number().int(),
        }),
      example: { entityRef: 'component:default/legacy-cart', confirm: true },
      run: input => ({ entityRef: input.entityRef, deletedObjects: 58 }),
    }),
  ],
};
