// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface GetStageRequest {
  'pk'?: (string);
}

export interface GetStageRequest__Output {
  'pk': (string);
}
