/**
 * The normalized compose model the local runner starts services from. Paths are absolute (resolved against the
 * compose file's directory), durations are milliseconds, every list/map alternative of the compose file has one form.
 */
export interface ComposeProject {
  /** top-level `name`, else the directory name (normalized as compose does) */
  name: string;
  /** directory of the file: relative paths resolve against it */
  dir: string;
  /** in file order (services added by overrides after them) */
  services: ServiceDef[];
  /** throws ComposeError if unknown */
  service(name: string): ServiceDef;
  volumes: Record<string, { external: boolean; name?: string }>;
  secrets: Record<string, { environment?: string; file?: string; external: boolean }>;
  /** declared networks, plus `default` when a service uses the implicit default network */
  networks: Record<string, { internal: boolean; external: boolean; name?: string; attachable: boolean }>;
  /** merged + interpolated document (what was validated) */
  raw: Record<string, unknown>;
  /** compose's warnings (unset variables defaulting to '', ignored optional dependencies), deduplicated */
  warnings: string[];
}

export interface ServiceDef {
  name: string;
  image?: string;
  /** absolute paths; dockerfile default <context>/Dockerfile (a remote context is kept as written) */
  build?: { context: string; dockerfile: string; args: Record<string, string>; target?: string };
  /** string forms are split like compose does (shell words, not `sh -c`); `[]` clears the image's */
  entrypoint?: string[];
  command?: string[];
  /** map or list form; `KEY` alone (or `KEY:` with no value) takes the value from env, omitted if unset */
  environment: Record<string, string>;
  workingDir?: string;
  user?: string;
  volumes: Mount[];
  /** container targets (the part before ':') */
  tmpfs: string[];
  ports: PortDef[];
  /** target absolute: /run/secrets/<target or source> */
  secrets: { source: string; target: string }[];
  labels: Record<string, string>;
  deployLabels: Record<string, string>;
  /** deploy.replicas (or the legacy `scale`), default 1; 0 allowed */
  replicas: number;
  /** undefined when absent, `disable: true`, test NONE, or no `test` (the image's own HEALTHCHECK) */
  healthcheck?: Healthcheck;
  dependsOn: DependsOn[];
  restart: 'no' | 'always' | 'on-failure' | 'unless-stopped';
  /** N of `on-failure:N` */
  restartMaxRetries?: number;
  /** network names; `['default']` when the service names none; `[]` with a network_mode */
  networks: string[];
  networkMode?: string;
  /** default 10 s */
  stopGracePeriodMs: number;
  stopSignal?: string;
  shmSize?: string;
  profiles: string[];
  containerName?: string;
  hostname?: string;
  raw: Record<string, unknown>;
}

export interface DependsOn {
  service: string;
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  required: boolean;
  restart: boolean;
}

export interface Mount {
  type: 'bind' | 'volume' | 'tmpfs';
  /** bind: absolute host path; volume: volume name; anonymous volume and tmpfs: undefined */
  source?: string;
  target: string;
  readOnly: boolean;
}

export interface PortDef {
  hostIp?: string;
  published?: number;
  target: number;
  protocol: 'tcp' | 'udp';
  mode: 'ingress' | 'host';
}

export interface Healthcheck {
  test: ['CMD', ...string[]] | ['CMD-SHELL', string];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
  startIntervalMs: number;
}
