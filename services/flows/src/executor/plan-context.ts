/**
 * The plan context: what stages tell each other during one execution. Stored as JSON with
 * the execution, so values are plain data (a user is referred to by primary key).
 */
export interface PlanContext {
  /** The user the flow is about (integer primary key as a string), once known. */
  pending_user?: string;
  /** What the user typed to identify themselves; kept for messages and reputation even when no user matched. */
  pending_user_identifier?: string;
  /** Set when an earlier stage already checked a credential (password, app password, ...). */
  auth_backend?: string;
  /** Where to send the browser when the flow completes (a relative path). */
  redirect?: string;
  /** Values collected by prompt stages, by field key. */
  prompt_data?: Record<string, unknown>;
  /** The application a flow runs for (authorization flows), by slug. */
  application?: string;
  /** Set by the login stage: the user this flow logged in. */
  logged_in_user?: string;
  [key: string]: unknown;
}

/** The state of one execution of one flow in one browser. */
export interface ExecutionState {
  flowSlug: string;
  /** Flow-stage binding ids in plan order. */
  plan: string[];
  /** Bindings planned with a marker to re-check their policies when reached. */
  reEvaluate: string[];
  /** Index into `plan` of the current stage. */
  index: number;
  context: PlanContext;
  /** Failed attempts per binding id, for stages that count them. */
  attempts: Record<string, number>;
  /** The query string the flow was started with (e.g. `next=/app`), echoed in redirects. */
  query: string;
}
