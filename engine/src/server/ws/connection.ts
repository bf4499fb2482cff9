/**
 * One websocket connection on `/v1/graphql` (src: Hasura/GraphQL/Transport/WebSocket.hs `onConnInit`, `onStart`,
 * `onStop`, `onClose`; Server.hs close codes):
 * - auth runs ONCE at `connection_init` with the payload's `headers` (then the upgrade request's, as ws-server.ts
 *   filtered them: no cookie of a cross-origin upgrade), through the same authenticator as HTTP; the credentials'
 *   expiry (webhook Cache-Control/Expires, JWT `exp`) closes the socket;
 * - a socket without `connection_init` within `HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT` is closed (4408),
 *   on both protocols (Hasura: graphql-transport-ws only);
 * - at most `ENGINE_WS_MAX_SUBSCRIPTIONS` operations run at once; one more gets a `start-failed` error;
 * - `start`/`subscribe`: queries and mutations run through `Runtime.execute` (result, then `complete`);
 *   subscriptions become live-query subscribers (engine/src/subscriptions/live-query.ts);
 * - closing the socket removes every subscriber at once.
 */
import type WebSocket from 'ws';
import type { AuthResult } from '../../auth/authenticate.js';
import { connectionInitHeaders, type HeaderList } from '../../auth/headers.js';
import { EngineError, asEngineError, encodeGraphQLError, showsInternal, toGraphQLError } from '../../errors.js';
import type { InternalErrors } from '../../errors.js';
import type { UpgradeContext } from '../context.js';
import type { LiveQueryManager } from '../../subscriptions/live-query.js';
import { classifyOperation } from '../../subscriptions/operation.js';
import { planStream } from '../../subscriptions/stream.js';
import { CLOSE, ClientMsgError, parseClientMsg, serverMsg } from './protocol.js';
import type { ClientMsg, StartPayload, SubProtocol } from './protocol.js';

export interface ConnectionSettings {
  keepAliveMs: number;
  initTimeoutMs: number;
  /** Who sees `extensions.internal` in start errors (config/internal-errors.ts). */
  internalErrors: InternalErrors;
  /** `ENGINE_WS_MAX_SUBSCRIPTIONS`: running operations per connection. */
  maxSubscriptions: number;
}

type State =
  | { kind: 'new' }
  | { kind: 'init_error'; message: string }
  | { kind: 'ready'; auth: AuthResult; headers: Record<string, string> };

const MAX_TIMEOUT = 2_147_483_647;

export class WsConnection {
  private state: State = { kind: 'new' };
  private readonly ops = new Map<string, () => void>();
  private queue: Promise<void> = Promise.resolve();
  private readonly timers: NodeJS.Timeout[] = [];
  private closed = false;
  /** A connection_init arrived (its auth may still be running): the init deadline no longer applies. */
  private initReceived = false;

  constructor(
    private readonly ws: WebSocket,
    /** The upgrade request's headers that connection_init falls back to (ws-server.ts `upgradeHeaders`). */
    private readonly upgradeHeaders: HeaderList,
    private readonly proto: SubProtocol,
    private readonly ctx: UpgradeContext,
    private readonly managers: { live: LiveQueryManager; stream: LiveQueryManager },
    private readonly settings: ConnectionSettings,
    private readonly log: (line: string) => void,
  ) {
    ws.on('message', (data, isBinary) => {
      const text = isBinary
        ? ''
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Array.isArray(data)
            ? Buffer.concat(data).toString('utf8')
            : Buffer.from(data).toString('utf8');
      this.queue = this.queue
        .then(() => this.onMessage(text))
        .catch((e: unknown) => {
          this.log(`websocket: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : 'non-error thrown'}`);
        });
    });
    ws.on('close', () => this.onClose());
    ws.on('error', () => this.onClose());
    this.timer(() => {
      if (!this.initReceived) this.close(CLOSE.initTimeout, 'Connection initialisation timeout');
    }, settings.initTimeoutMs);
  }

  private timer(fn: () => void, ms: number, repeat = false): void {
    const t = repeat ? setInterval(fn, ms) : setTimeout(fn, Math.min(Math.max(ms, 0), MAX_TIMEOUT));
    this.timers.push(t);
  }

  private send(text: string): void {
    if (!this.closed && this.ws.readyState === this.ws.OPEN) this.ws.send(text);
  }

