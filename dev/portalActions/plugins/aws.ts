import { PortalPlugin, portalAction } from '../types';

const awsRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'ap-northeast-1',
] as const;

export const awsPlugin: PortalPlugin = {
  pluginId: 'aws',
  actions: [
    portalAction({
      name: 'get-caller-identity',
      title: 'Get Caller Identity',
      description:
        'Shows which AWS principal the portal uses for the given account. Handy for checking that role assumption is configured before running anything else.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z
            .string()
            .regex(/^\d{12}$/)
            .describe('12-digit AWS account ID'),
        }),
      output: z =>
        z.object({
          account: z.string(),
          arn: z.string(),
          userId: z.string(),
        }),
      example: { accountId: '123456789012' },
      run: input => ({
        account: input.accountId,
        arn: `arn:aws:sts::${input.accountId}:assumed-role/BackstageReadOnly/backstage`,
        userId: 'AROA3XFRBF23EXAMPLE:backstage',
      }),
    }),
    portalAction({
      name: 'list-accounts',
      title: 'List Accounts',
      description:
        'Lists the accounts of the AWS Organization the portal is connected to, with their organizational unit and status.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          organizationalUnit: z
            .string()
            .regex(/^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/)
            .optional()
            .describe('Only accounts directly under this OU'),
          status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']).optional(),
        }),
      output: z =>
        z.object({
          accounts: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              email: z.string(),
              status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']),
              organizationalUnit: z.string().optional(),
            }),
          ),
        }),
      example: { status: 'ACTIVE' },
      run: input => ({
        accounts: [
          {
            id: '123456789012',
            name: 'payments-prod',
            email: 'aws+payments-prod@example.com',
            status: input.status ?? 'ACTIVE',
            organizationalUnit: input.organizationalUnit ?? 'ou-x1y2-prodwork',
          },
          {
            id: '210987654321',
            name: 'payments-staging',
            email: 'aws+payments-staging@example.com',
            status: input.status ?? 'ACTIVE',
          },
        ],
      }),
    }),
    portalAction({
      name: 'describe-ec2-instances',
      title: 'Describe EC2 Instances',
      description:
        'Describes EC2 instances in one region, filtered the same way as the EC2 API (for example by tag:team or instance-state-name). Returns at most maxResults instances per call along with a nextToken for the following page.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          instanceIds: z
            .array(z.string().regex(/^i-[0-9a-f]{8,17}$/))
            .optional(),
          filters: z
            .array(
              z.object({
                name: z
                  .string()
                  .describe('Filter name, e.g. tag:team or instance-type'),
                values: z.array(z.string()).min(1),
              }),
            )
            .optional(),
          maxResults: z.number().int().min(5).max(1000).default(100),
          nextToken: z.string().optional(),
        }),
      output: z =>
        z.object({
          instances: z.array(
            z.object({
              instanceId: z.string(),
              instanceType: z.string(),
              state: z.enum([
                'pending',
                'running',
                'stopping',
                'stopped',
                'shutting-down',
                'terminated',
              ]),
              privateIpAddress: z.string().optional(),
              launchTime: z.string(),
              availabilityZone: z.string(),
              tags: z.record(z.string()),
            }),
          ),
          nextToken: z.string().optional(),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        filters: [
          { name: 'tag:team', values: ['payments'] },
          { name: 'instance-state-name', values: ['running'] },
        ],
        maxResults: 50,
      },
      run: input => ({
        instances: (input.instanceIds ?? ['i-0a12b3c4d5e6f7081']).map(id => ({
          instanceId: id,
          instanceType: 'm6i.xlarge',
          state: 'running' as const,
          privateIpAddress: '10.20.3.41',
          launchTime: '2024-05-12T09:31:00Z',
          availabilityZone: `${input.region}a`,
          tags: { team: 'payments', Name: 'ledger-worker' },
        })),
      }),
    }),
    portalAction({
      name: 'start-ec2-instances',
      title: 'Start EC2 Instances',
      description:
        'Starts stopped EC2 instances. Instances that are already running are reported unchanged.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          instanceIds: z.array(z.string()).min(1).max(50),
        }),
      output: z =>
        z.object({
          changes: z.array(
            z.object({
              instanceId: z.string(),
              previousState: z.string(),
              currentState: z.string(),
            }),
          ),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        instanceIds: ['i-0a12b3c4d5e6f7081'],
      },
      run: input => ({
        changes: input.instanceIds.map(instanceId => ({
          instanceId,
          previousState: 'stopped',
          currentState: 'pending',
        })),
      }),
    }),
    portalAction({
      name: 'stop-ec2-instances',
      title: 'Stop EC2 Instances',
      description:
        'Stops running instances; data on instance-store volumes is lost. Set hibernate to keep memory contents on instances that support it.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          instanceIds: z.array(z.string()).min(1).max(50),
          hibernate: z.boolean().default(false),
          force: z
            .boolean()
            .default(false)
            .describe(
              'Skip the graceful OS shutdown; use only when an instance is stuck',
            ),
        }),
      output: z =>
        z.object({
          changes: z.array(
            z.object({
              instanceId: z.string(),
              previousState: z.string(),
              currentState: z.string(),
            }),
          ),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        instanceIds: ['i-0a12b3c4d5e6f7081', 'i-0fe9d8c7b6a5f4e32'],
        hibernate: false,
        force: false,
      },
      run: input => ({
        changes: input.instanceIds.map(instanceId => ({
          instanceId,
          previousState: 'running',
          currentState: 'stopping',
        })),
      }),
    }),
    portalAction({
      name: 'terminate-ec2-instance',
      title: 'Terminate EC2 Instance',
      description:
        'Permanently terminates an instance and deletes its root volume unless DeleteOnTermination was turned off. This cannot be undone.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          instanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/),
        }),
      output: z =>
        z.object({
          instanceId: z.string(),
          currentState: z.enum(['shutting-down', 'terminated']),
        }),
      example: {
        accountId: '123456789012',
        region: 'us-east-1',
        instanceId: 'i-0fe9d8c7b6a5f4e32',
      },
      run: input => ({
        instanceId: input.instanceId,
        currentState: 'shutting-down' as const,
      }),
    }),
    portalAction({
      name: 'list-s3-buckets',
      title: 'List S3 Buckets',
      description:
        'Lists S3 buckets in an account with region and creation date.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          prefix: z
            .string()
            .optional()
            .describe('Only buckets whose name starts with this'),
        }),
      output: z =>
        z.object({
          buckets: z.array(
            z.object({
              name: z.string(),
              region: z.string(),
              createdAt: z.string(),
            }),
          ),
        }),
      example: { accountId: '123456789012', prefix: 'payments-' },
      run: input => ({
        buckets: [
          {
            name: `${input.prefix ?? ''}ledger-exports`,
            region: 'eu-west-1',
            createdAt: '2022-11-03T14:20:00Z',
          },
          {
            name: `${input.prefix ?? ''}audit-logs`,
            region: 'eu-west-1',
            createdAt: '2021-02-17T08:05:00Z',
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-s3-bucket-policy',
      title: 'Get S3 Bucket Policy',
      description:
        'Returns the bucket policy and public access block settings, and flags statements that grant access to everyone.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          bucket: z
            .string()
            .min(3)
            .max(63)
            .regex(/^[a-z0-9][a-z0-9.-]+[a-z0-9]$/),
        }),
      output: z =>
        z.object({
          bucket: z.string(),
          policy: z
            .object({
              Version: z.string(),
              Statement: z.array(
                z.object({
                  Sid: z.string().optional(),
                  Effect: z.enum(['Allow', 'Deny']),
                  Principal: z.union([
                    z.string(),
                    z.record(z.union([z.string(), z.array(z.string())])),
                  ]),
                  Action: z.union([z.string(), z.array(z.string())]),
                  Resource: z.union([z.string(), z.array(z.string())]),
                }),
              ),
            })
            .nullable(),
          publicAccessBlock: z.object({
            blockPublicAcls: z.boolean(),
            blockPublicPolicy: z.boolean(),
            ignorePublicAcls: z.boolean(),
            restrictPublicBuckets: z.boolean(),
          }),
          publicStatements: z.array(z.string()),
        }),
      example: { accountId: '123456789012', bucket: 'payments-ledger-exports' },
      run: input => ({
        bucket: input.bucket,
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny' as const,
              Principal: '*',
              Action: 's3:*',
              Resource: [
                `arn:aws:s3:::${input.bucket}`,
                `arn:aws:s3:::${input.bucket}/*`,
              ],
            },
          ],
        },
        publicAccessBlock: {
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        },
        publicStatements: [],
      }),
    }),
    portalAction({
      name: 'put-s3-bucket-tags',
      title: 'Put S3 Bucket Tags',
      description:
        'Replaces the full tag set of a bucket. Tags not present in the request are removed, so read the current set first if you only want to add one.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          bucket: z.string(),
          tags: z
            .record(z.string().max(256))
            .describe('Key/value pairs, at most 50'),
        }),
      output: z => z.object({ bucket: z.string(), tagCount: z.number().int() }),
      example: {
        accountId: '123456789012',
        bucket: 'payments-ledger-exports',
        tags: {
          team: 'payments',
          'cost-center': 'cc-4410',
          'data-classification': 'confidential',
        },
      },
      run: input => ({
        bucket: input.bucket,
        tagCount: Object.keys(input.tags).length,
      }),
    }),
    portalAction({
      name: 'list-lambda-functions',
      title: 'List Lambda Functions',
      description:
        'Lists Lambda functions in a region with runtime, memory and last modification time. Deprecated runtimes are marked so they can be scheduled for upgrade.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          runtime: z
            .string()
            .optional()
            .describe('e.g. nodejs20.x, python3.12'),
          marker: z.string().optional(),
          maxItems: z.number().int().min(1).max(50).default(50),
        }),
      output: z =>
        z.object({
          functions: z.array(
            z.object({
              functionName: z.string(),
              runtime: z.string(),
              memorySize: z.number().int(),
              timeout: z.number().int(),
              lastModified: z.string(),
              deprecatedRuntime: z.boolean(),
            }),
          ),
          nextMarker: z.string().optional(),
        }),
      example: { accountId: '123456789012', region: 'us-east-1', maxItems: 20 },
      run: input => ({
        functions: [
          {
            functionName: 'ledger-reconcile',
            runtime: input.runtime ?? 'nodejs20.x',
            memorySize: 1024,
            timeout: 300,
            lastModified: '2024-05-28T11:02:45Z',
            deprecatedRuntime: false,
          },
          {
            functionName: 'invoice-pdf-render',
            runtime: input.runtime ?? 'python3.8',
            memorySize: 2048,
            timeout: 60,
            lastModified: '2023-09-14T16:40:10Z',
            deprecatedRuntime: input.runtime === undefined,
          },
        ],
      }),
    }),
    portalAction({
      name: 'invoke-lambda-function',
      title: 'Invoke Lambda Function',
      description:
        'Invokes a function with a JSON payload. Synchronous calls wait up to 15 minutes; use Event for fire-and-forget. Whatever the function does, it does for real.',
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          functionName: z.string().min(1).max(140),
          qualifier: z.string().optional().describe('Version number or alias'),
          invocationType: z
            .enum(['RequestResponse', 'Event', 'DryRun'])
            .default('RequestResponse'),
          payload: z.record(z.unknown()).default({}),
        }),
      output: z =>
        z.object({
          statusCode: z.number().int(),
          executedVersion: z.string().optional(),
          functionError: z.string().optional(),
          payload: z.unknown().optional(),
        }),
      example: {
        accountId: '123456789012',
        region: 'us-east-1',
        functionName: 'ledger-reconcile',
        qualifier: 'live',
        invocationType: 'RequestResponse',
        payload: { date: '2024-06-01', dryRun: true },
      },
      run: input => ({
        statusCode: { RequestResponse: 200, Event: 202, DryRun: 204 }[
          input.invocationType
        ],
        executedVersion:
          input.invocationType === 'RequestResponse' ? '42' : undefined,
        payload:
          input.invocationType === 'RequestResponse'
            ? { reconciled: 1873, mismatches: 0 }
            : undefined,
      }),
    }),
    portalAction({
      name: 'describe-rds-instances',
      title: 'Describe RDS Instances',
      description:
        'Describes RDS database instances, including engine version, storage and backup settings.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          dbInstanceIdentifier: z.string().optional(),
          engine: z
            .enum([
              'postgres',
              'mysql',
              'aurora-postgresql',
              'aurora-mysql',
              'mariadb',
            ])
            .optional(),
        }),
      output: z =>
        z.object({
          instances: z.array(
            z.object({
              dbInstanceIdentifier: z.string(),
              engine: z.string(),
              engineVersion: z.string(),
              instanceClass: z.string(),
              status: z.string(),
              allocatedStorageGb: z.number().int(),
              multiAz: z.boolean(),
              backup: z.object({
                retentionDays: z.number().int(),
                latestRestorableTime: z.string().optional(),
              }),
            }),
          ),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        engine: 'postgres',
      },
      run: input => ({
        instances: [
          {
            dbInstanceIdentifier:
              input.dbInstanceIdentifier ?? 'ledger-db-prod',
            engine: input.engine ?? 'postgres',
            engineVersion: '15.6',
            instanceClass: 'db.r6g.xlarge',
            status: 'available',
            allocatedStorageGb: 500,
            multiAz: true,
            backup: {
              retentionDays: 14,
              latestRestorableTime: '2024-06-02T09:55:00Z',
            },
          },
        ],
      }),
    }),
    portalAction({
      name: 'create-rds-snapshot',
      title: 'Create RDS Snapshot',
      description:
        'Takes a manual snapshot of a database instance. Manual snapshots are kept until deleted and are billed as backup storage.',
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          dbInstanceIdentifier: z.string(),
          snapshotIdentifier: z
            .string()
            .regex(/^[a-zA-Z][a-zA-Z0-9-]{0,254}$/)
            .describe(
              'Must start with a letter; letters, digits and hyphens only',
            ),
          tags: z.record(z.string()).optional(),
        }),
      output: z =>
        z.object({
          snapshotIdentifier: z.string(),
          snapshotArn: z.string(),
          status: z.enum(['creating', 'available']),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        dbInstanceIdentifier: 'ledger-db-prod',
        snapshotIdentifier: 'ledger-db-prod-pre-migration-0602',
        tags: { reason: 'schema-migration', ticket: 'PAY-2231' },
      },
      run: input => ({
        snapshotIdentifier: input.snapshotIdentifier,
        snapshotArn: `arn:aws:rds:${input.region}:${input.accountId}:snapshot:${input.snapshotIdentifier}`,
        status: 'creating' as const,
      }),
    }),
    portalAction({
      name: 'list-cloudformation-stacks',
      title: 'List CloudFormation Stacks',
      description:
        'Lists stacks and their current status. By default deleted stacks are left out.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          statusFilter: z
            .array(
              z.enum([
                'CREATE_COMPLETE',
                'UPDATE_COMPLETE',
                'UPDATE_ROLLBACK_COMPLETE',
                'ROLLBACK_COMPLETE',
                'CREATE_FAILED',
                'UPDATE_IN_PROGRESS',
                'DELETE_COMPLETE',
              ]),
            )
            .optional(),
          nextToken: z.string().optional(),
        }),
      output: z =>
        z.object({
          stacks: z.array(
            z.object({
              stackName: z.string(),
              stackId: z.string(),
              status: z.string(),
              lastUpdatedTime: z.string().optional(),
              driftStatus: z.enum([
                'IN_SYNC',
                'DRIFTED',
                'NOT_CHECKED',
                'UNKNOWN',
              ]),
            }),
          ),
          nextToken: z.string().optional(),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        statusFilter: ['CREATE_COMPLETE', 'UPDATE_COMPLETE'],
      },
      run: input => ({
        stacks: [
          {
            stackName: 'ledger-service',
            stackId: `arn:aws:cloudformation:${input.region}:${input.accountId}:stack/ledger-service/6a1e0c40-1f2b-11ef-9d3c-0a8b2f1c4e21`,
            status: input.statusFilter?.[0] ?? 'UPDATE_COMPLETE',
            lastUpdatedTime: '2024-05-30T17:12:08Z',
            driftStatus: 'IN_SYNC' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'describe-stack-events',
      title: 'Describe Stack Events',
      description:
        'Returns the most recent events of a stack, newest first. Use it to find which resource made an update roll back.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          stackName: z.string(),
          limit: z.number().int().min(1).max(100).default(20),
          onlyFailures: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          events: z.array(
            z.object({
              timestamp: z.string(),
              logicalResourceId: z.string(),
              resourceType: z.string(),
              resourceStatus: z.string(),
              reason: z.string().optional(),
            }),
          ),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        stackName: 'ledger-service',
        limit: 10,
        onlyFailures: true,
      },
      run: input => ({
        events: [
          {
            timestamp: '2024-05-30T17:10:44Z',
            logicalResourceId: 'LedgerQueue',
            resourceType: 'AWS::SQS::Queue',
            resourceStatus: 'UPDATE_FAILED',
            reason:
              'Resource handler returned message: "Invalid value for VisibilityTimeout"',
          },
          ...(input.onlyFailures
            ? []
            : [
                {
                  timestamp: '2024-05-30T17:09:12Z',
                  logicalResourceId: input.stackName,
                  resourceType: 'AWS::CloudFormation::Stack',
                  resourceStatus: 'UPDATE_IN_PROGRESS',
                },
              ]),
        ].slice(0, input.limit),
      }),
    }),
    portalAction({
      name: 'get-cost-and-usage',
      title: 'Get Cost And Usage',
      description:
        'Queries Cost Explorer for one account. Each call costs a small fee on the AWS bill, so prefer monthly granularity for long ranges.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          period: z.object({
            start: z.string().date().describe('Inclusive'),
            end: z.string().date().describe('Exclusive'),
          }),
          granularity: z.enum(['DAILY', 'MONTHLY']).default('MONTHLY'),
          metrics: z
            .array(
              z.enum([
                'UnblendedCost',
                'AmortizedCost',
                'NetUnblendedCost',
                'UsageQuantity',
              ]),
            )
            .min(1)
            .default(['UnblendedCost']),
          groupBy: z
            .array(
              z.object({
                type: z.enum(['DIMENSION', 'TAG', 'COST_CATEGORY']),
                key: z.string().describe('e.g. SERVICE, REGION or a tag key'),
              }),
            )
            .max(2)
            .optional(),
        }),
      output: z =>
        z.object({
          resultsByTime: z.array(
            z.object({
              start: z.string(),
              end: z.string(),
              groups: z.array(
                z.object({
                  keys: z.array(z.string()),
                  metrics: z.record(
                    z.object({ amount: z.string(), unit: z.string() }),
                  ),
                }),
              ),
            }),
          ),
        }),
      example: {
        accountId: '123456789012',
        period: { start: '2024-05-01', end: '2024-06-01' },
        granularity: 'MONTHLY',
        metrics: ['UnblendedCost'],
        groupBy: [{ type: 'DIMENSION', key: 'SERVICE' }],
      },
      run: input => ({
        resultsByTime: [
          {
            start: input.period.start,
            end: input.period.end,
            groups: [
              {
                keys: ['Amazon Elastic Compute Cloud - Compute'],
                metrics: Object.fromEntries(
                  input.metrics.map(m => [
                    m,
                    { amount: '8123.44', unit: 'USD' },
                  ]),
                ),
              },
              {
                keys: ['Amazon Relational Database Service'],
                metrics: Object.fromEntries(
                  input.metrics.map(m => [
                    m,
                    { amount: '2240.10', unit: 'USD' },
                  ]),
                ),
              },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-iam-roles',
      title: 'List IAM Roles',
      description:
        'Lists IAM roles under a path prefix, with when each was last used.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          pathPrefix: z.string().startsWith('/').default('/'),
          unusedForDays: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Only roles not used for at least this many days'),
        }),
      output: z =>
        z.object({
          roles: z.array(
            z.object({
              roleName: z.string(),
              arn: z.string(),
              path: z.string(),
              lastUsed: z
                .object({ date: z.string(), region: z.string() })
                .optional(),
            }),
          ),
        }),
      example: {
        accountId: '123456789012',
        pathPrefix: '/service-role/',
        unusedForDays: 90,
      },
      run: input => ({
        roles: [
          {
            roleName: 'legacy-batch-exporter',
            arn: `arn:aws:iam::${input.accountId}:role${input.pathPrefix}legacy-batch-exporter`,
            path: input.pathPrefix,
            lastUsed: { date: '2023-12-01T04:00:00Z', region: 'eu-west-1' },
          },
        ],
      }),
    }),
    portalAction({
      name: 'rotate-iam-access-key',
      title: 'Rotate IAM Access Key',
      description:
        'Creates a new access key for an IAM user and deactivates the old one. The new secret is written to the configured secrets store and is never returned here.',
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          userName: z.string(),
          oldAccessKeyId: z.string().regex(/^AKIA[0-9A-Z]{16}$/),
          secretPath: z
            .string()
            .describe(
              'Where to store the new key pair, e.g. secret/aws/ci-deployer',
            ),
          deleteOld: z
            .boolean()
            .default(false)
            .describe('Delete the old key instead of only deactivating it'),
        }),
      output: z =>
        z.object({
          newAccessKeyId: z.string(),
          oldAccessKeyStatus: z.enum(['Inactive', 'Deleted']),
          secretPath: z.string(),
        }),
      example: {
        accountId: '123456789012',
        userName: 'ci-deployer',
        oldAccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretPath: 'secret/aws/ci-deployer',
        deleteOld: false,
      },
      run: input => ({
        newAccessKeyId: 'AKIAI44QH8DHBEXAMPLE',
        oldAccessKeyStatus: input.deleteOld
          ? ('Deleted' as const)
          : ('Inactive' as const),
        secretPath: input.secretPath,
      }),
    }),
    portalAction({
      name: 'delete-ecr-images',
      title: 'Delete ECR Images',
      description:
        'Deletes images from an ECR repository by tag or digest. Images still referenced by running ECS tasks are refused.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          repositoryName: z.string(),
          images: z
            .array(
              z.object({
                imageTag: z.string().optional(),
                imageDigest: z
                  .string()
                  .regex(/^sha256:[0-9a-f]{64}$/)
                  .optional(),
              }),
            )
            .min(1)
            .max(100),
        }),
      output: z =>
        z.object({
          deleted: z.array(
            z.object({
              imageTag: z.string().optional(),
              imageDigest: z.string(),
            }),
          ),
          failures: z.array(
            z.object({ imageTag: z.string().optional(), reason: z.string() }),
          ),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        repositoryName: 'payments/ledger-api',
        images: [{ imageTag: 'pr-1412' }, { imageTag: 'pr-1415' }],
      },
      run: input => ({
        deleted: input.images.map((img, i) => ({
          imageTag: img.imageTag,
          imageDigest: img.imageDigest ?? `sha256:${String(i).repeat(64)}`,
        })),
        failures: [],
      }),
    }),
    portalAction({
      name: 'describe-ecs-services',
      title: 'Describe ECS Services',
      description:
        'Describes ECS services in a cluster: desired and running task counts, the active deployment and recent service events.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          cluster: z.string(),
          services: z.array(z.string()).min(1).max(10),
          eventLimit: z.number().int().min(0).max(20).default(5),
        }),
      output: z =>
        z.object({
          services: z.array(
            z.object({
              serviceName: z.string(),
              status: z.string(),
              desiredCount: z.number().int(),
              runningCount: z.number().int(),
              taskDefinition: z.string(),
              deployments: z.array(
                z.object({
                  id: z.string(),
                  status: z.enum(['PRIMARY', 'ACTIVE', 'INACTIVE']),
                  rolloutState: z.enum(['COMPLETED', 'IN_PROGRESS', 'FAILED']),
                }),
              ),
              events: z.array(
                z.object({ createdAt: z.string(), message: z.string() }),
              ),
            }),
          ),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        cluster: 'payments-prod',
        services: ['ledger-api'],
        eventLimit: 2,
      },
      run: input => ({
        services: input.services.map(serviceName => ({
          serviceName,
          status: 'ACTIVE',
          desiredCount: 4,
          runningCount: 4,
          taskDefinition: `${serviceName}:118`,
          deployments: [
            {
              id: 'ecs-svc/4721903856',
              status: 'PRIMARY' as const,
              rolloutState: 'COMPLETED' as const,
            },
          ],
          events: [
            {
              createdAt: '2024-06-02T07:41:00Z',
              message: `(service ${serviceName}) has reached a steady state.`,
            },
          ].slice(0, input.eventLimit),
        })),
      }),
    }),
    portalAction({
      name: 'get-service-quota',
      title: 'Get Service Quota',
      description:
        'Returns the applied value of a service quota and current usage where AWS reports it. Check this before a scale-up that might hit a limit.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accountId: z.string().regex(/^\d{12}$/),
          region: z.enum(awsRegions),
          serviceCode: z.string().describe('e.g. ec2, lambda, rds'),
          quotaCode: z.string().regex(/^L-[0-9A-F]{8}$/),
        }),
      output: z =>
        z.object({
          quotaName: z.string(),
          value: z.number(),
          usage: z.number().optional(),
          adjustable: z.boolean(),
        }),
      example: {
        accountId: '123456789012',
        region: 'eu-west-1',
        serviceCode: 'ec2',
        quotaCode: 'L-1216C47A',
      },
      run: input => ({
        quotaName:
          input.serviceCode === 'ec2'
            ? 'Running On-Demand Standard instances (vCPUs)'
            : 'Concurrent executions',
        value: 1152,
        usage: 804,
        adjustable: true,
      }),
    }),
  ],
};
