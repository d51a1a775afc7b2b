// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface GetDefaultFlowRequest {
  'designation'?: (string);
  /**
   * The request's host name, to pick the brand.
   */
  'host'?: (string);
}

export interface GetDefaultFlowRequest__Output {
  'designation': (string);
  /**
   * The request's host name, to pick the brand.
   */
  'host': (string);
}
