import type { JsonObject } from '@backstage/types';
import {
  createRequestStateCodec,
  type RequestStateCodec,
} from '@modelcontextprotocol/server';
import { deriveSubKey } from '../secrets/subKeys';

/** What a multi round-trip tool call carries from one round to the next. */
export interface CallRoundState {
  /** The tool the state belongs to; a state for another tool is ignored. */
  tool: string;
  /** Each gate's own state, by gate key. */
  gates: Record<string, JsonObject>;
}

/**
 * The codec for `requestState`: HMAC-signed by the SDK's helper with a key
 * derived (HKDF) from `mcpActions.secrets.encryptionKey` (so every replica verifies
 * what any replica minted), valid for `ttlSeconds`, and bound to the caller
 * and the method, so that state minted for one principal is refused for
 * another. Signed, not encrypted: it never holds a secret.
 */
export function createCallStateCodec(
  configuredKey: string,
  ttlSeconds: number,
): RequestStateCodec<CallRoundState> {
  const key = deriveSubKey(configuredKey, 'tool-call-request-state');
  return createRequestStateCodec<CallRoundState>({
    key,
    ttlSeconds,
    bind: ctx =>
      `${ctx.mcpReq.method}\u0000${ctx.http?.authInfo?.clientId ?? ''}`,
  });
}
