import type { paths } from '../shared/api/schema';

/** A challenge of the flow executor as the OpenAPI document describes it. */
export type Challenge = paths['/api/v3/flows/executor/{slug}']['get']['responses'][200]['content']['application/json'];

/** One error on a field, as the executor reports it. */
export interface ErrorDetail {
  string: string;
  code: string;
}

/** A stage's own field, read without trusting its type. */
export function stringOf(challenge: Challenge, field: string): string {
  const value = challenge[field];
  return typeof value === 'string' ? value : '';
}

/** The messages reported for one field of the last answer. */
export function errorsOf(challenge: Challenge, field: string): string[] {
  return (challenge.response_errors?.[field] ?? []).map((e) => e.string);
}

/** A stage renderer's inputs: the challenge, and how to answer it. */
export interface StageProps {
  challenge: Challenge;
  /** Posts the answer; the executor shows whatever comes back. */
  submit(answer: Record<string, unknown>): Promise<void>;
  busy: boolean;
}
