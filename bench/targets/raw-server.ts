/**
 * The physical limit: a minimal HTTP server that runs the engine's compiled statement of each operation through
 * `pg` and stitches the per-field JSON texts into `{"data":…}`, as the engine's executor does, without parsing,
 * validating, planning, compiling or checking credentials. Started by the bench as a child process; the statements
 * (compiled for the run's sample ids and roles) come from a JSON file.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';
import { readChildConfig } from './child-config.js';
import type { RawStatement } from './raw.js';

const cfg = readChildConfig();
const statements = JSON.parse(readFileSync(cfg.statementsFile ?? '', 'utf8')) as Record<string, RawStatement>;
const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: cfg.poolSize });
pool.on('error', () => undefined);

async function answer(body: string): Promise<string> {
  const { operationName } = JSON.parse(body) as { operationName?: string };
  const st = statements[operationName ?? ''];
  if (!st) return JSON.stringify({ errors: [{ message: `unknown operation ${operationName}` }] });
  const res = await pool.query<Record<string, string | null>>({ text: st.text, values: st.values });
  const row = res.rows[0] ?? {};
  return `{"data":{${st.parts.map((p) => `${JSON.stringify(p.alias)}:${p.json ?? row[p.column ?? ''] ?? 'null'}`).join(',')}}}`;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    answer(Buffer.concat(chunks).toString('utf8')).then(
      (out) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(out);
      },
      () => {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"errors":[{"message":"query failed"}]}');
      },
    );
  });
});
server.listen(cfg.port, '127.0.0.1', () => process.stdout.write(`raw sql listening on 127.0.0.1:${cfg.port}\n`));
const stop = (): void => {
  server.close();
  void pool.end().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
