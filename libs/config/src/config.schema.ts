import { z } from 'zod';

/** Service names that `authmesh start --target` accepts, in start order. */
export const SERVICE_NAMES = ['core', 'events', 'flows', 'oauth2', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'expected host:port, for example 0.0.0.0:9000')
  .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535, 'port must be between 0 and 65535');

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const cidr = z.string().regex(/^[0-9a-fA-F.:]+\/\d{1,3}$/, 'expected a network in CIDR notation, for example 10.0.0.0/8');

const boolish = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');

/**
 * Every setting authmesh reads. Each key has one environment variable (see ENV_NAMES) and
 * the same key in the optional YAML file.
 */
export const configSchema = z
  .object({
    env: z.enum(['development', 'production']).default('development'),
    listen_http: hostPort.default('0.0.0.0:9000'),
    listen_grpc: hostPort.default('127.0.0.1:9001'),
    listen_metrics: hostPort.default('127.0.0.1:9300'),
    data_dir: z.string().min(1).default('./data'),
    secret_key: z.string().min(32, 'must be at least 32 characters').optional(),
    log_level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
    database_url: url(['postgres:', 'postgresql:']).optional(),
    database_wait_seconds: z.coerce.number().int().min(0).max(3600).default(30),
    nats_url: url(['nats:', 'tls:']).optional(),
    trusted_proxy_cidrs: z.array(cidr).default(['127.0.0.0/8', '::1/128']),
    bootstrap_password: z.string().min(8, 'must be at least 8 characters').max(1024).optional(),
    bootstrap_email: z.email('expected an e-mail address').optional(),
    bootstrap_token: z.string().min(16, 'must be at least 16 characters').max(256).optional(),
    core_grpc: hostPort.optional(),
    events_grpc: hostPort.optional(),
    flows_grpc: hostPort.optional(),
    oauth2_grpc: hostPort.optional(),
    core_http: url(['http:', 'https:']).optional(),
    events_http: url(['http:', 'https:']).optional(),
    flows_http: url(['http:', 'https:']).optional(),
    oauth2_http: url(['http:', 'https:']).optional(),
    embedded_postgres_port: z.coerce.number().int().min(1).max(65535).default(5433),
    shutdown_grace_seconds: z.coerce.number().min(0).max(60).default(8),
    api_docs: boolish.default(true),
    blueprints_dir: z.string().min(1).optional(),
    blueprints_rescan_seconds: z.coerce.number().int().min(1).max(86400).default(60),
    external_url: url(['http:', 'https:']).optional(),
    hibp_url: url(['http:', 'https:']).default('https://api.pwnedpasswords.com'),
    twilio_url: url(['http:', 'https:']).default('https://api.twilio.com'),
    duo_url: url(['http:', 'https:']).optional(),
    outbound_allowed_cidrs: z.array(cidr).default([]),
    reputation_expiry_seconds: z.coerce.number().int().min(60).max(31_536_000).default(86_400),
    email_host: z.string().max(255).default('localhost'),
    email_port: z.coerce.number().int().min(1).max(65535).default(25),
    email_username: z.string().max(255).default(''),
    email_password: z.string().max(255).default(''),
    email_use_tls: boolish.default(false),
    email_use_ssl: boolish.default(false),
    email_timeout: z.coerce.number().int().min(1).max(600).default(10),
    email_from: z.string().max(255).default('authmesh@localhost'),
  })
  .strict();

export type AuthmeshConfig = z.infer<typeof configSchema>;

/** Environment variable for each configuration key. */
export const ENV_NAMES: Record<keyof AuthmeshConfig, string> = {
  env: 'AUTHMESH_ENV',
  listen_http: 'AUTHMESH_LISTEN_HTTP',
  listen_grpc: 'AUTHMESH_LISTEN_GRPC',
  listen_metrics: 'AUTHMESH_LISTEN_METRICS',
  data_dir: 'AUTHMESH_DATA_DIR',
  secret_key: 'AUTHMESH_SECRET_KEY',
  log_level: 'AUTHMESH_LOG_LEVEL',
  database_url: 'DATABASE_URL',
  database_wait_seconds: 'AUTHMESH_DATABASE_WAIT_SECONDS',
  nats_url: 'NATS_URL',
  trusted_proxy_cidrs: 'AUTHMESH_TRUSTED_PROXY_CIDRS',
  bootstrap_password: 'AUTHMESH_BOOTSTRAP_PASSWORD',
  bootstrap_email: 'AUTHMESH_BOOTSTRAP_EMAIL',
  bootstrap_token: 'AUTHMESH_BOOTSTRAP_TOKEN',
  core_grpc: 'AUTHMESH_CORE_GRPC',
  events_grpc: 'AUTHMESH_EVENTS_GRPC',
  flows_grpc: 'AUTHMESH_FLOWS_GRPC',
  oauth2_grpc: 'AUTHMESH_OAUTH2_GRPC',
  core_http: 'AUTHMESH_CORE_HTTP',
  events_http: 'AUTHMESH_EVENTS_HTTP',
  flows_http: 'AUTHMESH_FLOWS_HTTP',
  oauth2_http: 'AUTHMESH_OAUTH2_HTTP',
  embedded_postgres_port: 'AUTHMESH_EMBEDDED_POSTGRES_PORT',
  shutdown_grace_seconds: 'AUTHMESH_SHUTDOWN_GRACE_SECONDS',
  api_docs: 'AUTHMESH_API_DOCS',
  blueprints_dir: 'AUTHMESH_BLUEPRINTS_DIR',
  blueprints_rescan_seconds: 'AUTHMESH_BLUEPRINTS_RESCAN_SECONDS',
  external_url: 'AUTHMESH_EXTERNAL_URL',
  hibp_url: 'AUTHMESH_HIBP_URL',
  twilio_url: 'AUTHMESH_TWILIO_URL',
  duo_url: 'AUTHMESH_DUO_URL',
  outbound_allowed_cidrs: 'AUTHMESH_OUTBOUND_ALLOWED_CIDRS',
  reputation_expiry_seconds: 'AUTHMESH_REPUTATION_EXPIRY_SECONDS',
  email_host: 'AUTHMESH_EMAIL_HOST',
  email_port: 'AUTHMESH_EMAIL_PORT',
  email_username: 'AUTHMESH_EMAIL_USERNAME',
  email_password: 'AUTHMESH_EMAIL_PASSWORD',
  email_use_tls: 'AUTHMESH_EMAIL_USE_TLS',
  email_use_ssl: 'AUTHMESH_EMAIL_USE_SSL',
  email_timeout: 'AUTHMESH_EMAIL_TIMEOUT',
  email_from: 'AUTHMESH_EMAIL_FROM',
};

/** Keys whose environment value is a comma-separated list. */
export const LIST_KEYS = new Set<keyof AuthmeshConfig>(['trusted_proxy_cidrs', 'outbound_allowed_cidrs']);
