/** One request as upstream's `anyq` sends it: JSON POST of `query`, or the case's `method` with its raw `body`. */
export interface HttpResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export async function send(
  baseUrl: string,
  path: string,
  opts: { query?: unknown; method?: string; body?: unknown; headers: Record<string, string>; timeoutMs?: number },
): Promise<HttpResponse> {
  const method = (opts.method ?? 'POST').toUpperCase();
  const headers: Record<string, string> = { ...opts.headers };
  let body: string | undefined;
  if (method === 'GET' || method === 'DELETE') body = undefined;
  else if (opts.method && opts.body !== undefined)
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  else {
    body = JSON.stringify(opts.query ?? null);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: compare as text
  }
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => (out[k] = v));
  return { status: res.status, body: parsed, headers: out };
}
