import type { AuthService } from '@backstage/backend-plugin-api';
import type {
  ActionsService,
  ActionsServiceAction,
} from '@backstage/backend-plugin-api/alpha';
import { LRUCache } from 'lru-cache';
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
  /**
   * The one list, kept for `ttlMs`; concurrent requests share one load,
   * and a load that fails is not kept. Absent when nothing is kept.
   */
  readonly #cache?: LRUCache<'actions', Map<string, ActionForPage>>;

  constructor(options: {
    actions: ActionsService;
    auth: AuthService;
    naming: ToolNamingOptions;
    ttlMs: number;
  }) {
    this.#actions = options.actions;
    this.#auth = options.auth;
    this.#naming = options.naming;
    if (options.ttlMs > 0) {
      this.#cache = new LRUCache({
        max: 1,
        ttl: options.ttlMs,
        fetchMethod: () => this.#load(),
      });
    }
  }

  async find(actionId: string): Promise<ActionForPage | undefined> {
    if (!this.#cache) {
      return (await this.#load()).get(actionId);
    }
    const found = (await this.#cache.fetch('actions'))?.get(actionId);
    if (found) {
      return found;
    }
    // Registered since the list was taken (a source that started late).
    return (await this.#cache.fetch('actions', { forceRefresh: true }))?.get(
      actionId,
    );
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
