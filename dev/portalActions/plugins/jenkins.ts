import { PortalPlugin, portalAction } from '../types';

const buildResult = [
  'SUCCESS',
  'UNSTABLE',
  'FAILURE',
  'NOT_BUILT',
  'ABORTED',
] as const;

export const jenkinsPlugin: PortalPlugin = {
  pluginId: 'jenkins',
  actions: [
    portalAction({
      name: 'list-jobs',
      title: 'List Jobs',
      description:
        'Lists jobs in a Jenkins folder. With `recursive` set, descends into sub-folders and multibranch projects, which can be slow on large controllers.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          folder: z
            .string()
            .default('')
            .describe(
              'Folder path such as `platform/services`; empty for the root',
            ),
          recursive: z.boolean().default(false),
          nameFilter: z
            .string()
            .optional()
            .describe('Case-insensitive substring of the job name'),
        }),
      output: z =>
        z.object({
          jobs: z.array(
            z.object({
              fullName: z.string(),
              url: z.string(),
              kind: z.enum(['freestyle', 'pipeline', 'multibranch', 'folder']),
              color: z
                .string()
                .describe('Jenkins ball colour, e.g. `blue` or `red_anime`'),
              buildable: z.boolean(),
            }),
          ),
        }),
      example: {
        folder: 'platform/services',
        recursive: false,
        nameFilter: 'billing',
      },
      run: input => {
        const prefix = input.folder ? `${input.folder}/` : '';
        return {
          jobs: [
            {
              fullName: `${prefix}billing-api`,
              url: `https://jenkins.example.com/job/${prefix.replace(/\//g, '/job/')}billing-api/`,
              kind: 'multibranch' as const,
              color: 'blue',
              buildable: false,
            },
            {
              fullName: `${prefix}billing-nightly-reconcile`,
              url: `https://jenkins.example.com/job/${prefix.replace(/\//g, '/job/')}billing-nightly-reconcile/`,
              kind: 'pipeline' as const,
              color: 'red',
              buildable: true,
            },
          ],
        };
      },
    }),
    portalAction({
      name: 'get-job',
      title: 'Get Job',
      description:
        'Returns a job’s configuration summary: parameters, health report and the last few build numbers.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jobPath: z
            .string()
            .min(1)
            .describe('Full job name, folders separated by `/`'),
        }),
      output: z =>
        z.object({
          fullName: z.string(),
          description: z.string().optional(),
          disabled: z.boolean(),
          parameters: z.array(
            z.object({
              name: z.string(),
              type: z.enum(['string', 'boolean', 'choice', 'password', 'text']),
              defaultValue: z.string().optional(),
              choices: z.array(z.string()).optional(),
            }),
          ),
          health: z.object({
            score: z.number().int().min(0).max(100),
            summary: z.string(),
          }),
          lastBuild: z.number().int().optional(),
          lastSuccessfulBuild: z.number().int().optional(),
          lastFailedBuild: z.number().int().optional(),
        }),
      example: { jobPath: 'platform/services/billing-nightly-reconcile' },
      run: input => ({
        fullName: input.jobPath,
        description:
          'Reconciles the ledger against the payment provider every night.',
        disabled: false,
        parameters: [
          { name: 'DRY_RUN', type: 'boolean' as const, defaultValue: 'false' },
          {
            name: 'REGION',
            type: 'choice' as const,
            choices: ['eu-west-1', 'us-east-1', 'ap-southeast-2'],
          },
        ],
        health: {
          score: 60,
          summary: 'Build stability: 2 out of the last 5 builds failed.',
        },
        lastBuild: 418,
        lastSuccessfulBuild: 417,
        lastFailedBuild: 418,
      }),
    }),
    portalAction({
      name: 'trigger-build',
      title: 'Trigger Build',
      description:
        'Queues a new build of a job, with parameters for parameterised jobs. The build does not start right away: the response holds the queue item, and `waitForStart` blocks for up to a minute until an executor picks it up.',
      input: z =>
        z.object({
          jobPath: z
            .string()
            .min(1)
            .describe('Full job name, folders separated by `/`'),
          parameters: z
            .record(z.string())
            .default({})
            .describe('Build parameters by name; booleans as `true`/`false`'),
          cause: z
            .string()
            .max(200)
            .optional()
            .describe('Shown as the build cause'),
          waitForStart: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          queueId: z.number().int(),
          queueUrl: z.string(),
          buildNumber: z.number().int().optional(),
          state: z.enum(['queued', 'started']),
        }),
      example: {
        jobPath: 'platform/services/billing-nightly-reconcile',
        parameters: { DRY_RUN: 'true', REGION: 'eu-west-1' },
        cause: 'Re-run after provider outage',
        waitForStart: true,
      },
      run: input => ({
        queueId: 99812,
        queueUrl: 'https://jenkins.example.com/queue/item/99812/',
        buildNumber: input.waitForStart ? 419 : undefined,
        state: input.waitForStart ? ('started' as const) : ('queued' as const),
      }),
    }),
    portalAction({
      name: 'get-build',
      title: 'Get Build',
      description:
        'Gets the status, duration, causes and changes of a single build.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jobPath: z.string().min(1),
          buildNumber: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Build number; the last build when omitted'),
        }),
      output: z =>
        z.object({
          number: z.number().int(),
          url: z.string(),
          building: z.boolean(),
          result: z.enum(buildResult).optional(),
          durationMs: z.number().int(),
          startedAt: z.string(),
          causes: z.array(z.string()),
          changeSet: z.array(
            z.object({
              commitId: z.string(),
              author: z.string(),
              message: z.string(),
            }),
          ),
        }),
      example: {
        jobPath: 'platform/services/billing-api/main',
        buildNumber: 1207,
      },
      run: input => ({
        number: input.buildNumber ?? 1207,
        url: `https://jenkins.example.com/job/${input.jobPath.split('/').join('/job/')}/${input.buildNumber ?? 1207}/`,
        building: false,
        result: 'FAILURE' as const,
        durationMs: 412_331,
        startedAt: '2024-06-01T08:02:11Z',
        causes: ['Started by GitHub push by octo-dev'],
        changeSet: [
          {
            commitId: '9f3c2a1',
            author: 'octo-dev',
            message: 'Bump stripe-java to 25.3.0',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-build-log',
      title: 'Get Build Log',
      description:
        'Reads the console log of a build in chunks. Pass the returned `nextStart` back as `start` to continue; `hasMore` stays true while the build is still running.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jobPath: z.string().min(1),
          buildNumber: z.number().int().min(1),
          start: z
            .number()
            .int()
            .min(0)
            .default(0)
            .describe('Byte offset to read from'),
          maxBytes: z.number().int().min(1024).max(1_048_576).default(65536),
          stripAnsi: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          text: z.string(),
          nextStart: z.number().int(),
          hasMore: z.boolean(),
        }),
      example: {
        jobPath: 'platform/services/billing-api/main',
        buildNumber: 1207,
        start: 0,
        maxBytes: 65536,
        stripAnsi: true,
      },
      run: input => {
        const text = [
          'Started by GitHub push by octo-dev',
          '[Pipeline] stage (Test)',
          '+ ./gradlew test',
          'LedgerReconcilerTest > handlesPartialRefunds FAILED',
          'BUILD FAILED in 6m 12s',
        ].join('\n');
        return { text, nextStart: input.start + text.length, hasMore: false };
      },
    }),
    portalAction({
      name: 'abort-build',
      title: 'Abort Build',
      description:
        'Stops a running build. Pipelines get a chance to run their `post` steps; use `force` to kill them outright when they hang.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          jobPath: z.string().min(1),
          buildNumber: z.number().int().min(1),
          force: z
            .boolean()
            .default(false)
            .describe('Hard-kill instead of a graceful stop'),
        }),
      output: z =>
        z.object({
          jobPath: z.string(),
          buildNumber: z.number().int(),
          result: z.enum(buildResult),
        }),
      example: {
        jobPath: 'platform/infra/terraform-apply',
        buildNumber: 88,
        force: false,
      },
      run: input => ({
        jobPath: input.jobPath,
        buildNumber: input.buildNumber,
        result: 'ABORTED' as const,
      }),
    }),
    portalAction({
      name: 'replay-build',
      title: 'Replay Build',
      description:
        'Re-runs a Pipeline build with an edited Jenkinsfile or shared-library scripts, without committing the change. Requires the Run/Replay permission on the job.',
      input: z =>
        z.object({
          jobPath: z.string().min(1),
          buildNumber: z
            .number()
            .int()
            .min(1)
            .describe('Build whose scripts are replayed'),
          mainScript: z
            .string()
            .optional()
            .describe('Replacement Jenkinsfile; the original when omitted'),
          loadedScripts: z
            .record(z.string())
            .optional()
            .describe(
              'Replacement content of loaded scripts, keyed by script name',
            ),
        }),
      output: z =>
        z.object({
          queueId: z.number().int(),
          replayOf: z.number().int(),
          modifiedScripts: z.array(z.string()),
        }),
      example: {
        jobPath: 'platform/services/billing-api/main',
        buildNumber: 1207,
        mainScript:
          "pipeline { agent any\n stages { stage('Test') { steps { sh './gradlew test --tests LedgerReconcilerTest' } } } }",
      },
      run: input => ({
        queueId: 99830,
        replayOf: input.buildNumber,
        modifiedScripts: [
          ...(input.mainScript ? ['Jenkinsfile'] : []),
          ...Object.keys(input.loadedScripts ?? {}),
        ],
      }),
    }),
    portalAction({
      name: 'list-builds',
      title: 'List Builds',
      description:
        'Recent builds of a job, newest first, optionally only those with a given result.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jobPath: z.string().min(1),
          result: z.enum(buildResult).optional(),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          builds: z.array(
            z.object({
              number: z.number().int(),
              result: z.enum(buildResult).optional(),
              building: z.boolean(),
              durationMs: z.number().int(),
              timestamp: z.number().int(),
            }),
          ),
        }),
      example: {
        jobPath: 'platform/services/billing-api/main',
        result: 'FAILURE',
        limit: 5,
      },
      run: input => ({
        builds: [1207, 1199, 1184].slice(0, input.limit).map((n, i) => ({
          number: n,
          result: input.result ?? ('SUCCESS' as const),
          building: false,
          durationMs: 380_000 + i * 12_000,
          timestamp: 1717228931000 - i * 86_400_000,
        })),
      }),
    }),
    portalAction({
      name: 'get-test-report',
      title: 'Get Test Report',
      description:
        'Summarises the JUnit results published by a build and lists failing test cases with their error messages. Stack traces are truncated to 2,000 characters.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jobPath: z.string().min(1),
          buildNumber: z.number().int().min(1),
          onlyFailures: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          passCount: z.number().int(),
          failCount: z.number().int(),
          skipCount: z.number().int(),
          durationSeconds: z.number(),
          cases: z.array(
            z.object({
              className: z.string(),
              name: z.string(),
              status: z.enum([
                'PASSED',
                'FIXED',
                'FAILED',
                'REGRESSION',
                'SKIPPED',
              ]),
              age: z
                .number()
                .int()
                .describe('Builds this test has been failing for'),
              errorDetails: z.string().optional(),
            }),
          ),
        }),
      example: {
        jobPath: 'platform/services/billing-api/main',
        buildNumber: 1207,
        onlyFailures: true,
      },
      run: input => ({
        passCount: 1412,
        failCount: 1,
        skipCount: 7,
        durationSeconds: 301.4,
        cases: [
          {
            className: 'com.example.billing.LedgerReconcilerTest',
            name: 'handlesPartialRefunds',
            status: 'REGRESSION' as const,
            age: 1,
            errorDetails: `expected:<120.00> but was:<100.00> (build ${input.buildNumber})`,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-queue-items',
      title: 'List Queue Items',
      description:
        'Shows what is waiting in the build queue and why each item is blocked or stuck.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jobPathPrefix: z
            .string()
            .optional()
            .describe('Only items of jobs under this path'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              id: z.number().int(),
              jobPath: z.string(),
              why: z.string(),
              inQueueSinceMs: z.number().int(),
              blocked: z.boolean(),
              stuck: z.boolean(),
            }),
          ),
        }),
      example: { jobPathPrefix: 'platform/' },
      run: input => ({
        items: [
          {
            id: 99812,
            jobPath: `${input.jobPathPrefix ?? ''}services/billing-nightly-reconcile`,
            why: 'Waiting for next available executor on ‘linux-large’',
            inQueueSinceMs: 1717229100000,
            blocked: false,
            stuck: true,
          },
        ],
      }),
    }),
    portalAction({
      name: 'cancel-queue-item',
      title: 'Cancel Queue Item',
      description:
        'Removes a waiting item from the build queue before it starts. Cancelling an item that already left the queue is a no-op.',
      attributes: { destructive: true, idempotent: true },
      input: z => z.object({ queueId: z.number().int().min(1) }),
      output: z =>
        z.object({ queueId: z.number().int(), cancelled: z.boolean() }),
      example: { queueId: 99812 },
      run: input => ({ queueId: input.queueId, cancelled: true }),
    }),
    portalAction({
      name: 'list-nodes',
      title: 'List Nodes',
      description:
        'Lists the controller and its agents with labels, executor usage and offline reasons.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          label: z
            .string()
            .optional()
            .describe('Label expression, e.g. `linux && docker`'),
          includeOffline: z.boolean().default(true),
        }),
      output: z =>
        z.object({
          nodes: z.array(
            z.object({
              name: z.string(),
              labels: z.array(z.string()),
              offline: z.boolean(),
              offlineReason: z.string().optional(),
              executors: z.object({
                total: z.number().int(),
                busy: z.number().int(),
              }),
              architecture: z.string().optional(),
            }),
          ),
        }),
      example: { label: 'linux-large', includeOffline: true },
      run: input => ({
        nodes: [
          {
            name: 'agent-linux-large-03',
            labels: [input.label ?? 'linux', 'docker'],
            offline: false,
            executors: { total: 4, busy: 4 },
            architecture: 'Linux (amd64)',
          },
          {
            name: 'agent-linux-large-05',
            labels: [input.label ?? 'linux', 'docker'],
            offline: true,
            offlineReason:
              'Disk space is too low. Only 0.812GB left on /var/jenkins.',
            executors: { total: 4, busy: 0 },
          },
        ].filter(n => input.includeOffline || !n.offline),
      }),
    }),
    portalAction({
      name: 'toggle-node-offline',
      title: 'Toggle Node Offline',
      description:
        'Marks an agent temporarily offline (or back online). Running builds finish; no new builds are scheduled on it while offline.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          nodeName: z.string().min(1),
          offline: z
            .boolean()
            .describe('True to take the node offline, false to bring it back'),
          reason: z
            .string()
            .max(500)
            .optional()
            .describe('Shown on the node page'),
        }),
      output: z =>
        z.object({
          nodeName: z.string(),
          offline: z.boolean(),
          runningBuilds: z.number().int(),
        }),
      example: {
        nodeName: 'agent-linux-large-05',
        offline: true,
        reason: 'Cleaning docker cache, back in 30 minutes',
      },
      run: input => ({
        nodeName: input.nodeName,
        offline: input.offline,
        runningBuilds: 0,
      }),
    }),
    portalAction({
      name: 'get-pipeline-stages',
      title: 'Get Pipeline Stages',
      description:
        'Breaks a Pipeline build down into its stages with status and timing, which is usually the quickest way to see where a build failed.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jobPath: z.string().min(1),
          buildNumber: z.number().int().min(1),
        }),
      output: z =>
        z.object({
          status: z.enum([
            'SUCCESS',
            'FAILED',
            'ABORTED',
            'IN_PROGRESS',
            'UNSTABLE',
            'NOT_EXECUTED',
          ]),
          stages: z.array(
            z.object({
              name: z.string(),
              status: z.enum([
                'SUCCESS',
                'FAILED',
                'ABORTED',
                'IN_PROGRESS',
                'UNSTABLE',
                'NOT_EXECUTED',
              ]),
              durationMs: z.number().int(),
              parallelBranches: z.array(z.string()).optional(),
              errorMessage: z.string().optional(),
            }),
          ),
        }),
      example: {
        jobPath: 'platform/services/billing-api/main',
        buildNumber: 1207,
      },
      run: () => ({
        status: 'FAILED' as const,
        stages: [
          { name: 'Checkout', status: 'SUCCESS' as const, durationMs: 4_210 },
          { name: 'Build', status: 'SUCCESS' as const, durationMs: 95_880 },
          {
            name: 'Test',
            status: 'FAILED' as const,
            durationMs: 301_400,
            parallelBranches: ['unit', 'integration'],
            errorMessage: 'script returned exit code 1',
          },
          { name: 'Publish', status: 'NOT_EXECUTED' as const, durationMs: 0 },
        ],
      }),
    }),
    portalAction({
      name: 'list-build-artifacts',
      title: 'List Build Artifacts',
      description:
        'Lists the files archived by a build, with relative paths and sizes.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jobPath: z.string().min(1),
          buildNumber: z.number().int().min(1),
          glob: z
            .string()
            .optional()
            .describe('Ant-style filter such as `**/*.jar`'),
        }),
      output: z =>
        z.object({
          artifacts: z.array(
            z.object({
              relativePath: z.string(),
              sizeBytes: z.number().int(),
              downloadUrl: z.string(),
            }),
          ),
        }),
      example: {
        jobPath: 'platform/services/billing-api/main',
        buildNumber: 1199,
        glob: '**/*.jar',
      },
      run: input => ({
        artifacts: [
          {
            relativePath: 'build/libs/billing-api-3.8.2.jar',
            sizeBytes: 48_211_337,
            downloadUrl: `https://jenkins.example.com/job/${input.jobPath.split('/').join('/job/')}/${input.buildNumber}/artifact/build/libs/billing-api-3.8.2.jar`,
          },
        ],
      }),
    }),
    portalAction({
      name: 'disable-job',
      title: 'Disable Job',
      description:
        'Disables a job so that neither triggers nor users can start new builds. Builds already queued still run.',
      attributes: { idempotent: true },
      input: z => z.object({ jobPath: z.string().min(1) }),
      output: z => z.object({ jobPath: z.string(), disabled: z.literal(true) }),
      example: { jobPath: 'platform/services/billing-nightly-reconcile' },
      run: input => ({ jobPath: input.jobPath, disabled: true as const }),
    }),
    portalAction({
      name: 'enable-job',
      title: 'Enable Job',
      description: 'Re-enables a disabled job.',
      attributes: { idempotent: true },
      input: z => z.object({ jobPath: z.string().min(1) }),
      output: z =>
        z.object({ jobPath: z.string(), disabled: z.literal(false) }),
      example: { jobPath: 'platform/services/billing-nightly-reconcile' },
      run: input => ({ jobPath: input.jobPath, disabled: false as const }),
    }),
    portalAction({
      name: 'scan-multibranch-pipeline',
      title: 'Scan Multibranch Pipeline',
      description:
        'Starts a branch indexing run on a multibranch project so new branches and pull requests get jobs. Removed branches are pruned according to the project’s orphan strategy.',
      input: z =>
        z.object({
          jobPath: z
            .string()
            .min(1)
            .describe('Path of the multibranch project'),
        }),
      output: z =>
        z.object({
          jobPath: z.string(),
          scanQueued: z.boolean(),
          logUrl: z.string(),
        }),
      example: { jobPath: 'platform/services/billing-api' },
      run: input => ({
        jobPath: input.jobPath,
        scanQueued: true,
        logUrl: `https://jenkins.example.com/job/${input.jobPath.split('/').join('/job/')}/indexing/console`,
      }),
    }),
  ],
};
