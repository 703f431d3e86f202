import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { TasksConfig } from '../../config';
import type { TaskManager } from './TaskManager';

/** How often tasks past their TTL are deleted; until then they read as unknown. */
const PURGE_EVERY = { minutes: 10 };
const TIMEOUT = { minutes: 1 };

export const TASK_SCHEDULE_IDS = {
  heartbeat: 'mcp-actions-task-heartbeat',
  orphans: 'mcp-actions-orphaned-tasks',
  purge: 'mcp-actions-expired-tasks',
};

/**
 * The upkeep of tasks, through Backstage's scheduler:
 *
 * - every instance, every heartbeat interval, vouches for the calls it
 *   runs (local: only this process knows them), and fails the tasks of
 *   instances that stopped doing so (local too: each check is one
 *   conditional UPDATE, harmless when two replicas run it at once, and no
 *   instance has to wait for a lock to notice a dead one);
 * - one instance at a time deletes the tasks whose TTL ran out.
 */
export async function scheduleTaskMaintenance(options: {
  scheduler: SchedulerService;
  tasks: TaskManager;
  config: TasksConfig;
}) {
  const { scheduler, tasks, config } = options;
  const everyHeartbeat = { milliseconds: config.heartbeatIntervalMs };
  await scheduler.scheduleTask({
    id: TASK_SCHEDULE_IDS.heartbeat,
    scope: 'local',
    frequency: everyHeartbeat,
    timeout: TIMEOUT,
    fn: () => tasks.heartbeat(),
  });
  await scheduler.scheduleTask({
    id: TASK_SCHEDULE_IDS.orphans,
    scope: 'local',
    frequency: everyHeartbeat,
    timeout: TIMEOUT,
    fn: () => tasks.failOrphaned(),
  });
  await scheduler.scheduleTask({
    id: TASK_SCHEDULE_IDS.purge,
    scope: 'global',
    frequency: PURGE_EVERY,
    timeout: TIMEOUT,
    fn: () => tasks.purgeExpired(),
  });
}
