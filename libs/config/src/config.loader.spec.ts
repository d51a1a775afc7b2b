import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.loader.js';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({ env: {} });
    expect(config.listen_http).toBe('0.0.0.0:9000');
    expect(config.data_dir).toBe('./data');
    expect(config.database_url).toBeUndefined();
  });

  it('reads environment variables over the YAML file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'authmesh.yaml');
    writeFileSync(file, 'listen_http: 127.0.0.1:7000\nlog_level: debug\n');
    const config = loadConfig({ env: { AUTHMESH_LISTEN_HTTP: '127.0.0.1:7001' }, file });
    expect(config.listen_http).toBe('127.0.0.1:7001');
    expect(config.log_level).toBe('debug');
  });

  it('splits list settings on commas', () => {
    const config = loadConfig({ env: { AUTHMESH_TRUSTED_PROXY_CIDRS: '10.0.0.0/8, 192.168.0.0/16' } });
    expect(config.trusted_proxy_cidrs).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
  });

  it('names the bad environment variable', () => {
    expect(() => loadConfig({ env: { AUTHMESH_LISTEN_HTTP: 'nine-thousand' } })).toThrow(/AUTHMESH_LISTEN_HTTP: expected host:port/);
  });

  it('refuses unknown AUTHMESH_ variables so typos are not ignored', () => {
    expect(() => loadConfig({ env: { AUTHMESH_LISTEN_HTPP: '0.0.0.0:1' } })).toThrow(/AUTHMESH_LISTEN_HTPP: unknown setting/);
  });

  it('names unknown keys in the YAML file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'authmesh.yaml');
    writeFileSync(file, 'listen_htp: 1\n');
    expect(() => loadConfig({ env: {}, file })).toThrow(/listen_htp: unknown setting/);
  });

  it('refuses a database URL of another scheme', () => {
    expect(() => loadConfig({ env: { DATABASE_URL: 'mysql://x' } })).toThrow(/DATABASE_URL/);
  });

  it('requires a secret key in production', () => {
    expect(() => loadConfig({ env: { AUTHMESH_ENV: 'production' } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { AUTHMESH_ENV: 'production' } })).toThrow(/AUTHMESH_SECRET_KEY: required/);
  });

  it('collects every problem in one message', () => {
    try {
      loadConfig({ env: { AUTHMESH_LOG_LEVEL: 'loud', NATS_URL: 'http://x' } });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
