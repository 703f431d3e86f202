import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import express from 'express';
import Router from 'express-promise-router';
import { LIMITS_PLUGIN_ID } from './actions';

/**
 * Two routes in the same backend as the MCP plugin, giving what its two
 * methods cannot beat there:
 *
 *   POST /auth     parses a JSON body and authenticates the caller, then
 *                  answers a few bytes: the floor under `tools/list`.
 *   POST /invoke   `{ id, input }`: authenticates the caller and invokes the
 *                  action through the actions service with the caller's
 *                  credentials, answering its output: the floor under
 *                  `tools/call`.
 *
 * Both go through Backstage's own auth barrier (the default policy), as
 * any plugin route does.
 */
export const benchLimitsPlugin = createBackendPlugin({
  pluginId: LIMITS_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        actions: actionsServiceRef,
      },
      async init({ httpRouter, httpAuth, actions }) {
        const router = Router();
        router.use(express.json({ limit: '1mb' }));
        // Users and services, as the MCP plugin lets through.
        const allow: ['user', 'service'] = ['user', 'service'];
        router.post('/auth', async (req, res) => {
          const credentials = await httpAuth.credentials(req, { allow });
          res.json({ ok: true, principal: credentials.principal.type });
        });
        router.post('/invoke', async (req, res) => {
          const { id, input } = (req.body ?? {}) as {
            id?: unknown;
            input?: unknown;
          };
          if (typeof id !== 'string' || !input || typeof input !== 'object') {
            throw new InputError('Send { "id": string, "input": object }');
          }
          const credentials = await httpAuth.credentials(req, { allow });
          const { output } = await actions.invoke({
            id,
            input: input as JsonObject,
            credentials,
          });
          res.json(output);
        });
        httpRouter.use(router);
      },
    });
  },
});
