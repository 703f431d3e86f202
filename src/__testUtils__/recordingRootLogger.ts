import {
  coreServices,
  createServiceFactory,
  type RootLoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/**
 * A root logger that keeps every line, at every level, with its metadata
 * and the full text of any error (message, stack, cause), for tests that
 * assert what must never be logged. Audit events reach it too: the
 * default auditor writes through the plugin's logger.
 */
export function recordingRootLogger() {
  const lines: string[] = [];

  class RecordingLogger implements RootLoggerService {
    constructor(private readonly meta: JsonObject) {}
    error(message: string, meta?: Error | JsonObject) {
      this.#log('error', message, meta);
    }
    warn(message: string, meta?: Error | JsonObject) {
      this.#log('warn', message, meta);
    }
    info(message: string, meta?: Error | JsonObject) {
      this.#log('info', message, meta);
    }
    debug(message: string, meta?: Error | JsonObject) {
      this.#log('debug', message, meta);
    }
    child(meta: JsonObject): RootLoggerService {
      return new RecordingLogger({ ...this.meta, ...meta });
    }
    #log(level: string, message: string, meta?: Error | JsonObject) {
      lines.push(
        `${level} ${serialize(this.meta)} ${message} ${serialize(meta)}`,
      );
    }
  }

  return {
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => new RecordingLogger({}),
    }),
    lines,
  };
}

function serialize(value: unknown): string {
  return (
    JSON.stringify(value ?? null, (_key, v) =>
      v instanceof Error
        ? {
            ...v,
            name: v.name,
            message: v.message,
            stack: v.stack,
            cause: v.cause,
          }
        : v,
    ) ?? ''
  );
}
