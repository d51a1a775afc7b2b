/** What the flow interface needs to draw the frame around any stage. */
export interface FlowInfo {
  title: string;
  background: string;
  cancel_url: string;
  layout: string;
}

/** One error on a field of a stage's response, as the challenge protocol reports it. */
export interface ErrorDetail {
  string: string;
  code: string;
}

/**
 * A challenge of the reference product's flow protocol: `component` tells the interface
 * which stage to draw; the other fields are the stage's own.
 */
export interface Challenge {
  type: 'native' | 'redirect';
  component: string;
  flow_info?: FlowInfo;
  response_errors?: Record<string, ErrorDetail[]>;
  [field: string]: unknown;
}

/** Turns field → messages into the protocol's error shape. */
export function responseErrors(errors: Record<string, string[]>, code = 'invalid'): Record<string, ErrorDetail[]> {
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map((string) => ({ string, code }))]));
}