  private close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, Buffer.byteLength(reason) > 123 ? reason.slice(0, 120) : reason);
    this.onClose();
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    for (const stop of this.ops.values()) stop();
    this.ops.clear();
  }

  private async onMessage(text: string): Promise<void> {
    if (this.closed) return;
    let msg: ClientMsg;
    try {
      msg = parseClientMsg(text, this.proto);
    } catch (e) {
      const m = `Parsing client message failed: ${e instanceof ClientMsgError ? e.message : 'invalid message'}`;
      if (this.proto === 'apollo') this.send(serverMsg.connError(m));
      else this.close(CLOSE.genericError, m);
      return;
    }
    switch (msg.type) {
      case 'connection_init':
        this.initReceived = true;
        return this.onInit(msg.payload);
      case 'start':
        return this.onStart(msg.id, msg.payload);
      case 'stop':
        this.ops.get(msg.id)?.();
        this.ops.delete(msg.id);
        return;
      case 'ping':
        this.send(serverMsg.pong(msg.payload));
        return;
      case 'pong':
        return;
      case 'connection_terminate':
        this.close(1000, 'Connection terminated');
        return;
    }
  }

  private async onInit(payload: unknown): Promise<void> {
    if (this.proto === 'graphql-transport-ws' && this.state.kind !== 'new') {
      this.close(CLOSE.tooManyRequests, 'Too many initialisation requests');
      return;
    }
    const p = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
    const headers = connectionInitHeaders(p['headers'], this.upgradeHeaders);
    let auth: AuthResult;
    try {
      auth = await this.ctx.auth.resolve(headers, undefined);
    } catch (e) {
      const q = asEngineError(e);
      if (this.proto === 'apollo') {
        this.state = { kind: 'init_error', message: q.message };
        this.send(serverMsg.connError(q.message));
      } else this.close(CLOSE.forbidden, 'Forbidden');
      return;
    }
    if (this.closed) return;
    const flat: Record<string, string> = {};
    for (const [k, v] of headers) {
      const key = k.toLowerCase();
      if (!(key in flat)) flat[key] = v;
    }
    this.state = { kind: 'ready', auth, headers: flat };
    this.send(serverMsg.ack());
    if (auth.expiresAt !== undefined) {
      this.timer(
        () =>
          this.close(
            this.proto === 'apollo' ? 1000 : CLOSE.forbidden,
            this.proto === 'apollo' ? 'JWT expired' : 'Forbidden',
          ),
        auth.expiresAt - Date.now(),
      );
    }
    if (this.proto === 'apollo') {
      this.send(serverMsg.ka());
      this.timer(() => this.send(serverMsg.ka()), this.settings.keepAliveMs, true);
    } else {
      this.timer(() => this.send(serverMsg.ping()), this.settings.keepAliveMs, true);
    }
  }

  private startError(id: string, message: string): void {
    this.send(serverMsg.error(id, encodeGraphQLError(new EngineError('start-failed', message), false)));
    this.send(serverMsg.complete(id));
  }

  private onStart(id: string, payload: StartPayload): void {
    const st = this.state;
    if (st.kind !== 'ready') {
      if (this.proto === 'graphql-transport-ws') this.close(CLOSE.unauthorized, 'Unauthorized');
      else if (st.kind === 'init_error')
        this.startError(id, `cannot start as connection_init failed with : ${st.message}`);
      else this.startError(id, 'start received before the connection is initialised');
      return;
    }
    if (this.ops.has(id)) {
      if (this.proto === 'graphql-transport-ws')
        this.close(CLOSE.nonUniqueSubscription, `Subscriber for ${id} already exists`);
      else this.startError(id, `an operation already exists with this id: ${id}`);
      return;
    }
    if (this.ops.size >= this.settings.maxSubscriptions) {
      this.startError(id, `too many subscriptions on this connection (limit ${this.settings.maxSubscriptions})`);
      return;
    }
    const session = st.auth.session;
    const withInternal = showsInternal(this.settings.internalErrors, session.role);
    const req = {
      query: payload.query,
      variables: payload.variables ?? null,
      operationName: payload.operationName ?? null,
    };
    let classified;
    try {
      classified = classifyOperation(req);
    } catch (e) {
      this.opError(id, e, withInternal);
      return;
    }
    if (classified.kind === 'other') {
      // Queries and mutations: one result, then complete. Tracked so a close/stop suppresses late output.
      let cancelled = false;
      this.ops.set(id, () => {
        cancelled = true;
      });
      void this.ctx.runtime.execute(req, session, { headers: st.headers }).then(
        (r) => {
          if (cancelled || this.closed) return;
          this.ops.delete(id);
          if (!r.body.startsWith('{"errors"')) this.send(serverMsg.data(this.proto, id, r.body));
          // Hasura: errors found while executing go out as data (`GQExecError`), request errors as `error`.
          else if (r.execError) this.send(serverMsg.data(this.proto, id, `{"data":null,${r.body.slice(1)}`));
          else this.send(serverMsg.error(id, r.body));
          this.send(serverMsg.complete(id));
        },
        (e: unknown) => {
          if (cancelled || this.closed) return;
          this.ops.delete(id);
          this.opError(id, e, withInternal);
        },
      );
      return;
    }
    let stop: () => void;
    try {
      const backend = this.ctx.runtime.liveQueries();
      const push = (body: string): void => this.send(serverMsg.data(this.proto, id, body));
      const stream = planStream(this.ctx.runtime.schemaFor(session.role), classified.req);
      if (stream) {
        const op = backend.compile(stream.req, session);
        stop = this.managers.stream.subscribe(session.role, op, push, {
          alias: stream.alias,
          next: (v) => backend.compile(stream.withCursor(v), session),
        });
      } else {
        stop = this.managers.live.subscribe(session.role, backend.compile(classified.req, session), push);
      }
    } catch (e) {
      this.opError(id, e, withInternal);
      return;
    }
    this.ops.set(id, stop);
  }

  private opError(id: string, e: unknown, withInternal: boolean): void {
    if (!(e instanceof EngineError))
      this.log(`websocket: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : 'non-error thrown'}`);
    this.send(serverMsg.error(id, JSON.stringify({ errors: [toGraphQLError(e, withInternal)] })));
    this.send(serverMsg.complete(id));
  }
}
