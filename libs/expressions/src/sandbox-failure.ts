import { ExpressionError } from './expression.error.js';
import { EXPRESSION_FILE } from './sandbox.prelude.js';
import { webAssembly } from './webassembly.js';

interface ThrownError {
  name: string;
  message: string;
  stack?: string;
  lineNumber?: number;
}

const RESOURCE_ERRORS: Record<string, string> = {
  'out of memory': 'the expression exceeded its memory limit',
  'string too long': 'the expression exceeded its memory limit',
  'stack overflow': 'the expression exceeded its stack limit (too deep recursion)',
};
const LINE_IN_EXPRESSION = new RegExp(`${EXPRESSION_FILE.replace('.', '\\.')}:(\\d+)`);

function isThrownError(value: unknown): value is ThrownError {
  return typeof value === 'object' && value !== null && typeof (value as ThrownError).name === 'string' && 'message' in value;
}

function lineOf(error: ThrownError): number | undefined {
  if (typeof error.lineNumber === 'number') return error.lineNumber;
  const match = typeof error.stack === 'string' ? LINE_IN_EXPRESSION.exec(error.stack) : null;
  return match ? Number(match[1]) : undefined;
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A parse error past the last line of the source is the parser meeting the wrapper's closing brace. */
function syntaxError(message: string, line: number | undefined, source: string): ExpressionError {
  const lastLine = source.split('\n').length;
  if (line !== undefined && line > lastLine) return new ExpressionError('syntax', 'unexpected end of the expression', lastLine);
  if (message === 'stack overflow') return new ExpressionError('syntax', 'the expression is nested too deeply', line);
  return new ExpressionError('syntax', message, line);
}

/** Where a failure happened; `compiling` is set while the expression body itself is parsed. */
export interface FailureContext {
  timedOut: boolean;
  timeoutMs: number;
  /** The sandbox's memory reached its cap; QuickJS then sometimes throws null, having no memory left for an error. */
  memoryExhausted?: boolean;
  compiling?: { source: string };
}

function timeout(context: FailureContext): ExpressionError {
  return new ExpressionError('timeout', `the expression ran longer than ${context.timeoutMs} ms`);
}

/**
 * Turns what the sandbox threw (already dumped to a host value) into an ExpressionError.
 * A failure after the deadline is a timeout whatever it looks like: the interrupt that ends a
 * runaway loop surfaces as an ordinary InternalError.
 */
export function toExpressionError(thrown: unknown, context: FailureContext): ExpressionError {
  if (context.timedOut) return timeout(context);
  if (thrown === null && context.memoryExhausted) return new ExpressionError('memory', 'the expression exceeded its memory limit');
  if (!isThrownError(thrown)) return new ExpressionError('runtime', `the expression threw ${describe(thrown)}`);
  const message = String(thrown.message);
  if (thrown.name === 'InternalError' && Object.hasOwn(RESOURCE_ERRORS, message)) {
    return new ExpressionError('memory', `${RESOURCE_ERRORS[message]} (${message})`);
  }
  if (context.compiling && thrown.name === 'SyntaxError') return syntaxError(message, lineOf(thrown), context.compiling.source);
  if (thrown.name === 'ExpressionResultError') return new ExpressionError('result', message);
  return new ExpressionError('runtime', `${thrown.name}: ${message}`, lineOf(thrown));
}

/** Maps a host-side exception out of the WebAssembly instance (a trap, Node's own stack overflow). */
export function toSandboxFailure(error: unknown, context: FailureContext): ExpressionError | undefined {
  if (error instanceof ExpressionError) return error;
  if (context.timedOut) return timeout(context);
  if (error instanceof webAssembly.RuntimeError || error instanceof RangeError) {
    return new ExpressionError('memory', `the sandbox ran out of memory or stack (${error.message})`);
  }
  return undefined;
}
