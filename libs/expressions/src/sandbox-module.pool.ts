import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from 'quickjs-emscripten';

import { ExpressionError } from './expression.error.js';
import { webAssembly } from './webassembly.js';

const WASM_PAGE_BYTES = 64 * 1024;
// The release build imports a memory of at least 256 pages (16 MiB); its static data, C stack
// and an empty runtime take about 5 MiB of that, measured by filling a 256-page memory.
const MIN_MEMORY_PAGES = 256;
const ENGINE_RESERVE_BYTES = 5 * 1024 * 1024;

/**
 * One QuickJS WebAssembly instance with its own capped linear memory.
 *
 * QuickJS's own setMemoryLimit cannot be trusted here: built with Emscripten it counts every
 * allocation as 8 bytes (malloc_usable_size is unavailable), so it refuses a single oversized
 * allocation but lets many small ones grow the heap to the 2 GiB wasm32 ceiling. Capping the
 * instance's memory makes malloc fail instead, which QuickJS reports as "out of memory".
 * The release *sync* variant is used, not asyncify: async helpers are bridged with promises
 * (see sandbox.prelude.ts), which keeps a hung helper from wedging a suspended instance and
 * avoids the asyncify build's teardown bug in 0.32.0 (quickjs-emscripten issue #261).
 * It loads under Jest's CommonJS transform and in the ESM build alike.
 */
export interface SandboxModule {
  readonly quickjs: QuickJSWASMModule;
  /** Whether the instance's memory has grown to within EXHAUSTION_SLACK_BYTES of its cap. */
  exhausted(): boolean;
}

// A failed allocation can leave the memory short of its cap by less than this; the cap is
// always at least this far above the initial size, so an exhausted module has visibly grown.
const EXHAUSTION_SLACK_BYTES = 1024 * 1024;
const MIN_MAXIMUM_PAGES = MIN_MEMORY_PAGES + (2 * EXHAUSTION_SLACK_BYTES) / WASM_PAGE_BYTES;

async function loadSandboxModule(memoryBytes: number): Promise<SandboxModule> {
  const maximum = Math.max(MIN_MAXIMUM_PAGES, Math.ceil((memoryBytes + ENGINE_RESERVE_BYTES) / WASM_PAGE_BYTES));
  const wasmMemory = new webAssembly.Memory({ initial: MIN_MEMORY_PAGES, maximum });
  const quickjs = await newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmMemory }));
  const capBytes = maximum * WASM_PAGE_BYTES;
  return { quickjs, exhausted: () => wasmMemory.buffer.byteLength + EXHAUSTION_SLACK_BYTES > capBytes };
}

/**
 * Hands each evaluation a sandbox module of its own, so one expression's memory cap is not
 * shared with another's. Modules are loaded lazily up to `maxModules` and reused; a module
 * that may be damaged (a trap, a failed teardown) or whose memory reached its cap is dropped
 * instead of returned, so its memory goes back to the host and the next one starts small.
 */
export class SandboxModulePool {
  private readonly idle: SandboxModule[] = [];
  private readonly healthy = new Set<SandboxModule>();
  private readonly waiters: (() => void)[] = [];
  private size = 0;

  private constructor(
    private readonly memoryBytes: number,
    private readonly maxModules: number,
  ) {}

  /** Creates a pool with its first module loaded. */
  static async create(memoryBytes: number, maxModules: number): Promise<SandboxModulePool> {
    const pool = new SandboxModulePool(memoryBytes, maxModules);
    pool.release(await pool.load(), true);
    return pool;
  }

  /** Some healthy module, leased or not, for work that runs no admin code (compiling). */
  anyModule(): SandboxModule {
    const module = this.healthy.values().next().value;
    if (module === undefined) throw new Error('the expression sandbox is being reloaded; try again');
    return module;
  }

  /** Waits for a free module until the deadline (a performance.now() time). */
  async lease(deadline: number): Promise<SandboxModule> {
    for (;;) {
      const module = this.idle.pop();
      if (module !== undefined) return module;
      if (this.size < this.maxModules) return this.load();
      await this.waitForRelease(deadline);
    }
  }

  /** Gives a module back; `healthy: false` (or an earlier condemn()) drops it, and a fresh one loads when needed. */
  release(module: SandboxModule, healthy: boolean): void {
    if (healthy && this.healthy.has(module)) this.idle.push(module);
    else this.drop(module);
    this.waiters.shift()?.();
  }

  /** Drops a module found damaged outside a lease (while compiling): now if idle, else when it is released. */
  condemn(module: SandboxModule): void {
    if (!this.healthy.has(module)) return;
    const index = this.idle.indexOf(module);
    if (index < 0) {
      this.healthy.delete(module);
      return;
    }
    this.idle.splice(index, 1);
    this.drop(module);
    this.waiters.shift()?.();
  }

  private drop(module: SandboxModule): void {
    this.healthy.delete(module);
    this.size -= 1;
    // check() needs a module at hand, so the last one is replaced at once rather than on demand.
    if (this.healthy.size === 0) {
      this.load().then(
        (fresh) => this.release(fresh, true),
        () => undefined,
      );
    }
  }

  private async load(): Promise<SandboxModule> {
    this.size += 1;
    try {
      const module = await loadSandboxModule(this.memoryBytes);
      this.healthy.add(module);
      return module;
    } catch (error) {
      this.size -= 1;
      this.waiters.shift()?.();
      throw error;
    }
  }

  private waitForRelease(deadline: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          const index = this.waiters.indexOf(wake);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(new ExpressionError('timeout', 'no expression sandbox became free before the deadline'));
        },
        Math.max(0, deadline - performance.now()),
      );
      this.waiters.push(wake);
    });
  }
}
