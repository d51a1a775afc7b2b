export type { HostFunction, JsonValue, ExpressionInput } from './expression.types.js';
export { ExpressionError, type ExpressionErrorKind } from './expression.error.js';
export { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from './expression.limits.js';
export { ExpressionEngine, MAX_EXPRESSION_LENGTH } from './expression.engine.js';
