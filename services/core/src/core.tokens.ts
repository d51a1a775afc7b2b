/** Nest injection tokens for values the process hands to core. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const CORE_OPTIONS = Symbol('CORE_OPTIONS');
