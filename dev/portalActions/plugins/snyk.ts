import { PortalPlugin, portalAction } from '../types';

export const snykPlugin: PortalPlugin = {
  pluginId: 'snyk',
  actions: [
    portalAction({
      name: 'list-organizations',
      title: 'List Organizations',
      description:
        'Lists the Snyk organizations the portal token belongs to, with their group.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          groupId: z.string().uuid().optional(),
        }),
      output: z =>
        z.object({
          orgs: z.array(
            z.object({
              id: z.string(),
              slug: z.string(),
              name: z.string(),
              group: z.object({ id: z.string(), name: z.string() }).optional(),
            }),
          ),
        }),
      example: { groupId: '2f4b9d1e-6c3a-4e8b-9a7d-1c5e3f7b9d2a' },
      run: input => ({
        orgs: [
          {
            id: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
            slug: 'payments',
            name: 'Payments',
            group: input.groupId
              ? { id: input.groupId, name: 'Example Corp' }
              : undefined,
          },
          {
            id: 'b2d4f6a8-0c1e-4a3b-9d5f-7e9a1b3c5d7e',
            slug: 'platform',
            name: 'Platform',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description:
        'Lists monitored projects in an organization. A repository usually yields one project per manifest or container image.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          targetName: z
            .string()
            .optional()
            .describe('Repository or image name, such as acme/billing-service'),
          types: z
            .array(
              z.enum([
                'npm',
                'maven',
                'gradle',
                'pip',
                'gomodules',
                'nuget',
                'dockerfile',
                'deb',
                'apk',
                'sast',
              ]),
            )
            .optional(),
          origins: z
            .array(
              z.enum([
                'github',
                'gitlab',
                'bitbucket-cloud',
                'cli',
                'docker-hub',
                'ecr',
              ]),
            )
            .optional(),
          tags: z
            .array(z.object({ key: z.string(), value: z.string() }))
            .optional(),
          limit: z.number().int().min(10).max(100).default(50),
        }),
      output: z =>
        z.object({
          projects: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              type: z.string(),
              origin: z.string(),
              status: z.enum(['active', 'inactive']),
              issueCounts: z.object({
                critical: z.number().int(),
                high: z.number().int(),
                medium: z.number().int(),
                low: z.number().int(),
              }),
              lastTestedAt: z.string().optional(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        targetName: 'acme/billing-service',
        types: ['maven', 'dockerfile'],
        limit: 50,
      },
      run: input => {
        const target = input.targetName ?? 'acme/billing-service';
        return {
          projects: [
            {
              id: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
              name: `${target}:pom.xml`,
              type: 'maven',
              origin: 'github',
              status: 'active' as const,
              issueCounts: { critical: 1, high: 4, medium: 9, low: 2 },
              lastTestedAt: '2024-05-14T03:00:12Z',
            },
            {
              id: '7e6f5a4b-3c2d-4e1f-8a9b-0c1d2e3f4a5b',
              name: `${target}:Dockerfile`,
              type: 'dockerfile',
              origin: 'github',
              status: 'active' as const,
              issueCounts: { critical: 0, high: 2, medium: 11, low: 37 },
              lastTestedAt: '2024-05-14T03:01:40Z',
            },
          ],
        };
      },
    }),
    portalAction({
      name: 'get-project',
      title: 'Get Project',
      description:
        'Returns settings and metadata of one Snyk project, including its test frequency and tags.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          type: z.string(),
          targetReference: z
            .string()
            .optional()
            .describe('Branch or tag that is monitored'),
          testFrequency: z.enum(['daily', 'weekly', 'never']),
          businessCriticality: z.array(
            z.enum(['critical', 'high', 'medium', 'low']),
          ),
          environment: z.array(z.string()),
          tags: z.array(z.object({ key: z.string(), value: z.string() })),
          createdAt: z.string(),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
      },
      run: input => ({
        id: input.projectId,
        name: 'acme/billing-service:pom.xml',
        type: 'maven',
        targetReference: 'main',
        testFrequency: 'daily' as const,
        businessCriticality: ['high' as const],
        environment: ['backend', 'external'],
        tags: [{ key: 'component', value: 'billing-service' }],
        createdAt: '2022-09-01T10:14:00Z',
      }),
    }),
    portalAction({
      name: 'list-project-issues',
      title: 'List Project Issues',
      description:
        'Lists vulnerabilities and license issues of a project, with whether an upgrade or patch can fix them. Ignored issues are excluded unless includeIgnored is set.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
          filters: z
            .object({
              severities: z
                .array(z.enum(['critical', 'high', 'medium', 'low']))
                .optional(),
              types: z.array(z.enum(['vuln', 'license'])).default(['vuln']),
              exploitMaturity: z
                .array(
                  z.enum([
                    'mature',
                    'proof-of-concept',
                    'no-known-exploit',
                    'no-data',
                  ]),
                )
                .optional(),
              fixable: z
                .boolean()
                .optional()
                .describe('Only issues with an upgrade or patch available'),
              includeIgnored: z.boolean().default(false),
            })
            .default({}),
          minPriorityScore: z.number().int().min(0).max(1000).optional(),
        }),
      output: z =>
        z.object({
          issues: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              severity: z.enum(['critical', 'high', 'medium', 'low']),
              priorityScore: z.number().int(),
              package: z.object({ name: z.string(), version: z.string() }),
              introducedThrough: z.array(z.string()),
              fix: z.object({
                upgradeable: z.boolean(),
                patchable: z.boolean(),
                fixedIn: z.array(z.string()),
              }),
              cves: z.array(z.string()),
              ignored: z.boolean(),
            }),
          ),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
        filters: {
          severities: ['critical', 'high'],
          types: ['vuln'],
          fixable: true,
          includeIgnored: false,
        },
        minPriorityScore: 500,
      },
      run: input => ({
        issues: [
          {
            id: 'SNYK-JAVA-ORGYAML-3152153',
            title: 'Deserialization of Untrusted Data',
            severity: 'high' as const,
            priorityScore: Math.max(input.minPriorityScore ?? 0, 704),
            package: { name: 'org.yaml:snakeyaml', version: '1.33' },
            introducedThrough: [
              'org.springframework.boot:spring-boot-starter@2.7.8',
              'org.yaml:snakeyaml@1.33',
            ],
            fix: { upgradeable: true, patchable: false, fixedIn: ['2.0'] },
            cves: ['CVE-2022-1471'],
            ignored: false,
          },
        ],
      }),
    }),
    portalAction({
      name: 'get-vulnerability',
      title: 'Get Vulnerability',
      description:
        'Looks up a vulnerability in the Snyk database by its Snyk id or a CVE.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          id: z.string().regex(/^(SNYK-[A-Z0-9-]+|CVE-\d{4}-\d{4,})$/),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          severity: z.enum(['critical', 'high', 'medium', 'low']),
          cvssScore: z.number().min(0).max(10),
          cvssVector: z.string(),
          cwe: z.array(z.string()),
          publishedAt: z.string(),
          exploitMaturity: z.enum([
            'mature',
            'proof-of-concept',
            'no-known-exploit',
            'no-data',
          ]),
          references: z.array(z.object({ title: z.string(), url: z.string() })),
        }),
      example: { id: 'CVE-2022-1471' },
      run: input => ({
        id: input.id.startsWith('CVE') ? 'SNYK-JAVA-ORGYAML-3152153' : input.id,
        title: 'Deserialization of Untrusted Data',
        severity: 'high' as const,
        cvssScore: 8.3,
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:H',
        cwe: ['CWE-502'],
        publishedAt: '2022-12-01T12:00:00Z',
        exploitMaturity: 'proof-of-concept' as const,
        references: [
          {
            title: 'GitHub Issue',
            url: 'https://bitbucket.org/snakeyaml/snakeyaml/issues/561',
          },
        ],
      }),
    }),
    portalAction({
      name: 'test-package',
      title: 'Test Package',
      description:
        'Checks one published package version for known vulnerabilities without importing a project. Counts against the organization’s test quota.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          ecosystem: z.enum([
            'npm',
            'maven',
            'pip',
            'rubygems',
            'golang',
            'nuget',
            'composer',
          ]),
          name: z
            .string()
            .min(1)
            .describe('Package name; for Maven use groupId:artifactId'),
          version: z.string().min(1),
        }),
      output: z =>
        z.object({
          ok: z.boolean(),
          dependencyCount: z.number().int(),
          vulnerabilities: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              severity: z.string(),
              fixedIn: z.array(z.string()),
            }),
          ),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        ecosystem: 'npm',
        name: 'jsonwebtoken',
        version: '8.5.1',
      },
      run: input => ({
        ok: false,
        dependencyCount: 15,
        vulnerabilities: [
          {
            id: `SNYK-JS-${input.name.toUpperCase().replace(/[^A-Z0-9]/g, '')}-3180022`,
            title: 'Improper Restriction of Security Token Assignment',
            severity: 'medium',
            fixedIn: ['9.0.0'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'test-dependencies',
      title: 'Test Dependencies',
      description:
        'Tests a manifest file passed inline, such as package.json with its lockfile, and reports the vulnerable paths. Nothing is stored or monitored afterwards.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          packageManager: z.enum([
            'npm',
            'yarn',
            'maven',
            'gradle',
            'pip',
            'gomodules',
          ]),
          files: z
            .object({
              target: z.object({
                path: z.string(),
                contents: z.string().describe('File contents, plain text'),
              }),
              additional: z
                .array(z.object({ path: z.string(), contents: z.string() }))
                .default([])
                .describe('Lockfiles or sub-module manifests'),
            })
            .describe('Manifest and optional lockfiles'),
          severityThreshold: z
            .enum(['low', 'medium', 'high', 'critical'])
            .default('low'),
        }),
      output: z =>
        z.object({
          ok: z.boolean(),
          summary: z.string(),
          uniqueCount: z.number().int(),
          paths: z.array(
            z.object({ vulnId: z.string(), from: z.array(z.string()) }),
          ),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        packageManager: 'npm',
        files: {
          target: {
            path: 'package.json',
            contents: '{"name":"billing-ui","dependencies":{"axios":"0.21.1"}}',
          },
          additional: [],
        },
        severityThreshold: 'high',
      },
      run: input => ({
        ok: false,
        summary: `1 vulnerable dependency path at or above ${input.severityThreshold} severity`,
        uniqueCount: 1,
        paths: [
          {
            vulnId: 'SNYK-JS-AXIOS-1579269',
            from: ['billing-ui@*', 'axios@0.21.1'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'ignore-issue',
      title: 'Ignore Issue',
      description:
        'Ignores an issue in one project with a reason and an optional expiry. Requires the ignore permission, and a reason is mandatory for audit.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
          issueId: z.string(),
          reasonType: z.enum([
            'not-vulnerable',
            'wont-fix',
            'temporary-ignore',
          ]),
          reason: z.string().min(10).max(1000),
          expires: z
            .string()
            .optional()
            .describe('ISO 8601 date after which the ignore lapses'),
          ignorePath: z
            .string()
            .default('*')
            .describe('Dependency path to ignore, or * for all paths'),
          disregardIfFixable: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          issueId: z.string(),
          ignoredBy: z.string(),
          created: z.string(),
          expires: z.string().optional(),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
        issueId: 'SNYK-JAVA-ORGYAML-3152153',
        reasonType: 'not-vulnerable',
        reason:
          'We only load YAML from our own config files with SafeConstructor.',
        expires: '2024-08-14',
        ignorePath: '*',
        disregardIfFixable: false,
      },
      run: input => ({
        issueId: input.issueId,
        ignoredBy: 'backstage-portal',
        created: '2024-05-14T10:30:00Z',
        expires: input.expires,
      }),
    }),
    portalAction({
      name: 'remove-ignore',
      title: 'Remove Ignore',
      description:
        'Deletes all ignore rules for an issue in a project, so it counts against the project again. The audit trail of the old ignore is kept.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
          issueId: z.string(),
        }),
      output: z =>
        z.object({
          issueId: z.string(),
          removedRules: z.number().int(),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
        issueId: 'SNYK-JAVA-ORGYAML-3152153',
      },
      run: input => ({ issueId: input.issueId, removedRules: 1 }),
    }),
    portalAction({
      name: 'retest-project',
      title: 'Retest Project',
      description:
        'Queues a fresh test of a monitored project outside its regular schedule.',
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
        }),
      output: z =>
        z.object({
          projectId: z.string(),
          jobId: z.string(),
          status: z.enum(['queued', 'running']),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '7e6f5a4b-3c2d-4e1f-8a9b-0c1d2e3f4a5b',
      },
      run: input => ({
        projectId: input.projectId,
        jobId: 'c8d7e6f5-a4b3-4c2d-9e1f-0a9b8c7d6e5f',
        status: 'queued' as const,
      }),
    }),
    portalAction({
      name: 'import-repository',
      title: 'Import Repository',
      description:
        'Imports a repository through an SCM integration so Snyk creates and monitors a project for each manifest it finds. The import runs in the background; poll the returned job id.',
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          integrationId: z
            .string()
            .uuid()
            .describe('Id of the GitHub, GitLab or Bitbucket integration'),
          target: z.object({
            owner: z.string(),
            name: z.string(),
            branch: z
              .string()
              .optional()
              .describe('Defaults to the repository default branch'),
          }),
          files: z
            .array(z.string())
            .optional()
            .describe(
              'Manifest paths to import; all detected manifests when omitted',
            ),
          exclusionGlobs: z
            .array(z.string())
            .default(['test/**', 'fixtures/**']),
        }),
      output: z =>
        z.object({
          jobId: z.string(),
          status: z.enum(['pending', 'running']),
          target: z.string(),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        integrationId: 'e9f8a7b6-c5d4-4e3f-a2b1-c0d9e8f7a6b5',
        target: { owner: 'acme', name: 'invoice-renderer', branch: 'main' },
        exclusionGlobs: ['test/**', 'fixtures/**', 'examples/**'],
      },
      run: input => ({
        jobId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
        status: 'pending' as const,
        target: `${input.target.owner}/${input.target.name}${input.target.branch ? `@${input.target.branch}` : ''}`,
      }),
    }),
    portalAction({
      name: 'deactivate-project',
      title: 'Deactivate Project',
      description:
        'Stops monitoring a project without deleting it; its history stays visible and it can be activated again later.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
        }),
      output: z =>
        z.object({
          projectId: z.string(),
          status: z.literal('inactive'),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '7e6f5a4b-3c2d-4e1f-8a9b-0c1d2e3f4a5b',
      },
      run: input => ({
        projectId: input.projectId,
        status: 'inactive' as const,
      }),
    }),
    portalAction({
      name: 'delete-project',
      title: 'Delete Project',
      description:
        'Deletes a project with its test history and ignores. Re-importing later creates a new project with a new id.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
        }),
      output: z =>
        z.object({
          projectId: z.string(),
          deleted: z.boolean(),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '7e6f5a4b-3c2d-4e1f-8a9b-0c1d2e3f4a5b',
      },
      run: input => ({ projectId: input.projectId, deleted: true }),
    }),
    portalAction({
      name: 'update-project-settings',
      title: 'Update Project Settings',
      description:
        'Changes how a project is tested and reported: test frequency, automatic fix and upgrade pull requests, and attributes used for prioritisation.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
          testFrequency: z.enum(['daily', 'weekly', 'never']).optional(),
          pullRequests: z
            .object({
              fixPullRequestsEnabled: z.boolean().optional(),
              upgradePullRequestsEnabled: z.boolean().optional(),
              failOnlyForHighSeverity: z.boolean().optional(),
              ignoredDependencies: z.array(z.string()).optional(),
            })
            .optional(),
          attributes: z
            .object({
              criticality: z
                .array(z.enum(['critical', 'high', 'medium', 'low']))
                .optional(),
              environment: z
                .array(
                  z.enum([
                    'frontend',
                    'backend',
                    'internal',
                    'external',
                    'mobile',
                    'saas',
                    'onprem',
                  ]),
                )
                .optional(),
              lifecycle: z
                .array(z.enum(['production', 'development', 'sandbox']))
                .optional(),
            })
            .optional(),
          tags: z
            .record(z.string())
            .optional()
            .describe('Replaces all project tags'),
        }),
      output: z =>
        z.object({
          projectId: z.string(),
          changed: z.array(z.string()),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
        testFrequency: 'daily',
        pullRequests: {
          fixPullRequestsEnabled: true,
          upgradePullRequestsEnabled: false,
        },
        attributes: {
          criticality: ['high'],
          environment: ['backend', 'external'],
          lifecycle: ['production'],
        },
        tags: { team: 'payments', component: 'billing-service' },
      },
      run: input => ({
        projectId: input.projectId,
        changed: (
          ['testFrequency', 'pullRequests', 'attributes', 'tags'] as const
        ).filter(k => input[k] !== undefined),
      }),
    }),
    portalAction({
      name: 'open-fix-pull-request',
      title: 'Open Fix Pull Request',
      description:
        'Asks Snyk to open a pull request on the source repository that upgrades packages to fix the selected issues. Only works for projects imported through an SCM integration.',
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
          issueIds: z.array(z.string()).min(1).max(50),
        }),
      output: z =>
        z.object({
          pullRequestUrl: z.string(),
          fixedIssues: z.array(z.string()),
          unfixable: z.array(
            z.object({ issueId: z.string(), reason: z.string() }),
          ),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
        issueIds: ['SNYK-JAVA-ORGYAML-3152153'],
      },
      run: input => ({
        pullRequestUrl: 'https://github.com/acme/billing-service/pull/913',
        fixedIssues: input.issueIds,
        unfixable: [],
      }),
    }),
    portalAction({
      name: 'list-dependencies',
      title: 'List Dependencies',
      description:
        'Lists the packages a project depends on, direct and transitive, with their licenses and issue counts.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
          directOnly: z.boolean().default(false),
          sortBy: z
            .enum(['dependency', 'severity', 'dependenciesWithIssues'])
            .default('severity'),
          page: z.number().int().min(1).default(1),
          perPage: z.number().int().min(1).max(1000).default(100),
        }),
      output: z =>
        z.object({
          total: z.number().int(),
          dependencies: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              version: z.string(),
              direct: z.boolean(),
              licenses: z.array(z.string()),
              issues: z.object({
                critical: z.number().int(),
                high: z.number().int(),
                medium: z.number().int(),
                low: z.number().int(),
              }),
              latestVersion: z.string().optional(),
            }),
          ),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
        directOnly: true,
        sortBy: 'severity',
        page: 1,
        perPage: 100,
      },
      run: input => ({
        total: input.directOnly ? 24 : 187,
        dependencies: [
          {
            id: 'org.yaml:snakeyaml@1.33',
            name: 'org.yaml:snakeyaml',
            version: '1.33',
            direct: false,
            licenses: ['Apache-2.0'],
            issues: { critical: 0, high: 1, medium: 0, low: 0 },
            latestVersion: '2.2',
          },
          {
            id: 'com.fasterxml.jackson.core:jackson-databind@2.13.4',
            name: 'com.fasterxml.jackson.core:jackson-databind',
            version: '2.13.4',
            direct: true,
            licenses: ['Apache-2.0'],
            issues: { critical: 0, high: 0, medium: 1, low: 0 },
            latestVersion: '2.17.1',
          },
        ].filter(d => !input.directOnly || d.direct),
      }),
    }),
    portalAction({
      name: 'list-licenses',
      title: 'List Licenses',
      description:
        'Summarises the licenses used across an organization and how many packages carry each.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          severity: z
            .array(z.enum(['none', 'low', 'medium', 'high']))
            .optional()
            .describe('License policy severities'),
        }),
      output: z =>
        z.object({
          licenses: z.array(
            z.object({
              id: z.string(),
              severity: z.enum(['none', 'low', 'medium', 'high']),
              dependencyCount: z.number().int(),
              projectCount: z.number().int(),
            }),
          ),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        severity: ['medium', 'high'],
      },
      run: () => ({
        licenses: [
          {
            id: 'LGPL-2.1',
            severity: 'medium' as const,
            dependencyCount: 3,
            projectCount: 2,
          },
          {
            id: 'AGPL-3.0',
            severity: 'high' as const,
            dependencyCount: 1,
            projectCount: 1,
          },
        ],
      }),
    }),
    portalAction({
      name: 'export-sbom',
      title: 'Export SBOM',
      description:
        'Produces a software bill of materials for a project in CycloneDX or SPDX. The document is returned inline as a JSON string.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          projectId: z.string().uuid(),
          format: z
            .enum(['cyclonedx1.5+json', 'cyclonedx1.4+json', 'spdx2.3+json'])
            .default('cyclonedx1.5+json'),
        }),
      output: z =>
        z.object({
          format: z.string(),
          componentCount: z.number().int(),
          document: z.string(),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
        format: 'spdx2.3+json',
      },
      run: input => ({
        format: input.format,
        componentCount: 187,
        document: input.format.startsWith('spdx')
          ? '{"spdxVersion":"SPDX-2.3","name":"billing-service","packages":[]}'
          : '{"bomFormat":"CycloneDX","specVersion":"1.5","components":[]}',
      }),
    }),
    portalAction({
      name: 'get-issue-counts',
      title: 'Get Issue Counts',
      description:
        'Counts open issues in an organization by severity, optionally broken down per project or filtered by project tags.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          groupBy: z.enum(['severity', 'project']).default('severity'),
          projectTags: z
            .record(z.string())
            .optional()
            .describe('Only count projects carrying all of these tags'),
          fixableOnly: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          totals: z.object({
            critical: z.number().int(),
            high: z.number().int(),
            medium: z.number().int(),
            low: z.number().int(),
          }),
          byProject: z
            .array(
              z.object({
                projectId: z.string(),
                name: z.string(),
                total: z.number().int(),
              }),
            )
            .optional(),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        groupBy: 'project',
        projectTags: { team: 'payments' },
        fixableOnly: true,
      },
      run: input => ({
        totals: input.fixableOnly
          ? { critical: 1, high: 5, medium: 12, low: 4 }
          : { critical: 1, high: 6, medium: 20, low: 39 },
        byProject:
          input.groupBy === 'project'
            ? [
                {
                  projectId: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
                  name: 'acme/billing-service:pom.xml',
                  total: 16,
                },
                {
                  projectId: '7e6f5a4b-3c2d-4e1f-8a9b-0c1d2e3f4a5b',
                  name: 'acme/billing-service:Dockerfile',
                  total: 50,
                },
              ]
            : undefined,
      }),
    }),
    portalAction({
      name: 'get-import-job',
      title: 'Get Import Job',
      description:
        'Reports the progress of a repository import started with import-repository and the projects it created so far.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          jobId: z.string().uuid(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.enum(['pending', 'running', 'complete', 'failed']),
          createdProjects: z.array(
            z.object({ projectId: z.string(), targetFile: z.string() }),
          ),
          errors: z.array(z.string()),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        jobId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      },
      run: input => ({
        id: input.jobId,
        status: 'complete' as const,
        createdProjects: [
          {
            projectId: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
            targetFile: 'package.json',
          },
          {
            projectId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
            targetFile: 'Dockerfile',
          },
        ],
        errors: [],
      }),
    }),
    portalAction({
      name: 'list-targets',
      title: 'List Targets',
      description:
        'Lists imported targets, meaning repositories, images or CLI uploads, and how many projects each holds.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          orgId: z.string().uuid(),
          displayName: z.string().optional(),
          isPrivate: z.boolean().optional(),
        }),
      output: z =>
        z.object({
          targets: z.array(
            z.object({
              id: z.string(),
              displayName: z.string(),
              url: z.string().optional(),
              isPrivate: z.boolean(),
              projectCount: z.number().int(),
            }),
          ),
        }),
      example: {
        orgId: 'a1c3e5f7-9b2d-4f6a-8c0e-2d4f6a8c0e1b',
        displayName: 'acme/billing',
      },
      run: input => ({
        targets: [
          {
            id: '55aa66bb-77cc-48dd-99ee-00ff11aa22bb',
            displayName: `${input.displayName ?? 'acme/billing'}-service`,
            url: `https://github.com/${input.displayName ?? 'acme/billing'}-service`,
            isPrivate: input.isPrivate ?? true,
            projectCount: 2,
          },
        ],
      }),
    }),
  ],
};
