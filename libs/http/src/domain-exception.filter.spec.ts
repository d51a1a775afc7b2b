import { Writable } from 'node:stream';
import type { ArgumentsHost } from '@nestjs/common';
import { createLogger } from '@authmesh/logger';
import { FailedPreconditionError, NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import { DomainExceptionFilter } from './domain-exception.filter.js';

const silent = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });

/** Runs the filter on an error and answers what it wrote. */
function answer(error: unknown): { status: number; body: unknown } {
  const written = { status: 0, body: undefined as unknown };
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      written.status = code;
      return this;
    },
    json(body: unknown) {
      written.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new DomainExceptionFilter(silent).catch(error, host);
  return written;
}

describe('DomainExceptionFilter', () => {
  it('answers field errors as they are, and a failed precondition as a non-field error, both 400', () => {
    expect(answer(ValidationFailedError.field('email_stage', 'Not an e-mail stage.'))).toEqual({
      status: 400,
      body: { email_stage: ['Not an e-mail stage.'] },
    });
    expect(answer(new FailedPreconditionError('The user has no email address.'))).toEqual({
      status: 400,
      body: { non_field_errors: ['The user has no email address.'] },
    });
  });

  it('answers other domain errors with their status and a detail, and hides unexpected ones', () => {
    expect(answer(new NotFoundError('No recovery flow is configured.'))).toEqual({
      status: 404,
      body: { detail: 'No recovery flow is configured.' },
    });
    expect(answer(new Error('secret internals'))).toEqual({ status: 500, body: { detail: 'Internal server error.' } });
  });
});
