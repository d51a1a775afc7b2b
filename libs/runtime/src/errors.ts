/**
 * Typed domain errors. Services throw these; the HTTP, gRPC and protocol edges map them to
 * their own status codes in one place each (see @authmesh/http and @authmesh/rpc).
 */
export type DomainErrorCode = 'not_found' | 'invalid' | 'permission_denied' | 'unauthenticated' | 'unavailable' | 'failed_precondition';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found' as const;
  constructor(message = 'Not found.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Field errors in the reference API's shape: `{"field": ["message"]}`. */
export class ValidationFailedError extends DomainError {
  readonly code = 'invalid' as const;
  constructor(readonly fields: Record<string, string[]>) {
    super(
      Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
        .join('; '),
    );
    this.name = 'ValidationFailedError';
  }

  /** Shorthand for a single field error. */
  static field(field: string, message: string): ValidationFailedError {
    return new ValidationFailedError({ [field]: [message] });
  }
}

export class PermissionDeniedError extends DomainError {
  readonly code = 'permission_denied' as const;
  constructor(message = 'You do not have permission to perform this action.') {
    super(message);
    this.name = 'PermissionDeniedError';
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated' as const;
  constructor(message = 'Authentication credentials were not provided or are invalid.') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** A dependency (database, bus, another service) cannot be reached right now. */
export class UnavailableError extends DomainError {
  readonly code = 'unavailable' as const;
  constructor(message = 'Service temporarily unavailable.') {
    super(message);
    this.name = 'UnavailableError';
  }
}

/** The object is not in a state that allows the action (e.g. a user without an e-mail address). */
export class FailedPreconditionError extends DomainError {
  readonly code = 'failed_precondition' as const;
  constructor(message: string) {
    super(message);
    this.name = 'FailedPreconditionError';
  }
}
