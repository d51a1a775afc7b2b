/** The parts of the WebAssembly global the sandbox uses; lib ES2023 and @types/node 20 leave it untyped. */
interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => { readonly buffer: ArrayBuffer };
  RuntimeError: new (message?: string) => Error;
}

/** Node's WebAssembly global, typed just enough for sandbox memory and trap detection. */
export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
