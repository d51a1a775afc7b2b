/** Nest injection tokens for values the process hands to the events service. */
export const EVENTS_DATA_SOURCE = Symbol('EVENTS_DATA_SOURCE');
export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');
