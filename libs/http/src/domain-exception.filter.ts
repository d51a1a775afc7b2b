import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from '@authmesh/logger';
import { DomainError, ValidationFailedError } from '@authmesh/runtime';

const STATUS: Record<DomainError['code'], number> = {
  not_found: 404,
  invalid: 400,
  permission_denied: 403,
  unauthenticated: 401,
  unavailable: 503,
  failed_precondition: 400,
};

/**
 * The one place where errors become HTTP answers. Validation errors keep the reference
 * API's `{"field": ["message"]}` shape; everything else answers `{"detail": "..."}`.
 * Unexpected errors are logged and answered 500 without internals.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const [status, body] = this.describe(error);
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    response.status(status).json(body);
  }

  private describe(error: unknown): [number, object] {
    if (error instanceof ValidationFailedError) return [400, error.fields];
    // A state that forbids the action is a 400 in the reference API's error shape, like a validation error.
    if (error instanceof DomainError && error.code === 'failed_precondition') return [400, { non_field_errors: [error.message] }];
    if (error instanceof DomainError) return [STATUS[error.code], { detail: error.message }];
    const parserError = isBodyParserError(error)
      ? error
      : error instanceof HttpException && isBodyParserError(error.cause)
        ? error.cause
        : undefined;
    if (parserError) {
      if (parserError.type === 'entity.too.large') return [413, { detail: 'Request body too large.' }];
      if (parserError.type === 'entity.parse.failed') return [400, { non_field_errors: ['Malformed JSON in request body.'] }];
      return [400, { non_field_errors: ['The request body could not be read.'] }];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) return [404, { detail: 'Not found.' }];
      if (status === 413) return [413, { detail: 'Request body too large.' }];
      if (status === 405) return [405, { detail: 'Method not allowed.' }];
      if (status < 500) return [status, { detail: error.message }];
    }
    this.logger.error({ err: error }, 'unhandled error in request');
    return [500, { detail: 'Internal server error.' }];
  }
}

function isBodyParserError(error: unknown): error is { type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    String((error as { type: string }).type).startsWith('entity.')
  );
}
