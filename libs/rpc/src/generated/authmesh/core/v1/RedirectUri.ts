// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface RedirectUri {
  /**
   * strict (exact match after URL parsing) or regex (anchored full match).
   */
  'matching_mode'?: (string);
  'url'?: (string);
}

export interface RedirectUri__Output {
  /**
   * strict (exact match after URL parsing) or regex (anchored full match).
   */
  'matching_mode': (string);
  'url': (string);
}
