import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppResources } from './AppResources';
import { appsSessionIdFor, sessionDeclaresUi } from './appsSession';
import {
  APP_MIME_TYPE,
  declaresUiExtension,
  requestDeclaresUiExtension,
  UI_EXTENSION_ID,
} from './uiExtension';

describe('declaresUiExtension', () => {
  it.each([
    [{ extensions: { [UI_EXTENSION_ID]: {} } }, true],
    [
      { extensions: { [UI_EXTENSION_ID]: { mimeTypes: [APP_MIME_TYPE] } } },
      true,
    ],
    [
      { extensions: { [UI_EXTENSION_ID]: { mimeTypes: ['text/html'] } } },
      false,
    ],
    [{ extensions: { [UI_EXTENSION_ID]: true } }, false],
    [{ extensions: { [UI_EXTENSION_ID]: null } }, false],
    [{ extensions: { 'io.modelcontextprotocol/tasks': {} } }, false],
    [{ extensions: [] }, false],
    [{}, false],
    [undefined, false],
  ])('reads %j as %s', (capabilities, expected) => {
    expect(declaresUiExtension(capabilities as any)).toBe(expected);
  });

  it('finds the declaration in a raw 2026-07-28 envelope only', () => {
    const declared = {
      'io.modelcontextprotocol/clientCapabilities': {
        extensions: { [UI_EXTENSION_ID]: {} },
      },
    };
    expect(requestDeclaresUiExtension({ params: { _meta: declared } })).toBe(
      true,
    );
    expect(requestDeclaresUiExtension({ params: declared })).toBe(false);
    expect(requestDeclaresUiExtension({ params: { _meta: null } })).toBe(false);
    expect(requestDeclaresUiExtension([{ params: { _meta: declared } }])).toBe(
      false,
    );
  });
});

describe('the 2025-era apps session id', () => {
  const initialize = (capabilities: unknown) => ({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities },
  });

  it('is given to an initialize that declares the extension, and read back', () => {
    const id = appsSessionIdFor(
      initialize({ extensions: { [UI_EXTENSION_ID]: {} } }),
    );
    expect(id).toMatch(/^mcp-apps-[0-9a-f-]{36}$/);
    expect(sessionDeclaresUi({ 'mcp-session-id': id })).toBe(true);
  });

  it('is given to nothing else', () => {
    expect(appsSessionIdFor(initialize({}))).toBeUndefined();
    expect(appsSessionIdFor(initialize(undefined))).toBeUndefined();
    expect(
      appsSessionIdFor({
        method: 'tools/list',
        params: { capabilities: { extensions: { [UI_EXTENSION_ID]: {} } } },
      }),
    ).toBeUndefined();
    expect(appsSessionIdFor(undefined)).toBeUndefined();
    expect(sessionDeclaresUi({})).toBe(false);
    expect(sessionDeclaresUi({ 'mcp-session-id': 'another-session' })).toBe(
      false,
    );
  });
});

describe('AppResources.load', () => {
  it('serves no apps, with one warning, from a folder without them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-apps-missing-'));
    const logger = mockServices.logger.mock();
    try {
      expect(AppResources.load({ logger, directory: dir })).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('run npm run build:apps'),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escapes what could end the configuration script', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-apps-fake-'));
    const placeholder =
      '<script type="application/json" id="backstage-mcp-config">{}</script>';
    for (const name of [
      'entity-card',
      'template-form',
      'task-view',
      'output-view',
    ]) {
      fs.writeFileSync(
        path.join(dir, `${name}.html`),
        `<!doctype html><head>${placeholder}</head>`,
      );
    }
    const logger = mockServices.logger.mock();
    try {
      const apps = AppResources.load({ logger, directory: dir })!;
      const tool = { name: 'get</script><script>alert(1)//' };
      const toolset = {
        tools: [tool],
        listResult: { tools: [tool] },
        find: () => ({ tool, action: { id: 'catalog:get-catalog-entity' } }),
      } as any;
      const { contents } = apps.read('ui://backstage/entity-card', toolset);
      const text = (contents[0] as { text: string }).text;
      expect(text).not.toContain('</script><script>');
      const json = /id="backstage-mcp-config">(.*?)<\/script>/.exec(text)![1];
      expect(JSON.parse(json).tools.getEntity).toBe(tool.name);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
