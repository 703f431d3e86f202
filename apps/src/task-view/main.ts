import '../shared/jitless';
import { appRoot, applyContext, connectApp, createApp } from '../shared/app';
import { readConfig } from '../shared/config';
import { errorBox, loading, note, replace } from '../shared/dom';
import { errorMessage, resultData } from '../shared/result';
import {
  mountTaskView,
  taskEventsOf,
  type TaskViewHandle,
} from '../shared/taskView';

const root = appRoot();
const tools = readConfig();
const app = createApp('backstage-task-view');

let task: TaskViewHandle | undefined;

function ensureTask(taskId: string): TaskViewHandle {
  task ??= mountTaskView(root, app, tools, taskId);
  return task;
}

replace(root, loading('Waiting for the task…'));

app.ontoolinput = params => {
  const taskId = params.arguments?.taskId;
  if (typeof taskId === 'string' && taskId) ensureTask(taskId);
};

app.ontoolresult = result => {
  if (result.isError) {
    if (task) task.showError(errorMessage(result));
    else replace(root, errorBox(errorMessage(result)));
    return;
  }
  const data = resultData(result);
  const events = taskEventsOf(data);
  if (!task) {
    const taskId = events.find(e => typeof e.taskId === 'string')?.taskId;
    if (!taskId) {
      replace(root, errorBox('The result names no task.'));
      return;
    }
    ensureTask(taskId);
  }
  task!.addEvents(events);
  // Keep following the task from where the model's call left off.
  task!.start();
};

app.ontoolcancelled = params => {
  if (task) return;
  replace(
    root,
    note(
      `The call was cancelled${params.reason ? `: ${params.reason}` : '.'}`,
      'cancelled',
    ),
  );
};

app.onteardown = () => {
  task?.stop();
  return {};
};

app.onhostcontextchanged = params => applyContext(params);

connectApp(app, root);
