import { Writable } from 'node:stream';
import { createLogger } from '@authmesh/logger';
import { TypeOrmPinoLogger } from './typeorm-pino-logger.js';

function capture(level: string) {
  const lines: Array<{ level: string; msg: string; [key: string]: unknown }> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { adapter: new TypeOrmPinoLogger(createLogger({ level, destination })), lines };
}

describe('TypeOrmPinoLogger', () => {
  it('logs SQL at trace and never the parameters', () => {
    const { adapter, lines } = capture('trace');
    adapter.logQuery('SELECT * FROM users WHERE password = $1');
    adapter.logQueryError(Object.assign(new Error('boom'), { code: '42P01' }), 'SELECT 1');
    expect(lines.map((l) => [l.level, l.query])).toEqual([
      ['trace', 'SELECT * FROM users WHERE password = $1'],
      ['warn', 'SELECT 1'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('parameters');
  });

  it('keeps SQL out of an info-level log', () => {
    const { adapter, lines } = capture('info');
    adapter.logQuery('SELECT 1');
    adapter.logSchemaBuild('building');
    expect(lines).toEqual([]);
  });

  it('logs an expected unique violation at debug, other query failures at warn', () => {
    const { adapter, lines } = capture('debug');
    adapter.logQueryError(Object.assign(new Error('duplicate key'), { code: '23505' }), 'INSERT');
    adapter.logQueryError('connection lost', 'UPDATE');
    expect(lines.map((l) => [l.level, l.code, l.reason])).toEqual([
      ['debug', '23505', 'duplicate key'],
      ['warn', undefined, 'connection lost'],
    ]);
  });

  it('forwards warnings, slow queries and migrations', () => {
    const { adapter, lines } = capture('info');
    adapter.log('warn', 'driver warning');
    adapter.log('info', 'chatter');
    adapter.logQuerySlow(1500, 'SELECT pg_sleep(2)');
    adapter.logMigration('Migration X has been executed successfully.');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'driver warning'],
      ['warn', 'slow query'],
      ['info', 'Migration X has been executed successfully.'],
    ]);
  });
});
