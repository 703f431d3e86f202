// A minimal MCP Apps host for browser tests. Bundled to
// apps/.build/test-host.js and loaded into a blank page; the test answers
// the app's server calls through `window.__hostCall` (page.exposeFunction).
import '../shared/jitless';
import {
  AppBridge,
  PostMessageTransport,
} from '@modelcontextprotocol/ext-apps/app-bridge';
import type {
  CallToolResult,
  ReadResourceResult,
} from '@modelcontextprotocol/client';

interface MountOptions {
  html: string;
  tool: {
    name: string;
    title?: string;
    inputSchema?: unknown;
    [key: string]: unknown;
  };
  input: Record<string, unknown>;
  result?: CallToolResult;
}

declare global {
  interface Window {
    mountApp(opts: MountOptions): Promise<void>;
    sendResult(result: CallToolResult): Promise<void>;
    __hostCall(method: string, params: unknown): Promise<unknown>;
    __openedLinks: string[];
    __bridge?: AppBridge;
    __iframe?: HTMLIFrameElement;
  }
}

window.__openedLinks = [];

async function mountApp(opts: MountOptions): Promise<void> {
  // One app at a time: remove the previous one.
  if (window.__bridge) {
    await window.__bridge.close().catch(() => undefined);
    window.__bridge = undefined;
  }
  window.__iframe?.remove();

  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('data-testid', 'app-frame');
  iframe.style.width = '100%';
  iframe.style.height = '600px';
  iframe.style.border = '1px solid #ccc';
  iframe.srcdoc = opts.html;
  window.__iframe = iframe;

  const tool = {
    inputSchema: { type: 'object' },
    ...opts.tool,
  };

  const bridge = new AppBridge(
    null,
    { name: 'test-host', version: '1.0.0' },
    { serverTools: {}, openLinks: {}, logging: {} },
    { hostContext: { toolInfo: { tool: tool as never }, theme: 'light' } },
  );
  window.__bridge = bridge;

  bridge.oncalltool = async params =>
    (await window.__hostCall('tools/call', params)) as CallToolResult;
  bridge.onreadresource = async params =>
    (await window.__hostCall('resources/read', params)) as ReadResourceResult;
  bridge.onopenlink = async params => {
    window.__openedLinks.push(params.url);
    return {};
  };
  bridge.onsizechange = params => {
    if (typeof params.height === 'number') {
      iframe.style.height = `${Math.min(Math.max(params.height, 100), 2000)}px`;
    }
  };

  const initialized = new Promise<void>(resolve => {
    bridge.oninitialized = () => resolve();
  });

  // The transport must listen before the iframe's script runs, so connect
  // first and only then put the iframe into the page.
  document.body.appendChild(iframe);
  const frameWindow = iframe.contentWindow;
  if (!frameWindow) throw new Error('the iframe has no window');
  await bridge.connect(new PostMessageTransport(frameWindow, frameWindow));

  await initialized;
  await bridge.sendToolInput({ arguments: opts.input });
  if (opts.result) await bridge.sendToolResult(opts.result);
}

window.mountApp = mountApp;
window.sendResult = async (result: CallToolResult) => {
  if (!window.__bridge) throw new Error('no app is mounted');
  await window.__bridge.sendToolResult(result);
};
