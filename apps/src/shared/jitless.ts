// Must be the FIRST import of every app entry point.
//
// The apps run under a CSP without 'unsafe-eval'. zod 4 decides whether to
// use its `new Function` fast path when an object schema is *constructed*,
// and the SDK constructs its message schemas at module load, before the
// `App` constructor gets to switch zod to jitless mode. The failed probe is
// caught, but the browser still reports a CSP violation. Switching zod to
// jitless here, before any SDK module is evaluated, avoids the probe.
import { config } from 'zod/v4';

config({ jitless: true });
