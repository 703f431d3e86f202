import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  ProtocolError,
  ProtocolErrorCode,
  type GetPromptResult,
  type Prompt,
} from '@modelcontextprotocol/server';
import type { CallerCatalog } from '../catalog/CallerCatalog';
import type { CompletionSource } from '../completions/CompletionSource';
import type { ToolCatalog } from '../tools/ToolCatalog';
import type { McpServerConfig } from '../tools/readToolsConfig';
import { customPromptListing, customPromptMessages } from './customPrompt';
import type { PromptsOffer } from './readPromptsConfig';
import { scaffolderTools, type ScaffolderTools } from './scaffolderTools';
import { templateFields } from './templateFields';
import {
  templateMessages,
  templatePrompt,
  templateOfPromptName,
  templatePromptName,
} from './templatePrompt';

/** Templates listed as prompts at most; a portal has far fewer. */
const MAX_TEMPLATES = 1000;

/** What a template needs to become a prompt. */
const TEMPLATE_FIELDS = ['kind', 'metadata', 'spec.parameters'];

/**
 * The prompts one server offers one caller: the operator's own, and every
 * scaffolder template the caller may see in the catalog, when the caller
 * may start templates there (the server shows them the scaffolder's
 * `execute-template` tool). An operator's prompt wins over a template of
 * the same name.
 */
export class ServerPrompts {
  readonly #catalog: CallerCatalog;
  readonly #tools: ToolCatalog;

  constructor(options: { catalog: CallerCatalog; tools: ToolCatalog }) {
    this.#catalog = options.catalog;
    this.#tools = options.tools;
  }

  /** Every prompt, by name. */
  async list(
    credentials: BackstageCredentials,
    server: McpServerConfig,
    offer: PromptsOffer,
  ): Promise<Prompt[]> {
    const prompts = new Map(
      offer.custom.map(p => [p.name, customPromptListing(p)]),
    );
    if (offer.templates && (await this.#scaffolderTools(credentials, server))) {
      const { items } = await this.#catalog.query(credentials, {
        filter: { kind: 'template' },
        fields: TEMPLATE_FIELDS,
        orderFields: [
          { field: 'metadata.namespace', order: 'asc' },
          { field: 'metadata.name', order: 'asc' },
        ],
        limit: MAX_TEMPLATES,
      });
      for (const template of items) {
        const name = templatePromptName(template);
        if (!prompts.has(name)) {
          prompts.set(name, templatePrompt(template, templateFields(template)));
        }
      }
    }
    // By name, the same on every replica (not by locale).
    return [...prompts.values()].sort((a, b) => compareNames(a.name, b.name));
  }

  /** A prompt with the user's values; an unknown one is invalid params. */
  async get(
    credentials: BackstageCredentials,
    server: McpServerConfig,
    offer: PromptsOffer,
    name: string,
    args: Record<string, string>,
  ): Promise<GetPromptResult> {
    const custom = offer.custom.find(p => p.name === name);
    if (custom) {
      return {
        description: custom.description,
        messages: customPromptMessages(custom, args),
      };
    }
    const found = await this.#template(credentials, server, offer, name);
    if (!found) {
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        `Unknown prompt "${name}"`,
      );
    }
    const { template, tools } = found;
    const fields = templateFields(template);
    return {
      description: templatePrompt(template, fields).description,
      messages: templateMessages(template, fields, args, tools),
    };
  }

  /**
   * Where an argument of a prompt completes from; undefined when the prompt
   * or argument is unknown to the caller or completes from nothing.
   */
  async completionOf(
    credentials: BackstageCredentials,
    server: McpServerConfig,
    offer: PromptsOffer,
    promptName: string,
    argumentName: string,
  ): Promise<CompletionSource | undefined> {
    const custom = offer.custom.find(p => p.name === promptName);
    if (custom) {
      return custom.arguments.find(a => a.name === argumentName)?.completion;
    }
    const found = await this.#template(credentials, server, offer, promptName);
    return found
      ? templateFields(found.template).find(
          f => f.argument.name === argumentName,
        )?.completion
      : undefined;
  }

  /** The template a prompt name stands for, if the caller may run it here. */
  async #template(
    credentials: BackstageCredentials,
    server: McpServerConfig,
    offer: PromptsOffer,
    promptName: string,
  ): Promise<{ template: Entity; tools: ScaffolderTools } | undefined> {
    const ref = templateOfPromptName(promptName);
    if (!offer.templates || !ref) {
      return undefined;
    }
    const tools = await this.#scaffolderTools(credentials, server);
    if (!tools) {
      return undefined;
    }
    const { items } = await this.#catalog.query(credentials, {
      filter: {
        kind: 'template',
        'metadata.namespace': ref.namespace,
        'metadata.name': ref.name,
      },
      fields: TEMPLATE_FIELDS,
      limit: 1,
    });
    return items[0] ? { template: items[0], tools } : undefined;
  }

  async #scaffolderTools(
    credentials: BackstageCredentials,
    server: McpServerConfig,
  ): Promise<ScaffolderTools | undefined> {
    return scaffolderTools(await this.#tools.toolsetFor(credentials, server));
  }
}

function compareNames(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
