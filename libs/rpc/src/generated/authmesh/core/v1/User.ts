// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { GroupRef as _authmesh_core_v1_GroupRef, GroupRef__Output as _authmesh_core_v1_GroupRef__Output } from '../../../authmesh/core/v1/GroupRef.js';

export interface User {
  /**
   * Integer primary key as a decimal string.
   */
  'pk'?: (string);
  /**
   * The user's stable UUID; use it when handing an identity to something outside the mesh.
   */
  'uuid'?: (string);
  'username'?: (string);
  /**
   * Display name; may be empty.
   */
  'name'?: (string);
  /**
   * May be empty.
   */
  'email'?: (string);
  'is_active'?: (boolean);
  /**
   * internal, external, service_account or internal_service_account.
   */
  'type'?: (string);
  /**
   * Folder-like path used to organise users in the admin interface, e.g. "users".
   */
  'path'?: (string);
  /**
   * The user's attributes as a JSON object ("{}" when none).
   */
  'attributes_json'?: (string);
  /**
   * Every group the user belongs to, directly or through a parent group.
   */
  'groups'?: (_authmesh_core_v1_GroupRef)[];
  /**
   * True when any of those groups (including inherited ones) is a superuser group.
   */
  'is_superuser'?: (boolean);
  /**
   * RFC 3339; empty when the user never logged in.
   */
  'last_login'?: (string);
  /**
   * RFC 3339 time the password was last set; empty when unknown or never set.
   */
  'password_changed'?: (string);
  /**
   * False when the user has no usable password (never set, or set unusable).
   */
  'has_password'?: (boolean);
}

export interface User__Output {
  /**
   * Integer primary key as a decimal string.
   */
  'pk': (string);
  /**
   * The user's stable UUID; use it when handing an identity to something outside the mesh.
   */
  'uuid': (string);
  'username': (string);
  /**
   * Display name; may be empty.
   */
  'name': (string);
  /**
   * May be empty.
   */
  'email': (string);
  'is_active': (boolean);
  /**
   * internal, external, service_account or internal_service_account.
   */
  'type': (string);
  /**
   * Folder-like path used to organise users in the admin interface, e.g. "users".
   */
  'path': (string);
  /**
   * The user's attributes as a JSON object ("{}" when none).
   */
  'attributes_json': (string);
  /**
   * Every group the user belongs to, directly or through a parent group.
   */
  'groups': (_authmesh_core_v1_GroupRef__Output)[];
  /**
   * True when any of those groups (including inherited ones) is a superuser group.
   */
  'is_superuser': (boolean);
  /**
   * RFC 3339; empty when the user never logged in.
   */
  'last_login': (string);
  /**
   * RFC 3339 time the password was last set; empty when unknown or never set.
   */
  'password_changed': (string);
  /**
   * False when the user has no usable password (never set, or set unusable).
   */
  'has_password': (boolean);
}
