// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface GetDefaultFlowResponse {
  'slug'?: (string);
}

export interface GetDefaultFlowResponse__Output {
  'slug': (string);
}
