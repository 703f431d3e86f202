import { PortalPlugin, portalAction } from '../types';

export const gitlabPlugin: PortalPlugin = {
  pluginId: 'gitlab',
  actions: [
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description:
        'Lists GitLab projects visible to the portal service account, optionally scoped to a group. Results are paginated; pass the returned nextPage to continue.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          group: z
            .string()
            .optional()
            .describe(
              'Full path of a group, such as platform/payments. Subgroups are included.',
            ),
          search: z
            .string()
            .optional()
            .describe('Matches against project name and path'),
          archived: z
            .boolean()
            .default(false)
            .describe('Include archived projects'),
          orderBy: z
            .enum(['last_activity_at', 'name', 'created_at', 'star_count'])
            .default('last_activity_at'),
          page: z.number().int().min(1).default(1),
          perPage: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          projects: z.array(
            z.object({
              id: z.number().int(),
              pathWithNamespace: z.string(),
              defaultBranch: z.string(),
              visibility: z.enum(['private', 'internal', 'public']),
              lastActivityAt: z.string(),
              webUrl: z.string(),
            }),
          ),
          nextPage: z.number().int().optional(),
        }),
      example: {
        group: 'platform/payments',
        search: 'ledger',
        archived: false,
        orderBy: 'last_activity_at',
        page: 1,
        perPage: 20,
      },
      run: input => {
        const group = input.group ?? 'platform';
        const stem = input.search ?? 'service';
        return {
          projects: [
            {
              id: 4812,
              pathWithNamespace: `${group}/${stem}-api`,
              defaultBranch: 'main',
              visibility: 'internal' as const,
              lastActivityAt: '2024-05-14T09:21:44Z',
              webUrl: `https://gitlab.example.com/${group}/${stem}-api`,
            },
            {
              id: 4907,
              pathWithNamespace: `${group}/${stem}-worker`,
              defaultBranch: 'main',
              visibility: 'private' as const,
              lastActivityAt: '2024-05-11T16:02:10Z',
              webUrl: `https://gitlab.example.com/${group}/${stem}-worker`,
            },
          ],
          nextPage: input.page + 1,
        };
      },
    }),
    portalAction({
      name: 'get-project',
      title: 'Get Project',
      description:
        'Fetches a single project by numeric id or by its full path.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          project: z
            .string()
            .min(1)
            .describe('Numeric project id or URL-encoded full path'),
          statistics: z
            .boolean()
            .default(false)
            .describe(
              'Include repository size and commit count; requires Reporter access',
            ),
        }),
      output: z =>
        z.object({
          id: z.number().int(),
          name: z.string(),
          pathWithNamespace: z.string(),
          description: z.string().optional(),
          defaultBranch: z.string(),
          topics: z.array(z.string()),
          namespace: z.object({
            id: z.number().int(),
            fullPath: z.string(),
            kind: z.enum(['group', 'user']),
          }),
          statistics: z
            .object({
              commitCount: z.number().int(),
              repositorySizeBytes: z.number().int(),
            })
            .optional(),
        }),
      example: { project: 'platform/payments/ledger-api', statistics: true },
      run: input => {
        const path = /^\d+$/.test(input.project)
          ? 'platform/payments/ledger-api'
          : input.project;
        const parts = path.split('/');
        return {
          id: 4812,
          name: parts[parts.length - 1],
          pathWithNamespace: path,
          description: 'Double-entry ledger service backing payouts',
          defaultBranch: 'main',
          topics: ['payments', 'go', 'tier-1'],
          namespace: {
            id: 311,
            fullPath: parts.slice(0, -1).join('/') || 'platform',
            kind: 'group' as const,
          },
          statistics: input.statistics
            ? { commitCount: 3184, repositorySizeBytes: 48213504 }
            : undefined,
        };
      },
    }),
    portalAction({
      name: 'search-merge-requests',
      title: 'Search Merge Requests',
      description:
        'Searches merge requests across a project or group using state, author, reviewer and label filters. At most 100 results come back per call.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          scope: z
            .object({
              projectId: z
                .string()
                .optional()
                .describe('Project id or full path'),
              groupPath: z
                .string()
                .optional()
                .describe('Group full path; ignored when projectId is set'),
            })
            .describe(
              'Where to search. Leave both empty to search everything the account can see.',
            ),
          state: z
            .enum(['opened', 'closed', 'merged', 'locked', 'all'])
            .default('opened'),
          authorUsername: z.string().optional(),
          reviewerUsername: z.string().optional(),
          labels: z
            .array(z.string())
            .optional()
            .describe('All listed labels must be present'),
          targetBranch: z.string().optional(),
          draft: z
            .boolean()
            .optional()
            .describe('true for drafts only, false to exclude drafts'),
          updatedAfter: z.string().optional().describe('ISO 8601 timestamp'),
          limit: z.number().int().min(1).max(100).default(25),
        }),
      output: z =>
        z.object({
          total: z.number().int(),
          mergeRequests: z.array(
            z.object({
              iid: z.number().int(),
              projectPath: z.string(),
              title: z.string(),
              author: z.string(),
              state: z.enum(['opened', 'closed', 'merged', 'locked']),
              draft: z.boolean(),
              labels: z.array(z.string()),
              updatedAt: z.string(),
            }),
          ),
        }),
      example: {
        scope: { groupPath: 'platform' },
        state: 'opened',
        reviewerUsername: 'mhansen',
        labels: ['needs-review'],
        draft: false,
        limit: 25,
      },
      run: input => {
        const projectPath =
          input.scope.projectId ??
          `${input.scope.groupPath ?? 'platform'}/catalog-sync`;
        const state = input.state === 'all' ? 'opened' : input.state;
        return {
          total: 2,
          mergeRequests: [
            {
              iid: 218,
              projectPath,
              title: 'Retry entity refresh on 429 from upstream',
              author: input.authorUsername ?? 'jokafor',
              state,
              draft: input.draft ?? false,
              labels: input.labels ?? ['bug'],
              updatedAt: '2024-05-13T14:40:00Z',
            },
            {
              iid: 221,
              projectPath,
              title: 'Bump node base image to 20.12',
              author: input.authorUsername ?? 'renovate-bot',
              state,
              draft: input.draft ?? false,
              labels: input.labels ?? ['dependencies'],
              updatedAt: '2024-05-14T08:05:12Z',
            },
          ],
        };
      },
    }),
    portalAction({
      name: 'get-merge-request',
      title: 'Get Merge Request',
      description:
        'Returns one merge request with its approval state, pipeline status and diff stats. Use this before merging to check that it is mergeable.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string().describe('Project id or full path'),
          iid: z
            .number()
            .int()
            .min(1)
            .describe('Merge request number within the project'),
        }),
      output: z =>
        z.object({
          iid: z.number().int(),
          title: z.string(),
          sourceBranch: z.string(),
          targetBranch: z.string(),
          state: z.enum(['opened', 'closed', 'merged', 'locked']),
          mergeStatus: z.enum([
            'can_be_merged',
            'cannot_be_merged',
            'checking',
            'unchecked',
          ]),
          approvals: z.object({
            required: z.number().int(),
            given: z.array(z.string()),
          }),
          headPipeline: z
            .object({
              id: z.number().int(),
              status: z.enum([
                'running',
                'success',
                'failed',
                'canceled',
                'pending',
              ]),
            })
            .optional(),
          changes: z.object({
            files: z.number().int(),
            additions: z.number().int(),
            deletions: z.number().int(),
          }),
        }),
      example: { projectId: 'platform/catalog-sync', iid: 218 },
      run: input => ({
        iid: input.iid,
        title: 'Retry entity refresh on 429 from upstream',
        sourceBranch: `fix/refresh-retry-${input.iid}`,
        targetBranch: 'main',
        state: 'opened' as const,
        mergeStatus: 'can_be_merged' as const,
        approvals: { required: 2, given: ['mhansen'] },
        headPipeline: { id: 991204, status: 'success' as const },
        changes: { files: 4, additions: 87, deletions: 12 },
      }),
    }),
    portalAction({
      name: 'create-merge-request',
      title: 'Create Merge Request',
      description:
        'Opens a merge request from an existing source branch. The branch must already be pushed; this action does not create commits.',
      input: z =>
        z.object({
          projectId: z.string().describe('Project id or full path'),
          sourceBranch: z.string().min(1),
          targetBranch: z.string().min(1).default('main'),
          title: z.string().min(3).max(255),
          description: z.string().optional().describe('Markdown body'),
          draft: z
            .boolean()
            .default(false)
            .describe(
              'Prefix the title with Draft: so it cannot be merged yet',
            ),
          reviewers: z
            .array(z.string())
            .default([])
            .describe('GitLab usernames'),
          labels: z.array(z.string()).default([]),
          squash: z.boolean().optional(),
          removeSourceBranch: z
            .boolean()
            .default(true)
            .describe('Delete the source branch once merged'),
        }),
      output: z =>
        z.object({
          iid: z.number().int(),
          webUrl: z.string(),
          title: z.string(),
          draft: z.boolean(),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        sourceBranch: 'feat/owner-fallback',
        targetBranch: 'main',
        title: 'Fall back to group owner when CODEOWNERS is missing',
        description: 'Closes #412.',
        draft: false,
        reviewers: ['mhansen', 'tlee'],
        labels: ['enhancement'],
        removeSourceBranch: true,
      },
      run: input => ({
        iid: 224,
        webUrl: `https://gitlab.example.com/${input.projectId}/-/merge_requests/224`,
        title: input.draft ? `Draft: ${input.title}` : input.title,
        draft: input.draft,
      }),
    }),
    portalAction({
      name: 'approve-merge-request',
      title: 'Approve Merge Request',
      description:
        'Adds the calling user’s approval. Approving twice has no further effect, and authors cannot approve their own changes when the project forbids it.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          iid: z.number().int().min(1),
          sha: z
            .string()
            .regex(/^[0-9a-f]{7,40}$/)
            .optional()
            .describe('Only approve if the head commit still matches this SHA'),
        }),
      output: z =>
        z.object({
          approved: z.boolean(),
          approvalsLeft: z.number().int().min(0),
          approvedBy: z.array(z.string()),
        }),
      example: { projectId: 'platform/catalog-sync', iid: 218, sha: 'a3f9c21' },
      run: () => ({
        approved: true,
        approvalsLeft: 0,
        approvedBy: ['mhansen', 'portal-user'],
      }),
    }),
    portalAction({
      name: 'merge-merge-request',
      title: 'Merge Merge Request',
      description:
        'Merges an open merge request, or schedules it to merge when the running pipeline succeeds. Fails if approvals are missing or there are conflicts.',
      input: z =>
        z.object({
          projectId: z.string().describe('Project id or full path'),
          iid: z.number().int().min(1),
          whenPipelineSucceeds: z.boolean().default(false),
          squash: z
            .boolean()
            .optional()
            .describe('Overrides the merge request squash setting'),
          squashCommitMessage: z.string().optional(),
          shouldRemoveSourceBranch: z.boolean().optional(),
        }),
      output: z =>
        z.object({
          state: z.enum(['merged', 'scheduled']),
          mergeCommitSha: z.string().optional(),
          mergedBy: z.string().optional(),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        iid: 218,
        whenPipelineSucceeds: false,
        squash: true,
      },
      run: input =>
        input.whenPipelineSucceeds
          ? { state: 'scheduled' as const }
          : {
              state: 'merged' as const,
              mergeCommitSha: '5be1d0f7c1a94e0b9a3e2f6d8c7b1a0e9f2d4c63',
              mergedBy: 'portal-user',
            },
    }),
    portalAction({
      name: 'comment-on-merge-request',
      title: 'Comment on Merge Request',
      description:
        'Posts a note on a merge request. Supply a file path and line to start a diff discussion instead of a general comment.',
      input: z =>
        z.object({
          projectId: z.string(),
          iid: z.number().int().min(1),
          body: z
            .string()
            .min(1)
            .max(10000)
            .describe('Markdown text of the note'),
          position: z
            .object({
              filePath: z.string(),
              newLine: z.number().int().min(1),
            })
            .optional()
            .describe('Anchor the note to a line of the latest diff'),
        }),
      output: z =>
        z.object({
          noteId: z.number().int(),
          discussionId: z.string(),
          createdAt: z.string(),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        iid: 218,
        body: 'Could we cap the retries at 5 here?',
        position: { filePath: 'src/refresh/client.ts', newLine: 42 },
      },
      run: input => ({
        noteId: 1882043,
        discussionId: input.position ? 'd9c1e6f04b7a2c33' : 'a1f0e8c2b5d94e71',
        createdAt: '2024-05-14T10:00:00Z',
      }),
    }),
    portalAction({
      name: 'list-pipelines',
      title: 'List Pipelines',
      description: 'Lists recent CI/CD pipelines of a project, newest first.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string().describe('Project id or full path'),
          ref: z.string().optional().describe('Branch or tag name'),
          status: z
            .enum([
              'created',
              'pending',
              'running',
              'success',
              'failed',
              'canceled',
              'skipped',
              'manual',
            ])
            .optional(),
          source: z
            .enum([
              'push',
              'merge_request_event',
              'schedule',
              'web',
              'api',
              'trigger',
            ])
            .optional(),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          pipelines: z.array(
            z.object({
              id: z.number().int(),
              ref: z.string(),
              sha: z.string(),
              status: z.string(),
              source: z.string(),
              createdAt: z.string(),
              durationSeconds: z.number().int().optional(),
            }),
          ),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        ref: 'main',
        status: 'failed',
        limit: 10,
      },
      run: input => ({
        pipelines: [
          {
            id: 991188,
            ref: input.ref ?? 'main',
            sha: '9e0c4b7d',
            status: input.status ?? 'success',
            source: input.source ?? 'push',
            createdAt: '2024-05-14T07:12:00Z',
            durationSeconds: 612,
          },
          {
            id: 991021,
            ref: input.ref ?? 'main',
            sha: '1d4f7a02',
            status: input.status ?? 'success',
            source: input.source ?? 'schedule',
            createdAt: '2024-05-13T23:00:00Z',
            durationSeconds: 540,
          },
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'list-pipeline-jobs',
      title: 'List Pipeline Jobs',
      description:
        'Shows the jobs of one pipeline grouped by stage, including which ones failed and whether failures were allowed.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          pipelineId: z.number().int().min(1),
          scope: z
            .array(
              z.enum([
                'created',
                'pending',
                'running',
                'failed',
                'success',
                'canceled',
                'skipped',
                'manual',
              ]),
            )
            .optional()
            .describe('Only return jobs in these states'),
          includeRetried: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          pipelineId: z.number().int(),
          stages: z.array(
            z.object({
              name: z.string(),
              jobs: z.array(
                z.object({
                  id: z.number().int(),
                  name: z.string(),
                  status: z.string(),
                  allowFailure: z.boolean(),
                  runner: z.string().optional(),
                }),
              ),
            }),
          ),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        pipelineId: 991188,
        scope: ['failed'],
        includeRetried: false,
      },
      run: input => {
        const status = input.scope?.[0] ?? 'success';
        return {
          pipelineId: input.pipelineId,
          stages: [
            {
              name: 'test',
              jobs: [
                {
                  id: 7731201,
                  name: 'unit',
                  status,
                  allowFailure: false,
                  runner: 'k8s-runner-3',
                },
                {
                  id: 7731202,
                  name: 'lint',
                  status,
                  allowFailure: true,
                  runner: 'k8s-runner-1',
                },
              ],
            },
          ],
        };
      },
    }),
    portalAction({
      name: 'get-job-log',
      title: 'Get Job Log',
      description:
        'Returns the tail of a CI job trace with ANSI colour codes stripped. Logs larger than maxLines are truncated from the top.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          jobId: z.number().int().min(1),
          maxLines: z.number().int().min(10).max(5000).default(200),
        }),
      output: z =>
        z.object({
          jobId: z.number().int(),
          truncated: z.boolean(),
          lines: z.array(z.string()),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        jobId: 7731201,
        maxLines: 200,
      },
      run: input => ({
        jobId: input.jobId,
        truncated: false,
        lines: [
          '$ yarn test --ci',
          'FAIL src/refresh/client.test.ts',
          '  ● retries on 429 › gives up after five attempts',
          'Tests: 1 failed, 212 passed, 213 total',
          'ERROR: Job failed: exit code 1',
        ],
      }),
    }),
    portalAction({
      name: 'trigger-pipeline',
      title: 'Trigger Pipeline',
      description:
        'Starts a new pipeline on a branch or tag, optionally with extra CI/CD variables.',
      input: z =>
        z.object({
          projectId: z.string().describe('Project id or full path'),
          ref: z.string().min(1).describe('Branch or tag to run on'),
          variables: z
            .array(
              z.object({
                key: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
                value: z.string(),
                variableType: z.enum(['env_var', 'file']).default('env_var'),
              }),
            )
            .default([]),
        }),
      output: z =>
        z.object({
          id: z.number().int(),
          status: z.literal('created'),
          webUrl: z.string(),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        ref: 'release/2024.05',
        variables: [
          { key: 'DEPLOY_TARGET', value: 'staging', variableType: 'env_var' },
        ],
      },
      run: input => ({
        id: 991240,
        status: 'created' as const,
        webUrl: `https://gitlab.example.com/${input.projectId}/-/pipelines/991240`,
      }),
    }),
    portalAction({
      name: 'rerun-failed-jobs',
      title: 'Rerun Failed Jobs',
      description:
        'Retries every failed or canceled job of a pipeline in place. Jobs that passed are left alone.',
      input: z =>
        z.object({
          projectId: z.string(),
          pipelineId: z.number().int().min(1),
        }),
      output: z =>
        z.object({
          pipelineId: z.number().int(),
          status: z.enum(['pending', 'running']),
          retriedJobs: z.number().int(),
        }),
      example: { projectId: 'platform/catalog-sync', pipelineId: 991188 },
      run: input => ({
        pipelineId: input.pipelineId,
        status: 'pending' as const,
        retriedJobs: 2,
      }),
    }),
    portalAction({
      name: 'cancel-pipeline',
      title: 'Cancel Pipeline',
      description:
        'Cancels all running and pending jobs of a pipeline. Deployments already in progress may be left half-applied, so check the environment afterwards.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          pipelineId: z.number().int().min(1),
        }),
      output: z =>
        z.object({
          pipelineId: z.number().int(),
          status: z.literal('canceled'),
          canceledJobs: z.number().int(),
        }),
      example: { projectId: 'platform/catalog-sync', pipelineId: 991240 },
      run: input => ({
        pipelineId: input.pipelineId,
        status: 'canceled' as const,
        canceledJobs: 5,
      }),
    }),
    portalAction({
      name: 'list-branches',
      title: 'List Branches',
      description:
        'Lists repository branches with their latest commit and protection flags.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          search: z
            .string()
            .optional()
            .describe('Prefix with ^ or suffix with $ to anchor the match'),
          limit: z.number().int().min(1).max(100).default(30),
        }),
      output: z =>
        z.object({
          branches: z.array(
            z.object({
              name: z.string(),
              protected: z.boolean(),
              default: z.boolean(),
              merged: z.boolean(),
              commit: z.object({
                shortId: z.string(),
                title: z.string(),
                authoredAt: z.string(),
              }),
            }),
          ),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        search: '^release/',
        limit: 30,
      },
      run: () => ({
        branches: [
          {
            name: 'main',
            protected: true,
            default: true,
            merged: false,
            commit: {
              shortId: '9e0c4b7d',
              title: 'Merge branch fix/refresh-retry',
              authoredAt: '2024-05-14T07:10:00Z',
            },
          },
          {
            name: 'release/2024.05',
            protected: true,
            default: false,
            merged: false,
            commit: {
              shortId: '3ab12e90',
              title: 'Prepare 2024.05 release',
              authoredAt: '2024-05-10T12:30:00Z',
            },
          },
        ],
      }),
    }),
    portalAction({
      name: 'create-branch',
      title: 'Create Branch',
      description:
        'Creates a branch from an existing branch, tag or commit SHA.',
      input: z =>
        z.object({
          projectId: z.string(),
          branch: z
            .string()
            .min(1)
            .regex(/^[^\s~^:?*[\\]+$/)
            .describe('Name of the new branch'),
          ref: z.string().default('main').describe('Where to branch from'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          commitSha: z.string(),
          webUrl: z.string(),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        branch: 'hotfix/owner-null-check',
        ref: 'release/2024.05',
      },
      run: input => ({
        name: input.branch,
        commitSha: '3ab12e90c4d1f8e2a7b6905d1c3e4f5a6b7c8d9e',
        webUrl: `https://gitlab.example.com/${input.projectId}/-/tree/${input.branch}`,
      }),
    }),
    portalAction({
      name: 'delete-branch',
      title: 'Delete Branch',
      description:
        'Deletes a branch from the repository. Protected and default branches are refused; unmerged commits on the branch are lost unless referenced elsewhere.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          branch: z.string().min(1),
        }),
      output: z =>
        z.object({
          deleted: z.boolean(),
          branch: z.string(),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        branch: 'feat/owner-fallback',
      },
      run: input => ({ deleted: true, branch: input.branch }),
    }),
    portalAction({
      name: 'compare-refs',
      title: 'Compare Refs',
      description:
        'Compares two branches, tags or commits and lists the commits and changed files between them. Diffs of individual files are omitted when they exceed 100 KB.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          from: z.string().describe('Base ref'),
          to: z.string().describe('Head ref'),
          straight: z
            .boolean()
            .default(false)
            .describe(
              'Compare from..to directly instead of from the merge base',
            ),
          includeDiffs: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          commits: z.array(
            z.object({
              shortId: z.string(),
              title: z.string(),
              authorName: z.string(),
            }),
          ),
          files: z.array(
            z.object({
              path: z.string(),
              change: z.enum(['added', 'modified', 'deleted', 'renamed']),
              diff: z.string().optional(),
            }),
          ),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        from: 'v1.14.0',
        to: 'main',
        straight: false,
        includeDiffs: false,
      },
      run: input => ({
        commits: [
          {
            shortId: '9e0c4b7d',
            title: 'Retry entity refresh on 429',
            authorName: 'Joy Okafor',
          },
          {
            shortId: '77c0a1e3',
            title: 'Add owner fallback',
            authorName: 'Tom Lee',
          },
        ],
        files: [
          {
            path: 'src/refresh/client.ts',
            change: 'modified' as const,
            diff: input.includeDiffs
              ? '@@ -40,3 +40,6 @@\n+  if (res.status === 429) {'
              : undefined,
          },
          { path: 'src/owners/fallback.ts', change: 'added' as const },
        ],
      }),
    }),
    portalAction({
      name: 'list-project-members',
      title: 'List Project Members',
      description:
        'Lists people with access to a project and their access level. Inherited group members are included unless directOnly is set.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          directOnly: z.boolean().default(false),
          minAccessLevel: z
            .enum(['guest', 'reporter', 'developer', 'maintainer', 'owner'])
            .optional()
            .describe('Hide members below this role'),
        }),
      output: z =>
        z.object({
          members: z.array(
            z.object({
              username: z.string(),
              name: z.string(),
              accessLevel: z.enum([
                'guest',
                'reporter',
                'developer',
                'maintainer',
                'owner',
              ]),
              inherited: z.boolean(),
              expiresAt: z.string().optional(),
            }),
          ),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        directOnly: false,
        minAccessLevel: 'maintainer',
      },
      run: input => ({
        members: [
          {
            username: 'mhansen',
            name: 'Maja Hansen',
            accessLevel: 'maintainer' as const,
            inherited: true,
          },
          {
            username: 'tlee',
            name: 'Tom Lee',
            accessLevel:
              input.minAccessLevel === 'owner'
                ? ('owner' as const)
                : ('maintainer' as const),
            inherited: false,
            expiresAt: '2024-12-31',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-file-contents',
      title: 'Get File Contents',
      description:
        'Reads one file from the repository at a given ref and returns it as UTF-8 text.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          filePath: z
            .string()
            .min(1)
            .describe('Path relative to the repository root'),
          ref: z.string().default('HEAD'),
        }),
      output: z =>
        z.object({
          filePath: z.string(),
          ref: z.string(),
          blobId: z.string(),
          sizeBytes: z.number().int(),
          content: z.string(),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        filePath: 'catalog-info.yaml',
        ref: 'main',
      },
      run: input => {
        const content =
          'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: catalog-sync\nspec:\n  type: service\n  owner: team-platform\n';
        return {
          filePath: input.filePath,
          ref: input.ref,
          blobId: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
          sizeBytes: content.length,
          content,
        };
      },
    }),
    portalAction({
      name: 'list-environments',
      title: 'List Environments',
      description:
        'Lists deployment environments of a project with the last deployment to each. Stopped environments are hidden by default.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectId: z.string(),
          states: z
            .array(z.enum(['available', 'stopping', 'stopped']))
            .default(['available']),
          tier: z
            .enum(['production', 'staging', 'testing', 'development', 'other'])
            .optional(),
        }),
      output: z =>
        z.object({
          environments: z.array(
            z.object({
              name: z.string(),
              tier: z.string(),
              state: z.string(),
              externalUrl: z.string().optional(),
              lastDeployment: z
                .object({
                  id: z.number().int(),
                  ref: z.string(),
                  status: z.enum(['success', 'failed', 'running', 'canceled']),
                  finishedAt: z.string().optional(),
                  user: z.string(),
                })
                .optional(),
            }),
          ),
        }),
      example: {
        projectId: 'platform/catalog-sync',
        states: ['available'],
        tier: 'production',
      },
      run: input => ({
        environments: [
          {
            name: 'production/eu-west-1',
            tier: input.tier ?? 'production',
            state: input.states[0] ?? 'available',
            externalUrl: 'https://catalog-sync.example.com',
            lastDeployment: {
              id: 30512,
              ref: 'v1.15.2',
              status: 'success' as const,
              finishedAt: '2024-05-13T15:20:00Z',
              user: 'mhansen',
            },
          },
        ],
      }),
    }),
  ],
};
