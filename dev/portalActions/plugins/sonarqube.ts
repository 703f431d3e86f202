import { PortalPlugin, portalAction } from '../types';

export const sonarqubePlugin: PortalPlugin = {
  pluginId: 'sonarqube',
  actions: [
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description:
        'Lists SonarQube projects with the date of their last analysis.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z
            .string()
            .min(2)
            .optional()
            .describe('Part of a project key or name'),
          analyzedBefore: z
            .string()
            .optional()
            .describe('Only projects not analysed since this date, YYYY-MM-DD'),
          page: z.number().int().min(1).default(1),
          pageSize: z.number().int().min(1).max(500).default(100),
        }),
      output: z =>
        z.object({
          paging: z.object({
            pageIndex: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int(),
          }),
          projects: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              visibility: z.enum(['public', 'private']),
              lastAnalysisDate: z.string().optional(),
            }),
          ),
        }),
      example: { query: 'billing', page: 1, pageSize: 100 },
      run: input => ({
        paging: { pageIndex: input.page, pageSize: input.pageSize, total: 2 },
        projects: [
          {
            key: 'com.example:billing-service',
            name: 'billing-service',
            visibility: 'private' as const,
            lastAnalysisDate: '2024-05-14T06:12:44+0000',
          },
          {
            key: 'com.example:billing-ui',
            name: 'billing-ui',
            visibility: 'private' as const,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-quality-gate-status',
      title: 'Get Quality Gate Status',
      description:
        'Tells whether a project, branch or pull request passes its quality gate and which conditions fail. Exactly one of branch or pullRequest may be given.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().min(1),
          branch: z.string().optional(),
          pullRequest: z.string().regex(/^\d+$/).optional(),
        }),
      output: z =>
        z.object({
          status: z.enum(['OK', 'WARN', 'ERROR', 'NONE']),
          conditions: z.array(
            z.object({
              metricKey: z.string(),
              comparator: z.enum(['GT', 'LT']),
              errorThreshold: z.string(),
              actualValue: z.string(),
              status: z.enum(['OK', 'ERROR']),
            }),
          ),
          ignoredConditions: z.boolean(),
        }),
      example: {
        projectKey: 'com.example:billing-service',
        pullRequest: '482',
      },
      run: input => ({
        status: input.pullRequest ? ('ERROR' as const) : ('OK' as const),
        conditions: [
          {
            metricKey: 'new_coverage',
            comparator: 'LT' as const,
            errorThreshold: '80',
            actualValue: input.pullRequest ? '71.4' : '84.0',
            status: input.pullRequest ? ('ERROR' as const) : ('OK' as const),
          },
          {
            metricKey: 'new_duplicated_lines_density',
            comparator: 'GT' as const,
            errorThreshold: '3',
            actualValue: '0.8',
            status: 'OK' as const,
          },
        ],
        ignoredConditions: false,
      }),
    }),
    portalAction({
      name: 'get-project-measures',
      title: 'Get Project Measures',
      description:
        'Reads current metric values for a project, such as coverage, bugs, code smells and technical debt. Unknown metric keys are silently skipped.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().min(1),
          branch: z.string().optional(),
          metricKeys: z
            .array(z.string())
            .min(1)
            .max(15)
            .default([
              'coverage',
              'bugs',
              'vulnerabilities',
              'code_smells',
              'sqale_index',
            ])
            .describe('SonarQube metric keys'),
        }),
      output: z =>
        z.object({
          projectKey: z.string(),
          measures: z.array(
            z.object({
              metric: z.string(),
              value: z.string().optional(),
              bestValue: z.boolean().optional(),
            }),
          ),
        }),
      example: {
        projectKey: 'com.example:billing-service',
        branch: 'main',
        metricKeys: ['coverage', 'bugs', 'sqale_rating', 'security_hotspots'],
      },
      run: input => {
        const values: Record<string, string> = {
          coverage: '82.7',
          bugs: '3',
          vulnerabilities: '0',
          code_smells: '214',
          sqale_index: '1890',
          sqale_rating: '1.0',
          security_hotspots: '5',
        };
        return {
          projectKey: input.projectKey,
          measures: input.metricKeys
            .filter(m => m in values)
            .map(metric => ({
              metric,
              value: values[metric],
              bestValue: values[metric] === '0' || undefined,
            })),
        };
      },
    }),
    portalAction({
      name: 'search-issues',
      title: 'Search Issues',
      description:
        'Searches code issues found by analysis, filtered by type, severity, status, rule or file. SonarQube refuses to page beyond the first 10,000 results.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKeys: z.array(z.string()).min(1),
          branch: z.string().optional(),
          filter: z
            .object({
              types: z
                .array(z.enum(['BUG', 'VULNERABILITY', 'CODE_SMELL']))
                .optional(),
              severities: z
                .array(
                  z.enum(['INFO', 'MINOR', 'MAJOR', 'CRITICAL', 'BLOCKER']),
                )
                .optional(),
              statuses: z
                .array(
                  z.enum([
                    'OPEN',
                    'CONFIRMED',
                    'REOPENED',
                    'RESOLVED',
                    'CLOSED',
                  ]),
                )
                .default(['OPEN', 'CONFIRMED', 'REOPENED']),
              rules: z
                .array(z.string())
                .optional()
                .describe('Rule keys such as java:S2259'),
              assignees: z.array(z.string()).optional(),
              tags: z.array(z.string()).optional(),
              sinceLeakPeriod: z
                .boolean()
                .default(false)
                .describe('Only issues in new code'),
            })
            .default({}),
          paths: z
            .array(z.string())
            .optional()
            .describe('Restrict to files under these directories'),
          page: z.number().int().min(1).max(20).default(1),
          pageSize: z.number().int().min(1).max(500).default(100),
        }),
      output: z =>
        z.object({
          total: z.number().int(),
          issues: z.array(
            z.object({
              key: z.string(),
              rule: z.string(),
              severity: z.enum([
                'INFO',
                'MINOR',
                'MAJOR',
                'CRITICAL',
                'BLOCKER',
              ]),
              type: z.enum(['BUG', 'VULNERABILITY', 'CODE_SMELL']),
              component: z.string(),
              line: z.number().int().optional(),
              message: z.string(),
              status: z.string(),
              effort: z.string().optional(),
              assignee: z.string().optional(),
            }),
          ),
        }),
      example: {
        projectKeys: ['com.example:billing-service'],
        branch: 'main',
        filter: {
          types: ['BUG'],
          severities: ['CRITICAL', 'BLOCKER'],
          statuses: ['OPEN', 'CONFIRMED', 'REOPENED'],
          sinceLeakPeriod: false,
        },
        page: 1,
        pageSize: 100,
      },
      run: input => ({
        total: 1,
        issues: [
          {
            key: 'AY9k3pX2fQ1w8ZbRr7Lm',
            rule: input.filter.rules?.[0] ?? 'java:S2259',
            severity: input.filter.severities?.[0] ?? 'MAJOR',
            type: input.filter.types?.[0] ?? 'BUG',
            component: `${input.projectKeys[0]}:src/main/java/com/example/billing/InvoiceService.java`,
            line: 118,
            message:
              'A "NullPointerException" could be thrown; "customer" is nullable here.',
            status: 'OPEN',
            effort: '10min',
          },
        ],
      }),
    }),
    portalAction({
      name: 'transition-issue',
      title: 'Transition Issue',
      description:
        'Changes the status of a code issue, such as confirming it or marking it a false positive. Marking as false positive or accepted requires the Administer Issues permission.',
      input: z =>
        z.object({
          issueKey: z.string(),
          transition: z.enum([
            'confirm',
            'unconfirm',
            'reopen',
            'resolve',
            'falsepositive',
            'accept',
            'wontfix',
          ]),
          comment: z
            .string()
            .optional()
            .describe('Explain why, especially for false positives'),
        }),
      output: z =>
        z.object({
          key: z.string(),
          status: z.string(),
          resolution: z
            .enum(['FIXED', 'FALSE-POSITIVE', 'WONTFIX', 'REMOVED'])
            .optional(),
        }),
      example: {
        issueKey: 'AY9k3pX2fQ1w8ZbRr7Lm',
        transition: 'falsepositive',
        comment:
          'customer is validated by the controller before reaching this path',
      },
      run: input => {
        const map = {
          confirm: { status: 'CONFIRMED' },
          unconfirm: { status: 'REOPENED' },
          reopen: { status: 'REOPENED' },
          resolve: { status: 'RESOLVED', resolution: 'FIXED' as const },
          falsepositive: {
            status: 'RESOLVED',
            resolution: 'FALSE-POSITIVE' as const,
          },
          accept: { status: 'RESOLVED', resolution: 'WONTFIX' as const },
          wontfix: { status: 'RESOLVED', resolution: 'WONTFIX' as const },
        };
        return { key: input.issueKey, ...map[input.transition] };
      },
    }),
    portalAction({
      name: 'assign-issue',
      title: 'Assign Issue',
      description:
        'Assigns a code issue to a SonarQube user login, or unassigns it when login is omitted.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          issueKey: z.string(),
          login: z.string().optional(),
        }),
      output: z =>
        z.object({
          key: z.string(),
          assignee: z.string().optional(),
        }),
      example: { issueKey: 'AY9k3pX2fQ1w8ZbRr7Lm', login: 'okowalski' },
      run: input => ({ key: input.issueKey, assignee: input.login }),
    }),
    portalAction({
      name: 'comment-on-issue',
      title: 'Comment on Issue',
      description: 'Adds a Markdown comment to a code issue.',
      input: z =>
        z.object({
          issueKey: z.string(),
          text: z.string().min(1).max(4000),
        }),
      output: z =>
        z.object({
          commentKey: z.string(),
          createdAt: z.string(),
        }),
      example: {
        issueKey: 'AY9k3pX2fQ1w8ZbRr7Lm',
        text: 'Tracked in PAY-1460, fix planned this sprint.',
      },
      run: () => ({
        commentKey: 'AY9kBq1sT0m3XvPe2Wc4',
        createdAt: '2024-05-14T10:20:00+0000',
      }),
    }),
    portalAction({
      name: 'search-hotspots',
      title: 'Search Security Hotspots',
      description:
        'Lists security hotspots that need a human review, ordered by vulnerability probability.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string(),
          branch: z.string().optional(),
          status: z.enum(['TO_REVIEW', 'REVIEWED']).default('TO_REVIEW'),
          resolution: z
            .enum(['FIXED', 'SAFE', 'ACKNOWLEDGED'])
            .optional()
            .describe('Only with status REVIEWED'),
          onlyMine: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          hotspots: z.array(
            z.object({
              key: z.string(),
              securityCategory: z.string(),
              vulnerabilityProbability: z.enum(['HIGH', 'MEDIUM', 'LOW']),
              component: z.string(),
              line: z.number().int().optional(),
              message: z.string(),
              ruleKey: z.string(),
            }),
          ),
        }),
      example: {
        projectKey: 'com.example:billing-service',
        status: 'TO_REVIEW',
        onlyMine: false,
      },
      run: input => ({
        hotspots: [
          {
            key: 'AY9lC2mN4oP5qR6sT7uV',
            securityCategory: 'weak-cryptography',
            vulnerabilityProbability: 'MEDIUM' as const,
            component: `${input.projectKey}:src/main/java/com/example/billing/TokenGenerator.java`,
            line: 27,
            message:
              'Make sure that using this pseudorandom number generator is safe here.',
            ruleKey: 'java:S2245',
          },
        ],
      }),
    }),
    portalAction({
      name: 'review-hotspot',
      title: 'Review Security Hotspot',
      description:
        'Records the review outcome of a security hotspot. A resolution is required when status is REVIEWED.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          hotspotKey: z.string(),
          status: z.enum(['TO_REVIEW', 'REVIEWED']),
          resolution: z.enum(['FIXED', 'SAFE', 'ACKNOWLEDGED']).optional(),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          key: z.string(),
          status: z.enum(['TO_REVIEW', 'REVIEWED']),
          resolution: z.enum(['FIXED', 'SAFE', 'ACKNOWLEDGED']).optional(),
        }),
      example: {
        hotspotKey: 'AY9lC2mN4oP5qR6sT7uV',
        status: 'REVIEWED',
        resolution: 'SAFE',
        comment: 'Only used for request correlation ids, not secrets.',
      },
      run: input => ({
        key: input.hotspotKey,
        status: input.status,
        resolution: input.resolution,
      }),
    }),
    portalAction({
      name: 'get-rule',
      title: 'Get Rule',
      description:
        'Explains an analysis rule: what it detects, why it matters and how to fix it.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          ruleKey: z
            .string()
            .regex(/^[a-z0-9_-]+:[A-Za-z0-9_]+$/)
            .describe('Repository and key, for example java:S2259'),
        }),
      output: z =>
        z.object({
          key: z.string(),
          name: z.string(),
          language: z.string(),
          type: z.enum([
            'BUG',
            'VULNERABILITY',
            'CODE_SMELL',
            'SECURITY_HOTSPOT',
          ]),
          severity: z.string(),
          tags: z.array(z.string()),
          descriptionSections: z.array(
            z.object({
              key: z.enum([
                'introduction',
                'root_cause',
                'how_to_fix',
                'resources',
              ]),
              content: z.string(),
            }),
          ),
        }),
      example: { ruleKey: 'java:S2259' },
      run: input => ({
        key: input.ruleKey,
        name: 'Null pointers should not be dereferenced',
        language: input.ruleKey.split(':')[0],
        type: 'BUG' as const,
        severity: 'MAJOR',
        tags: ['cwe', 'symbolic-execution'],
        descriptionSections: [
          {
            key: 'root_cause' as const,
            content: 'Dereferencing a null reference throws at runtime.',
          },
          {
            key: 'how_to_fix' as const,
            content: 'Check for null or make the value non-nullable upstream.',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-quality-profiles',
      title: 'List Quality Profiles',
      description:
        'Lists quality profiles per language and marks the defaults. Pass a project to see only the profiles it uses.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          language: z.string().optional(),
          projectKey: z.string().optional(),
        }),
      output: z =>
        z.object({
          profiles: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              language: z.string(),
              isDefault: z.boolean(),
              isBuiltIn: z.boolean(),
              activeRuleCount: z.number().int(),
              parentName: z.string().optional(),
            }),
          ),
        }),
      example: { language: 'java' },
      run: input => ({
        profiles: [
          {
            key: 'AXl8aZ1yQ3qkW9z0cE2f',
            name: 'Sonar way',
            language: input.language ?? 'java',
            isDefault: false,
            isBuiltIn: true,
            activeRuleCount: 512,
          },
          {
            key: 'AXpQ7rT2uV4wX6yZ8aB0',
            name: 'Example Corp',
            language: input.language ?? 'java',
            isDefault: true,
            isBuiltIn: false,
            activeRuleCount: 548,
            parentName: 'Sonar way',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-quality-gates',
      title: 'List Quality Gates',
      description:
        'Lists the quality gates defined on the server and their conditions.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          qualityGates: z.array(
            z.object({
              name: z.string(),
              isDefault: z.boolean(),
              conditions: z.array(
                z.object({
                  metric: z.string(),
                  op: z.enum(['GT', 'LT']),
                  error: z.string(),
                }),
              ),
            }),
          ),
        }),
      example: {},
      run: () => ({
        qualityGates: [
          {
            name: 'Sonar way',
            isDefault: false,
            conditions: [
              { metric: 'new_coverage', op: 'LT' as const, error: '80' },
              { metric: 'new_violations', op: 'GT' as const, error: '0' },
            ],
          },
          {
            name: 'Example Corp Strict',
            isDefault: true,
            conditions: [
              { metric: 'new_coverage', op: 'LT' as const, error: '85' },
              { metric: 'new_security_rating', op: 'GT' as const, error: '1' },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'set-project-quality-gate',
      title: 'Set Project Quality Gate',
      description:
        'Associates a project with a quality gate. Takes effect from the next analysis; existing results are not re-evaluated.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string(),
          gateName: z.string().min(1),
        }),
      output: z =>
        z.object({
          projectKey: z.string(),
          gateName: z.string(),
          previousGateName: z.string().optional(),
        }),
      example: {
        projectKey: 'com.example:billing-service',
        gateName: 'Example Corp Strict',
      },
      run: input => ({
        projectKey: input.projectKey,
        gateName: input.gateName,
        previousGateName: 'Sonar way',
      }),
    }),
    portalAction({
      name: 'list-analyses',
      title: 'List Analyses',
      description:
        'Lists past analyses of a project with the events attached to them, such as version changes and quality gate flips.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string(),
          branch: z.string().optional(),
          category: z
            .enum(['VERSION', 'QUALITY_GATE', 'QUALITY_PROFILE', 'OTHER'])
            .optional(),
          from: z.string().optional(),
          to: z.string().optional(),
          pageSize: z.number().int().min(1).max(500).default(50),
        }),
      output: z =>
        z.object({
          analyses: z.array(
            z.object({
              key: z.string(),
              date: z.string(),
              projectVersion: z.string().optional(),
              revision: z.string().optional(),
              events: z.array(
                z.object({ category: z.string(), name: z.string() }),
              ),
            }),
          ),
        }),
      example: {
        projectKey: 'com.example:billing-service',
        category: 'QUALITY_GATE',
        pageSize: 20,
      },
      run: input => ({
        analyses: [
          {
            key: 'AY9m0aA1bB2cC3dD4eE5',
            date: '2024-05-14T06:12:44+0000',
            projectVersion: '3.41.0',
            revision: '9e0c4b7d2f1a',
            events: [
              { category: input.category ?? 'QUALITY_GATE', name: 'Passed' },
            ],
          },
          {
            key: 'AY9lZzY9xX8wW7vV6uU5',
            date: '2024-05-13T18:40:02+0000',
            projectVersion: '3.41.0-SNAPSHOT',
            events: [
              { category: input.category ?? 'QUALITY_GATE', name: 'Failed' },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-measures-history',
      title: 'Get Measures History',
      description:
        'Returns how chosen metrics changed across analyses, for trend charts. At most three metrics per request.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string(),
          metrics: z.array(z.string()).min(1).max(3),
          from: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          to: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        }),
      output: z =>
        z.object({
          measures: z.array(
            z.object({
              metric: z.string(),
              history: z.array(
                z.object({ date: z.string(), value: z.string().optional() }),
              ),
            }),
          ),
        }),
      example: {
        projectKey: 'com.example:billing-service',
        metrics: ['coverage', 'code_smells'],
        from: '2024-04-01',
      },
      run: input => ({
        measures: input.metrics.map(metric => ({
          metric,
          history: [
            {
              date: '2024-04-02T06:10:00+0000',
              value: metric === 'coverage' ? '79.8' : '231',
            },
            {
              date: '2024-04-30T06:11:00+0000',
              value: metric === 'coverage' ? '81.5' : '220',
            },
            {
              date: '2024-05-14T06:12:44+0000',
              value: metric === 'coverage' ? '82.7' : '214',
            },
          ],
        })),
      }),
    }),
    portalAction({
      name: 'list-branches',
      title: 'List Branches',
      description:
        'Lists analysed branches of a project with their quality gate status.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string(),
        }),
      output: z =>
        z.object({
          branches: z.array(
            z.object({
              name: z.string(),
              isMain: z.boolean(),
              qualityGateStatus: z.enum(['OK', 'ERROR', 'NONE']),
              analysisDate: z.string().optional(),
              excludedFromPurge: z.boolean(),
            }),
          ),
        }),
      example: { projectKey: 'com.example:billing-service' },
      run: () => ({
        branches: [
          {
            name: 'main',
            isMain: true,
            qualityGateStatus: 'OK' as const,
            analysisDate: '2024-05-14T06:12:44+0000',
            excludedFromPurge: true,
          },
          {
            name: 'release/3.40',
            isMain: false,
            qualityGateStatus: 'ERROR' as const,
            analysisDate: '2024-04-29T11:02:00+0000',
            excludedFromPurge: true,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-duplications',
      title: 'Get Duplications',
      description:
        'Shows the duplicated blocks of one file and where the copies live.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          componentKey: z
            .string()
            .describe('File key, project key followed by a colon and the path'),
          branch: z.string().optional(),
        }),
      output: z =>
        z.object({
          duplications: z.array(
            z.object({
              blocks: z.array(
                z.object({
                  file: z.string(),
                  from: z.number().int(),
                  size: z.number().int(),
                }),
              ),
            }),
          ),
        }),
      example: {
        componentKey:
          'com.example:billing-service:src/main/java/com/example/billing/InvoiceMapper.java',
      },
      run: input => ({
        duplications: [
          {
            blocks: [
              { file: input.componentKey, from: 40, size: 22 },
              {
                file: 'com.example:billing-service:src/main/java/com/example/billing/CreditNoteMapper.java',
                from: 35,
                size: 22,
              },
            ],
          },
        ],
      }),
    }),
    portalAction({
      name: 'export-findings',
      title: 'Export Findings',
      description:
        'Exports open issues and hotspots of a project as CSV or SARIF text, for audits or for importing into other tools. Large projects are cut off at maxFindings.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string(),
          branch: z.string().optional(),
          format: z.enum(['csv', 'sarif']).default('csv'),
          include: z
            .array(z.enum(['issues', 'hotspots']))
            .default(['issues', 'hotspots']),
          maxFindings: z.number().int().min(1).max(10000).default(1000),
        }),
      output: z =>
        z.object({
          format: z.enum(['csv', 'sarif']),
          findings: z.number().int(),
          truncated: z.boolean(),
          content: z.string(),
        }),
      example: {
        projectKey: 'com.example:billing-service',
        format: 'csv',
        include: ['issues'],
        maxFindings: 1000,
      },
      run: input => ({
        format: input.format,
        findings: 1,
        truncated: false,
        content:
          input.format === 'csv'
            ? 'key,rule,severity,file,line\nAY9k3pX2fQ1w8ZbRr7Lm,java:S2259,MAJOR,InvoiceService.java,118\n'
            : '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"SonarQube"}},"results":[]}]}',
      }),
    }),
    portalAction({
      name: 'create-project',
      title: 'Create Project',
      description:
        'Provisions an empty project so a CI pipeline can send its first analysis. The key cannot be changed later without breaking history links.',
      input: z =>
        z.object({
          projectKey: z
            .string()
            .min(1)
            .max(400)
            .regex(/^[A-Za-z0-9_.:-]+$/)
            .describe(
              'Letters, digits, dash, underscore, period or colon; at least one non-digit',
            ),
          name: z.string().min(1).max(500),
          visibility: z.enum(['public', 'private']).default('private'),
          mainBranch: z.string().default('main'),
          newCodeDefinition: z
            .object({
              type: z.enum([
                'PREVIOUS_VERSION',
                'NUMBER_OF_DAYS',
                'REFERENCE_BRANCH',
              ]),
              value: z
                .string()
                .optional()
                .describe('Days or branch name, depending on type'),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          key: z.string(),
          name: z.string(),
          visibility: z.enum(['public', 'private']),
          url: z.string(),
        }),
      example: {
        projectKey: 'com.example:invoice-renderer',
        name: 'invoice-renderer',
        visibility: 'private',
        mainBranch: 'main',
        newCodeDefinition: { type: 'NUMBER_OF_DAYS', value: '30' },
      },
      run: input => ({
        key: input.projectKey,
        name: input.name,
        visibility: input.visibility,
        url: `https://sonar.example.com/dashboard?id=${encodeURIComponent(input.projectKey)}`,
      }),
    }),
    portalAction({
      name: 'delete-project',
      title: 'Delete Project',
      description:
        'Deletes a project and all of its analyses, issues and history. Requires Administer permission on the project and cannot be undone.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string(),
        }),
      output: z =>
        z.object({
          projectKey: z.string(),
          deleted: z.boolean(),
        }),
      example: { projectKey: 'com.example:billing-ui-legacy' },
      run: input => ({ projectKey: input.projectKey, deleted: true }),
    }),
    portalAction({
      name: 'get-source-snippet',
      title: 'Get Source Snippet',
      description:
        'Returns a range of source lines of an analysed file with per-line coverage and SCM blame. Needs the See Source Code permission on the project.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          componentKey: z.string(),
          from: z.number().int().min(1).default(1),
          to: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Last line, inclusive; defaults to from + 49'),
          branch: z.string().optional(),
        }),
      output: z =>
        z.object({
          lines: z.array(
            z.object({
              line: z.number().int(),
              code: z.string(),
              scmAuthor: z.string().optional(),
              scmRevision: z.string().optional(),
              lineHits: z.number().int().optional(),
              isNew: z.boolean(),
            }),
          ),
        }),
      example: {
        componentKey:
          'com.example:billing-service:src/main/java/com/example/billing/InvoiceService.java',
        from: 116,
        to: 119,
      },
      run: input => {
        const code = [
          '  public Invoice draft(Customer customer) {',
          '    var terms = termsRepository.forRegion(region);',
          '    return Invoice.builder().currency(customer.getCurrency())',
          '        .terms(terms).build();',
        ];
        const to = input.to ?? input.from + 49;
        return {
          lines: code
            .slice(0, Math.max(0, to - input.from + 1))
            .map((c, i) => ({
              line: input.from + i,
              code: c,
              scmAuthor: 'okowalski@example.com',
              scmRevision: '9e0c4b7d2f1a',
              lineHits: i === 2 ? 0 : 4,
              isNew: i === 2,
            })),
        };
      },
    }),
  ],
};
