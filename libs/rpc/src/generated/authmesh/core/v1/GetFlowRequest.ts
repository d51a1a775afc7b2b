// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface GetFlowRequest {
  'slug'?: (string);
}

export interface GetFlowRequest__Output {
  'slug': (string);
}
