import {
  inputRequired,
  inputResponse,
  UrlElicitationRequiredError,
} from '@modelcontextprotocol/server';
import type { SecretStore } from '../../stores/types';
import {
  canElicitUrl,
  isModernRequest,
} from '../../mcpServer/clientCapabilities';
import { principalKey } from '../../mcpServer/principalKey';
import { toolErrorResult } from '../toolResults';
import type { ToolEntry } from '../../tools/ToolCatalog';
import type { CallGate, GateDecision, GatedCall } from './types';

/** The 2025 revision that brought URL-mode elicitation (and `-32042`). */
const URL_ELICITATION_REVISION = '2025-11-25';

export interface SecretsGateOptions {
  /** Absent without `mcpActions.secrets.encryptionKey`: nothing can be stored. */
  store?: SecretStore;
  /** The URL of the page where the user enters the secrets of a request. */
  pageUrl(requestId: string): string;
  /** How long a request for secrets (and its page) stays open. */
  requestTtlMs: number;
}

/**
 * Secrets of actions come from the user, never through the model: a tool
 * whose action declares `schema.secrets` runs only with secrets its caller
 * typed into a page of ours, which keeps them encrypted in the database
 * until the call that needs them takes them.
 *
 * - Secrets already submitted for this caller and action: the call runs
 *   with them (and they are gone, unless the user ticked "remember").
 * - 2026-07-28: a URL-mode elicitation (multi round-trip) sends the user to
 *   the page; the retry runs with what was submitted. A client that did not
 *   declare URL elicitation gets the SDK's `-32021` naming the capability.
 * - 2025: the `-32042` URL-elicitation-required error with the page, where
 *   the revision has it (2025-11-25, or a session whose client declared
 *   it); otherwise an `isError` result naming the page. The next call runs
 *   with what was submitted.
 */
export class SecretsGate implements CallGate {
  readonly key = 'secrets';
  readonly #options: SecretsGateOptions;

  constructor(options: SecretsGateOptions) {
    this.#options = options;
  }

  concerns(entry: ToolEntry): boolean {
    return Boolean(entry.action.schema?.secrets);
  }

  async check(call: GatedCall): Promise<GateDecision> {
    const { entry, caller, ctx } = call;
    if (!this.concerns(entry)) {
      return { kind: 'proceed' };
    }
    const { store } = this.#options;
    if (!store) {
      return {
        kind: 'answer',
        result: toolErrorResult(
          new Error(
            `Tool "${entry.tool.name}" needs secrets from the user, and this server is not set up to take them (mcpActions.secrets.encryptionKey is not set); nothing ran`,
          ),
        ),
      };
    }
    const principal = principalKey(caller.credentials);
    const stored = await store.take({ principal, actionId: entry.action.id });
    if (stored) {
      return { kind: 'proceed', secrets: stored };
    }

    const answer = inputResponse(ctx.mcpReq.inputResponses, this.key);
    if (answer.kind === 'elicit' && answer.action !== 'accept') {
      return {
        kind: 'answer',
        result: toolErrorResult(
          new Error(
            `Tool "${entry.tool.name}" was declined by the user; nothing ran`,
          ),
        ),
      };
    }

    const requestId = await this.#openRequest(store, call, principal);
    const url = this.#options.pageUrl(requestId);
    const message = `Tool "${entry.tool.title ?? entry.tool.name}" needs secrets that you enter in Backstage, not in this conversation. Open the page, fill in the form, then come back.`;

    if (isModernRequest(ctx)) {
      // Without the URL capability the SDK answers -32021 naming it.
      return {
        kind: 'ask',
        state: { requestId },
        request: inputRequired.elicitUrl({ message, url }),
      };
    }
    const version = caller.request.headers['mcp-protocol-version'];
    const session = call.clientCapabilities;
    if (
      session ? canElicitUrl(session) : version === URL_ELICITATION_REVISION
    ) {
      throw new UrlElicitationRequiredError(
        [{ mode: 'url', elicitationId: requestId, url, message }],
        `${message} ${url}`,
      );
    }
    return {
      kind: 'answer',
      result: toolErrorResult(
        new Error(
          `Tool "${entry.tool.name}" needs secrets from the user, which never go through the model. Ask the user to open ${url} in a browser and fill in the form, then call the tool again. Nothing ran.`,
        ),
      ),
    };
  }

  /** The open request of an earlier round, or a new one. */
  async #openRequest(
    store: SecretStore,
    call: GatedCall,
    principal: string,
  ): Promise<string> {
    const { requestTtlMs } = this.#options;
    const earlier = call.state?.requestId;
    if (typeof earlier === 'string') {
      const request = await store.getRequest(earlier);
      if (request && !request.completedAt && request.principal === principal) {
        return request.id;
      }
    }
    const created = await store.createRequest({
      principal,
      actionId: call.entry.action.id,
      serverKey: call.serverKey ?? 'default',
      ttlMs: requestTtlMs,
    });
    return created.id;
  }
}
