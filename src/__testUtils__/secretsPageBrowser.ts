/*
 * The secrets page driven the way a browser drives it, over plain fetch:
 * a Backstage user cookie from the plugin's cookie endpoint, a GET of the
 * page with it, the CSRF token read from the form, and a form POST with the
 * headers a browser adds. For tests; the real browser test uses Chromium.
 */

export interface PageAnswer {
  status: number;
  headers: Headers;
  html: string;
  /** The form's CSRF token, when the answer is the form. */
  csrf?: string;
}

/**
 * The cookie a signed-in browser holds for this plugin: Backstage's cookie
 * endpoint turns the user's token into it.
 */
export async function userCookie(
  baseUrl: string,
  authorization: string,
): Promise<string> {
  const res = await fetch(
    `${baseUrl}/api/mcp-actions/.backstage/auth/v1/cookie`,
    {
      headers: { Authorization: authorization },
    },
  );
  if (!res.ok) {
    throw new Error(
      `cookie endpoint answered ${res.status}: ${await res.text()}`,
    );
  }
  const [setCookie] = res.headers.getSetCookie();
  return setCookie.split(';')[0];
}

async function answer(res: Response): Promise<PageAnswer> {
  const html = await res.text();
  const csrf = /<input type="hidden" name="csrf" value="([^"]*)">/.exec(
    html,
  )?.[1];
  return { status: res.status, headers: res.headers, html, csrf };
}

export async function openPage(
  url: string,
  cookie?: string,
): Promise<PageAnswer> {
  return answer(
    await fetch(url, { headers: cookie ? { Cookie: cookie } : {} }),
  );
}

export interface Submission {
  cookie?: string;
  csrf?: string;
  /** Form values by secret key; booleans as checkboxes. */
  values: Record<string, string | boolean>;
  remember?: boolean;
  /** Replaces the headers a same-origin browser POST carries. */
  headers?: Record<string, string>;
}

export async function submitPage(
  url: string,
  submission: Submission,
): Promise<PageAnswer> {
  const form = new URLSearchParams();
  if (submission.csrf !== undefined) {
    form.set('csrf', submission.csrf);
  }
  for (const [key, value] of Object.entries(submission.values)) {
    if (value !== false) {
      form.set(`secret.${key}`, value === true ? 'on' : value);
    }
  }
  if (submission.remember) {
    form.set('remember', 'on');
  }
  // A page served with no-referrer makes the browser send `Origin: null`;
  // `Sec-Fetch-Site` tells the server the form is its own.
  const headers = submission.headers ?? {
    Origin: 'null',
    'Sec-Fetch-Site': 'same-origin',
  };
  return answer(
    await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(submission.cookie ? { Cookie: submission.cookie } : {}),
        ...headers,
      },
      body: form.toString(),
      redirect: 'manual',
    }),
  );
}

/** Opens the page, fills in the form and submits it, as a user would. */
export async function fillInPage(
  url: string,
  options: Omit<Submission, 'csrf'>,
): Promise<PageAnswer> {
  const page = await openPage(url, options.cookie);
  if (page.status !== 200 || !page.csrf) {
    throw new Error(
      `the page at ${url} answered ${page.status} without a form`,
    );
  }
  return submitPage(url, { ...options, csrf: page.csrf });
}

/**
 * Keeps the body of every response fetched in this process from now on
 * (the MCP clients', the page's, and the backend's own calls to action
 * sources), to check that a secret never comes back.
 */
export function recordResponses() {
  const original = globalThis.fetch;
  const bodies: Array<Promise<string>> = [];
  globalThis.fetch = async (input, init) => {
    const res = await original(input, init);
    bodies.push(
      Promise.race([
        res.clone().text(),
        new Promise<string>(resolve =>
          setTimeout(() => resolve(''), 5000).unref(),
        ),
      ]).catch(() => ''),
    );
    return res;
  };
  return {
    async all(): Promise<string[]> {
      return Promise.all(bodies);
    },
    restore() {
      globalThis.fetch = original;
    },
  };
}
