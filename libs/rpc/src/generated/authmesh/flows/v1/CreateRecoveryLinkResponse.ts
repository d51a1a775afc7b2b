// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface CreateRecoveryLinkResponse {
  /**
   * The link (empty when it was e-mailed).
   */
  'link'?: (string);
  /**
   * The recovery flow's slug.
   */
  'flow_slug'?: (string);
  /**
   * When the link stops working (ISO 8601).
   */
  'expires'?: (string);
}

export interface CreateRecoveryLinkResponse__Output {
  /**
   * The link (empty when it was e-mailed).
   */
  'link': (string);
  /**
   * The recovery flow's slug.
   */
  'flow_slug': (string);
  /**
   * When the link stops working (ISO 8601).
   */
  'expires': (string);
}
