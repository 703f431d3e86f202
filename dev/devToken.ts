/** The dev backend's token when MCP_TOKEN is not set. Development only. */
export const DEV_MCP_TOKEN = 'mcp-dev-token-change-me';

/**
 * The dev backend's `mcpActions.secrets.encryptionKey` when MCP_SECRETS_KEY
 * is not set. Development only: anywhere else, use a random key of your own
 * (e.g. `openssl rand -base64 32`), the same on every replica.
 */
export const DEV_SECRETS_KEY = 'mcp-dev-secrets-key-change-me-0123456789';
