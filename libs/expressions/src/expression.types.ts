/** A value that can cross the sandbox boundary: exactly what JSON can represent. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A helper the host hands to an expression. It receives JSON copies of the arguments and
 * may answer synchronously or with a promise (which the expression must `await`).
 */
export type HostFunction = (...args: JsonValue[]) => JsonValue | undefined | Promise<JsonValue | undefined>;

/** What one evaluation runs: the body, the read-only data it sees and the helpers it may call. */
export interface ExpressionInput {
  /** The expression body; it uses `return` like the body of an async function. */
  source: string;
  /** Read-only data, deep-frozen inside the sandbox, e.g. `request: { user: {...}, context: {...} }`. */
  globals?: Record<string, JsonValue>;
  /** Host helpers by global name, e.g. `ak_user_by`; they may be async. */
  functions?: Record<string, HostFunction>;
}
