import { PortalPlugin, portalAction } from '../types';

export const githubPlugin: PortalPlugin = {
  pluginId: 'github',
  actions: [
    portalAction({
      name: 'list-repositories',
      title: 'List Repositories',
      description:
        'Lists repositories of a GitHub organization that the portal integration can see. Archived repositories are skipped unless asked for.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          org: z.string().min(1).describe('Organization login'),
          visibility: z
            .enum(['all', 'public', 'private', 'internal'])
            .default('all'),
          includeArchived: z.boolean().default(false),
          topic: z
            .string()
            .optional()
            .describe('Only repositories with this topic'),
          perPage: z.number().int().min(1).max(100).default(30),
          page: z.number().int().min(1).default(1),
        }),
      output: z =>
        z.object({
          repositories: z.array(
            z.object({
              fullName: z.string(),
              defaultBranch: z.string(),
              visibility: z.enum(['public', 'private', 'internal']),
              archived: z.boolean(),
              language: z.string().optional(),
              pushedAt: z.string(),
            }),
          ),
          nextPage: z.number().int().optional(),
        }),
      example: {
        org: 'acme',
        visibility: 'internal',
        includeArchived: false,
        topic: 'payments',
        perPage: 2,
        page: 1,
      },
      run: input => ({
        repositories: [
          {
            fullName: `${input.org}/checkout-api`,
            defaultBranch: 'main',
            visibility: 'internal' as const,
            archived: false,
            language: 'Kotlin',
            pushedAt: '2024-11-14T08:51:12Z',
          },
          {
            fullName: `${input.org}/payment-gateway`,
            defaultBranch: 'main',
            visibility: 'internal' as const,
            archived: false,
            language: 'Go',
            pushedAt: '2024-11-13T17:03:40Z',
          },
        ].slice(0, input.perPage),
        nextPage: input.page + 1,
      }),
    }),
    portalAction({
      name: 'get-repository',
      title: 'Get Repository',
      description: 'Fetches metadata for one repository.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
        }),
      output: z =>
        z.object({
          fullName: z.string(),
          description: z.string().optional(),
          defaultBranch: z.string(),
          topics: z.array(z.string()),
          openIssues: z.number().int(),
          stars: z.number().int(),
          license: z.string().optional(),
        }),
      example: { owner: 'acme', repo: 'checkout-api' },
      run: input => ({
        fullName: `${input.owner}/${input.repo}`,
        description: 'Checkout and order placement API',
        defaultBranch: 'main',
        topics: ['payments', 'backstage-component'],
        openIssues: 14,
        stars: 9,
      }),
    }),
    portalAction({
      name: 'list-pull-requests',
      title: 'List Pull Requests',
      description:
        'Lists pull requests of a repository. Filter by state, base branch or author; results come sorted by last update.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          state: z.enum(['open', 'closed', 'all']).default('open'),
          base: z.string().optional().describe('Base branch name'),
          author: z.string().optional().describe('GitHub login'),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          pullRequests: z.array(
            z.object({
              number: z.number().int(),
              title: z.string(),
              author: z.string(),
              draft: z.boolean(),
              state: z.enum(['open', 'closed', 'merged']),
              updatedAt: z.string(),
              labels: z.array(z.string()),
            }),
          ),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        state: 'open',
        limit: 20,
      },
      run: input => ({
        pullRequests: [
          {
            number: 1432,
            title: 'Retry payment authorisation on 502',
            author: input.author ?? 'mlopez',
            draft: false,
            state: 'open' as const,
            updatedAt: '2024-11-14T07:40:02Z',
            labels: ['bug', 'payments'],
          },
          {
            number: 1429,
            title: 'Bump spring-boot to 3.3.5',
            author: input.author ?? 'renovate[bot]',
            draft: false,
            state: 'open' as const,
            updatedAt: '2024-11-13T22:10:55Z',
            labels: ['dependencies'],
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'get-pull-request',
      title: 'Get Pull Request',
      description:
        'Returns one pull request with its review state, mergeability and the status of required checks.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          number: z.number().int().min(1),
        }),
      output: z =>
        z.object({
          number: z.number().int(),
          title: z.string(),
          body: z.string().optional(),
          head: z.object({ ref: z.string(), sha: z.string() }),
          base: z.object({ ref: z.string() }),
          mergeable: z.enum(['mergeable', 'conflicting', 'unknown']),
          reviews: z.array(
            z.object({
              reviewer: z.string(),
              state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED']),
            }),
          ),
          checks: z.object({
            total: z.number().int(),
            passed: z.number().int(),
            failed: z.number().int(),
            pending: z.number().int(),
          }),
          changedFiles: z.number().int(),
        }),
      example: { owner: 'acme', repo: 'checkout-api', number: 1432 },
      run: input => ({
        number: input.number,
        title: 'Retry payment authorisation on 502',
        body: 'Adds a bounded retry with jitter around the gateway call.',
        head: { ref: 'fix/gateway-retry', sha: 'a41f9c0d2e7b3c18' },
        base: { ref: 'main' },
        mergeable: 'mergeable' as const,
        reviews: [{ reviewer: 'jchen', state: 'APPROVED' as const }],
        checks: { total: 6, passed: 5, failed: 0, pending: 1 },
        changedFiles: 4,
      }),
    }),
    portalAction({
      name: 'search-code',
      title: 'Search Code',
      description:
        'Runs a GitHub code search limited to one organization. GitHub only indexes default branches and files under 384 KB, and the search API allows about 10 requests a minute.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          org: z.string(),
          query: z
            .string()
            .min(2)
            .describe('Search terms, GitHub syntax allowed'),
          language: z.string().optional(),
          path: z.string().optional().describe('Path qualifier, e.g. src/main'),
          limit: z.number().int().min(1).max(50).default(10),
        }),
      output: z =>
        z.object({
          totalCount: z.number().int(),
          items: z.array(
            z.object({
              repository: z.string(),
              path: z.string(),
              url: z.string(),
              fragments: z.array(z.string()),
            }),
          ),
        }),
      example: {
        org: 'acme',
        query: 'PaymentGatewayClient',
        language: 'kotlin',
        limit: 5,
      },
      run: input => ({
        totalCount: 2,
        items: [
          {
            repository: `${input.org}/checkout-api`,
            path: 'src/main/kotlin/com/acme/checkout/gateway/PaymentGatewayClient.kt',
            url: `https://github.com/${input.org}/checkout-api/blob/main/src/main/kotlin/com/acme/checkout/gateway/PaymentGatewayClient.kt`,
            fragments: [`class ${input.query}(private val http: WebClient)`],
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-workflow-runs',
      title: 'List Workflow Runs',
      description: 'Lists recent GitHub Actions runs for a repository.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          workflow: z
            .string()
            .optional()
            .describe('Workflow file name such as ci.yml, or its numeric id'),
          branch: z.string().optional(),
          status: z
            .enum(['queued', 'in_progress', 'completed', 'failure', 'success'])
            .optional(),
          perPage: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          runs: z.array(
            z.object({
              id: z.number().int(),
              name: z.string(),
              branch: z.string(),
              event: z.string(),
              status: z.enum(['queued', 'in_progress', 'completed']),
              conclusion: z
                .enum([
                  'success',
                  'failure',
                  'cancelled',
                  'skipped',
                  'timed_out',
                ])
                .optional(),
              createdAt: z.string(),
            }),
          ),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        workflow: 'ci.yml',
        branch: 'main',
        perPage: 20,
      },
      run: input => ({
        runs: [
          {
            id: 11834009121,
            name: 'CI',
            branch: input.branch ?? 'main',
            event: 'push',
            status: 'completed' as const,
            conclusion: 'failure' as const,
            createdAt: '2024-11-14T08:52:01Z',
          },
          {
            id: 11833120455,
            name: 'CI',
            branch: input.branch ?? 'main',
            event: 'push',
            status: 'in_progress' as const,
            createdAt: '2024-11-14T09:03:17Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-workflow-run',
      title: 'Get Workflow Run',
      description:
        'Gets a single workflow run together with its jobs and the step that failed, if any.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          runId: z.number().int().describe('Workflow run id'),
        }),
      output: z =>
        z.object({
          id: z.number().int(),
          attempt: z.number().int(),
          headSha: z.string(),
          conclusion: z.string().optional(),
          jobs: z.array(
            z.object({
              name: z.string(),
              conclusion: z.string().optional(),
              failedStep: z.string().optional(),
              durationSeconds: z.number().int(),
            }),
          ),
        }),
      example: { owner: 'acme', repo: 'checkout-api', runId: 11834009121 },
      run: input => ({
        id: input.runId,
        attempt: 1,
        headSha: 'a41f9c0d2e7b3c18',
        conclusion: 'failure',
        jobs: [
          { name: 'lint', conclusion: 'success', durationSeconds: 48 },
          {
            name: 'test (17)',
            conclusion: 'failure',
            failedStep: 'Run ./gradlew test',
            durationSeconds: 512,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-job-logs',
      title: 'Get Job Logs',
      description:
        'Downloads the log of one workflow job and returns its last lines. Logs expire after the retention period set for the repository.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          jobId: z.number().int(),
          tailLines: z.number().int().min(10).max(5000).default(300),
        }),
      output: z =>
        z.object({
          jobId: z.number().int(),
          lines: z.array(z.string()),
          expired: z.boolean(),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        jobId: 33018477512,
        tailLines: 50,
      },
      run: input => ({
        jobId: input.jobId,
        lines: [
          'CheckoutServiceTest > retriesOn502() FAILED',
          '    org.opentest4j.AssertionFailedError: expected: <3> but was: <1>',
          'BUILD FAILED in 8m 21s',
        ],
        expired: false,
      }),
    }),
    portalAction({
      name: 'list-issues',
      title: 'List Issues',
      description:
        'Lists issues of a repository, excluding pull requests. Supports label, assignee and state filters and cursor pagination.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          filter: z
            .object({
              state: z.enum(['open', 'closed', 'all']).default('open'),
              labels: z.array(z.string()).optional(),
              assignee: z.string().optional(),
              since: z
                .string()
                .regex(/^\d{4}-\d{2}-\d{2}/)
                .optional()
                .describe('ISO 8601 timestamp; only issues updated after it'),
            })
            .default({}),
          sort: z.enum(['created', 'updated', 'comments']).default('updated'),
          cursor: z.string().optional(),
        }),
      output: z =>
        z.object({
          issues: z.array(
            z.object({
              number: z.number().int(),
              title: z.string(),
              state: z.enum(['open', 'closed']),
              labels: z.array(z.string()),
              assignees: z.array(z.string()),
              comments: z.number().int(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        filter: { state: 'open', labels: ['bug'] },
        sort: 'comments',
      },
      run: input => ({
        issues: [
          {
            number: 1398,
            title: 'Duplicate order when user double-clicks Pay',
            state: 'open' as const,
            labels: input.filter.labels ?? [],
            assignees: ['jchen'],
            comments: 11,
          },
        ],
      }),
    }),
    portalAction({
      name: 'compare-commits',
      title: 'Compare Commits',
      description:
        'Compares two refs and lists the commits and changed files between them. Handy for writing release notes.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          base: z.string().describe('Base ref: branch, tag or SHA'),
          head: z.string().describe('Head ref: branch, tag or SHA'),
        }),
      output: z =>
        z.object({
          status: z.enum(['ahead', 'behind', 'diverged', 'identical']),
          aheadBy: z.number().int(),
          behindBy: z.number().int(),
          commits: z.array(
            z.object({
              sha: z.string(),
              message: z.string(),
              author: z.string(),
            }),
          ),
          files: z.array(
            z.object({
              filename: z.string(),
              status: z.enum(['added', 'modified', 'removed', 'renamed']),
              additions: z.number().int(),
              deletions: z.number().int(),
            }),
          ),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        base: 'v2024.11.2',
        head: 'v2024.11.3',
      },
      run: () => ({
        status: 'ahead' as const,
        aheadBy: 2,
        behindBy: 0,
        commits: [
          {
            sha: 'c0d8e61f',
            message: 'Add idempotency key to order creation',
            author: 'jchen',
          },
          {
            sha: 'a41f9c0d',
            message: 'Retry gateway on 502',
            author: 'mlopez',
          },
        ],
        files: [
          {
            filename: 'src/main/kotlin/com/acme/checkout/OrderController.kt',
            status: 'modified' as const,
            additions: 31,
            deletions: 4,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-releases',
      title: 'List Releases',
      description:
        'Lists published releases, newest first. Drafts are only visible to repository writers.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          includePrereleases: z.boolean().default(true),
          limit: z.number().int().min(1).max(100).default(10),
        }),
      output: z =>
        z.object({
          releases: z.array(
            z.object({
              tag: z.string(),
              name: z.string(),
              prerelease: z.boolean(),
              publishedAt: z.string(),
              assets: z.number().int(),
            }),
          ),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        includePrereleases: false,
        limit: 10,
      },
      run: () => ({
        releases: [
          {
            tag: 'v2024.11.3',
            name: '2024.11.3',
            prerelease: false,
            publishedAt: '2024-11-13T16:11:00Z',
            assets: 0,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-file-contents',
      title: 'Get File Contents',
      description:
        'Reads a text file from a repository at a given ref. Files over 1 MB are refused.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          path: z.string().min(1).describe('Path from the repository root'),
          ref: z.string().optional().describe('Defaults to the default branch'),
        }),
      output: z =>
        z.object({
          path: z.string(),
          sha: z.string(),
          size: z.number().int(),
          content: z.string(),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        path: 'catalog-info.yaml',
      },
      run: input => {
        const content =
          'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout-api\nspec:\n  type: service\n  owner: team-payments\n';
        return {
          path: input.path,
          sha: '3b18e512dbf2',
          size: content.length,
          content,
        };
      },
    }),
    portalAction({
      name: 'create-issue',
      title: 'Create Issue',
      description: 'Opens a new issue in a repository.',
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          title: z.string().min(3).max(256),
          body: z.string().optional().describe('Markdown body'),
          labels: z.array(z.string()).default([]),
          assignees: z.array(z.string()).max(10).default([]),
          milestone: z.number().int().optional(),
        }),
      output: z =>
        z.object({
          number: z.number().int(),
          url: z.string(),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        title: 'Gateway timeouts spike during EU evening peak',
        body: 'Seen in Grafana between 19:00 and 21:00 CET for three days.',
        labels: ['bug', 'incident-follow-up'],
        assignees: ['mlopez'],
      },
      run: input => ({
        number: 1441,
        url: `https://github.com/${input.owner}/${input.repo}/issues/1441`,
      }),
    }),
    portalAction({
      name: 'create-pull-request',
      title: 'Create Pull Request',
      description:
        'Opens a pull request from an existing branch. The branch must already be pushed; this action does not commit anything.',
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          head: z.string().describe('Branch with the changes'),
          base: z.string().default('main'),
          title: z.string().min(1),
          body: z.string().optional(),
          draft: z.boolean().default(false),
          reviewers: z.array(z.string()).optional(),
        }),
      output: z =>
        z.object({
          number: z.number().int(),
          url: z.string(),
          draft: z.boolean(),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        head: 'chore/update-catalog-info',
        base: 'main',
        title: 'Add PagerDuty annotation to catalog-info',
        draft: true,
        reviewers: ['jchen'],
      },
      run: input => ({
        number: 1442,
        url: `https://github.com/${input.owner}/${input.repo}/pull/1442`,
        draft: input.draft,
      }),
    }),
    portalAction({
      name: 'approve-pull-request',
      title: 'Approve Pull Request',
      description:
        'Submits an approving review as the calling user. You cannot approve your own pull request.',
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          number: z.number().int().min(1),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          reviewId: z.number().int(),
          state: z.literal('APPROVED'),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        number: 1432,
        comment: 'LGTM, nice test coverage.',
      },
      run: () => ({ reviewId: 2431877120, state: 'APPROVED' as const }),
    }),
    portalAction({
      name: 'merge-pull-request',
      title: 'Merge Pull Request',
      description:
        'Merges a pull request with the chosen method. Fails if required checks or reviews are missing, or if the head moved since expectedHeadSha.',
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          number: z.number().int().min(1),
          method: z.enum(['merge', 'squash', 'rebase']).default('squash'),
          commitTitle: z.string().optional(),
          expectedHeadSha: z
            .string()
            .regex(/^[0-9a-f]{7,40}$/)
            .optional()
            .describe('Refuse to merge if the head is not this SHA'),
          deleteBranch: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          merged: z.boolean(),
          sha: z.string(),
          branchDeleted: z.boolean(),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        number: 1432,
        method: 'squash',
        expectedHeadSha: 'a41f9c0d2e7b3c18',
        deleteBranch: true,
      },
      run: input => ({
        merged: true,
        sha: 'f7e3a90c41d2b6e8',
        branchDeleted: input.deleteBranch,
      }),
    }),
    portalAction({
      name: 'rerun-workflow',
      title: 'Rerun Workflow',
      description:
        'Re-runs a completed workflow run, either entirely or only its failed jobs.',
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          runId: z.number().int(),
          onlyFailedJobs: z.boolean().default(true),
          enableDebugLogging: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          runId: z.number().int(),
          attempt: z.number().int(),
          status: z.literal('queued'),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        runId: 11834009121,
        onlyFailedJobs: true,
        enableDebugLogging: false,
      },
      run: input => ({
        runId: input.runId,
        attempt: 2,
        status: 'queued' as const,
      }),
    }),
    portalAction({
      name: 'trigger-workflow-dispatch',
      title: 'Trigger Workflow Dispatch',
      description:
        'Fires a workflow_dispatch event for a workflow that declares it. GitHub does not return the id of the run it starts, so look for it with list-workflow-runs.',
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          workflow: z.string().describe('File name, e.g. deploy.yml'),
          ref: z.string().default('main'),
          inputs: z
            .record(z.string())
            .default({})
            .describe('Workflow inputs; GitHub allows at most 10'),
        }),
      output: z =>
        z.object({
          dispatched: z.boolean(),
          workflow: z.string(),
          ref: z.string(),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        workflow: 'deploy.yml',
        ref: 'v2024.11.3',
        inputs: { environment: 'production', canary: 'true' },
      },
      run: input => ({
        dispatched: true,
        workflow: input.workflow,
        ref: input.ref,
      }),
    }),
    portalAction({
      name: 'update-branch-protection',
      title: 'Update Branch Protection',
      description:
        'Replaces the protection rules of a branch with the given settings. Requires admin rights on the repository.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          branch: z.string(),
          requiredStatusChecks: z
            .object({
              strict: z.boolean().describe('Branch must be up to date'),
              contexts: z.array(z.string()),
            })
            .optional(),
          requiredReviews: z
            .object({
              approvingReviewCount: z.number().int().min(0).max(6),
              requireCodeOwnerReviews: z.boolean().default(false),
              dismissStaleReviews: z.boolean().default(true),
            })
            .optional(),
          enforceAdmins: z.boolean().default(false),
          allowForcePushes: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          branch: z.string(),
          protected: z.boolean(),
          requiredChecks: z.array(z.string()),
          approvingReviewCount: z.number().int(),
        }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        branch: 'main',
        requiredStatusChecks: { strict: true, contexts: ['lint', 'test (17)'] },
        requiredReviews: {
          approvingReviewCount: 1,
          requireCodeOwnerReviews: true,
          dismissStaleReviews: true,
        },
        enforceAdmins: false,
        allowForcePushes: false,
      },
      run: input => ({
        branch: input.branch,
        protected: true,
        requiredChecks: input.requiredStatusChecks?.contexts ?? [],
        approvingReviewCount: input.requiredReviews?.approvingReviewCount ?? 0,
      }),
    }),
    portalAction({
      name: 'delete-branch',
      title: 'Delete Branch',
      description:
        'Deletes a branch. Protected branches and the default branch cannot be deleted.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          owner: z.string(),
          repo: z.string(),
          branch: z.string().min(1),
        }),
      output: z => z.object({ branch: z.string(), deleted: z.boolean() }),
      example: {
        owner: 'acme',
        repo: 'checkout-api',
        branch: 'fix/gateway-retry',
      },
      run: input => ({ branch: input.branch, deleted: true }),
    }),
  ],
};
