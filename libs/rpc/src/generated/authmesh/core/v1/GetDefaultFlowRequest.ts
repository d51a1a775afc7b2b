// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface GetDefaultFlowRequest {
  /**
   * A flow designation, or device_code for the brand's device code flow (only the brand's:
   * NOT_FOUND when the brand has none).
   */
  'designation'?: (string);
  /**
   * The request's host name, to pick the brand.
   */
  'host'?: (string);
}

export interface GetDefaultFlowRequest__Output {
  /**
   * A flow designation, or device_code for the brand's device code flow (only the brand's:
   * NOT_FOUND when the brand has none).
   */
  'designation': (string);
  /**
   * The request's host name, to pick the brand.
   */
  'host': (string);
}
