import '../shared/jitless';
import type { CallToolResult } from '@modelcontextprotocol/client';
import {
  appRoot,
  applyContext,
  connectApp,
  createApp,
  readEntity,
} from '../shared/app';
import { readConfig } from '../shared/config';
import { el, errorBox, loading, note, replace } from '../shared/dom';
import {
  describeError,
  errorMessage,
  isPlainObject,
  parseEntityRef,
  resultData,
  resultText,
} from '../shared/result';
import { mountTaskView, type TaskViewHandle } from '../shared/taskView';
import { renderForm, type RenderedForm } from './form';

const root = appRoot();
const tools = readConfig();
const app = createApp('backstage-template-form');

let templateRef: string | undefined;
let values: Record<string, unknown> = {};
/** Error to show above the form (e.g. the model's call failed). */
let pendingError: string | undefined;
let form: RenderedForm | undefined;
let errorArea: HTMLElement | undefined;
let task: TaskViewHandle | undefined;
/** Bumped on every new input so stale template loads are ignored. */
let generation = 0;

function taskIdOf(result: CallToolResult): string | undefined {
  const data = resultData(result);
  if (isPlainObject(data)) {
    const id = data.taskId ?? data.id;
    if (typeof id === 'string' && id) return id;
  }
  return undefined;
}

function showTask(taskId: string) {
  if (task) return;
  generation++;
  form = undefined;
  task = mountTaskView(root, app, tools, taskId);
  task.start();
}

function showError(message: string | undefined) {
  pendingError = message;
  if (!errorArea) return;
  replace(errorArea, message ? errorBox(message) : null);
  if (message) errorArea.scrollIntoView({ block: 'nearest' });
}

function renderTemplate(template: Record<string, unknown>) {
  const metadata = isPlainObject(template.metadata) ? template.metadata : {};
  const spec = isPlainObject(template.spec) ? template.spec : {};
  const title =
    (typeof metadata.title === 'string' && metadata.title) ||
    (typeof metadata.name === 'string' && metadata.name) ||
    templateRef ||
    'Template';
  const description =
    typeof metadata.description === 'string' ? metadata.description : '';

  form = renderForm(spec.parameters, values);
  errorArea = el('div', { testid: 'form-errors' });
  // The submit button is a plain button: in an iframe sandboxed without
  // allow-forms, a form's submit event never fires.
  const submit = el(
    'button',
    {
      type: 'button',
      class: 'primary',
      testid: 'submit',
      onclick: () => void onSubmit(submit),
    },
    'Run template',
  );
  const formEl = el(
    'form',
    {
      novalidate: true,
      testid: 'template-form',
      onsubmit: (event: Event) => event.preventDefault(),
      onkeydown: (event: KeyboardEvent) => {
        const target = event.target as HTMLElement;
        if (event.key === 'Enter' && target.tagName === 'INPUT') {
          event.preventDefault();
          if (tools.executeTemplate) void onSubmit(submit);
        }
      },
    },
    form.element,
    tools.executeTemplate
      ? el('div', { class: 'toolbar' }, submit)
      : note(
          'This server does not offer the template tool, so the form can not be submitted from here.',
          'no-submit-note',
        ),
  );

  replace(
    root,
    el('h1', { testid: 'template-title' }, title),
    description
      ? el('p', { class: 'muted', testid: 'template-description' }, description)
      : null,
    spec.secrets !== undefined
      ? note(
          'This template needs secrets. The server asks for them on its own secrets page, not in this form.',
          'secrets-note',
        )
      : null,
    errorArea,
    form.steps.length === 0
      ? note('This template has no parameters.', 'no-parameters')
      : null,
    formEl,
  );
  showError(pendingError);
  root.querySelector<HTMLElement>('[data-autofocus]')?.focus();
}

async function onSubmit(button: HTMLButtonElement) {
  if (button.disabled || !form || !tools.executeTemplate || !templateRef)
    return;
  const collected = form.collect();
  if (!collected) {
    showError('Please correct the highlighted fields.');
    return;
  }
  showError(undefined);
  button.disabled = true;
  button.textContent = 'Starting…';
  try {
    const result = await app.callServerTool({
      name: tools.executeTemplate,
      arguments: { templateRef, values: collected },
    });
    if (result.isError) {
      showError(errorMessage(result));
    } else {
      const taskId = taskIdOf(result);
      if (taskId) {
        showTask(taskId);
        return;
      }
      showError(
        `The template was started but no task id came back: ${resultText(result)}`,
      );
    }
  } catch (error) {
    showError(`Could not run the template: ${describeError(error)}`);
  }
  values = collected;
  button.disabled = false;
  button.textContent = 'Run template';
}

async function loadTemplate(ref: string) {
  const mine = ++generation;
  if (!tools.getEntity) {
    replace(
      root,
      note(
        'This server does not offer the catalog entity tool, so the template form can not be shown.',
        'no-form-note',
      ),
    );
    return;
  }
  const target = parseEntityRef(ref, {
    kind: 'template',
    namespace: 'default',
  });
  if (!target) {
    replace(root, errorBox(`Not a template reference: ${ref}`));
    return;
  }
  replace(root, loading('Loading template…'));
  try {
    let data = await readEntity(app, tools.getEntity, target);
    if (mine !== generation || task) return;
    if (
      isPlainObject(data) &&
      !isPlainObject(data.spec) &&
      isPlainObject(data.entity)
    ) {
      data = data.entity;
    }
    if (!isPlainObject(data))
      throw new Error('The answer is not a catalog entity.');
    renderTemplate(data);
  } catch (error) {
    if (mine !== generation || task) return;
    replace(
      root,
      errorBox(`Could not load the template ${ref}: ${describeError(error)}`),
    );
  }
}

replace(root, loading('Waiting for the template…'));

app.ontoolinput = params => {
  if (task) return;
  const args = params.arguments ?? {};
  const ref = typeof args.templateRef === 'string' ? args.templateRef : '';
  values = isPlainObject(args.values) ? { ...args.values } : {};
  if (!ref) {
    replace(root, errorBox('No template reference was given.'));
    return;
  }
  templateRef = ref;
  void loadTemplate(ref);
};

app.ontoolresult = result => {
  if (task) return;
  if (result.isError) {
    // The model's own call failed (e.g. invalid values): keep the form so
    // the user can correct the values and submit.
    if (errorArea || templateRef) showError(errorMessage(result));
    else replace(root, errorBox(errorMessage(result)));
    return;
  }
  const taskId = taskIdOf(result);
  if (taskId) showTask(taskId);
};

app.ontoolcancelled = params => {
  if (task) return;
  showError(
    `The call was cancelled${params.reason ? `: ${params.reason}` : '.'}`,
  );
};

app.onteardown = () => {
  task?.stop();
  return {};
};

app.onhostcontextchanged = params => applyContext(params);

connectApp(app, root);
