/**
 * Traefik's Prometheus metrics, with Traefik's names and labels (metrics.prometheus in the static configuration),
 * served at `/metrics` on the configured entrypoint: requests and their duration per entrypoint and per service,
 * each server's health-check state (which replica is out of rotation) and the retries that moved a request to
 * another replica. Reference: https://doc.traefik.io/traefik/observability/metrics/prometheus/
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ServerState {
  service: string;
  url: string;
  up: boolean;
}

export interface RequestSample {
  entryPoint: string;
  /** the service of the router that took the request, if one did */
  service: string | undefined;
  method: string;
  code: number;
  protocol: 'http' | 'websocket';
  seconds: number;
}

const DEFAULT_BUCKETS = [0.1, 0.3, 1.2, 5];

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly epRequests: Counter<'code' | 'method' | 'protocol' | 'entrypoint'>;
  private readonly epDuration: Histogram<'code' | 'method' | 'protocol' | 'entrypoint'>;
  private readonly svcRequests: Counter<'code' | 'method' | 'protocol' | 'service'>;
  private readonly svcDuration: Histogram<'code' | 'method' | 'protocol' | 'service'>;
  private readonly retries: Counter<'service'>;

  constructor(opts: { buckets?: number[] | undefined; servers: () => ServerState[] }) {
    const registers = [this.registry];
    const buckets = opts.buckets ?? DEFAULT_BUCKETS;
    this.epRequests = new Counter({
      name: 'traefik_entrypoint_requests_total',
      help: 'How many HTTP requests processed on an entrypoint, partitioned by status code, protocol, and method.',
      labelNames: ['code', 'method', 'protocol', 'entrypoint'],
      registers,
    });
    this.epDuration = new Histogram({
      name: 'traefik_entrypoint_request_duration_seconds',
      help: 'How long it took to process the request on an entrypoint, partitioned by status code, protocol, and method.',
      labelNames: ['code', 'method', 'protocol', 'entrypoint'],
      buckets,
      registers,
    });
    this.svcRequests = new Counter({
      name: 'traefik_service_requests_total',
      help: 'How many HTTP requests processed on a service, partitioned by status code, protocol, and method.',
      labelNames: ['code', 'method', 'protocol', 'service'],
      registers,
    });
    this.svcDuration = new Histogram({
      name: 'traefik_service_request_duration_seconds',
      help: 'How long it took to process the request on a service, partitioned by status code, protocol, and method.',
      labelNames: ['code', 'method', 'protocol', 'service'],
      buckets,
      registers,
    });
    this.retries = new Counter({
      name: 'traefik_service_retries_total',
      help: 'How many request retries happened on a service.',
      labelNames: ['service'],
      registers,
    });
    new Gauge({
      name: 'traefik_service_server_up',
      help: 'service server is up, described by gauge value of 0 or 1.',
      labelNames: ['service', 'url'],
      registers,
      collect() {
        this.reset();
        for (const s of opts.servers()) this.set({ service: s.service, url: s.url }, s.up ? 1 : 0);
      },
    });
  }

  request(s: RequestSample): void {
    const base = { code: String(s.code), method: s.method, protocol: s.protocol };
    this.epRequests.inc({ ...base, entrypoint: s.entryPoint });
    this.epDuration.observe({ ...base, entrypoint: s.entryPoint }, s.seconds);
    if (s.service !== undefined) {
      this.svcRequests.inc({ ...base, service: s.service });
      this.svcDuration.observe({ ...base, service: s.service }, s.seconds);
    }
  }

  retry(service: string): void {
    this.retries.inc({ service });
  }
}
