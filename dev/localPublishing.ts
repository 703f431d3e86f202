import {
  coreServices,
  createBackendModule,
  resolveSafeChildPath,
  type DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import express from 'express';
import Router from 'express-promise-router';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A stand-in for a git host, so that the dev backend's templates end the way
 * real ones do (publish, then `catalog:register`) without leaving the machine.
 *
 * The built-in actions can't do this on their own: a task's workspace is a
 * temporary directory removed when the task ends, no built-in action writes
 * outside it, and the catalog accepts new locations only of type `url`, read
 * through a URL reader (`catalog:register` always registers a `url`). So:
 *
 * - the scaffolder action `publish:local` copies the workspace to a directory
 *   under the OS temp dir, one per backend process, removed at shutdown;
 * - the `local` plugin serves that directory, read-only and without
 *   authentication (the catalog's URL reader sends no token), at
 *   `/api/local/published/<name>/...`, which `backend.reading.allow` lets the
 *   catalog read.
 *
 * Development only: anything published is readable by anyone who can reach
 * the backend.
 */
export function createLocalPublishing() {
  const root = path.join(os.tmpdir(), `mcp-dev-published-${randomUUID()}`);

  const scaffolderModule = createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'dev-publish-local',
    register(env) {
      env.registerInit({
        deps: {
          scaffolder: scaffolderActionsExtensionPoint,
          discovery: coreServices.discovery,
        },
        async init({ scaffolder, discovery }) {
          scaffolder.addActions(createPublishLocalAction({ root, discovery }));
        },
      });
    },
  });

  const filesModule = createBackendModule({
    pluginId: 'local',
    moduleId: 'published-files',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          lifecycle: coreServices.lifecycle,
        },
        async init({ httpRouter, lifecycle }) {
          const router = Router();
          router.use(
            '/published',
            express.static(root, { dotfiles: 'ignore', index: false }),
          );
          httpRouter.use(router);
          httpRouter.addAuthPolicy({
            path: '/published',
            allow: 'unauthenticated',
          });
          lifecycle.addShutdownHook(() =>
            fs.rm(root, { recursive: true, force: true }),
          );
        },
      });
    },
  });

  return [scaffolderModule, filesModule];
}

function createPublishLocalAction(options: {
  root: string;
  discovery: DiscoveryService;
}) {
  const { root, discovery } = options;
  return createTemplateAction({
    id: 'publish:local',
    description:
      'Dev backend only: copies the workspace (or a directory in it) to a ' +
      'directory the backend serves at /api/local/published/<name>, in place ' +
      'of pushing to a git host',
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(
              /^[a-z0-9][a-z0-9-]*$/,
              'lowercase letters, digits and hyphens',
            )
            .describe('Directory name, also the last segment of the URL'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Directory in the workspace to publish; the whole workspace by default',
            ),
      },
      output: {
        remoteUrl: z =>
          z.string().describe('URL the published files are served below'),
      },
    },
    async handler(ctx) {
      const { name, sourcePath = '.' } = ctx.input;
      const source = resolveSafeChildPath(ctx.workspacePath, sourcePath);
      const target = resolveSafeChildPath(root, name);
      await fs.mkdir(root, { recursive: true });
      // Not recursive, so that two tasks publishing one name can't both win.
      await fs.mkdir(target).catch(error => {
        if (error.code === 'EEXIST') {
          throw new ConflictError(`"${name}" has already been published`);
        }
        throw error;
      });
      await fs.cp(source, target, { recursive: true });
      const remoteUrl = `${await discovery.getExternalBaseUrl('local')}/published/${name}`;
      ctx.logger.info(`Published ${sourcePath} to ${remoteUrl}`);
      ctx.output('remoteUrl', remoteUrl);
    },
  });
}
