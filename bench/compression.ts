/*
 * What compression costs and saves on large tool lists (part of
 * `npm run bench`, or alone as `npm run bench:compression`):
 *
 * One backend with this plugin (default config, fast lane on) serving
 * BENCH_COMPRESSION_ACTIONS (500) actions of the realistic portal
 * (dev/portalActions), in a child process (scripts/backendChild.ts). Its
 * `tools/list` is loaded with autocannon, without and with
 * `Accept-Encoding: gzip`, in BENCH_ROUNDS (5) rounds of 2 s that alternate
 * which goes first; each figure is the median round. Reports req/s, p99
 * latency and the bytes per answer on the wire (headers included). The
 * first answer of each kind is checked whole: decompressed, it must equal
 * the identity answer.
 */
import autocannon from 'autocannon';
import http from 'node:http';
import zlib from 'node:zlib';
import {
  mb,
  mcpHeaders,
  newToken,
  post,
  rpcBody,
  runScript,
  sleep,
  startBackend,
  table,
} from '../scripts/lib';

const ACTIONS = Number(process.env.BENCH_COMPRESSION_ACTIONS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = 2;
const CONNECTIONS = 10;

type Encoding = 'identity' | 'gzip';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

runScript(async () => {
  const token = newToken('bench-compression');
  const backend = await startBackend({
    label: 'bench-compression',
    token,
    portalActions: ACTIONS,
  });
  try {
    const body = JSON.stringify(rpcBody('tools/list'));
    const headers = (encoding: Encoding) => ({
      ...mcpHeaders(token),
      'Content-Type': 'application/json',
      'Accept-Encoding': encoding,
    });

    // Both kinds of answer, checked once, whole.
    const agent = new http.Agent();
    const plain = await post(agent, backend.mcpUrl, body, headers('identity'));
    const zipped = await new Promise<Buffer>((resolve, reject) => {
      const req = http.request(backend.mcpUrl, {
        method: 'POST',
        headers: headers('gzip'),
      });
      req.on('response', res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      });
      req.on('error', reject);
      req.end(body);
    });
    agent.destroy();
    const unzipped = JSON.parse(zlib.gunzipSync(zipped).toString('utf8'));
    const tools = plain.json?.result?.tools ?? [];
    if (
      tools.length < ACTIONS ||
      JSON.stringify(unzipped.result.tools) !== JSON.stringify(tools)
    ) {
      throw new Error('The compressed list differs from the identity one');
    }

    const results: Record<
      Encoding,
      { rps: number[]; p99: number[]; bytes: number[] }
    > = {
      identity: { rps: [], p99: [], bytes: [] },
      gzip: { rps: [], p99: [], bytes: [] },
    };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Encoding[] =
        round % 2 ? ['gzip', 'identity'] : ['identity', 'gzip'];
      for (const encoding of order) {
        await sleep(1000);
        const result = await autocannon({
          url: backend.mcpUrl,
          method: 'POST',
          headers: headers(encoding),
          body,
          connections: CONNECTIONS,
          duration: SECONDS,
          timeout: 10,
        });
        const answers = result['2xx'];
        if (result.non2xx || result.errors || result.timeouts || !answers) {
          throw new Error(
            `${encoding}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
          );
        }
        results[encoding].rps.push(answers / result.duration);
        results[encoding].p99.push(result.latency.p99);
        results[encoding].bytes.push(result.throughput.total / answers);
      }
    }

    const rows = (['identity', 'gzip'] as Encoding[]).map(encoding => [
      encoding,
      Math.round(median(results[encoding].rps)).toLocaleString('en'),
      `${median(results[encoding].p99)} ms`,
      `${Math.round(median(results[encoding].bytes) / 1024).toLocaleString('en')} KB`,
    ]);
    process.stdout.write(
      `\ntools/list of ${tools.length} realistic tools (${mb(
        Buffer.byteLength(plain.text),
      )} MB as JSON), ${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${SECONDS} s\n\n`,
    );
    process.stdout.write(
      `${table(['Accept-Encoding', 'req/s', 'p99', 'bytes per answer'], rows)}\n`,
    );
    return 0;
  } finally {
    await backend.stop();
  }
});
