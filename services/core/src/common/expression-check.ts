import { ExpressionError, type ExpressionEngine } from '@authmesh/expressions';
import { ValidationFailedError } from '@authmesh/runtime';

/**
 * Refuses an expression that does not compile, naming the field, so a broken expression is
 * caught when it is saved (or a blueprint is applied), not when a user logs in. Expressions
 * written for the reference product in Python fail here.
 */
export function assertExpressionCompiles(engine: ExpressionEngine | undefined, field: string, source: string): void {
  if (!engine) return;
  try {
    engine.check(source);
  } catch (error) {
    if (error instanceof ExpressionError) {
      const message = looksLikePython(source)
        ? 'This looks like a Python expression; authmesh expressions are JavaScript.'
        : `Not a valid JavaScript expression: ${error.message}`;
      throw ValidationFailedError.field(field, message);
    }
    throw error;
  }
}

/** Telltale Python syntax, to say why the reference product's expressions do not compile. */
function looksLikePython(source: string): boolean {
  return /^\s*#|:\s*$|\b(elif|None|True|False|not|and|or)\b|\bdef\s|\bimport\s|\w+\s*=\s*\w+\(.*\w+\s*=/m.test(source);
}
