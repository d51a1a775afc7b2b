// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface CreateRecoveryLinkRequest {
  /**
   * Integer primary key of the user, as a string.
   */
  'user_pk'?: (string);
  /**
   * The host name the administrator works on: picks the brand and is the link's host
   * (unless an external URL is configured, which wins).
   */
  'host'?: (string);
  /**
   * UUID of an e-mail stage: send the link with that stage's settings instead of answering it.
   */
  'email_stage_pk'?: (string);
  /**
   * Whether the link uses https (the administrator's own request did).
   */
  'secure'?: (boolean);
  /**
   * The administrator's address, recorded with the e-mail event.
   */
  'client_ip'?: (string);
}

export interface CreateRecoveryLinkRequest__Output {
  /**
   * Integer primary key of the user, as a string.
   */
  'user_pk': (string);
  /**
   * The host name the administrator works on: picks the brand and is the link's host
   * (unless an external URL is configured, which wins).
   */
  'host': (string);
  /**
   * UUID of an e-mail stage: send the link with that stage's settings instead of answering it.
   */
  'email_stage_pk': (string);
  /**
   * Whether the link uses https (the administrator's own request did).
   */
  'secure': (boolean);
  /**
   * The administrator's address, recorded with the e-mail event.
   */
  'client_ip': (string);
}
