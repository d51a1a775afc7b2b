import { Writable } from 'node:stream';
import { createLogger, withRequestId } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger({ destination, name: 'test' }) };
}

describe('createLogger', () => {
  it('writes JSON with the request id of the current context', () => {
    const { lines, logger } = capture();
    withRequestId('req-1', () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', request_id: 'req-1', level: 'info', name: 'test' });
    expect(lines[1].request_id).toBeUndefined();
  });

  it('redacts secrets', () => {
    const { lines, logger } = capture();
    logger.info({ password: 'hunter2', user: { token: 'abc' } }, 'x');
    expect(JSON.stringify(lines[0])).not.toContain('hunter2');
    expect(JSON.stringify(lines[0])).not.toContain('abc');
  });
});
