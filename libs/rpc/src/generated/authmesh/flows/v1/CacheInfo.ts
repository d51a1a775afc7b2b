// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface CacheInfo {
  /**
   * Cached flow definitions.
   */
  'count'?: (number);
  /**
   * Cached policy results (per binding and user, for policies whose result depends on nothing else).
   */
  'policy_count'?: (number);
}

export interface CacheInfo__Output {
  /**
   * Cached flow definitions.
   */
  'count': (number);
  /**
   * Cached policy results (per binding and user, for policies whose result depends on nothing else).
   */
  'policy_count': (number);
}
