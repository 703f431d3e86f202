import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { DevBackend, startDevBackend } from './__testUtils__/startDevBackend';

jest.setTimeout(60_000);

const TEMPLATE_DIR = path.resolve(
  __dirname,
  '../dev/templates/example-service',
);

type ToolResult = Awaited<ReturnType<Client['callTool']>>;

interface Task {
  id: string;
  status: string;
}

interface TaskEvent {
  id: number;
  type: string;
  body: { message: string; stepId?: string; status?: string };
}

/** Calls `fn` until it returns something other than undefined. */
async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

function text(result: ToolResult): string {
  return (result.content as Array<{ type: string; text?: string }>)
    .map(c => c.text ?? '')
    .join('\n');
}

/**
 * What an agent does with the dev backend's scaffolder, through this plugin,
 * with the dev backend's static token: find a template, dry-run it, run it,
 * follow the task, read its logs, and find what it made in the catalog.
 */
describe('the scaffolder through MCP, on the dev backend', () => {
  let dev: DevBackend;
  let client: Client;
  let taskId: string;

  /** A tool's structured result; fails the test with the tool's text on isError. */
  async function call<T = Record<string, unknown>>(
    name: string,
    args: Record<string, unknown>,
  ): Promise<T> {
    const result = await client.callTool({ name, arguments: args });
    if (result.isError) {
      throw new Error(`${name} failed: ${text(result)}`);
    }
    return result.structuredContent as T;
  }

  beforeAll(async () => {
    dev = await startDevBackend();
    client = await dev.connect();
  });
  afterAll(() => dev?.stop());

  it("lists the scaffolder's tools beside the catalog's and the local plugin's", async () => {
    const names = (await client.listTools()).tools.map(t => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'scaffolder.list-scaffolder-actions',
        'scaffolder.list-scaffolder-tasks',
        'scaffolder.dry-run-template',
        'scaffolder.execute-template',
        'scaffolder.get-scaffolder-task-logs',
        'catalog.query-catalog-entities',
        'catalog.get-catalog-entity',
        'local.greet-user',
      ]),
    );
  });

  it('finds the example templates in the catalog', async () => {
    // The catalog reads its file locations in the background after start.
    const names = await waitFor('both templates', async () => {
      const { items } = await call<{
        items: Array<{ metadata: { name: string } }>;
      }>('catalog.query-catalog-entities', { query: { kind: 'template' } });
      const found = items.map(e => e.metadata.name).sort();
      return found.length === 2 ? found : undefined;
    });
    expect(names).toEqual(['example-service', 'log-and-wait']);
  });

  it('dry-runs the template as the catalog holds it, with its skeleton files', async () => {
    const template = await call('catalog.get-catalog-entity', {
      kind: 'Template',
      name: 'example-service',
    });
    const skeleton = path.join(TEMPLATE_DIR, 'skeleton');
    const files = fs.readdirSync(skeleton).map(file => ({
      path: `skeleton/${file}`,
      content: fs.readFileSync(path.join(skeleton, file), 'utf8'),
    }));

    const result = await call<{
      valid: boolean;
      log: TaskEvent['body'][];
      steps: Array<{ id: string; action: string }>;
    }>('scaffolder.dry-run-template', {
      // JSON is YAML, so the entity as the catalog returns it will do.
      templateYaml: JSON.stringify(template),
      values: { name: 'dry-run-service' },
      files,
    });

    expect(result.valid).toBe(true);
    expect(result.steps.map(s => s.action)).toEqual([
      'fetch:template',
      'debug:log',
      'debug:wait',
      'publish:local',
      'catalog:register',
    ]);
    const log = result.log.map(l => l.message).join('\n');
    expect(log).toContain(
      'Creating dry-run-service for group:default/platform-team',
    );
    expect(log).toContain('Writing file catalog-info.yaml');
    // Actions without dry-run support are skipped, so nothing is published.
    expect(log).toContain(
      'Skipping because publish:local does not support dry-run',
    );
    expect(log).toContain(
      'Skipping because catalog:register does not support dry-run',
    );
  });

  it('executes the template and follows the task until it completes', async () => {
    ({ taskId } = await call<{ taskId: string }>(
      'scaffolder.execute-template',
      {
        templateRef: 'template:default/example-service',
        values: { name: 'orders-service', description: 'Takes orders' },
      },
    ));
    expect(taskId).toEqual(expect.any(String));

    const seen = new Set<string>();
    const task = await waitFor('the task to end', async () => {
      const { tasks } = await call<{ tasks: Task[] }>(
        'scaffolder.list-scaffolder-tasks',
        { status: ['open', 'processing', 'completed', 'failed'] },
      );
      const mine = tasks.find(t => t.id === taskId);
      if (mine) {
        seen.add(mine.status);
      }
      return mine && ['completed', 'failed'].includes(mine.status)
        ? mine
        : undefined;
    });

    expect(task.status).toBe('completed');
    // debug:wait keeps it running for seconds, so a poll sees it unfinished.
    expect(seen.has('processing') || seen.has('open')).toBe(true);
  });

  it("reads the task's logs, with the debug:log line", async () => {
    const { events } = await call<{ events: TaskEvent[] }>(
      'scaffolder.get-scaffolder-task-logs',
      { taskId },
    );
    const messages = events.map(e => e.body.message);
    expect(messages.join('\n')).toContain(
      'Creating orders-service for group:default/platform-team',
    );
    expect(messages.join('\n')).toMatch(
      /Registering http:\/\/localhost:\d+\/api\/local\/published\/orders-service\/catalog-info\.yaml/,
    );
    expect(events.at(-1)).toMatchObject({
      type: 'completion',
      body: { message: 'Run completed with status: completed' },
    });

    // Event ids count across all tasks; `after` takes the last one seen.
    const { events: later } = await call<{ events: TaskEvent[] }>(
      'scaffolder.get-scaffolder-task-logs',
      { taskId, after: events.at(-2)!.id },
    );
    expect(later.map(e => e.type)).toEqual(['completion']);
  });

  it('finds the new service in the catalog', async () => {
    // catalog:register adds the location; the catalog reads it right after.
    const entity = await waitFor('orders-service in the catalog', async () => {
      const result = await client.callTool({
        name: 'catalog.get-catalog-entity',
        arguments: { kind: 'Component', name: 'orders-service' },
      });
      return result.isError ? undefined : result.structuredContent;
    });
    expect(entity).toMatchObject({
      kind: 'Component',
      metadata: { name: 'orders-service', description: 'Takes orders' },
      spec: { type: 'service', owner: 'group:default/platform-team' },
    });
  });

  it('refuses to list "owned" tasks for the static token, which is no user', async () => {
    const result = await client.callTool({
      name: 'scaffolder.list-scaffolder-tasks',
      arguments: { owned: true },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'NotAllowedError: Filtering by owned tasks requires a user identity.',
    );
  });
});
