import type { AuditorService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import type { Request } from 'express';
import type { SecretRequest, SecretStore } from '../../stores/types';
import { describePrincipal } from './pageAccess';
import { type PageMessage, pageMessages } from './pageMessages';

/**
 * Completes the request with the submitted secrets, under an audit event
 * that names the action and the caller, never the secrets. The store's
 * refusals (expired meanwhile, another principal, used already, also by a
 * concurrent submission on another replica) come back as the page to show;
 * `undefined` means stored.
 */
export async function storeSubmission(options: {
  store: SecretStore;
  auditor: AuditorService;
  req: Request;
  request: SecretRequest;
  secrets: JsonObject;
  remember: boolean;
  ttlMs: number;
}): Promise<PageMessage | undefined> {
  const { request, remember } = options;
  const audit = await options.auditor.createEvent({
    eventId: 'secrets-submission',
    severityLevel: 'medium',
    request: options.req,
    meta: {
      actionId: request.actionId,
      server: request.serverKey,
      caller: describePrincipal(request.principal),
      remember,
    },
  });
  try {
    await options.store.completeRequest(request.id, {
      principal: request.principal,
      secrets: options.secrets,
      remember,
      ttlMs: options.ttlMs,
    });
  } catch (error) {
    await audit.fail({ error: error as Error });
    const known =
      (error instanceof NotFoundError && pageMessages.notFound) ||
      (error instanceof NotAllowedError && pageMessages.forbidden) ||
      (error instanceof ConflictError && pageMessages.alreadyUsed);
    if (!known) {
      throw error;
    }
    return known;
  }
  await audit.success();
  return undefined;
}
