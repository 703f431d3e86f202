import { JSDOM } from 'jsdom';
import { renderDone } from './renderDone';
import { describeDuration, renderForm } from './renderForm';
import { renderSignIn } from './renderSignIn';
import { secretFieldsOf, type SecretField } from './secretFields';

const BASE = 'https://backstage.example.com/api/mcp-actions';

const result = secretFieldsOf({
  type: 'object',
  properties: {
    apiToken: {
      type: 'string',
      minLength: 8,
      description: 'Your personal token',
    },
    port: { type: 'integer', title: 'Port', minimum: 1 },
    sandbox: { type: 'boolean', description: 'Use the sandbox' },
  },
  required: ['apiToken'],
});
const fields = (result as { fields: SecretField[] }).fields;

function form(overrides: Partial<Parameters<typeof renderForm>[0]> = {}) {
  const html = renderForm({
    pluginBaseUrl: BASE,
    action: {
      title: 'Call webhook',
      id: 'test-actions:call-webhook',
      toolName: 'test-actions.call-webhook',
    },
    requester: 'user:default/alice',
    fields,
    csrfToken: 'csrf-token-1',
    rememberForMs: 10 * 60_000,
    expiresAt: Date.UTC(2026, 10, 29, 12, 0),
    ...overrides,
  });
  return { html, document: new JSDOM(html).window.document };
}

describe('renderForm', () => {
  it('labels every control, describes it through aria-describedby and marks required ones', () => {
    const { document } = form();
    const controls = [
      ...document.querySelectorAll('input:not([type=hidden])'),
    ] as HTMLInputElement[];
    expect(controls.map(c => [c.name, c.type])).toEqual([
      ['secret.apiToken', 'password'],
      ['secret.port', 'number'],
      ['secret.sandbox', 'checkbox'],
      ['remember', 'checkbox'],
    ]);
    for (const control of controls) {
      expect(
        document.querySelector(`label[for="${control.id}"]`),
      ).not.toBeNull();
      for (const id of (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)) {
        expect(document.getElementById(id)).not.toBeNull();
      }
    }
    const token = document.getElementById('secret-0') as HTMLInputElement;
    expect(token.required).toBe(true);
    expect(token.getAttribute('minlength')).toBe('8');
    expect(token.getAttribute('autocomplete')).toBe('new-password');
    expect(
      document.getElementById(token.getAttribute('aria-describedby')!)!
        .textContent,
    ).toBe('Your personal token');
    expect(document.querySelector('label[for="secret-1"]')!.textContent).toBe(
      'Port',
    );
    expect(
      (document.getElementById('secret-1') as HTMLInputElement).required,
    ).toBe(false);
    expect(document.querySelector('label[for="remember"]')!.textContent).toBe(
      'Remember for this session',
    );
    expect(
      document.getElementById('remember-description')!.textContent,
    ).toContain('10 minutes');
  });

  it('names the tool, the action and who asked, and carries the CSRF token', () => {
    const { document } = form();
    expect(document.querySelector('h1')!.textContent).toBe(
      'Secrets for Call webhook',
    );
    const text = document.body.textContent!;
    expect(text).toContain('test-actions.call-webhook');
    expect(text).toContain('test-actions:call-webhook');
    expect(text).toContain('user:default/alice');
    expect(
      (document.querySelector('input[name=csrf]') as HTMLInputElement).value,
    ).toBe('csrf-token-1');
    expect(document.querySelector('form')!.getAttribute('method')).toBe('post');
  });

  it('loads its script and stylesheet from the plugin, with nothing inline', () => {
    const { html, document } = form();
    expect(
      [...document.querySelectorAll('script')].map(s => s.getAttribute('src')),
    ).toEqual([`${BASE}/secrets/static/page.js`]);
    expect(
      [...document.querySelectorAll('script')].every(s => s.textContent === ''),
    ).toBe(true);
    expect(document.querySelectorAll('style, [style]')).toHaveLength(0);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(
      document.querySelector('link[rel=stylesheet]')!.getAttribute('href'),
    ).toBe(`${BASE}/secrets/static/page.css`);
  });

  it('escapes what comes from the action and the caller', () => {
    const { document } = form({
      action: { title: '<img src=x onerror=alert(1)>', id: 'a:"b"' },
      requester: '<script>alert(1)</script>',
    });
    expect(document.querySelectorAll('img, main script')).toHaveLength(0);
    expect(document.querySelector('h1')!.textContent).toBe(
      'Secrets for <img src=x onerror=alert(1)>',
    );
  });

  it('lists errors in an alert, links each to its control and leaves every control empty', () => {
    const { document } = form({
      errors: [
        {
          field: fields[0],
          message: 'apiToken must be at least 8 characters long.',
        },
      ],
    });
    const alert = document.querySelector('[role=alert]')!;
    expect(alert.querySelector('a')!.getAttribute('href')).toBe('#secret-0');
    const token = document.getElementById('secret-0') as HTMLInputElement;
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(token.getAttribute('aria-describedby')).toBe(
      'secret-0-description secret-0-error',
    );
    expect(document.getElementById('secret-0-error')!.textContent).toBe(
      'apiToken must be at least 8 characters long.',
    );
    for (const input of document.querySelectorAll('input:not([type=hidden])')) {
      expect(input.getAttribute('value') ?? 'on').toBe('on');
    }
  });
});

describe('the other pages', () => {
  it('the done page tells the user to return to the client', () => {
    const document = new JSDOM(
      renderDone({ pluginBaseUrl: BASE, actionTitle: 'Call webhook' }),
    ).window.document;
    expect(document.querySelector('h1')!.textContent).toBe(
      'Done — you can return to your client',
    );
    expect(document.body.textContent).toContain(
      'The secrets for Call webhook were saved.',
    );
  });

  it("the sign-in page hands its script the providers' refresh URLs and the cookie endpoint in data attributes", () => {
    const html = renderSignIn({
      pluginBaseUrl: BASE,
      authBaseUrl: 'https://backstage.example.com/api/auth',
      providers: ['github', 'guest'],
      environment: 'production',
      appUrl: 'https://backstage.example.com',
    });
    const document = new JSDOM(html).window.document;
    const signIn = document.getElementById('sign-in')!;
    expect(JSON.parse(signIn.getAttribute('data-refresh-urls')!)).toEqual([
      'https://backstage.example.com/api/auth/github/refresh?env=production',
      'https://backstage.example.com/api/auth/guest/refresh?env=production',
    ]);
    expect(signIn.getAttribute('data-cookie-url')).toBe(
      `${BASE}/.backstage/auth/v1/cookie`,
    );
    expect(document.getElementById('sign-in-fallback')!.hidden).toBe(true);
    expect(
      [...document.querySelectorAll('script')].every(s =>
        s.getAttribute('src'),
      ),
    ).toBe(true);
  });

  it.each([
    [60_000, '1 minute'],
    [10 * 60_000, '10 minutes'],
    [3 * 3600_000, '3 hours'],
    [30_000, '30 seconds'],
  ])('describes %d ms as %s', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
