import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Stores } from './createStores';
import { purgeExpiredRateLimits } from '../rateLimits/createRateLimiter';

/**
 * Removes expired secret requests, secrets, tasks and rate limit counts
 * every few minutes. The
 * scheduler runs it on one replica at a time; rows read as gone once they
 * expire anyway, this only reclaims the space.
 */
export async function schedulePurges(options: {
  scheduler: SchedulerService;
  stores: Stores;
  logger: LoggerService;
}) {
  const { scheduler, stores } = options;
  const logger = options.logger.child({ component: 'purge' });
  await scheduler.scheduleTask({
    id: 'mcp-actions-purge-expired',
    frequency: { minutes: 5 },
    timeout: { minutes: 1 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const secrets = (await stores.secrets?.purgeExpired()) ?? 0;
      const tasks = await stores.tasks.purgeExpired();
      const rateLimits = await purgeExpiredRateLimits(stores.knex);
      if (secrets + tasks + rateLimits > 0) {
        logger.debug('Purged expired rows', { secrets, tasks, rateLimits });
      }
    },
  });
}
