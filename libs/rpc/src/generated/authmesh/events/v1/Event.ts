// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/events/v1/events.proto


export interface Event {
  /**
   * UUID; the server generates one when empty. Recording the same id twice stores it once,
   * so a retried call cannot duplicate an event.
   */
  'event_uuid'?: (string);
  /**
   * What happened: model_created, login, login_failed, password_set, ... (the reference
   * product's action names, so exported logs read the same).
   */
  'action'?: (string);
  /**
   * Which component raised it, e.g. "authmesh.core".
   */
  'app'?: (string);
  /**
   * JSON object {"pk": ..., "username": ..., "email": ...} of the acting user, or "{}".
   */
  'user_json'?: (string);
  /**
   * The client's address as the edge determined it (trusted proxies only); may be empty.
   */
  'client_ip'?: (string);
  /**
   * JSON object {"pk", "domain", "name"} of the brand that served the request, or "{}".
   */
  'brand_json'?: (string);
  /**
   * JSON object with action-specific details; secrets are removed before it is sent.
   */
  'context_json'?: (string);
  /**
   * RFC 3339; the server uses its own time when empty.
   */
  'created'?: (string);
  /**
   * RFC 3339: when the event log may delete the event (the brand's event retention);
   * the server's default retention applies when empty.
   */
  'expires'?: (string);
}

export interface Event__Output {
  /**
   * UUID; the server generates one when empty. Recording the same id twice stores it once,
   * so a retried call cannot duplicate an event.
   */
  'event_uuid': (string);
  /**
   * What happened: model_created, login, login_failed, password_set, ... (the reference
   * product's action names, so exported logs read the same).
   */
  'action': (string);
  /**
   * Which component raised it, e.g. "authmesh.core".
   */
  'app': (string);
  /**
   * JSON object {"pk": ..., "username": ..., "email": ...} of the acting user, or "{}".
   */
  'user_json': (string);
  /**
   * The client's address as the edge determined it (trusted proxies only); may be empty.
   */
  'client_ip': (string);
  /**
   * JSON object {"pk", "domain", "name"} of the brand that served the request, or "{}".
   */
  'brand_json': (string);
  /**
   * JSON object with action-specific details; secrets are removed before it is sent.
   */
  'context_json': (string);
  /**
   * RFC 3339; the server uses its own time when empty.
   */
  'created': (string);
  /**
   * RFC 3339: when the event log may delete the event (the brand's event retention);
   * the server's default retention applies when empty.
   */
  'expires': (string);
}
