// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface CheckApplicationAccessRequest {
  /**
   * The application's UUID (the target of its policy bindings).
   */
  'application_pk'?: (string);
  /**
   * any or all, from the application.
   */
  'policy_engine_mode'?: (string);
  /**
   * Integer primary key of the user; empty for no user (every user binding then fails).
   */
  'user_pk'?: (string);
  'client_ip'?: (string);
  'host'?: (string);
  'user_agent'?: (string);
  /**
   * JSON object for request.context, e.g. {"oauth_grant_type": "client_credentials"}.
   */
  'context_json'?: (string);
}

export interface CheckApplicationAccessRequest__Output {
  /**
   * The application's UUID (the target of its policy bindings).
   */
  'application_pk': (string);
  /**
   * any or all, from the application.
   */
  'policy_engine_mode': (string);
  /**
   * Integer primary key of the user; empty for no user (every user binding then fails).
   */
  'user_pk': (string);
  'client_ip': (string);
  'host': (string);
  'user_agent': (string);
  /**
   * JSON object for request.context, e.g. {"oauth_grant_type": "client_credentials"}.
   */
  'context_json': (string);
}
