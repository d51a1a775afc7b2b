// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


/**
 * Notification rules: EvaluateBindings.
 */
export interface EvaluateBindingsRequest {
  /**
   * UUID of the target whose policy bindings are evaluated (e.g. a notification rule).
   */
  'target_pk'?: (string);
  /**
   * any or all: how the bindings combine.
   */
  'policy_engine_mode'?: (string);
  /**
   * Integer primary key of the user the bindings are checked against; empty for anonymous.
   */
  'user_pk'?: (string);
  /**
   * JSON object for request.context, e.g. {"event": {...}} for event matcher policies.
   */
  'context_json'?: (string);
  /**
   * The client address policies see (an event's client_ip); may be empty.
   */
  'client_ip'?: (string);
  /**
   * What a target without enabled bindings answers. Notification rules pass false: as in
   * the reference product, a rule without policies matches no event.
   */
  'pass_without_bindings'?: (boolean);
}

/**
 * Notification rules: EvaluateBindings.
 */
export interface EvaluateBindingsRequest__Output {
  /**
   * UUID of the target whose policy bindings are evaluated (e.g. a notification rule).
   */
  'target_pk': (string);
  /**
   * any or all: how the bindings combine.
   */
  'policy_engine_mode': (string);
  /**
   * Integer primary key of the user the bindings are checked against; empty for anonymous.
   */
  'user_pk': (string);
  /**
   * JSON object for request.context, e.g. {"event": {...}} for event matcher policies.
   */
  'context_json': (string);
  /**
   * The client address policies see (an event's client_ip); may be empty.
   */
  'client_ip': (string);
  /**
   * What a target without enabled bindings answers. Notification rules pass false: as in
   * the reference product, a rule without policies matches no event.
   */
  'pass_without_bindings': (boolean);
}
