import { PortalPlugin, portalAction } from '../types';

const workflowStatus = [
  'success',
  'running',
  'not_run',
  'failed',
  'error',
  'failing',
  'on_hold',
  'canceled',
  'unauthorized',
] as const;

export const circleciPlugin: PortalPlugin = {
  pluginId: 'circleci',
  actions: [
    portalAction({
      name: 'list-pipelines',
      title: 'List Pipelines',
      description:
        'Lists recent pipelines of a project, newest first. Results come 20 at a time; pass `pageToken` from the previous response to continue.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z
            .string()
            .regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/)
            .describe('Project slug, e.g. `gh/acme/storefront`'),
          branch: z.string().optional(),
          mine: z
            .boolean()
            .default(false)
            .describe('Only pipelines triggered by the caller'),
          pageToken: z.string().optional(),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              number: z.number().int(),
              state: z.enum([
                'created',
                'errored',
                'setup-pending',
                'setup',
                'pending',
              ]),
              createdAt: z.string(),
              trigger: z.object({
                type: z.enum(['webhook', 'explicit', 'api', 'schedule']),
                actor: z.string(),
              }),
              vcs: z.object({
                branch: z.string().optional(),
                tag: z.string().optional(),
                revision: z.string(),
                commitSubject: z.string().optional(),
              }),
            }),
          ),
          nextPageToken: z.string().optional(),
        }),
      example: {
        projectSlug: 'gh/acme/storefront',
        branch: 'main',
        mine: false,
      },
      run: input => ({
        items: [
          {
            id: '5034460f-c7c4-4c43-9457-de07e2029e7b',
            number: 8841,
            state: 'created' as const,
            createdAt: '2024-06-01T09:41:07Z',
            trigger: { type: 'webhook' as const, actor: 'jlee' },
            vcs: {
              branch: input.branch ?? 'main',
              revision: 'c2b9e0d41f7a',
              commitSubject: 'Cache product images at the edge',
            },
          },
        ],
        nextPageToken: 'AARLwwV5Tt0',
      }),
    }),
    portalAction({
      name: 'get-pipeline',
      title: 'Get Pipeline',
      description:
        'Returns one pipeline by id, including the parameters it was started with and any config errors.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ pipelineId: z.string().uuid() }),
      output: z =>
        z.object({
          id: z.string(),
          number: z.number().int(),
          projectSlug: z.string(),
          state: z.enum([
            'created',
            'errored',
            'setup-pending',
            'setup',
            'pending',
          ]),
          parameters: z.record(z.union([z.string(), z.number(), z.boolean()])),
          errors: z.array(z.object({ type: z.string(), message: z.string() })),
        }),
      example: { pipelineId: '5034460f-c7c4-4c43-9457-de07e2029e7b' },
      run: input => ({
        id: input.pipelineId,
        number: 8841,
        projectSlug: 'gh/acme/storefront',
        state: 'created' as const,
        parameters: { run_e2e: true, node_version: '20.11' },
        errors: [],
      }),
    }),
    portalAction({
      name: 'trigger-pipeline',
      title: 'Trigger Pipeline',
      description:
        'Starts a new pipeline on a branch or tag with optional pipeline parameters. Parameters must be declared in the project’s config.yml or the pipeline errors out during setup.',
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
          branch: z
            .string()
            .optional()
            .describe('Branch to build; mutually exclusive with `tag`'),
          tag: z.string().optional().describe('Tag to build'),
          parameters: z
            .record(z.union([z.string(), z.number(), z.boolean()]))
            .optional()
            .describe('Pipeline parameters by name'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          number: z.number().int(),
          state: z.literal('pending'),
          createdAt: z.string(),
        }),
      example: {
        projectSlug: 'gh/acme/storefront',
        branch: 'release/2024.06',
        parameters: { run_e2e: true, deploy_target: 'staging' },
      },
      run: () => ({
        id: 'b1f2e8a0-9d3c-4a7e-8f21-0c6b3d5e7a90',
        number: 8842,
        state: 'pending' as const,
        createdAt: '2024-06-01T10:02:44Z',
      }),
    }),
    portalAction({
      name: 'list-workflows',
      title: 'List Workflows',
      description: 'Lists the workflows of a pipeline with their status.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ pipelineId: z.string().uuid() }),
      output: z =>
        z.object({
          workflows: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              status: z.enum(workflowStatus),
              createdAt: z.string(),
              stoppedAt: z.string().optional(),
            }),
          ),
        }),
      example: { pipelineId: '5034460f-c7c4-4c43-9457-de07e2029e7b' },
      run: () => ({
        workflows: [
          {
            id: 'fda08377-fe7e-46b1-8992-3a7aaecac9c3',
            name: 'build-test-deploy',
            status: 'on_hold' as const,
            createdAt: '2024-06-01T09:41:09Z',
          },
          {
            id: '2a6b0c14-7d0e-4f53-a1e3-95a0b7f6c812',
            name: 'nightly-audit',
            status: 'success' as const,
            createdAt: '2024-06-01T09:41:09Z',
            stoppedAt: '2024-06-01T09:44:51Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-workflow',
      title: 'Get Workflow',
      description: 'Gets a workflow’s status and timing.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ workflowId: z.string().uuid() }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          pipelineId: z.string(),
          pipelineNumber: z.number().int(),
          projectSlug: z.string(),
          status: z.enum(workflowStatus),
          startedBy: z.string(),
          createdAt: z.string(),
          stoppedAt: z.string().optional(),
        }),
      example: { workflowId: 'fda08377-fe7e-46b1-8992-3a7aaecac9c3' },
      run: input => ({
        id: input.workflowId,
        name: 'build-test-deploy',
        pipelineId: '5034460f-c7c4-4c43-9457-de07e2029e7b',
        pipelineNumber: 8841,
        projectSlug: 'gh/acme/storefront',
        status: 'on_hold' as const,
        startedBy: 'jlee',
        createdAt: '2024-06-01T09:41:09Z',
      }),
    }),
    portalAction({
      name: 'rerun-workflow',
      title: 'Rerun Workflow',
      description:
        'Reruns a workflow, either completely, only from the failed jobs, or only the listed jobs. With `enableSsh` the rerun jobs keep an SSH port open for ten minutes after finishing so you can debug them.',
      input: z =>
        z.object({
          workflowId: z.string().uuid(),
          fromFailed: z
            .boolean()
            .default(false)
            .describe('Rerun only failed jobs and their dependents'),
          jobs: z
            .array(z.string().uuid())
            .optional()
            .describe(
              'Specific job ids to rerun; cannot be combined with `fromFailed`',
            ),
          sparseTree: z
            .boolean()
            .default(false)
            .describe(
              'When rerunning selected jobs, skip their unchanged upstream jobs',
            ),
          enableSsh: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          workflowId: z.string(),
          mode: z.enum(['all', 'failed', 'selected']),
        }),
      example: {
        workflowId: 'fda08377-fe7e-46b1-8992-3a7aaecac9c3',
        fromFailed: true,
        sparseTree: false,
        enableSsh: false,
      },
      run: input => {
        let mode: 'all' | 'failed' | 'selected' = 'all';
        if (input.fromFailed) mode = 'failed';
        else if (input.jobs?.length) mode = 'selected';
        return { workflowId: '7c1e4b29-3f80-4d6a-b5e2-ad90c8f1e347', mode };
      },
    }),
    portalAction({
      name: 'cancel-workflow',
      title: 'Cancel Workflow',
      description:
        'Cancels a running workflow. Jobs in progress are stopped and reported as canceled; finished jobs keep their result.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ workflowId: z.string().uuid() }),
      output: z =>
        z.object({ workflowId: z.string(), status: z.literal('canceled') }),
      example: { workflowId: 'fda08377-fe7e-46b1-8992-3a7aaecac9c3' },
      run: input => ({
        workflowId: input.workflowId,
        status: 'canceled' as const,
      }),
    }),
    portalAction({
      name: 'approve-job',
      title: 'Approve Job',
      description:
        'Approves a hold job so the workflow continues, typically a production deploy gate. The approval is recorded under the caller’s identity.',
      input: z =>
        z.object({
          workflowId: z.string().uuid(),
          approvalRequestId: z
            .string()
            .uuid()
            .describe('The `approval_request_id` of the hold job'),
        }),
      output: z =>
        z.object({
          approved: z.boolean(),
          jobName: z.string(),
          approvedBy: z.string(),
        }),
      example: {
        workflowId: 'fda08377-fe7e-46b1-8992-3a7aaecac9c3',
        approvalRequestId: '0e6f9ad1-3c51-4d0b-8a0e-58f0e3c2a4b7',
      },
      run: () => ({
        approved: true,
        jobName: 'hold-deploy-production',
        approvedBy: 'jlee',
      }),
    }),
    portalAction({
      name: 'list-workflow-jobs',
      title: 'List Workflow Jobs',
      description:
        'Lists the jobs of a workflow with status and dependencies. Approval jobs carry an `approvalRequestId` that `approve-job` needs.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ workflowId: z.string().uuid() }),
      output: z =>
        z.object({
          jobs: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              jobNumber: z.number().int().optional(),
              type: z.enum(['build', 'approval']),
              status: z.enum([
                'success',
                'running',
                'not_run',
                'failed',
                'blocked',
                'queued',
                'on_hold',
                'canceled',
              ]),
              dependencies: z.array(z.string()),
              approvalRequestId: z.string().optional(),
            }),
          ),
        }),
      example: { workflowId: 'fda08377-fe7e-46b1-8992-3a7aaecac9c3' },
      run: () => ({
        jobs: [
          {
            id: 'a1f0c2d3-0000-4000-8000-000000000001',
            name: 'build',
            jobNumber: 120931,
            type: 'build' as const,
            status: 'success' as const,
            dependencies: [],
          },
          {
            id: 'a1f0c2d3-0000-4000-8000-000000000002',
            name: 'test',
            jobNumber: 120932,
            type: 'build' as const,
            status: 'success' as const,
            dependencies: ['a1f0c2d3-0000-4000-8000-000000000001'],
          },
          {
            id: 'a1f0c2d3-0000-4000-8000-000000000003',
            name: 'hold-deploy-production',
            type: 'approval' as const,
            status: 'on_hold' as const,
            dependencies: ['a1f0c2d3-0000-4000-8000-000000000002'],
            approvalRequestId: '0e6f9ad1-3c51-4d0b-8a0e-58f0e3c2a4b7',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-job-details',
      title: 'Get Job Details',
      description:
        'Returns details of a single job run: executor, parallelism, duration and the messages it produced.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
          jobNumber: z.number().int().min(1),
        }),
      output: z =>
        z.object({
          number: z.number().int(),
          name: z.string(),
          status: z.string(),
          webUrl: z.string(),
          executor: z.object({
            type: z.enum(['docker', 'machine', 'macos', 'windows']),
            resourceClass: z.string(),
          }),
          parallelism: z.number().int(),
          durationMs: z.number().int().optional(),
          messages: z.array(
            z.object({ type: z.string(), message: z.string() }),
          ),
        }),
      example: { projectSlug: 'gh/acme/storefront', jobNumber: 120932 },
      run: input => ({
        number: input.jobNumber,
        name: 'test',
        status: 'success',
        webUrl: `https://app.circleci.com/pipelines/${input.projectSlug}/8841/workflows/fda08377-fe7e-46b1-8992-3a7aaecac9c3/jobs/${input.jobNumber}`,
        executor: { type: 'docker' as const, resourceClass: 'large' },
        parallelism: 4,
        durationMs: 284_112,
        messages: [],
      }),
    }),
    portalAction({
      name: 'list-job-artifacts',
      title: 'List Job Artifacts',
      description:
        'Lists artifacts stored by a job. Download URLs require a CircleCI token and expire after about an hour.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
          jobNumber: z.number().int().min(1),
        }),
      output: z =>
        z.object({
          artifacts: z.array(
            z.object({
              path: z.string(),
              nodeIndex: z.number().int(),
              url: z.string(),
            }),
          ),
        }),
      example: { projectSlug: 'gh/acme/storefront', jobNumber: 120932 },
      run: input => ({
        artifacts: [0, 1].map(nodeIndex => ({
          path: `coverage/lcov-report-${nodeIndex}.html`,
          nodeIndex,
          url: `https://output.circle-artifacts.com/output/job/${input.jobNumber}/artifacts/${nodeIndex}/coverage/lcov-report-${nodeIndex}.html`,
        })),
      }),
    }),
    portalAction({
      name: 'get-test-metadata',
      title: 'Get Test Metadata',
      description:
        'Returns the test results a job stored with `store_test_results`. Use `result` to keep only failures.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
          jobNumber: z.number().int().min(1),
          result: z.enum(['success', 'failure', 'skipped']).optional(),
        }),
      output: z =>
        z.object({
          tests: z.array(
            z.object({
              classname: z.string(),
              name: z.string(),
              file: z.string().optional(),
              result: z.enum(['success', 'failure', 'skipped']),
              runTimeSeconds: z.number(),
              message: z.string().optional(),
            }),
          ),
        }),
      example: {
        projectSlug: 'gh/acme/storefront',
        jobNumber: 120932,
        result: 'failure',
      },
      run: input => ({
        tests: [
          {
            classname: 'cart/checkout.spec.ts',
            name: 'applies gift card before tax',
            file: 'src/cart/checkout.spec.ts',
            result: input.result ?? ('success' as const),
            runTimeSeconds: 0.412,
            message:
              input.result === 'failure'
                ? 'Expected 84.10, received 91.67'
                : undefined,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-insights-summary',
      title: 'Get Insights Summary',
      description:
        'Aggregated workflow metrics for a project: success rate, throughput, duration percentiles and credits used over a reporting window.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
          workflowName: z.string().optional().describe('Limit to one workflow'),
          reportingWindow: z
            .enum([
              'last-24-hours',
              'last-7-days',
              'last-30-days',
              'last-60-days',
              'last-90-days',
            ])
            .default('last-30-days'),
          branches: z
            .array(z.string())
            .optional()
            .describe('Defaults to the default branch'),
        }),
      output: z =>
        z.object({
          windowStart: z.string(),
          windowEnd: z.string(),
          workflows: z.array(
            z.object({
              name: z.string(),
              totalRuns: z.number().int(),
              successRate: z.number().min(0).max(1),
              throughputPerDay: z.number(),
              durationSeconds: z.object({
                p50: z.number(),
                p95: z.number(),
                max: z.number(),
              }),
              totalCreditsUsed: z.number().int(),
            }),
          ),
        }),
      example: {
        projectSlug: 'gh/acme/storefront',
        workflowName: 'build-test-deploy',
        reportingWindow: 'last-7-days',
        branches: ['main'],
      },
      run: input => ({
        windowStart: '2024-05-25T00:00:00Z',
        windowEnd: '2024-06-01T00:00:00Z',
        workflows: [
          {
            name: input.workflowName ?? 'build-test-deploy',
            totalRuns: 214,
            successRate: 0.91,
            throughputPerDay: 30.6,
            durationSeconds: { p50: 612, p95: 1104, max: 2381 },
            totalCreditsUsed: 188_430,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-flaky-tests',
      title: 'List Flaky Tests',
      description:
        'Lists tests that both passed and failed on the same commit in the last 14 days, the usual sign of flakiness.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
        }),
      output: z =>
        z.object({
          totalFlakyTests: z.number().int(),
          flakyTests: z.array(
            z.object({
              testName: z.string(),
              classname: z.string(),
              workflowName: z.string(),
              jobName: z.string(),
              timesFlaked: z.number().int(),
              lastFlakedAt: z.string(),
            }),
          ),
        }),
      example: { projectSlug: 'gh/acme/storefront' },
      run: () => ({
        totalFlakyTests: 2,
        flakyTests: [
          {
            testName: 'renders recommendations carousel',
            classname: 'home/Recommendations.test.tsx',
            workflowName: 'build-test-deploy',
            jobName: 'test',
            timesFlaked: 9,
            lastFlakedAt: '2024-05-31T17:20:00Z',
          },
          {
            testName: 'retries payment on 502',
            classname: 'e2e/payment.cy.ts',
            workflowName: 'build-test-deploy',
            jobName: 'e2e',
            timesFlaked: 4,
            lastFlakedAt: '2024-05-29T11:03:00Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-environment-variables',
      title: 'List Environment Variables',
      description:
        'Lists project-level environment variables. Values are masked to their last four characters.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
        }),
      output: z =>
        z.object({
          variables: z.array(
            z.object({
              name: z.string(),
              maskedValue: z.string(),
              createdAt: z.string(),
            }),
          ),
        }),
      example: { projectSlug: 'gh/acme/storefront' },
      run: () => ({
        variables: [
          {
            name: 'SENTRY_AUTH_TOKEN',
            maskedValue: 'xxxx9f2c',
            createdAt: '2023-11-02T10:00:00Z',
          },
          {
            name: 'NPM_TOKEN',
            maskedValue: 'xxxx51ab',
            createdAt: '2024-01-15T08:30:00Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'set-environment-variable',
      title: 'Set Environment Variable',
      description:
        'Creates or overwrites a project environment variable. New values apply to jobs started afterwards; the value cannot be read back.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
          name: z
            .string()
            .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
            .describe('Variable name, letters, digits and underscores'),
          value: z.string().min(1).max(32_000),
        }),
      output: z => z.object({ name: z.string(), maskedValue: z.string() }),
      example: {
        projectSlug: 'gh/acme/storefront',
        name: 'FEATURE_SEARCH_V2',
        value: 'enabled',
      },
      run: input => ({
        name: input.name,
        maskedValue: `xxxx${input.value.slice(-4)}`,
      }),
    }),
    portalAction({
      name: 'delete-environment-variable',
      title: 'Delete Environment Variable',
      description: 'Deletes a project environment variable.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
          name: z.string(),
        }),
      output: z => z.object({ message: z.string() }),
      example: { projectSlug: 'gh/acme/storefront', name: 'LEGACY_CDN_KEY' },
      run: input => ({
        message: `Environment variable ${input.name} deleted from ${input.projectSlug}`,
      }),
    }),
    portalAction({
      name: 'list-schedules',
      title: 'List Schedules',
      description:
        'Lists the scheduled pipeline triggers of a project and their timetables.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
        }),
      output: z =>
        z.object({
          schedules: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              description: z.string().optional(),
              branch: z.string(),
              perHour: z.number().int(),
              hoursOfDay: z.array(z.number().int()),
              daysOfWeek: z.array(z.string()),
              actor: z.string(),
            }),
          ),
        }),
      example: { projectSlug: 'gh/acme/storefront' },
      run: () => ({
        schedules: [
          {
            id: 'c3e1a6d2-8b4f-4f0e-9d27-6a1b5c8e2f40',
            name: 'nightly-audit',
            description: 'Dependency and licence audit',
            branch: 'main',
            perHour: 1,
            hoursOfDay: [2],
            daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
            actor: 'system',
          },
        ],
      }),
    }),
    portalAction({
      name: 'create-schedule',
      title: 'Create Schedule',
      description:
        'Creates a scheduled trigger that starts pipelines on a timetable with fixed parameters. Times are UTC. Runs are attributed either to the caller or to the Scheduling System actor.',
      input: z =>
        z.object({
          projectSlug: z.string().regex(/^(gh|bb|circleci)\/[^/]+\/[^/]+$/),
          name: z.string().min(1).max(128),
          description: z.string().optional(),
          branch: z.string().default('main'),
          timetable: z.object({
            perHour: z
              .number()
              .int()
              .min(1)
              .max(60)
              .describe('Runs per selected hour'),
            hoursOfDay: z.array(z.number().int().min(0).max(23)).min(1),
            daysOfWeek: z
              .array(z.enum(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']))
              .optional()
              .describe('Either days of the week or days of the month'),
            daysOfMonth: z.array(z.number().int().min(1).max(31)).optional(),
            months: z
              .array(
                z.enum([
                  'JAN',
                  'FEB',
                  'MAR',
                  'APR',
                  'MAY',
                  'JUN',
                  'JUL',
                  'AUG',
                  'SEP',
                  'OCT',
                  'NOV',
                  'DEC',
                ]),
              )
              .optional(),
          }),
          parameters: z
            .record(z.union([z.string(), z.number(), z.boolean()]))
            .default({}),
          attributionActor: z.enum(['current', 'system']).default('system'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          nextRunAt: z.string(),
        }),
      example: {
        projectSlug: 'gh/acme/storefront',
        name: 'weekly-load-test',
        description: 'k6 load test against staging',
        branch: 'main',
        timetable: { perHour: 1, hoursOfDay: [3], daysOfWeek: ['SUN'] },
        parameters: { run_load_test: true, target_rps: 400 },
        attributionActor: 'system',
      },
      run: input => ({
        id: 'e8d4b1f7-2a63-4c59-8e0d-13f7a9b6c524',
        name: input.name,
        nextRunAt: `2024-06-02T${String(input.timetable.hoursOfDay[0]).padStart(2, '0')}:00:00Z`,
      }),
    }),
  ],
};
