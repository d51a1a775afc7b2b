// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/notification_config.proto


export interface NotificationTransport {
  /**
   * The transport's UUID.
   */
  'pk'?: (string);
  'name'?: (string);
  /**
   * local, webhook, webhook_slack or email.
   */
  'mode'?: (string);
  /**
   * Where webhook and webhook_slack deliveries are POSTed; empty for other modes.
   */
  'webhook_url'?: (string);
  /**
   * The webhook mapping's JavaScript expression returning the request body; empty when the
   * transport has no mapping (the default body is sent).
   */
  'webhook_mapping_expression'?: (string);
  /**
   * The mapping's name, for error messages and events.
   */
  'webhook_mapping_name'?: (string);
  /**
   * Deliver a notification once per rule match (to the first recipient) instead of once per
   * recipient, e.g. a chat channel webhook.
   */
  'send_once'?: (boolean);
}

export interface NotificationTransport__Output {
  /**
   * The transport's UUID.
   */
  'pk': (string);
  'name': (string);
  /**
   * local, webhook, webhook_slack or email.
   */
  'mode': (string);
  /**
   * Where webhook and webhook_slack deliveries are POSTed; empty for other modes.
   */
  'webhook_url': (string);
  /**
   * The webhook mapping's JavaScript expression returning the request body; empty when the
   * transport has no mapping (the default body is sent).
   */
  'webhook_mapping_expression': (string);
  /**
   * The mapping's name, for error messages and events.
   */
  'webhook_mapping_name': (string);
  /**
   * Deliver a notification once per rule match (to the first recipient) instead of once per
   * recipient, e.g. a chat channel webhook.
   */
  'send_once': (boolean);
}
