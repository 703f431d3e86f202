import type { AuthService } from '@backstage/backend-plugin-api';
import type {
  ActionsService,
  ActionsServiceAction,
} from '@backstage/backend-plugin-api/alpha';
import { assignToolNames, type ToolNamingOptions } from '../../tools/toolNames';

export interface ActionForPage {
  action: ActionsServiceAction;
  /** The tool name MCP clients know the action by. */
  toolName: string;
}

/**
 * Finds the action a secrets request is for, to build the page's form from
 * its `schema.secrets`. The page cannot list actions as the caller: a user
 * holds only a cookie there (limited access, which cannot call other
 * plugins) and a service caller nothing at all. So it lists them with the
 * plugin's own credentials, which only reveals schemas, never runs
 * anything; the list is kept for `ttlMs`, like the callers' lists.
 */
export class SecretsActionLookup {
  readonly #actions: ActionsService;
  readonly #auth: AuthService;
  readonly #naming: ToolNamingOptions;
  readonly #ttlMs: number;
  #cached?: { expiresAt: number; byId: Promise<Map<string, ActionForPage>> };

  constructor(options: {
    actions: ActionsService;
    auth: AuthService;
    naming: ToolNamingOptions;
    ttlMs: number;
  }) {
    this.#actions = options.actions;
    this.#auth = options.auth;
    this.#naming = options.naming;
    this.#ttlMs = options.ttlMs;
  }

  async find(actionId: string): Promise<ActionForPage | undefined> {
    const byId = await this.#list();
    const found = byId.get(actionId);
    if (found || this.#ttlMs <= 0) {
      return found;
    }
    // Registered since the list was taken (a source that started late).
    this.#cached = undefined;
    return (await this.#list()).get(actionId);
  }

  #list(): Promise<Map<string, ActionForPage>> {
    const now = Date.now();
    if (this.#cached && this.#cached.expiresAt > now) {
      return this.#cached.byId;
    }
    const byId = this.#load();
    this.#cached = { expiresAt: now + this.#ttlMs, byId };
    byId.catch(() => {
      if (this.#cached?.byId === byId) {
        this.#cached = undefined;
      }
    });
    return byId;
  }

  async #load(): Promise<Map<string, ActionForPage>> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const { actions } = await this.#actions.list({ credentials });
    const { names } = assignToolNames(actions, this.#naming);
    return new Map(
      actions.map(action => [
        action.id,
        { action, toolName: names.get(action.id) ?? action.id },
      ]),
    );
  }
}
