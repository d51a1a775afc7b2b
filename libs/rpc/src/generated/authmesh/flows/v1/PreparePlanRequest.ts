// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface PreparePlanRequest {
  'flow_slug'?: (string);
  /**
   * The browser's flow cookie value; empty to have one made (see flow_key in the response).
   */
  'flow_key'?: (string);
  /**
   * The browser's login session cookie value, if any.
   */
  'session_key'?: (string);
  'client_ip'?: (string);
  'user_agent'?: (string);
  'host'?: (string);
  /**
   * JSON object merged into the plan context, e.g. {"application": "grafana",
   * "consent_permissions": [{"id": "openid", "name": "Your identity"}], "redirect": "/..."}.
   */
  'context_json'?: (string);
  /**
   * The query the flow interface will be opened with.
   */
  'query'?: (string);
}

export interface PreparePlanRequest__Output {
  'flow_slug': (string);
  /**
   * The browser's flow cookie value; empty to have one made (see flow_key in the response).
   */
  'flow_key': (string);
  /**
   * The browser's login session cookie value, if any.
   */
  'session_key': (string);
  'client_ip': (string);
  'user_agent': (string);
  'host': (string);
  /**
   * JSON object merged into the plan context, e.g. {"application": "grafana",
   * "consent_permissions": [{"id": "openid", "name": "Your identity"}], "redirect": "/..."}.
   */
  'context_json': (string);
  /**
   * The query the flow interface will be opened with.
   */
  'query': (string);
}
