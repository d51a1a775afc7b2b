// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CheckTokenRequest as _authmesh_core_v1_CheckTokenRequest, CheckTokenRequest__Output as _authmesh_core_v1_CheckTokenRequest__Output } from '../../../authmesh/core/v1/CheckTokenRequest.js';
import type { CheckTokenResponse as _authmesh_core_v1_CheckTokenResponse, CheckTokenResponse__Output as _authmesh_core_v1_CheckTokenResponse__Output } from '../../../authmesh/core/v1/CheckTokenResponse.js';
import type { GetGroupRequest as _authmesh_core_v1_GetGroupRequest, GetGroupRequest__Output as _authmesh_core_v1_GetGroupRequest__Output } from '../../../authmesh/core/v1/GetGroupRequest.js';
import type { GetUserRequest as _authmesh_core_v1_GetUserRequest, GetUserRequest__Output as _authmesh_core_v1_GetUserRequest__Output } from '../../../authmesh/core/v1/GetUserRequest.js';
import type { Group as _authmesh_core_v1_Group, Group__Output as _authmesh_core_v1_Group__Output } from '../../../authmesh/core/v1/Group.js';
import type { ListGroupsRequest as _authmesh_core_v1_ListGroupsRequest, ListGroupsRequest__Output as _authmesh_core_v1_ListGroupsRequest__Output } from '../../../authmesh/core/v1/ListGroupsRequest.js';
import type { ListGroupsResponse as _authmesh_core_v1_ListGroupsResponse, ListGroupsResponse__Output as _authmesh_core_v1_ListGroupsResponse__Output } from '../../../authmesh/core/v1/ListGroupsResponse.js';
import type { User as _authmesh_core_v1_User, User__Output as _authmesh_core_v1_User__Output } from '../../../authmesh/core/v1/User.js';
import type { VerifyPasswordRequest as _authmesh_core_v1_VerifyPasswordRequest, VerifyPasswordRequest__Output as _authmesh_core_v1_VerifyPasswordRequest__Output } from '../../../authmesh/core/v1/VerifyPasswordRequest.js';
import type { VerifyPasswordResponse as _authmesh_core_v1_VerifyPasswordResponse, VerifyPasswordResponse__Output as _authmesh_core_v1_VerifyPasswordResponse__Output } from '../../../authmesh/core/v1/VerifyPasswordResponse.js';

