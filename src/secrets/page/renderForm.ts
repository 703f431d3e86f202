import { escapeHtml, renderPage } from './html';
import type { FieldError, SecretField } from './secretFields';

export interface FormPageOptions {
  pluginBaseUrl: string;
  /** The action's title, its id and the tool name the client sees. */
  action: { title: string; id: string; toolName?: string };
  /** Who made the call, as shown to the user. */
  requester: string;
  fields: SecretField[];
  csrfToken: string;
  /** How long remembered secrets are kept, in milliseconds. */
  rememberForMs: number;
  /** When the request (and this page) expires, ms since the epoch. */
  expiresAt: number;
  /** From a rejected submission; the form is shown again, empty. */
  errors?: FieldError[];
}

/**
 * The form that collects an action's secrets. Controls are never
 * pre-filled, not even after a rejected submission: a secret is never
 * written back into a page.
 */
export function renderForm(options: FormPageOptions): string {
  const { action, errors = [] } = options;
  const errorIds = new Map(
    errors.map(e => [e.field.key, `${e.field.id}-error`]),
  );
  const name = options.action.toolName ?? action.id;
  const body = [
    `<h1>Secrets for ${escapeHtml(action.title)}</h1>`,
    `<p>The tool <code>${escapeHtml(name)}</code> (action <code>${escapeHtml(
      action.id,
    )}</code>) needs secrets to run. <strong>${escapeHtml(
      options.requester,
    )}</strong> called it from an MCP client.</p>`,
    `<p class="note">What you enter here goes to Backstage only, encrypted, for this call; it never passes through the AI model or the client.</p>`,
    ...(errors.length > 0 ? [renderErrorSummary(errors)] : []),
    `<form method="post" data-secrets-form>`,
    `<input type="hidden" name="csrf" value="${escapeHtml(options.csrfToken)}">`,
    ...options.fields.map(field =>
      renderField(field, errorIds.get(field.key), errors),
    ),
    renderRemember(options.rememberForMs),
    `<button type="submit">Submit secrets</button>`,
    `</form>`,
    `<p class="expiry">This link expires at <time datetime="${escapeHtml(
      new Date(options.expiresAt).toISOString(),
    )}">${escapeHtml(new Date(options.expiresAt).toUTCString())}</time>.</p>`,
  ].join('\n');
  return renderPage({
    pluginBaseUrl: options.pluginBaseUrl,
    title: `Secrets for ${action.title}`,
    body,
  });
}

function renderErrorSummary(errors: FieldError[]): string {
  const items = errors
    .map(
      e =>
        `<li><a href="#${escapeHtml(e.field.id)}">${escapeHtml(e.message)}</a></li>`,
    )
    .join('\n');
  return `<div class="errors" role="alert" id="error-summary">
<h2>The secrets were not saved</h2>
<ul>
${items}
</ul>
</div>`;
}

function renderField(
  field: SecretField,
  errorId: string | undefined,
  errors: FieldError[],
): string {
  const descriptionId = field.description
    ? `${field.id}-description`
    : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ');
  const attributes = [
    `id="${escapeHtml(field.id)}"`,
    `name="${escapeHtml(field.name)}"`,
    ...inputAttributes(field),
    field.required ? 'required aria-required="true"' : '',
    describedBy ? `aria-describedby="${escapeHtml(describedBy)}"` : '',
    errorId ? 'aria-invalid="true"' : '',
  ].filter(Boolean);
  const label = `<label for="${escapeHtml(field.id)}">${escapeHtml(field.label)}${
    field.required ? ' <span class="required">(required)</span>' : ''
  }</label>`;
  const description = descriptionId
    ? `<p class="description" id="${escapeHtml(descriptionId)}">${escapeHtml(
        field.description!,
      )}</p>`
    : '';
  const error = errorId
    ? `<p class="error" id="${escapeHtml(errorId)}">${escapeHtml(
        errors.find(e => e.field.key === field.key)!.message,
      )}</p>`
    : '';
  const input = `<input ${attributes.join(' ')}>`;
  const parts =
    field.kind === 'boolean'
      ? [
          '<div class="field checkbox">',
          input,
          label,
          description,
          error,
          '</div>',
        ]
      : ['<div class="field">', label, description, error, input, '</div>'];
  return parts.filter(Boolean).join('\n');
}

function inputAttributes(field: SecretField): string[] {
  switch (field.kind) {
    case 'boolean':
      return ['type="checkbox"', 'value="on"'];
    case 'number':
    case 'integer':
      return [
        'type="number"',
        `step="${field.kind === 'integer' ? '1' : 'any'}"`,
        field.minimum !== undefined ? `min="${field.minimum}"` : '',
        field.maximum !== undefined ? `max="${field.maximum}"` : '',
        'autocomplete="off"',
      ].filter(Boolean);
    default:
      // Browsers' password managers may offer to save a password field;
      // "new-password" keeps them from filling in an unrelated saved one.
      return [
        'type="password"',
        'autocomplete="new-password"',
        'spellcheck="false"',
        field.minLength !== undefined ? `minlength="${field.minLength}"` : '',
        field.maxLength !== undefined ? `maxlength="${field.maxLength}"` : '',
      ].filter(Boolean);
  }
}

function renderRemember(rememberForMs: number): string {
  return `<div class="field checkbox remember">
<input type="checkbox" id="remember" name="remember" value="on" aria-describedby="remember-description">
<label for="remember">Remember for this session</label>
<p class="description" id="remember-description">Use these secrets for every call of this tool for ${escapeHtml(
    describeDuration(rememberForMs),
  )}, instead of for the next call only.</p>
</div>`;
}

export function describeDuration(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.round(ms / 1000));
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
  }
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 120) {
    return `${Math.round(minutes / 60)} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
