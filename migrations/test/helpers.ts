import pg from 'pg';

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE of the error `sql` raises, or 'ok' when it succeeds (inside a rolled-back transaction). */
export async function sqlState(client: pg.Client, sql: string): Promise<string> {
  await client.query('begin');
  try {
    await client.query(sql);
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? 'unknown';
  } finally {
    await client.query('rollback');
  }
}
