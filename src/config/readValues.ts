import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/*
 * Readers for the value kinds the plugin's keys share. Each takes the
 * `mcpActions` section and a key inside it, and names the full key
 * (`mcpActions.<key>`) when it refuses a value.
 */

/**
 * Numbers are milliseconds; strings and objects are Backstage durations.
 * `options.path` names the key in messages when `config` is not the
 * `mcpActions` section itself.
 */
export function readMilliseconds(
  config: Config,
  key: string,
  defaultValue: number,
  options?: { positive?: boolean; path?: string },
): number {
  const path = options?.path ?? `mcpActions.${key}`;
  const raw = config.getOptional(key);
  if (raw === undefined) {
    return defaultValue;
  }
  let ms: number;
  if (typeof raw === 'number') {
    ms = raw;
  } else {
    try {
      ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
    } catch (error) {
      throw new Error(
        `Invalid duration at '${path}': ${(error as Error).message}`,
      );
    }
  }
  if (!Number.isFinite(ms) || ms < 0 || (options?.positive && ms === 0)) {
    throw new Error(
      `Invalid duration at '${path}': must be ${
        options?.positive ? 'greater than zero' : 'zero or more'
      }`,
    );
  }
  return ms;
}

/** A size in bytes: a whole number, or a string such as "64 MB" (1024-based). */
export function readByteSize(
  config: Config,
  key: string,
  defaultValue: number,
): number {
  if (!config.has(key)) {
    return defaultValue;
  }
  const raw = config.get(key);
  const units: Record<string, number> = {
    b: 1,
    kb: 2 ** 10,
    mb: 2 ** 20,
    gb: 2 ** 30,
  };
  const match = /^\s*(\d+)\s*(b|kb|mb|gb)?\s*$/i.exec(String(raw));
  let value = NaN;
  if (typeof raw === 'number') {
    value = raw;
  } else if (match) {
    value = Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()];
  }
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(
      `Invalid config at 'mcpActions.${key}': expected a size in bytes greater than zero, such as 67108864 or "64 MB", got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

export function readPositiveInteger(
  config: Config,
  key: string,
  defaultValue: number,
): number {
  const value = config.getOptionalNumber(key) ?? defaultValue;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(
      `Invalid config at 'mcpActions.${key}': expected a whole number greater than zero, got ${value}`,
    );
  }
  return value;
}
