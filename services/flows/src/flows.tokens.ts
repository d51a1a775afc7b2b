/** Nest injection token for the values the process hands to the flows service's HTTP layer. */
export const FLOWS_OPTIONS = Symbol('FLOWS_OPTIONS');
