import { escapeHtml, renderPage } from './html';

/**
 * What the user sees once the secrets are stored: nothing more to do here.
 * `already` is for a later visit to a request that was completed before.
 */
export function renderDone(options: {
  pluginBaseUrl: string;
  actionTitle?: string;
  remembered?: boolean;
  already?: boolean;
}): string {
  const what = options.actionTitle
    ? `The secrets for ${options.actionTitle}`
    : 'The secrets';
  const paragraphs = [
    options.already
      ? `${what} were already submitted through this link.`
      : `${what} were saved.`,
    options.remembered
      ? 'They will be used for further calls of this tool for as long as you chose to remember them.'
      : 'They will be used for the next call of this tool, once.',
    'You can close this page.',
  ];
  return renderPage({
    pluginBaseUrl: options.pluginBaseUrl,
    title: 'Done — you can return to your client',
    body: [
      `<h1>Done — you can return to your client</h1>`,
      ...paragraphs.map(p => `<p>${escapeHtml(p)}</p>`),
    ].join('\n'),
  });
}
