import type {
  AuditorService,
  DiscoveryService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import express, { type Response } from 'express';
import Router from 'express-promise-router';
import { PAGE_CSS, PAGE_JS } from '../secrets/page/assets';
import type { CsrfTokens } from '../secrets/page/csrf';
import { renderMessage } from '../secrets/page/html';
import {
  describePrincipal,
  resolvePageAccess,
} from '../secrets/page/pageAccess';
import { type PageMessage, pageMessages } from '../secrets/page/pageMessages';
import { isSameOriginPost, setPageHeaders } from '../secrets/page/pageSecurity';
import { renderDone } from '../secrets/page/renderDone';
import { renderForm } from '../secrets/page/renderForm';
import {
  renderSignIn,
  signInConnectSources,
} from '../secrets/page/renderSignIn';
import { storeSubmission } from '../secrets/page/storeSubmission';
import {
  readSubmittedSecrets,
  secretFieldsOf,
  type FieldError,
} from '../secrets/page/secretFields';
import type { SecretsActionLookup } from '../secrets/page/SecretsActionLookup';
import type { SecretRequest, SecretStore } from '../stores/types';

export interface SecretsPageRouterOptions {
  store: SecretStore;
  httpAuth: HttpAuthService;
  discovery: DiscoveryService;
  auditor: AuditorService;
  lookup: SecretsActionLookup;
  csrf: CsrfTokens;
  pluginId: string;
  /** How long submitted secrets are kept (`mcpActions.secrets.ttl`). */
  secretsTtlMs: number;
  signIn: { providers: string[]; environment: string; appUrl?: string };
}

/**
 * The page where a user enters an action's secrets, out of the model's
 * sight (URL-mode elicitation). Below `/api/<pluginId>`:
 *
 *   GET  /secrets/:requestId   the form (or a sign-in, 403 or 404 page)
 *   POST /secrets/:requestId   stores the secrets for the call that asked
 *   GET  /secrets/static/...   the page's stylesheet and script
 *
 * Who may open a request is decided in `resolvePageAccess`. The plugin opens
 * `/secrets` to unauthenticated requests at Backstage's barrier, since a
 * browser arrives with a cookie or with nothing, and answers both here.
 */
export function createSecretsPageRouter(options: SecretsPageRouterOptions) {
  const { csrf, lookup, discovery } = options;
  const router = Router();
  const pluginBase = () => discovery.getExternalBaseUrl(options.pluginId);
  const send = (res: Response, status: number, html: string) =>
    res.status(status).type('html').send(html);
  const sendMessage = async (res: Response, message: PageMessage) =>
    send(
      res,
      message.status,
      renderMessage({ pluginBaseUrl: await pluginBase(), ...message }),
    );

  router.use('/secrets', (_req, res, next) => {
    setPageHeaders(res);
    next();
  });
  router.get('/secrets/static/page.css', (_req, res) =>
    res.type('text/css; charset=utf-8').send(PAGE_CSS),
  );
  router.get('/secrets/static/page.js', (_req, res) =>
    res.type('text/javascript; charset=utf-8').send(PAGE_JS),
  );

  /** The request when this browser may use it; otherwise answers and returns undefined. */
  async function admit(
    req: express.Request,
    res: Response,
  ): Promise<SecretRequest | undefined> {
    const access = await resolvePageAccess(req, options);
    if (access.kind === 'allowed') {
      return access.request;
    }
    if (access.kind === 'sign-in') {
      const authBaseUrl = await discovery.getExternalBaseUrl('auth');
      setPageHeaders(res, { connectSrc: signInConnectSources(authBaseUrl) });
      send(
        res,
        401,
        renderSignIn({
          pluginBaseUrl: await pluginBase(),
          authBaseUrl,
          ...options.signIn,
        }),
      );
      return undefined;
    }
    await sendMessage(
      res,
      access.kind === 'forbidden'
        ? pageMessages.forbidden
        : pageMessages.notFound,
    );
    return undefined;
  }

  /** The form of the request's action; answers and returns undefined if it has none. */
  async function formOf(request: SecretRequest, res: Response) {
    const found = await lookup.find(request.actionId);
    const form = found && secretFieldsOf(found.action.schema.secrets);
    if (!found || !form || 'problem' in form) {
      await sendMessage(res, pageMessages.unavailable);
      return undefined;
    }
    const title = found.action.title || found.action.name;
    const render = async (errors?: FieldError[]) =>
      renderForm({
        pluginBaseUrl: await pluginBase(),
        action: { title, id: found.action.id, toolName: found.toolName },
        requester: describePrincipal(request.principal),
        fields: form.fields,
        csrfToken: csrf.issue(request.id, request.principal),
        rememberForMs: options.secretsTtlMs,
        expiresAt: request.expiresAt,
        errors,
      });
    return { title, fields: form.fields, render };
  }

  router.get('/secrets/:requestId', async (req, res) => {
    const request = await admit(req, res);
    if (request?.completedAt) {
      send(
        res,
        200,
        renderDone({ pluginBaseUrl: await pluginBase(), already: true }),
      );
    } else if (request) {
      const form = await formOf(request, res);
      if (form) {
        send(res, 200, await form.render());
      }
    }
  });

  router.post(
    '/secrets/:requestId',
    express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }),
    async (req, res) => {
      if (!isSameOriginPost(req, new URL(await pluginBase()).origin)) {
        await sendMessage(res, pageMessages.crossOrigin);
        return;
      }
      const request = await admit(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (!request) {
        return;
      }
      const early =
        (!csrf.verify(body.csrf, request.id, request.principal) &&
          pageMessages.badToken) ||
        (request.completedAt && pageMessages.alreadyUsed);
      if (early) {
        await sendMessage(res, early);
        return;
      }
      const form = await formOf(request, res);
      const submitted = form && readSubmittedSecrets(form.fields, body);
      if (!form || !submitted) {
        return;
      } else if ('errors' in submitted) {
        send(res, 400, await form.render(submitted.errors));
        return;
      }
      const remember = body.remember === 'on';
      const { secrets } = submitted;
      const refused = await storeSubmission({
        ...options,
        req,
        request,
        secrets,
        remember,
        ttlMs: options.secretsTtlMs,
      });
      if (refused) {
        await sendMessage(res, refused);
        return;
      }
      send(
        res,
        200,
        renderDone({
          pluginBaseUrl: await pluginBase(),
          actionTitle: form.title,
          remembered: remember,
        }),
      );
    },
  );

  return router;
}