export interface IdentityServiceClient extends grpc.Client {
  /**
   * Checks a token key for an intent: it exists, has that intent, has not expired and
   * belongs to an active user. Any failure answers valid=false.
   */
  CheckToken(argument: _authmesh_core_v1_CheckTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckTokenResponse__Output>): grpc.ClientUnaryCall;
  CheckToken(argument: _authmesh_core_v1_CheckTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_CheckTokenResponse__Output>): grpc.ClientUnaryCall;
  CheckToken(argument: _authmesh_core_v1_CheckTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckTokenResponse__Output>): grpc.ClientUnaryCall;
  CheckToken(argument: _authmesh_core_v1_CheckTokenRequest, callback: grpc.requestCallback<_authmesh_core_v1_CheckTokenResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Checks a token key for an intent: it exists, has that intent, has not expired and
   * belongs to an active user. Any failure answers valid=false.
   */
  checkToken(argument: _authmesh_core_v1_CheckTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckTokenResponse__Output>): grpc.ClientUnaryCall;
  checkToken(argument: _authmesh_core_v1_CheckTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_CheckTokenResponse__Output>): grpc.ClientUnaryCall;
  checkToken(argument: _authmesh_core_v1_CheckTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckTokenResponse__Output>): grpc.ClientUnaryCall;
  checkToken(argument: _authmesh_core_v1_CheckTokenRequest, callback: grpc.requestCallback<_authmesh_core_v1_CheckTokenResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One group by primary key; NOT_FOUND when it does not exist.
   */
  GetGroup(argument: _authmesh_core_v1_GetGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_Group__Output>): grpc.ClientUnaryCall;
  GetGroup(argument: _authmesh_core_v1_GetGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_Group__Output>): grpc.ClientUnaryCall;
  GetGroup(argument: _authmesh_core_v1_GetGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_Group__Output>): grpc.ClientUnaryCall;
  GetGroup(argument: _authmesh_core_v1_GetGroupRequest, callback: grpc.requestCallback<_authmesh_core_v1_Group__Output>): grpc.ClientUnaryCall;
  /**
   * One group by primary key; NOT_FOUND when it does not exist.
   */
  getGroup(argument: _authmesh_core_v1_GetGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_Group__Output>): grpc.ClientUnaryCall;
  getGroup(argument: _authmesh_core_v1_GetGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_Group__Output>): grpc.ClientUnaryCall;
  getGroup(argument: _authmesh_core_v1_GetGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_Group__Output>): grpc.ClientUnaryCall;
  getGroup(argument: _authmesh_core_v1_GetGroupRequest, callback: grpc.requestCallback<_authmesh_core_v1_Group__Output>): grpc.ClientUnaryCall;
  
  /**
   * One user, by primary key or username (usernames match regardless of case).
   * NOT_FOUND when no user matches; inactive users are still returned (see is_active).
   */
  GetUser(argument: _authmesh_core_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _authmesh_core_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _authmesh_core_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _authmesh_core_v1_GetUserRequest, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  /**
   * One user, by primary key or username (usernames match regardless of case).
   * NOT_FOUND when no user matches; inactive users are still returned (see is_active).
   */
  getUser(argument: _authmesh_core_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _authmesh_core_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _authmesh_core_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _authmesh_core_v1_GetUserRequest, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  
  /**
   * A page of groups, or every group a user belongs to (directly or through parents).
   */
  ListGroups(argument: _authmesh_core_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _authmesh_core_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _authmesh_core_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _authmesh_core_v1_ListGroupsRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A page of groups, or every group a user belongs to (directly or through parents).
   */
  listGroups(argument: _authmesh_core_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _authmesh_core_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _authmesh_core_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _authmesh_core_v1_ListGroupsRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Checks a password. An unknown user, an inactive user and a wrong password all answer
   * valid=false after the same hashing work, so the answer reveals nothing about which.
   */
  VerifyPassword(argument: _authmesh_core_v1_VerifyPasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyPasswordResponse__Output>): grpc.ClientUnaryCall;
  VerifyPassword(argument: _authmesh_core_v1_VerifyPasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_VerifyPasswordResponse__Output>): grpc.ClientUnaryCall;
  VerifyPassword(argument: _authmesh_core_v1_VerifyPasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyPasswordResponse__Output>): grpc.ClientUnaryCall;
  VerifyPassword(argument: _authmesh_core_v1_VerifyPasswordRequest, callback: grpc.requestCallback<_authmesh_core_v1_VerifyPasswordResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Checks a password. An unknown user, an inactive user and a wrong password all answer
   * valid=false after the same hashing work, so the answer reveals nothing about which.
   */
  verifyPassword(argument: _authmesh_core_v1_VerifyPasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyPasswordResponse__Output>): grpc.ClientUnaryCall;
  verifyPassword(argument: _authmesh_core_v1_VerifyPasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_VerifyPasswordResponse__Output>): grpc.ClientUnaryCall;
  verifyPassword(argument: _authmesh_core_v1_VerifyPasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyPasswordResponse__Output>): grpc.ClientUnaryCall;
  verifyPassword(argument: _authmesh_core_v1_VerifyPasswordRequest, callback: grpc.requestCallback<_authmesh_core_v1_VerifyPasswordResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IdentityServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Checks a token key for an intent: it exists, has that intent, has not expired and
   * belongs to an active user. Any failure answers valid=false.
   */
  CheckToken: grpc.handleUnaryCall<_authmesh_core_v1_CheckTokenRequest__Output, _authmesh_core_v1_CheckTokenResponse>;
  
  /**
   * One group by primary key; NOT_FOUND when it does not exist.
   */
  GetGroup: grpc.handleUnaryCall<_authmesh_core_v1_GetGroupRequest__Output, _authmesh_core_v1_Group>;
  
  /**
   * One user, by primary key or username (usernames match regardless of case).
   * NOT_FOUND when no user matches; inactive users are still returned (see is_active).
   */
  GetUser: grpc.handleUnaryCall<_authmesh_core_v1_GetUserRequest__Output, _authmesh_core_v1_User>;
  
  /**
   * A page of groups, or every group a user belongs to (directly or through parents).
   */
  ListGroups: grpc.handleUnaryCall<_authmesh_core_v1_ListGroupsRequest__Output, _authmesh_core_v1_ListGroupsResponse>;
  
  /**
   * Checks a password. An unknown user, an inactive user and a wrong password all answer
   * valid=false after the same hashing work, so the answer reveals nothing about which.
   */
  VerifyPassword: grpc.handleUnaryCall<_authmesh_core_v1_VerifyPasswordRequest__Output, _authmesh_core_v1_VerifyPasswordResponse>;
  
}

export interface IdentityServiceDefinition extends grpc.ServiceDefinition {
  CheckToken: MethodDefinition<_authmesh_core_v1_CheckTokenRequest, _authmesh_core_v1_CheckTokenResponse, _authmesh_core_v1_CheckTokenRequest__Output, _authmesh_core_v1_CheckTokenResponse__Output>
  GetGroup: MethodDefinition<_authmesh_core_v1_GetGroupRequest, _authmesh_core_v1_Group, _authmesh_core_v1_GetGroupRequest__Output, _authmesh_core_v1_Group__Output>
  GetUser: MethodDefinition<_authmesh_core_v1_GetUserRequest, _authmesh_core_v1_User, _authmesh_core_v1_GetUserRequest__Output, _authmesh_core_v1_User__Output>
  ListGroups: MethodDefinition<_authmesh_core_v1_ListGroupsRequest, _authmesh_core_v1_ListGroupsResponse, _authmesh_core_v1_ListGroupsRequest__Output, _authmesh_core_v1_ListGroupsResponse__Output>
  VerifyPassword: MethodDefinition<_authmesh_core_v1_VerifyPasswordRequest, _authmesh_core_v1_VerifyPasswordResponse, _authmesh_core_v1_VerifyPasswordRequest__Output, _authmesh_core_v1_VerifyPasswordResponse__Output>
}
