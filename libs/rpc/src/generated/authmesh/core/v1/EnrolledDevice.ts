// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


/**
 * The device an enrollment recorded.
 */
export interface EnrolledDevice {
  'device_pk'?: (string);
}

/**
 * The device an enrollment recorded.
 */
export interface EnrolledDevice__Output {
  'device_pk': (string);
}
