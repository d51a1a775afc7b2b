// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { WebauthnKey as _authmesh_core_v1_WebauthnKey, WebauthnKey__Output as _authmesh_core_v1_WebauthnKey__Output } from '../../../authmesh/core/v1/WebauthnKey.js';

export interface Device {
  /**
   * The device's UUID.
   */
  'pk'?: (string);
  /**
   * totp, static, webauthn, sms or duo.
   */
  'type'?: (string);
  'name'?: (string);
  'confirmed'?: (boolean);
  /**
   * SMS devices: the number codes are sent to (E.164); empty when only its hash is kept.
   */
  'phone_number'?: (string);
  /**
   * SMS and Duo devices: the UUID of the stage that enrolled it (its settings reach the provider).
   */
  'stage_pk'?: (string);
  /**
   * Duo devices: the Duo user id pushes go to.
   */
  'duo_user_id'?: (string);
  /**
   * WebAuthn devices: the credential (id and COSE public key base64url, transports).
   */
  'webauthn'?: (_authmesh_core_v1_WebauthnKey | null);
}

export interface Device__Output {
  /**
   * The device's UUID.
   */
  'pk': (string);
  /**
   * totp, static, webauthn, sms or duo.
   */
  'type': (string);
  'name': (string);
  'confirmed': (boolean);
  /**
   * SMS devices: the number codes are sent to (E.164); empty when only its hash is kept.
   */
  'phone_number': (string);
  /**
   * SMS and Duo devices: the UUID of the stage that enrolled it (its settings reach the provider).
   */
  'stage_pk': (string);
  /**
   * Duo devices: the Duo user id pushes go to.
   */
  'duo_user_id': (string);
  /**
   * WebAuthn devices: the credential (id and COSE public key base64url, transports).
   */
  'webauthn': (_authmesh_core_v1_WebauthnKey__Output | null);
}
