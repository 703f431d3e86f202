import { Config, ConfigReader } from '@backstage/config';
import {
  readPromptsConfig,
  type PromptsConfig,
} from '../prompts/readPromptsConfig';
import {
  readRateLimitConfig,
  type RateLimitConfig,
} from '../rateLimits/readRateLimitConfig';
import {
  readResourcesConfig,
  type ResourcesConfig,
} from '../resources/readResourcesConfig';
import { readSecretsConfig, SecretsConfig } from '../secrets/readSecretsConfig';
import { readTasksConfig, TasksConfig } from '../tasks/readTasksConfig';
import {
  readTelemetryConfig,
  TelemetryConfig,
} from '../telemetry/readTelemetryConfig';
import {
  readToolCallsConfig,
  ToolCallsConfig,
} from '../toolCalls/readToolCallsConfig';
import { readToolsConfig, ToolsConfig } from '../tools/readToolsConfig';
import {
  readTransportConfig,
  TransportConfig,
} from '../transport/readTransportConfig';

/**
 * Everything this plugin reads from configuration, validated once at
 * start-up. Each feature reads its own keys (its `read*Config` beside it);
 * this is the one place they are composed, and the only caller of them.
 */
export type McpActionsConfig = ToolsConfig &
  ToolCallsConfig &
  TransportConfig &
  TelemetryConfig & {
    secrets: SecretsConfig;
    /** Long calls that become tasks (the MCP Tasks extension). */
    tasks: TasksConfig;
    /** Tool calls per caller and window; nothing is limited by default. */
    rateLimit: RateLimitConfig;
    /** Catalog entities as resources, per server. */
    resources: ResourcesConfig;
    /** Scaffolder templates and the operator's prompts, per server. */
    prompts: PromptsConfig;
  };

/**
 * Reads and validates the `mcpActions` section (and the few backend and auth
 * keys the plugin depends on). Throws an error naming the offending key.
 */
export function readMcpActionsConfig(rootConfig: Config): McpActionsConfig {
  // An absent section reads like an empty one.
  const config =
    rootConfig.getOptionalConfig('mcpActions') ?? new ConfigReader({});
  const toolCalls = readToolCallsConfig(config);
  return {
    ...readToolsConfig(config),
    ...toolCalls,
    ...readTransportConfig(config, rootConfig),
    ...readTelemetryConfig(config),
    secrets: readSecretsConfig(config, rootConfig),
    tasks: readTasksConfig(config, toolCalls.toolCallTimeoutMs),
    rateLimit: readRateLimitConfig(config),
    resources: readResourcesConfig(config),
    prompts: readPromptsConfig(config),
  };
}
