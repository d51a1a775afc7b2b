// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/oauth2/v1/device.proto


/**
 * A scope the device asked for, with the words the provider's mapping has for it.
 */
export interface DeviceCodePermission {
  'id'?: (string);
  'name'?: (string);
}

/**
 * A scope the device asked for, with the words the provider's mapping has for it.
 */
export interface DeviceCodePermission__Output {
  'id': (string);
  'name': (string);
}
