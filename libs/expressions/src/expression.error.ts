/** Why an expression failed: it did not compile, threw, ran too long, used too much memory or returned a non-JSON value. */
export type ExpressionErrorKind = 'syntax' | 'runtime' | 'timeout' | 'memory' | 'result';

/** Thrown by the expression engine when an expression fails; callers deny on it (fail closed). */
export class ExpressionError extends Error {
  readonly kind: ExpressionErrorKind;
  /** The line in the expression source the failure points at, when the engine knows it. */
  readonly line?: number;

  constructor(kind: ExpressionErrorKind, message: string, line?: number) {
    super(line === undefined ? message : `${message} (line ${line})`);
    this.name = 'ExpressionError';
    this.kind = kind;
    this.line = line;
  }
}
