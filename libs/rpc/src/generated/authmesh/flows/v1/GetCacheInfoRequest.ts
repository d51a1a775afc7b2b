// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface GetCacheInfoRequest {
}

export interface GetCacheInfoRequest__Output {
}
