import { PortalPlugin, portalAction } from '../types';

export const azureDevopsPlugin: PortalPlugin = {
  pluginId: 'azure-devops',
  actions: [
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description:
        'Lists the projects of an Azure DevOps organization that the integration can see.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z
            .string()
            .min(1)
            .describe('Organization name as in dev.azure.com/<organization>'),
          stateFilter: z
            .enum(['wellFormed', 'createPending', 'deleting', 'all'])
            .default('wellFormed'),
        }),
      output: z =>
        z.object({
          projects: z.array(
            z.object({
              id: z.string().uuid(),
              name: z.string(),
              visibility: z.enum(['private', 'public']),
              lastUpdateTime: z.string(),
            }),
          ),
        }),
      example: { organization: 'contoso', stateFilter: 'wellFormed' },
      run: () => ({
        projects: [
          {
            id: '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c',
            name: 'Retail Platform',
            visibility: 'private' as const,
            lastUpdateTime: '2024-05-27T12:11:40Z',
          },
          {
            id: '9f1a2c33-7d4e-4b0a-8e21-5a6b7c8d9e0f',
            name: 'Mobile',
            visibility: 'private' as const,
            lastUpdateTime: '2024-04-02T08:00:05Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-repositories',
      title: 'List Repositories',
      description:
        'Lists Git repositories in a project, including default branch and size.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          includeHidden: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          repositories: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              defaultBranch: z.string().optional(),
              sizeBytes: z.number().int(),
              isDisabled: z.boolean(),
              webUrl: z.string().url(),
            }),
          ),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        includeHidden: false,
      },
      run: input => ({
        repositories: ['storefront-web', 'order-service'].map((name, i) => ({
          id: `5febef5a-833d-4e14-b9c0-14cb638f91e${i}`,
          name,
          defaultBranch: 'refs/heads/main',
          sizeBytes: 48213504 + i * 1000000,
          isDisabled: false,
          webUrl: `https://dev.azure.com/${input.organization}/${encodeURIComponent(input.project)}/_git/${name}`,
        })),
      }),
    }),
    portalAction({
      name: 'list-pull-requests',
      title: 'List Pull Requests',
      description:
        'Searches pull requests in a repository. Use top and skip to page through results; the API returns at most 100 per call.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          repository: z.string().describe('Repository name or ID'),
          status: z
            .enum(['active', 'completed', 'abandoned', 'all'])
            .default('active'),
          creator: z
            .string()
            .optional()
            .describe('Creator email or descriptor'),
          reviewer: z.string().optional(),
          targetRefName: z
            .string()
            .startsWith('refs/heads/')
            .optional()
            .describe('e.g. refs/heads/main'),
          top: z.number().int().min(1).max(100).default(25),
          skip: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          pullRequests: z.array(
            z.object({
              pullRequestId: z.number().int(),
              title: z.string(),
              status: z.enum(['active', 'completed', 'abandoned']),
              createdBy: z.string(),
              sourceRefName: z.string(),
              targetRefName: z.string(),
              isDraft: z.boolean(),
              mergeStatus: z
                .enum([
                  'notSet',
                  'queued',
                  'conflicts',
                  'succeeded',
                  'rejectedByPolicy',
                  'failure',
                ])
                .optional(),
            }),
          ),
          count: z.number().int(),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        repository: 'order-service',
        status: 'active',
        targetRefName: 'refs/heads/main',
        top: 10,
        skip: 0,
      },
      run: input => {
        const pullRequests = [
          {
            pullRequestId: 4812,
            title: 'Add idempotency keys to order submission',
            status: 'active' as const,
            createdBy: 'mara.lindqvist@contoso.com',
            sourceRefName: 'refs/heads/feature/idempotency-keys',
            targetRefName: input.targetRefName ?? 'refs/heads/main',
            isDraft: false,
            mergeStatus: 'succeeded' as const,
          },
        ];
        return { pullRequests, count: pullRequests.length };
      },
    }),
    portalAction({
      name: 'get-pull-request',
      title: 'Get Pull Request',
      description:
        'Returns one pull request with reviewers and their votes, linked work items and the status of required policies.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          repository: z.string(),
          pullRequestId: z.number().int().positive(),
        }),
      output: z =>
        z.object({
          pullRequestId: z.number().int(),
          title: z.string(),
          description: z.string().optional(),
          reviewers: z.array(
            z.object({
              displayName: z.string(),
              vote: z
                .number()
                .int()
                .describe(
                  '10 approved, 5 approved with suggestions, 0 none, -5 waiting, -10 rejected',
                ),
              isRequired: z.boolean(),
            }),
          ),
          workItemIds: z.array(z.number().int()),
          policies: z.array(
            z.object({
              name: z.string(),
              status: z.enum([
                'approved',
                'rejected',
                'queued',
                'running',
                'notApplicable',
              ]),
            }),
          ),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        repository: 'order-service',
        pullRequestId: 4812,
      },
      run: input => ({
        pullRequestId: input.pullRequestId,
        title: 'Add idempotency keys to order submission',
        description:
          'Prevents duplicate orders when the client retries after a timeout.',
        reviewers: [
          { displayName: 'Order Service Team', vote: 10, isRequired: true },
          { displayName: 'Priya Raman', vote: 5, isRequired: false },
        ],
        workItemIds: [20931],
        policies: [
          { name: 'Minimum number of reviewers', status: 'approved' as const },
          { name: 'Build validation', status: 'running' as const },
        ],
      }),
    }),
    portalAction({
      name: 'create-pull-request',
      title: 'Create Pull Request',
      description:
        'Opens a pull request from a source branch to a target branch. Branch policies on the target apply as usual.',
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          repository: z.string(),
          sourceRefName: z.string().startsWith('refs/heads/'),
          targetRefName: z
            .string()
            .startsWith('refs/heads/')
            .default('refs/heads/main'),
          title: z.string().min(1).max(400),
          description: z.string().max(4000).optional().describe('Markdown'),
          isDraft: z.boolean().default(false),
          reviewers: z
            .array(
              z.object({
                id: z.string().describe('User or group descriptor'),
                isRequired: z.boolean().default(false),
              }),
            )
            .default([]),
          workItemIds: z.array(z.number().int()).optional(),
          labels: z.array(z.string()).optional(),
        }),
      output: z =>
        z.object({
          pullRequestId: z.number().int(),
          url: z.string().url(),
          status: z.literal('active'),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        repository: 'order-service',
        sourceRefName: 'refs/heads/fix/tax-rounding',
        targetRefName: 'refs/heads/main',
        title: 'Round tax per line instead of per order',
        description:
          'Matches the behaviour required by the EU invoicing rules.',
        isDraft: false,
        reviewers: [
          { id: 'vssgp.Uy0xLTktMTU1MTM3NDI0NS0xMjA0', isRequired: true },
        ],
        workItemIds: [21007],
        labels: ['billing'],
      },
      run: input => ({
        pullRequestId: 4829,
        url: `https://dev.azure.com/${input.organization}/${encodeURIComponent(input.project)}/_git/${input.repository}/pullrequest/4829`,
        status: 'active' as const,
      }),
    }),
    portalAction({
      name: 'vote-on-pull-request',
      title: 'Vote On Pull Request',
      description:
        "Records the calling user's vote on a pull request, adding them as a reviewer if needed. Voting again replaces the earlier vote.",
      attributes: { idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          repository: z.string(),
          pullRequestId: z.number().int().positive(),
          vote: z.enum([
            'approve',
            'approve-with-suggestions',
            'reset',
            'wait-for-author',
            'reject',
          ]),
        }),
      output: z =>
        z.object({ pullRequestId: z.number().int(), vote: z.number().int() }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        repository: 'order-service',
        pullRequestId: 4812,
        vote: 'approve-with-suggestions',
      },
      run: input => ({
        pullRequestId: input.pullRequestId,
        vote: {
          approve: 10,
          'approve-with-suggestions': 5,
          reset: 0,
          'wait-for-author': -5,
          reject: -10,
        }[input.vote],
      }),
    }),
    portalAction({
      name: 'complete-pull-request',
      title: 'Complete Pull Request',
      description:
        'Merges a pull request once all required policies pass. When bypassPolicy is set the caller needs the "Bypass policies when completing pull requests" permission, and the bypass is audited.',
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          repository: z.string(),
          pullRequestId: z.number().int().positive(),
          completionOptions: z
            .object({
              mergeStrategy: z
                .enum(['noFastForward', 'squash', 'rebase', 'rebaseMerge'])
                .default('squash'),
              deleteSourceBranch: z.boolean().default(true),
              transitionWorkItems: z.boolean().default(true),
              mergeCommitMessage: z.string().optional(),
              bypassPolicy: z.boolean().default(false),
              bypassReason: z.string().optional(),
            })
            .describe('How to merge'),
        }),
      output: z =>
        z.object({
          pullRequestId: z.number().int(),
          status: z.enum(['completed', 'active']),
          mergeStatus: z.enum([
            'queued',
            'succeeded',
            'conflicts',
            'rejectedByPolicy',
          ]),
          lastMergeCommit: z.string().optional(),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        repository: 'order-service',
        pullRequestId: 4812,
        completionOptions: {
          mergeStrategy: 'squash',
          deleteSourceBranch: true,
          transitionWorkItems: true,
          bypassPolicy: false,
        },
      },
      run: input => ({
        pullRequestId: input.pullRequestId,
        status: 'completed' as const,
        mergeStatus: 'succeeded' as const,
        lastMergeCommit: '8f2c1d0e4b7a9c3f5e6d1a2b3c4d5e6f7a8b9c0d',
      }),
    }),
    portalAction({
      name: 'abandon-pull-request',
      title: 'Abandon Pull Request',
      description:
        'Abandons an active pull request. It can be reactivated later from the web UI.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          repository: z.string(),
          pullRequestId: z.number().int().positive(),
          comment: z
            .string()
            .optional()
            .describe('Posted on the pull request before abandoning'),
        }),
      output: z =>
        z.object({
          pullRequestId: z.number().int(),
          status: z.literal('abandoned'),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        repository: 'storefront-web',
        pullRequestId: 4755,
        comment: 'Superseded by !4790',
      },
      run: input => ({
        pullRequestId: input.pullRequestId,
        status: 'abandoned' as const,
      }),
    }),
    portalAction({
      name: 'list-pipelines',
      title: 'List Pipelines',
      description:
        'Lists YAML and classic pipelines in a project, optionally within one folder.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          folder: z
            .string()
            .startsWith('\\')
            .optional()
            .describe('e.g. \\services\\orders'),
        }),
      output: z =>
        z.object({
          pipelines: z.array(
            z.object({
              id: z.number().int(),
              name: z.string(),
              folder: z.string(),
              revision: z.number().int(),
            }),
          ),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        folder: '\\services',
      },
      run: input => ({
        pipelines: [
          {
            id: 112,
            name: 'order-service-ci',
            folder: input.folder ?? '\\',
            revision: 14,
          },
          {
            id: 113,
            name: 'order-service-release',
            folder: input.folder ?? '\\',
            revision: 31,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-pipeline-runs',
      title: 'List Pipeline Runs',
      description:
        'Returns recent runs of a pipeline, newest first, with result and the branch each run built.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          pipelineId: z.number().int().positive(),
          branch: z.string().optional(),
          result: z
            .enum(['succeeded', 'partiallySucceeded', 'failed', 'canceled'])
            .optional(),
          top: z.number().int().min(1).max(200).default(20),
        }),
      output: z =>
        z.object({
          runs: z.array(
            z.object({
              id: z.number().int(),
              name: z.string(),
              state: z.enum([
                'inProgress',
                'completed',
                'canceling',
                'unknown',
              ]),
              result: z
                .enum(['succeeded', 'partiallySucceeded', 'failed', 'canceled'])
                .optional(),
              sourceBranch: z.string(),
              createdDate: z.string(),
              finishedDate: z.string().optional(),
            }),
          ),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        pipelineId: 112,
        branch: 'refs/heads/main',
        top: 5,
      },
      run: input => ({
        runs: [
          {
            id: 90412,
            name: '20240602.3',
            state: 'completed' as const,
            result: input.result ?? ('succeeded' as const),
            sourceBranch: input.branch ?? 'refs/heads/main',
            createdDate: '2024-06-02T09:12:00Z',
            finishedDate: '2024-06-02T09:24:41Z',
          },
          {
            id: 90430,
            name: '20240602.4',
            state: 'inProgress' as const,
            sourceBranch: input.branch ?? 'refs/heads/main',
            createdDate: '2024-06-02T10:02:17Z',
          },
        ].slice(0, input.top),
      }),
    }),
    portalAction({
      name: 'queue-pipeline-run',
      title: 'Queue Pipeline Run',
      description:
        'Queues a new run of a pipeline. Variables must be marked "settable at queue time" in the pipeline, otherwise the run is rejected.',
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          pipelineId: z.number().int().positive(),
          branch: z.string().default('refs/heads/main'),
          variables: z.record(z.string()).optional(),
          templateParameters: z
            .record(z.union([z.string(), z.number(), z.boolean()]))
            .optional()
            .describe('Values for YAML template parameters'),
          stagesToSkip: z.array(z.string()).optional(),
          previewOnly: z
            .boolean()
            .default(false)
            .describe('Only expand the YAML and return it without queuing'),
        }),
      output: z =>
        z.object({
          runId: z.number().int().optional(),
          state: z.enum(['inProgress', 'notQueued']),
          url: z.string().optional(),
          finalYaml: z.string().optional(),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        pipelineId: 113,
        branch: 'refs/heads/release/2024.06',
        variables: { deployRing: 'canary' },
        templateParameters: { runLoadTests: true, replicas: 3 },
        stagesToSkip: ['perf'],
        previewOnly: false,
      },
      run: input =>
        input.previewOnly
          ? {
              state: 'notQueued' as const,
              finalYaml: 'trigger: none\nstages:\n- stage: build\n',
            }
          : {
              runId: 90431,
              state: 'inProgress' as const,
              url: `https://dev.azure.com/${input.organization}/${encodeURIComponent(input.project)}/_build/results?buildId=90431`,
            },
    }),
    portalAction({
      name: 'cancel-pipeline-run',
      title: 'Cancel Pipeline Run',
      description:
        'Requests cancellation of a running pipeline run. Already finished runs are left untouched.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          runId: z.number().int().positive(),
        }),
      output: z =>
        z.object({
          runId: z.number().int(),
          state: z.enum(['canceling', 'completed']),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        runId: 90430,
      },
      run: input => ({ runId: input.runId, state: 'canceling' as const }),
    }),
    portalAction({
      name: 'get-build-log',
      title: 'Get Build Log',
      description:
        'Fetches the log of one step of a build. Long logs are truncated to the requested line range; ask again with a later startLine to read further.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          buildId: z.number().int().positive(),
          logId: z
            .number()
            .int()
            .positive()
            .describe('From the build timeline'),
          startLine: z.number().int().min(1).default(1),
          lineCount: z.number().int().min(1).max(2000).default(200),
        }),
      output: z =>
        z.object({
          lines: z.array(z.string()),
          totalLines: z.number().int(),
          truncated: z.boolean(),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        buildId: 90412,
        logId: 7,
        startLine: 1,
        lineCount: 3,
      },
      run: input => ({
        lines: [
          '2024-06-02T09:15:02.1183Z ##[section]Starting: dotnet test',
          '2024-06-02T09:15:40.5521Z Passed!  - Failed: 0, Passed: 412, Skipped: 3',
          '2024-06-02T09:15:40.6012Z ##[section]Finishing: dotnet test',
        ].slice(0, input.lineCount),
        totalLines: 3,
        truncated: false,
      }),
    }),
    portalAction({
      name: 'query-work-items',
      title: 'Query Work Items',
      description:
        'Runs a WIQL query and returns the matching work items with the requested fields. At most 200 items are returned.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          wiql: z
            .string()
            .min(10)
            .describe(
              "e.g. SELECT [System.Id] FROM WorkItems WHERE [System.State] = 'Active'",
            ),
          fields: z
            .array(z.string())
            .default([
              'System.Id',
              'System.Title',
              'System.State',
              'System.AssignedTo',
            ])
            .describe('Reference names of fields to return'),
          top: z.number().int().min(1).max(200).default(50),
        }),
      output: z =>
        z.object({
          workItems: z.array(
            z.object({
              id: z.number().int(),
              fields: z.record(z.union([z.string(), z.number(), z.null()])),
              url: z.string(),
            }),
          ),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        wiql: "SELECT [System.Id] FROM WorkItems WHERE [System.WorkItemType] = 'Bug' AND [System.State] <> 'Closed' AND [System.AreaPath] UNDER 'Retail Platform\\Orders'",
        fields: [
          'System.Title',
          'System.State',
          'Microsoft.VSTS.Common.Priority',
        ],
        top: 50,
      },
      run: input => ({
        workItems: [20931, 21007].map(id => ({
          id,
          fields: Object.fromEntries(
            input.fields.map(f => {
              let value: string | number | null = null;
              if (f === 'System.Title') value = `Work item ${id}`;
              else if (f === 'Microsoft.VSTS.Common.Priority') value = 2;
              else if (f === 'System.State') value = 'Active';
              return [f, value] as const;
            }),
          ),
          url: `https://dev.azure.com/${input.organization}/_apis/wit/workItems/${id}`,
        })),
      }),
    }),
    portalAction({
      name: 'create-work-item',
      title: 'Create Work Item',
      description: 'Creates a work item of the given type in a project.',
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          type: z.enum([
            'Bug',
            'Task',
            'User Story',
            'Feature',
            'Epic',
            'Issue',
          ]),
          title: z.string().min(1).max(255),
          description: z.string().optional().describe('HTML is accepted'),
          assignedTo: z.string().email().optional(),
          areaPath: z.string().optional(),
          iterationPath: z.string().optional(),
          priority: z.number().int().min(1).max(4).default(2),
          tags: z.array(z.string()).optional(),
          parentId: z
            .number()
            .int()
            .positive()
            .optional()
            .describe('Link as child of this work item'),
          additionalFields: z
            .record(z.union([z.string(), z.number()]))
            .optional()
            .describe('Any other field by reference name'),
        }),
      output: z =>
        z.object({
          id: z.number().int(),
          rev: z.number().int(),
          state: z.string(),
          url: z.string().url(),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        type: 'Bug',
        title: 'Order confirmation email shows wrong currency for CHF',
        assignedTo: 'mara.lindqvist@contoso.com',
        areaPath: 'Retail Platform\\Orders',
        iterationPath: 'Retail Platform\\2024\\Sprint 12',
        priority: 1,
        tags: ['customer-reported', 'i18n'],
      },
      run: input => ({
        id: 21044,
        rev: 1,
        state: input.type === 'Bug' ? 'New' : 'To Do',
        url: `https://dev.azure.com/${input.organization}/${encodeURIComponent(input.project)}/_workitems/edit/21044`,
      }),
    }),
    portalAction({
      name: 'update-work-item',
      title: 'Update Work Item',
      description:
        'Applies JSON Patch operations to a work item. Pass expectedRev to fail instead of overwriting someone else’s newer change.',
      input: z =>
        z.object({
          organization: z.string(),
          id: z.number().int().positive(),
          operations: z
            .array(
              z.object({
                op: z.enum(['add', 'replace', 'remove', 'test']),
                path: z
                  .string()
                  .startsWith('/')
                  .describe('e.g. /fields/System.State'),
                value: z
                  .union([z.string(), z.number(), z.boolean()])
                  .optional(),
              }),
            )
            .min(1),
          expectedRev: z.number().int().optional(),
          suppressNotifications: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          id: z.number().int(),
          rev: z.number().int(),
          changedFields: z.array(z.string()),
        }),
      example: {
        organization: 'contoso',
        id: 21044,
        operations: [
          { op: 'replace', path: '/fields/System.State', value: 'Active' },
          {
            op: 'add',
            path: '/fields/System.History',
            value: 'Reproduced on staging.',
          },
        ],
        expectedRev: 1,
        suppressNotifications: false,
      },
      run: input => ({
        id: input.id,
        rev: (input.expectedRev ?? 1) + 1,
        changedFields: input.operations.map(o =>
          o.path.replace(/^\/fields\//, ''),
        ),
      }),
    }),
    portalAction({
      name: 'list-branch-policies',
      title: 'List Branch Policies',
      description:
        'Shows the policies that protect a branch, such as required reviewers and build validation.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          repositoryId: z.string().uuid(),
          refName: z.string().default('refs/heads/main'),
        }),
      output: z =>
        z.object({
          policies: z.array(
            z.object({
              id: z.number().int(),
              type: z.string(),
              isBlocking: z.boolean(),
              isEnabled: z.boolean(),
              settings: z.record(z.unknown()),
            }),
          ),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        repositoryId: '5febef5a-833d-4e14-b9c0-14cb638f91e1',
        refName: 'refs/heads/main',
      },
      run: () => ({
        policies: [
          {
            id: 41,
            type: 'Minimum number of reviewers',
            isBlocking: true,
            isEnabled: true,
            settings: {
              minimumApproverCount: 2,
              creatorVoteCounts: false,
              resetOnSourcePush: true,
            },
          },
          {
            id: 42,
            type: 'Build',
            isBlocking: true,
            isEnabled: true,
            settings: { buildDefinitionId: 112, validDuration: 720 },
          },
        ],
      }),
    }),
    portalAction({
      name: 'delete-branch',
      title: 'Delete Branch',
      description:
        'Deletes a branch from a repository. Refuses to delete the default branch or any branch protected by a policy.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          repository: z.string(),
          branch: z.string().describe('Short name, without refs/heads/'),
          expectedObjectId: z
            .string()
            .regex(/^[0-9a-f]{40}$/)
            .optional()
            .describe('Only delete if the branch still points at this commit'),
        }),
      output: z =>
        z.object({
          name: z.string(),
          success: z.boolean(),
          oldObjectId: z.string(),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        repository: 'order-service',
        branch: 'feature/idempotency-keys',
      },
      run: input => ({
        name: `refs/heads/${input.branch}`,
        success: true,
        oldObjectId:
          input.expectedObjectId ?? '3b8e4f2a1c9d7e6f5a4b3c2d1e0f9a8b7c6d5e4f',
      }),
    }),
    portalAction({
      name: 'list-pending-approvals',
      title: 'List Pending Approvals',
      description:
        'Lists environment deployment approvals waiting on the caller or one of their groups.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          environment: z.string().optional(),
        }),
      output: z =>
        z.object({
          approvals: z.array(
            z.object({
              approvalId: z.string().uuid(),
              pipeline: z.string(),
              runId: z.number().int(),
              stage: z.string(),
              environment: z.string(),
              requestedAt: z.string(),
              instructions: z.string().optional(),
              expiresAt: z.string(),
            }),
          ),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        environment: 'production',
      },
      run: input => ({
        approvals: [
          {
            approvalId: 'c1f2b3a4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
            pipeline: 'order-service-release',
            runId: 90431,
            stage: 'deploy_prod',
            environment: input.environment ?? 'production',
            requestedAt: '2024-06-02T10:20:00Z',
            instructions: 'Check the canary dashboard before approving.',
            expiresAt: '2024-06-09T10:20:00Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'approve-deployment',
      title: 'Approve Deployment',
      description:
        'Approves or rejects a pending environment approval. The decision and comment are recorded on the run.',
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          approvalId: z.string().uuid(),
          status: z.enum(['approved', 'rejected']),
          comment: z.string().max(1024).optional(),
        }),
      output: z =>
        z.object({
          approvalId: z.string(),
          status: z.enum(['approved', 'rejected']),
          stageWillStart: z.boolean(),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        approvalId: 'c1f2b3a4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
        status: 'approved',
        comment: 'Canary error rate flat for 30 minutes.',
      },
      run: input => ({
        approvalId: input.approvalId,
        status: input.status,
        stageWillStart: input.status === 'approved',
      }),
    }),
    portalAction({
      name: 'get-team-iteration',
      title: 'Get Team Iteration',
      description:
        "Returns a team's current (or named) sprint with dates and capacity.",
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organization: z.string(),
          project: z.string(),
          team: z.string(),
          timeframe: z.enum(['current', 'past', 'future']).default('current'),
        }),
      output: z =>
        z.object({
          iterations: z.array(
            z.object({
              name: z.string(),
              path: z.string(),
              startDate: z.string(),
              finishDate: z.string(),
              capacityHours: z.number().optional(),
            }),
          ),
        }),
      example: {
        organization: 'contoso',
        project: 'Retail Platform',
        team: 'Orders',
        timeframe: 'current',
      },
      run: input => ({
        iterations: [
          {
            name: 'Sprint 12',
            path: `${input.project}\\2024\\Sprint 12`,
            startDate: '2024-05-27',
            finishDate: '2024-06-07',
            capacityHours: input.timeframe === 'current' ? 312 : undefined,
          },
        ],
      }),
    }),
  ],
};
