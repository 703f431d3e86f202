import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { TasksConfig } from './readTasksConfig';
import type { TaskManager } from './TaskManager';

const TIMEOUT = { minutes: 1 };

export const TASK_SCHEDULE_IDS = {
  heartbeat: 'mcp-actions-task-heartbeat',
  orphans: 'mcp-actions-orphaned-tasks',
};

/**
 * The upkeep of running tasks, through Backstage's scheduler: every
 * instance, every heartbeat interval, vouches for the calls it runs
 * (local: only this process knows them), and fails the tasks of instances
 * that stopped doing so (local too: each check is one conditional UPDATE,
 * harmless when two replicas run it at once, and no instance has to wait
 * for a lock to notice a dead one). Expired tasks are deleted by the
 * plugin's purge job (`schedulePurges`).
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
}
