const KiB = 1024;
const MiB = 1024 * KiB;

/** Bounds on every evaluation; an evaluation that crosses one fails with an ExpressionError. */
export interface ExpressionLimits {
  /** Wall-clock budget of one evaluate() call, including waiting for a sandbox and for host helpers. */
  timeoutMs: number;
  /** Heap an expression may use; enforced as the size of its sandbox's WebAssembly memory. */
  memoryBytes: number;
  /** Interpreter stack, which bounds recursion depth. */
  maxStackBytes?: number;
  /** Evaluations that may run at once; each holds one sandbox (and its memory) until it ends. */
  maxConcurrent?: number;
}

/** The limits an engine uses unless told otherwise. */
export const DEFAULT_EXPRESSION_LIMITS: Readonly<Required<ExpressionLimits>> = Object.freeze({
  timeoutMs: 1000,
  memoryBytes: 16 * MiB,
  // 1,100 frames of plain recursion. The interpreter's frames also live on Node's own stack,
  // and above ~200 KiB a deep expression can overflow that stack before its own limit trips.
  maxStackBytes: 128 * KiB,
  maxConcurrent: 4,
});

/**
 * Interpreter stack while source is compiled. QuickJS's parser uses little of its own stack per
 * nesting level but a lot of Node's: at 48 KiB a literal nested ~700 deep overflows Node's
 * stack before QuickJS notices. 16 KiB still compiles 240 nested brackets or 55 nested blocks.
 */
export const COMPILE_STACK_BYTES = 16 * KiB;

const BOUNDS: Record<keyof ExpressionLimits, [min: number, max: number]> = {
  timeoutMs: [1, 60_000],
  memoryBytes: [1 * MiB, 1024 * MiB],
  maxStackBytes: [16 * KiB, 192 * KiB],
  maxConcurrent: [1, 64],
};

/** Fills in defaults and refuses limits outside what the sandbox can honour. */
export function resolveExpressionLimits(limits: Partial<ExpressionLimits> = {}): Required<ExpressionLimits> {
  const resolved = { ...DEFAULT_EXPRESSION_LIMITS };
  for (const key of Object.keys(BOUNDS) as (keyof ExpressionLimits)[]) {
    const value = limits[key];
    if (value === undefined) continue;
    const [min, max] = BOUNDS[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`expression limit ${key} must be an integer between ${min} and ${max}`);
    }
    resolved[key] = value;
  }
  return resolved;
}
