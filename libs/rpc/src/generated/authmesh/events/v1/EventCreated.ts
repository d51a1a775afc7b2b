// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/events/v1/events.proto


/**
 * The payload of the NATS subject `authmesh.events.v1.created`, JSON encoded with the field
 * names below (snake_case, as written here).
 * 
 * It carries the same information as `Event`, with one difference in the JSON: the acting
 * user, the brand and the context travel as embedded JSON objects under the keys `user`,
 * `brand` and `context`, not as strings of JSON like Event's *_json fields. Free-form
 * objects cannot be declared in plain proto3 without google.protobuf.Struct, which these
 * contracts avoid, so those three keys are described here rather than declared:
 * "user":    {"pk": <number or string>, "username": <string>, "email": <string>} or {}
 * "brand":   {"pk": <uuid>, "domain": <string>, "name": <string>} or {}
 * "context": any JSON object, secrets removed
 * The events service validates every message it consumes and drops malformed ones.
 */
export interface EventCreated {
  /**
   * Also the JetStream message id, so a republished event is stored once.
   */
  'event_uuid'?: (string);
  'action'?: (string);
  'app'?: (string);
  'client_ip'?: (string);
  /**
   * RFC 3339, set by the publisher.
   */
  'created'?: (string);
  /**
   * RFC 3339, optional: when the event may be deleted (the brand's event retention).
   */
  'expires'?: (string);
}

/**
 * The payload of the NATS subject `authmesh.events.v1.created`, JSON encoded with the field
 * names below (snake_case, as written here).
 * 
 * It carries the same information as `Event`, with one difference in the JSON: the acting
 * user, the brand and the context travel as embedded JSON objects under the keys `user`,
 * `brand` and `context`, not as strings of JSON like Event's *_json fields. Free-form
 * objects cannot be declared in plain proto3 without google.protobuf.Struct, which these
 * contracts avoid, so those three keys are described here rather than declared:
 * "user":    {"pk": <number or string>, "username": <string>, "email": <string>} or {}
 * "brand":   {"pk": <uuid>, "domain": <string>, "name": <string>} or {}
 * "context": any JSON object, secrets removed
 * The events service validates every message it consumes and drops malformed ones.
 */
export interface EventCreated__Output {
  /**
   * Also the JetStream message id, so a republished event is stored once.
   */
  'event_uuid': (string);
  'action': (string);
  'app': (string);
  'client_ip': (string);
  /**
   * RFC 3339, set by the publisher.
   */
  'created': (string);
  /**
   * RFC 3339, optional: when the event may be deleted (the brand's event retention).
   */
  'expires': (string);
}
