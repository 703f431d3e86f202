import { PortalPlugin, portalAction } from '../types';

export const jiraPlugin: PortalPlugin = {
  pluginId: 'jira',
  actions: [
    portalAction({
      name: 'search-issues',
      title: 'Search Issues',
      description:
        'Runs a JQL query and returns matching issues with a chosen set of fields. Results are paged with startAt; Jira caps a page at 100 issues.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          jql: z
            .string()
            .min(1)
            .describe(
              'JQL expression, for example project = PAY AND status = "In Progress" ORDER BY updated DESC',
            ),
          fields: z
            .array(z.string())
            .default(['summary', 'status', 'assignee', 'priority'])
            .describe(
              'Field ids to return; custom fields look like customfield_10042',
            ),
          startAt: z.number().int().min(0).default(0),
          maxResults: z.number().int().min(1).max(100).default(50),
          expandChangelog: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          total: z.number().int(),
          startAt: z.number().int(),
          issues: z.array(
            z.object({
              key: z.string(),
              summary: z.string(),
              status: z.string(),
              statusCategory: z.enum(['new', 'indeterminate', 'done']),
              assignee: z.string().nullable(),
              priority: z.string().optional(),
              updated: z.string(),
            }),
          ),
        }),
      example: {
        jql: 'project = PAY AND assignee = currentUser() AND resolution = Unresolved ORDER BY priority DESC',
        fields: ['summary', 'status', 'assignee', 'priority'],
        startAt: 0,
        maxResults: 50,
        expandChangelog: false,
      },
      run: input => {
        const project =
          /project\s*=\s*([A-Z][A-Z0-9]+)/.exec(input.jql)?.[1] ?? 'PLAT';
        return {
          total: 2,
          startAt: input.startAt,
          issues: [
            {
              key: `${project}-1432`,
              summary: 'Refund webhook retries never back off',
              status: 'In Progress',
              statusCategory: 'indeterminate' as const,
              assignee: 'Maja Hansen',
              priority: 'High',
              updated: '2024-05-14T08:31:00.000+0000',
            },
            {
              key: `${project}-1397`,
              summary: 'Settlement report missing EUR totals',
              status: 'To Do',
              statusCategory: 'new' as const,
              assignee: null,
              priority: 'Medium',
              updated: '2024-05-12T17:04:00.000+0000',
            },
          ],
        };
      },
    }),
    portalAction({
      name: 'get-issue',
      title: 'Get Issue',
      description:
        'Loads a single issue by key, including description, labels, components and sub-tasks.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueKey: z
            .string()
            .regex(/^[A-Z][A-Z0-9_]+-\d+$/)
            .describe('Issue key such as PAY-1432'),
          renderDescription: z
            .enum(['markdown', 'plain', 'adf'])
            .default('markdown'),
        }),
      output: z =>
        z.object({
          key: z.string(),
          issueType: z.string(),
          summary: z.string(),
          description: z.string().optional(),
          status: z.string(),
          reporter: z.string(),
          assignee: z.string().nullable(),
          labels: z.array(z.string()),
          components: z.array(z.string()),
          fixVersions: z.array(z.string()),
          subtasks: z.array(
            z.object({
              key: z.string(),
              summary: z.string(),
              status: z.string(),
            }),
          ),
          parentKey: z.string().optional(),
        }),
      example: { issueKey: 'PAY-1432', renderDescription: 'markdown' },
      run: input => ({
        key: input.issueKey,
        issueType: 'Bug',
        summary: 'Refund webhook retries never back off',
        description:
          'When the PSP returns 503 we retry **immediately** and keep hammering it.',
        status: 'In Progress',
        reporter: 'Tom Lee',
        assignee: 'Maja Hansen',
        labels: ['webhooks', 'incident-follow-up'],
        components: ['refunds'],
        fixVersions: ['2024.06'],
        subtasks: [
          {
            key: `${input.issueKey.split('-')[0]}-1440`,
            summary: 'Add jittered backoff',
            status: 'Done',
          },
        ],
        parentKey: undefined,
      }),
    }),
    portalAction({
      name: 'create-issue',
      title: 'Create Issue',
      description:
        'Creates an issue in a project. Fields the project’s create screen does not show are rejected, and required custom fields must be passed in customFields.',
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
          issueType: z
            .enum(['Bug', 'Task', 'Story', 'Epic', 'Sub-task', 'Incident'])
            .default('Task'),
          summary: z.string().min(1).max(255),
          description: z
            .string()
            .optional()
            .describe('Markdown; converted to Atlassian Document Format'),
          parentKey: z
            .string()
            .optional()
            .describe('Required for sub-tasks, optional epic link for others'),
          assigneeAccountId: z.string().optional(),
          fields: z
            .object({
              priority: z
                .enum(['Highest', 'High', 'Medium', 'Low', 'Lowest'])
                .optional(),
              labels: z
                .array(z.string().regex(/^\S+$/))
                .optional()
                .describe('Labels cannot contain spaces'),
              components: z.array(z.string()).optional(),
              fixVersions: z.array(z.string()).optional(),
              dueDate: z
                .string()
                .regex(/^\d{4}-\d{2}-\d{2}$/)
                .optional(),
            })
            .default({}),
          customFields: z
            .record(z.string())
            .optional()
            .describe(
              'Map of custom field id to value, such as customfield_10042',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          key: z.string(),
          self: z.string(),
        }),
      example: {
        projectKey: 'PAY',
        issueType: 'Bug',
        summary: 'Payout CSV export times out for large merchants',
        description:
          'Merchants with more than 50k payouts a month get a 504 after 30 seconds.',
        fields: {
          priority: 'High',
          labels: ['export', 'performance'],
          components: ['payouts'],
        },
        customFields: { customfield_10042: 'merchant-experience' },
      },
      run: input => ({
        id: '100871',
        key: `${input.projectKey}-1451`,
        self: 'https://jira.example.com/rest/api/3/issue/100871',
      }),
    }),
    portalAction({
      name: 'update-issue',
      title: 'Update Issue',
      description:
        'Edits fields of an existing issue; only the fields you pass are touched. Labels can be replaced outright or adjusted with add and remove lists.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          summary: z.string().min(1).max(255).optional(),
          description: z.string().optional(),
          priority: z
            .enum(['Highest', 'High', 'Medium', 'Low', 'Lowest'])
            .optional(),
          labels: z
            .object({
              set: z.array(z.string()).optional(),
              add: z.array(z.string()).optional(),
              remove: z.array(z.string()).optional(),
            })
            .optional(),
          components: z
            .array(z.string())
            .optional()
            .describe('Replaces the component list'),
          customFields: z.record(z.string()).optional(),
          notifyUsers: z
            .boolean()
            .default(true)
            .describe('Send the usual watcher notifications'),
        }),
      output: z =>
        z.object({
          key: z.string(),
          updatedFields: z.array(z.string()),
        }),
      example: {
        issueKey: 'PAY-1432',
        priority: 'Highest',
        labels: { add: ['sev2'], remove: ['triage'] },
        notifyUsers: false,
      },
      run: input => ({
        key: input.issueKey,
        updatedFields: Object.keys(input).filter(
          k => k !== 'issueKey' && k !== 'notifyUsers',
        ),
      }),
    }),
    portalAction({
      name: 'list-transitions',
      title: 'List Transitions',
      description:
        'Lists the workflow transitions currently available for an issue and the fields each one asks for. Call this before transition-issue to find a valid transition id.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
        }),
      output: z =>
        z.object({
          transitions: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              toStatus: z.string(),
              requiredFields: z.array(z.string()),
            }),
          ),
        }),
      example: { issueKey: 'PAY-1432' },
      run: () => ({
        transitions: [
          {
            id: '21',
            name: 'Start Progress',
            toStatus: 'In Progress',
            requiredFields: [],
          },
          {
            id: '31',
            name: 'Resolve',
            toStatus: 'Resolved',
            requiredFields: ['resolution'],
          },
          {
            id: '41',
            name: 'Won’t Do',
            toStatus: 'Closed',
            requiredFields: ['resolution', 'comment'],
          },
        ],
      }),
    }),
    portalAction({
      name: 'transition-issue',
      title: 'Transition Issue',
      description:
        'Moves an issue through its workflow using a transition id, setting resolution or other screen fields along the way.',
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          transitionId: z
            .string()
            .regex(/^\d+$/)
            .describe('From list-transitions'),
          resolution: z
            .enum([
              'Done',
              'Fixed',
              "Won't Do",
              'Duplicate',
              'Cannot Reproduce',
            ])
            .optional(),
          comment: z
            .string()
            .optional()
            .describe('Added as a comment in the same operation'),
          fields: z
            .record(z.string())
            .optional()
            .describe('Other fields the transition screen requires'),
        }),
      output: z =>
        z.object({
          key: z.string(),
          fromStatus: z.string(),
          toStatus: z.string(),
        }),
      example: {
        issueKey: 'PAY-1432',
        transitionId: '31',
        resolution: 'Fixed',
        comment: 'Backoff shipped in 2024.06.1',
      },
      run: input => {
        let toStatus = 'Closed';
        if (input.transitionId === '21') toStatus = 'In Progress';
        else if (input.resolution) toStatus = 'Resolved';
        return { key: input.issueKey, fromStatus: 'In Progress', toStatus };
      },
    }),
    portalAction({
      name: 'assign-issue',
      title: 'Assign Issue',
      description: 'Sets or clears the assignee. Pass null to unassign.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          accountId: z
            .string()
            .nullable()
            .describe('Atlassian account id, or null to leave unassigned'),
        }),
      output: z =>
        z.object({
          key: z.string(),
          assigneeAccountId: z.string().nullable(),
        }),
      example: { issueKey: 'PAY-1397', accountId: '5b10ac8d82e05b22cc7d4ef5' },
      run: input => ({
        key: input.issueKey,
        assigneeAccountId: input.accountId,
      }),
    }),
    portalAction({
      name: 'comment-on-issue',
      title: 'Comment on Issue',
      description:
        'Adds a comment to an issue. Restricting visibility to a role or group hides it from everyone else, including the reporter.',
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          body: z.string().min(1).max(32767),
          visibility: z
            .object({
              type: z.enum(['role', 'group']),
              value: z.string().describe('Role name or group name'),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          author: z.string(),
          created: z.string(),
          restricted: z.boolean(),
        }),
      example: {
        issueKey: 'PAY-1432',
        body: 'Root cause confirmed: the retry loop ignores the Retry-After header.',
        visibility: { type: 'role', value: 'Developers' },
      },
      run: input => ({
        id: '204118',
        author: 'Backstage Portal',
        created: '2024-05-14T10:12:00.000+0000',
        restricted: input.visibility !== undefined,
      }),
    }),
    portalAction({
      name: 'list-comments',
      title: 'List Comments',
      description:
        'Returns the comments on an issue, oldest first unless you ask otherwise.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          order: z.enum(['created', '-created']).default('created'),
          maxResults: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          total: z.number().int(),
          comments: z.array(
            z.object({
              id: z.string(),
              author: z.string(),
              body: z.string(),
              created: z.string(),
            }),
          ),
        }),
      example: { issueKey: 'PAY-1432', order: '-created', maxResults: 5 },
      run: () => ({
        total: 2,
        comments: [
          {
            id: '204101',
            author: 'Tom Lee',
            body: 'Seeing this again on the EU cluster this morning.',
            created: '2024-05-14T07:55:00.000+0000',
          },
          {
            id: '204087',
            author: 'Maja Hansen',
            body: 'Taking this one.',
            created: '2024-05-13T16:20:00.000+0000',
          },
        ],
      }),
    }),
    portalAction({
      name: 'link-issues',
      title: 'Link Issues',
      description:
        'Creates a typed link between two issues, such as blocks or relates to. Link type names are those configured by the Jira admin.',
      input: z =>
        z.object({
          linkType: z
            .string()
            .default('Relates')
            .describe(
              'Name of the link type, for example Blocks, Relates, Duplicate or Cloners',
            ),
          inwardIssueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          outwardIssueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          comment: z.string().optional(),
        }),
      output: z =>
        z.object({
          linkId: z.string(),
          description: z.string(),
        }),
      example: {
        linkType: 'Blocks',
        inwardIssueKey: 'PAY-1440',
        outwardIssueKey: 'PAY-1432',
      },
      run: input => ({
        linkId: '88012',
        description: `${input.inwardIssueKey} ${input.linkType.toLowerCase()} ${input.outwardIssueKey}`,
      }),
    }),
    portalAction({
      name: 'delete-issue',
      title: 'Delete Issue',
      description:
        'Permanently deletes an issue. Issues with sub-tasks are only deleted when deleteSubtasks is true, and the change cannot be undone from the portal.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          deleteSubtasks: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          deleted: z.array(z.string()),
        }),
      example: { issueKey: 'PAY-1451', deleteSubtasks: false },
      run: input => ({ deleted: [input.issueKey] }),
    }),
    portalAction({
      name: 'list-projects',
      title: 'List Projects',
      description: 'Lists Jira projects the service account can browse.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          query: z.string().optional().describe('Filters by key or name'),
          category: z.string().optional(),
          projectType: z
            .enum(['software', 'business', 'service_desk'])
            .optional(),
        }),
      output: z =>
        z.object({
          projects: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              projectType: z.enum(['software', 'business', 'service_desk']),
              lead: z.string(),
              category: z.string().optional(),
            }),
          ),
        }),
      example: { query: 'pay', projectType: 'software' },
      run: input => ({
        projects: [
          {
            key: 'PAY',
            name: 'Payments',
            projectType: input.projectType ?? ('software' as const),
            lead: 'Maja Hansen',
            category: input.category ?? 'Commerce',
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-components',
      title: 'List Components',
      description:
        'Lists the components of a project with their leads and default assignee rules. Useful for routing new issues to the right team.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
        }),
      output: z =>
        z.object({
          components: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              lead: z.string().optional(),
              assigneeType: z.enum([
                'PROJECT_DEFAULT',
                'COMPONENT_LEAD',
                'PROJECT_LEAD',
                'UNASSIGNED',
              ]),
              issueCount: z.number().int(),
            }),
          ),
        }),
      example: { projectKey: 'PAY' },
      run: () => ({
        components: [
          {
            id: '10211',
            name: 'refunds',
            lead: 'Maja Hansen',
            assigneeType: 'COMPONENT_LEAD' as const,
            issueCount: 58,
          },
          {
            id: '10212',
            name: 'payouts',
            lead: 'Tom Lee',
            assigneeType: 'COMPONENT_LEAD' as const,
            issueCount: 91,
          },
          {
            id: '10230',
            name: 'reporting',
            assigneeType: 'PROJECT_DEFAULT' as const,
            issueCount: 17,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-sprints',
      title: 'List Sprints',
      description: 'Lists sprints of a Scrum board, filtered by state.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          boardId: z.number().int().min(1),
          state: z
            .array(z.enum(['future', 'active', 'closed']))
            .default(['active', 'future']),
          maxResults: z.number().int().min(1).max(50).default(10),
        }),
      output: z =>
        z.object({
          sprints: z.array(
            z.object({
              id: z.number().int(),
              name: z.string(),
              state: z.enum(['future', 'active', 'closed']),
              startDate: z.string().optional(),
              endDate: z.string().optional(),
              goal: z.string().optional(),
            }),
          ),
        }),
      example: { boardId: 84, state: ['active'], maxResults: 10 },
      run: input => ({
        sprints: input.state.map((state, i) => ({
          id: 612 + i,
          name: `Payments Sprint ${41 + i}`,
          state,
          startDate:
            state === 'future' ? undefined : '2024-05-06T08:00:00.000Z',
          endDate: state === 'future' ? undefined : '2024-05-20T08:00:00.000Z',
          goal: 'Ship webhook backoff and close the settlement gaps',
        })),
      }),
    }),
    portalAction({
      name: 'get-sprint-report',
      title: 'Get Sprint Report',
      description:
        'Summarises a sprint: committed versus completed story points, issues added after start, and what rolled over. Only meaningful for boards that estimate in story points.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          boardId: z.number().int().min(1),
          sprintId: z.number().int().min(1),
        }),
      output: z =>
        z.object({
          sprintId: z.number().int(),
          committedPoints: z.number(),
          completedPoints: z.number(),
          addedAfterStart: z.array(z.string()),
          notCompleted: z.array(
            z.object({ key: z.string(), points: z.number().optional() }),
          ),
          removed: z.array(z.string()),
        }),
      example: { boardId: 84, sprintId: 612 },
      run: input => ({
        sprintId: input.sprintId,
        committedPoints: 34,
        completedPoints: 27,
        addedAfterStart: ['PAY-1432'],
        notCompleted: [{ key: 'PAY-1397', points: 5 }, { key: 'PAY-1422' }],
        removed: [],
      }),
    }),
    portalAction({
      name: 'move-issues-to-sprint',
      title: 'Move Issues to Sprint',
      description:
        'Moves up to 50 issues into a future or active sprint. Issues already in that sprint are left where they are.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          sprintId: z.number().int().min(1),
          issueKeys: z
            .array(z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/))
            .min(1)
            .max(50),
          rankBeforeIssue: z
            .string()
            .optional()
            .describe('Place the moved issues above this one'),
        }),
      output: z =>
        z.object({
          sprintId: z.number().int(),
          moved: z.number().int(),
        }),
      example: { sprintId: 613, issueKeys: ['PAY-1397', 'PAY-1422'] },
      run: input => ({
        sprintId: input.sprintId,
        moved: input.issueKeys.length,
      }),
    }),
    portalAction({
      name: 'log-work',
      title: 'Log Work',
      description:
        'Records time spent on an issue and adjusts the remaining estimate. Time is given in Jira duration notation, like 1h 30m or 2d.',
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          timeSpent: z
            .string()
            .regex(/^(\d+[wdhm]\s*)+$/)
            .describe('Duration such as 3h or 1d 4h'),
          started: z
            .string()
            .describe('When the work began, ISO 8601 with offset'),
          comment: z.string().optional(),
          adjustEstimate: z
            .enum(['auto', 'leave', 'new', 'manual'])
            .default('auto'),
          newEstimate: z
            .string()
            .optional()
            .describe('Used when adjustEstimate is new'),
        }),
      output: z =>
        z.object({
          worklogId: z.string(),
          timeSpentSeconds: z.number().int(),
          remainingEstimate: z.string().optional(),
        }),
      example: {
        issueKey: 'PAY-1432',
        timeSpent: '2h 30m',
        started: '2024-05-14T09:00:00.000+0200',
        comment: 'Pairing on backoff implementation',
        adjustEstimate: 'auto',
      },
      run: input => {
        const units: Record<string, number> = {
          w: 144000,
          d: 28800,
          h: 3600,
          m: 60,
        };
        let seconds = 0;
        for (const m of input.timeSpent.matchAll(/(\d+)([wdhm])/g)) {
          seconds += Number(m[1]) * units[m[2]];
        }
        return {
          worklogId: '55230',
          timeSpentSeconds: seconds,
          remainingEstimate:
            input.adjustEstimate === 'leave'
              ? undefined
              : (input.newEstimate ?? '1d'),
        };
      },
    }),
    portalAction({
      name: 'get-worklogs',
      title: 'Get Worklogs',
      description:
        'Lists work logged against an issue, with per-author totals.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          startedAfter: z.string().optional(),
        }),
      output: z =>
        z.object({
          worklogs: z.array(
            z.object({
              id: z.string(),
              author: z.string(),
              started: z.string(),
              timeSpentSeconds: z.number().int(),
            }),
          ),
          totalsByAuthor: z.record(z.number().int()),
        }),
      example: { issueKey: 'PAY-1432' },
      run: () => ({
        worklogs: [
          {
            id: '55201',
            author: 'Maja Hansen',
            started: '2024-05-13T13:00:00.000+0200',
            timeSpentSeconds: 10800,
          },
          {
            id: '55230',
            author: 'Tom Lee',
            started: '2024-05-14T09:00:00.000+0200',
            timeSpentSeconds: 9000,
          },
        ],
        totalsByAuthor: { 'Maja Hansen': 10800, 'Tom Lee': 9000 },
      }),
    }),
    portalAction({
      name: 'list-fields',
      title: 'List Fields',
      description:
        'Lists system and custom fields with their ids and value types. Custom field ids differ between Jira sites, so look them up here rather than hard-coding them.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          customOnly: z.boolean().default(true),
          nameContains: z.string().optional(),
        }),
      output: z =>
        z.object({
          fields: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              custom: z.boolean(),
              schemaType: z.enum([
                'string',
                'number',
                'option',
                'array',
                'user',
                'date',
                'datetime',
                'any',
              ]),
              searchable: z.boolean(),
            }),
          ),
        }),
      example: { customOnly: true, nameContains: 'team' },
      run: () => ({
        fields: [
          {
            id: 'customfield_10042',
            name: 'Owning Team',
            custom: true,
            schemaType: 'option' as const,
            searchable: true,
          },
          {
            id: 'customfield_10016',
            name: 'Story Points',
            custom: true,
            schemaType: 'number' as const,
            searchable: true,
          },
        ],
      }),
    }),
    portalAction({
      name: 'add-watcher',
      title: 'Add Watcher',
      description:
        'Adds a user to the watchers of an issue so they get notified of changes.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
          accountId: z.string().min(1),
        }),
      output: z =>
        z.object({
          key: z.string(),
          watchCount: z.number().int(),
        }),
      example: { issueKey: 'PAY-1432', accountId: '5b10ac8d82e05b22cc7d4ef5' },
      run: input => ({ key: input.issueKey, watchCount: 4 }),
    }),
    portalAction({
      name: 'describe-workflow',
      title: 'Describe Workflow',
      description:
        'Shows the statuses and transitions of the workflow used by an issue type in a project. Read-only; editing workflows needs Jira admin rights and is not exposed.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          projectKey: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
          issueType: z.string().default('Bug'),
        }),
      output: z =>
        z.object({
          workflowName: z.string(),
          statuses: z.array(
            z.object({
              name: z.string(),
              category: z.enum(['new', 'indeterminate', 'done']),
            }),
          ),
          transitions: z.array(
            z.object({
              name: z.string(),
              from: z.array(z.string()),
              to: z.string(),
            }),
          ),
        }),
      example: { projectKey: 'PAY', issueType: 'Bug' },
      run: input => ({
        workflowName: `${input.projectKey}: ${input.issueType} Workflow`,
        statuses: [
          { name: 'To Do', category: 'new' as const },
          { name: 'In Progress', category: 'indeterminate' as const },
          { name: 'Resolved', category: 'done' as const },
        ],
        transitions: [
          { name: 'Start Progress', from: ['To Do'], to: 'In Progress' },
          { name: 'Resolve', from: ['To Do', 'In Progress'], to: 'Resolved' },
          { name: 'Reopen', from: ['Resolved'], to: 'To Do' },
        ],
      }),
    }),
  ],
};
