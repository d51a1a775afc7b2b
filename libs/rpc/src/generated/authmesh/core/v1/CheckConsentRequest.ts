// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface CheckConsentRequest {
  'user_pk'?: (string);
  'application_slug'?: (string);
  /**
   * Permission identifiers (e.g. OAuth scopes) the application asks for now.
   */
  'permissions'?: (string)[];
}

export interface CheckConsentRequest__Output {
  'user_pk': (string);
  'application_slug': (string);
  /**
   * Permission identifiers (e.g. OAuth scopes) the application asks for now.
   */
  'permissions': (string)[];
}
