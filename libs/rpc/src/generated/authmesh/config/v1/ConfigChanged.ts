// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/config/v1/changes.proto


/**
 * The payload of the NATS subject `authmesh.config.v1.changed` (core NATS, JSON encoded,
 * not durable). Core publishes one after a configuration object was created, updated or
 * deleted, so every runtime that cached the object can drop it. Notices are not durable:
 * a runtime that was disconnected may have missed some, so caches should also expire.
 */
export interface ConfigChanged {
  /**
   * The object's model, "<app>.<model_name>" in the reference product's naming,
   * e.g. "authentik_core.user" or "authentik_flows.flow".
   */
  'kind'?: (string);
  /**
   * The object's primary key as a string (integer or UUID, depending on the model).
   */
  'pk'?: (string);
  /**
   * created, updated or deleted.
   */
  'action'?: (string);
}

/**
 * The payload of the NATS subject `authmesh.config.v1.changed` (core NATS, JSON encoded,
 * not durable). Core publishes one after a configuration object was created, updated or
 * deleted, so every runtime that cached the object can drop it. Notices are not durable:
 * a runtime that was disconnected may have missed some, so caches should also expire.
 */
export interface ConfigChanged__Output {
  /**
   * The object's model, "<app>.<model_name>" in the reference product's naming,
   * e.g. "authentik_core.user" or "authentik_flows.flow".
   */
  'kind': (string);
  /**
   * The object's primary key as a string (integer or UUID, depending on the model).
   */
  'pk': (string);
  /**
   * created, updated or deleted.
   */
  'action': (string);
}
