// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CheckConsentRequest as _authmesh_core_v1_CheckConsentRequest, CheckConsentRequest__Output as _authmesh_core_v1_CheckConsentRequest__Output } from '../../../authmesh/core/v1/CheckConsentRequest.js';
import type { CheckConsentResponse as _authmesh_core_v1_CheckConsentResponse, CheckConsentResponse__Output as _authmesh_core_v1_CheckConsentResponse__Output } from '../../../authmesh/core/v1/CheckConsentResponse.js';
import type { CheckSessionRequest as _authmesh_core_v1_CheckSessionRequest, CheckSessionRequest__Output as _authmesh_core_v1_CheckSessionRequest__Output } from '../../../authmesh/core/v1/CheckSessionRequest.js';
import type { CheckSessionResponse as _authmesh_core_v1_CheckSessionResponse, CheckSessionResponse__Output as _authmesh_core_v1_CheckSessionResponse__Output } from '../../../authmesh/core/v1/CheckSessionResponse.js';
import type { CheckTokenRequest as _authmesh_core_v1_CheckTokenRequest, CheckTokenRequest__Output as _authmesh_core_v1_CheckTokenRequest__Output } from '../../../authmesh/core/v1/CheckTokenRequest.js';
import type { CheckTokenResponse as _authmesh_core_v1_CheckTokenResponse, CheckTokenResponse__Output as _authmesh_core_v1_CheckTokenResponse__Output } from '../../../authmesh/core/v1/CheckTokenResponse.js';
import type { ConfirmDeviceRequest as _authmesh_core_v1_ConfirmDeviceRequest, ConfirmDeviceRequest__Output as _authmesh_core_v1_ConfirmDeviceRequest__Output } from '../../../authmesh/core/v1/ConfirmDeviceRequest.js';
import type { CreateSessionRequest as _authmesh_core_v1_CreateSessionRequest, CreateSessionRequest__Output as _authmesh_core_v1_CreateSessionRequest__Output } from '../../../authmesh/core/v1/CreateSessionRequest.js';
import type { CreateSessionResponse as _authmesh_core_v1_CreateSessionResponse, CreateSessionResponse__Output as _authmesh_core_v1_CreateSessionResponse__Output } from '../../../authmesh/core/v1/CreateSessionResponse.js';
import type { DeleteUserRequest as _authmesh_core_v1_DeleteUserRequest, DeleteUserRequest__Output as _authmesh_core_v1_DeleteUserRequest__Output } from '../../../authmesh/core/v1/DeleteUserRequest.js';
import type { DeleteUserResponse as _authmesh_core_v1_DeleteUserResponse, DeleteUserResponse__Output as _authmesh_core_v1_DeleteUserResponse__Output } from '../../../authmesh/core/v1/DeleteUserResponse.js';
import type { EndSessionRequest as _authmesh_core_v1_EndSessionRequest, EndSessionRequest__Output as _authmesh_core_v1_EndSessionRequest__Output } from '../../../authmesh/core/v1/EndSessionRequest.js';
import type { EndSessionResponse as _authmesh_core_v1_EndSessionResponse, EndSessionResponse__Output as _authmesh_core_v1_EndSessionResponse__Output } from '../../../authmesh/core/v1/EndSessionResponse.js';
import type { EnrollDuoRequest as _authmesh_core_v1_EnrollDuoRequest, EnrollDuoRequest__Output as _authmesh_core_v1_EnrollDuoRequest__Output } from '../../../authmesh/core/v1/EnrollDuoRequest.js';
import type { EnrollSmsRequest as _authmesh_core_v1_EnrollSmsRequest, EnrollSmsRequest__Output as _authmesh_core_v1_EnrollSmsRequest__Output } from '../../../authmesh/core/v1/EnrollSmsRequest.js';
import type { EnrollStaticRequest as _authmesh_core_v1_EnrollStaticRequest, EnrollStaticRequest__Output as _authmesh_core_v1_EnrollStaticRequest__Output } from '../../../authmesh/core/v1/EnrollStaticRequest.js';
import type { EnrollStaticResponse as _authmesh_core_v1_EnrollStaticResponse, EnrollStaticResponse__Output as _authmesh_core_v1_EnrollStaticResponse__Output } from '../../../authmesh/core/v1/EnrollStaticResponse.js';
import type { EnrollTotpRequest as _authmesh_core_v1_EnrollTotpRequest, EnrollTotpRequest__Output as _authmesh_core_v1_EnrollTotpRequest__Output } from '../../../authmesh/core/v1/EnrollTotpRequest.js';
import type { EnrollTotpResponse as _authmesh_core_v1_EnrollTotpResponse, EnrollTotpResponse__Output as _authmesh_core_v1_EnrollTotpResponse__Output } from '../../../authmesh/core/v1/EnrollTotpResponse.js';
import type { EnrollWebauthnRequest as _authmesh_core_v1_EnrollWebauthnRequest, EnrollWebauthnRequest__Output as _authmesh_core_v1_EnrollWebauthnRequest__Output } from '../../../authmesh/core/v1/EnrollWebauthnRequest.js';
import type { EnrolledDevice as _authmesh_core_v1_EnrolledDevice, EnrolledDevice__Output as _authmesh_core_v1_EnrolledDevice__Output } from '../../../authmesh/core/v1/EnrolledDevice.js';
import type { EnsureServiceAccountRequest as _authmesh_core_v1_EnsureServiceAccountRequest, EnsureServiceAccountRequest__Output as _authmesh_core_v1_EnsureServiceAccountRequest__Output } from '../../../authmesh/core/v1/EnsureServiceAccountRequest.js';
import type { FindWebauthnCredentialRequest as _authmesh_core_v1_FindWebauthnCredentialRequest, FindWebauthnCredentialRequest__Output as _authmesh_core_v1_FindWebauthnCredentialRequest__Output } from '../../../authmesh/core/v1/FindWebauthnCredentialRequest.js';
import type { GetGroupRequest as _authmesh_core_v1_GetGroupRequest, GetGroupRequest__Output as _authmesh_core_v1_GetGroupRequest__Output } from '../../../authmesh/core/v1/GetGroupRequest.js';
import type { GetUserRequest as _authmesh_core_v1_GetUserRequest, GetUserRequest__Output as _authmesh_core_v1_GetUserRequest__Output } from '../../../authmesh/core/v1/GetUserRequest.js';
import type { GrantConsentRequest as _authmesh_core_v1_GrantConsentRequest, GrantConsentRequest__Output as _authmesh_core_v1_GrantConsentRequest__Output } from '../../../authmesh/core/v1/GrantConsentRequest.js';
import type { GrantConsentResponse as _authmesh_core_v1_GrantConsentResponse, GrantConsentResponse__Output as _authmesh_core_v1_GrantConsentResponse__Output } from '../../../authmesh/core/v1/GrantConsentResponse.js';
import type { Group as _authmesh_core_v1_Group, Group__Output as _authmesh_core_v1_Group__Output } from '../../../authmesh/core/v1/Group.js';
import type { ListDevicesRequest as _authmesh_core_v1_ListDevicesRequest, ListDevicesRequest__Output as _authmesh_core_v1_ListDevicesRequest__Output } from '../../../authmesh/core/v1/ListDevicesRequest.js';
import type { ListDevicesResponse as _authmesh_core_v1_ListDevicesResponse, ListDevicesResponse__Output as _authmesh_core_v1_ListDevicesResponse__Output } from '../../../authmesh/core/v1/ListDevicesResponse.js';
import type { ListGroupsRequest as _authmesh_core_v1_ListGroupsRequest, ListGroupsRequest__Output as _authmesh_core_v1_ListGroupsRequest__Output } from '../../../authmesh/core/v1/ListGroupsRequest.js';
import type { ListGroupsResponse as _authmesh_core_v1_ListGroupsResponse, ListGroupsResponse__Output as _authmesh_core_v1_ListGroupsResponse__Output } from '../../../authmesh/core/v1/ListGroupsResponse.js';
import type { TouchDeviceRequest as _authmesh_core_v1_TouchDeviceRequest, TouchDeviceRequest__Output as _authmesh_core_v1_TouchDeviceRequest__Output } from '../../../authmesh/core/v1/TouchDeviceRequest.js';
import type { TouchDeviceResponse as _authmesh_core_v1_TouchDeviceResponse, TouchDeviceResponse__Output as _authmesh_core_v1_TouchDeviceResponse__Output } from '../../../authmesh/core/v1/TouchDeviceResponse.js';
import type { UseWebauthnDeviceRequest as _authmesh_core_v1_UseWebauthnDeviceRequest, UseWebauthnDeviceRequest__Output as _authmesh_core_v1_UseWebauthnDeviceRequest__Output } from '../../../authmesh/core/v1/UseWebauthnDeviceRequest.js';
import type { UseWebauthnDeviceResponse as _authmesh_core_v1_UseWebauthnDeviceResponse, UseWebauthnDeviceResponse__Output as _authmesh_core_v1_UseWebauthnDeviceResponse__Output } from '../../../authmesh/core/v1/UseWebauthnDeviceResponse.js';
import type { User as _authmesh_core_v1_User, User__Output as _authmesh_core_v1_User__Output } from '../../../authmesh/core/v1/User.js';
import type { VerifyDeviceCodeRequest as _authmesh_core_v1_VerifyDeviceCodeRequest, VerifyDeviceCodeRequest__Output as _authmesh_core_v1_VerifyDeviceCodeRequest__Output } from '../../../authmesh/core/v1/VerifyDeviceCodeRequest.js';
import type { VerifyDeviceCodeResponse as _authmesh_core_v1_VerifyDeviceCodeResponse, VerifyDeviceCodeResponse__Output as _authmesh_core_v1_VerifyDeviceCodeResponse__Output } from '../../../authmesh/core/v1/VerifyDeviceCodeResponse.js';
import type { VerifyPasswordRequest as _authmesh_core_v1_VerifyPasswordRequest, VerifyPasswordRequest__Output as _authmesh_core_v1_VerifyPasswordRequest__Output } from '../../../authmesh/core/v1/VerifyPasswordRequest.js';
import type { VerifyPasswordResponse as _authmesh_core_v1_VerifyPasswordResponse, VerifyPasswordResponse__Output as _authmesh_core_v1_VerifyPasswordResponse__Output } from '../../../authmesh/core/v1/VerifyPasswordResponse.js';
import type { WebauthnCredential as _authmesh_core_v1_WebauthnCredential, WebauthnCredential__Output as _authmesh_core_v1_WebauthnCredential__Output } from '../../../authmesh/core/v1/WebauthnCredential.js';
import type { WriteUserRequest as _authmesh_core_v1_WriteUserRequest, WriteUserRequest__Output as _authmesh_core_v1_WriteUserRequest__Output } from '../../../authmesh/core/v1/WriteUserRequest.js';
import type { WriteUserResponse as _authmesh_core_v1_WriteUserResponse, WriteUserResponse__Output as _authmesh_core_v1_WriteUserResponse__Output } from '../../../authmesh/core/v1/WriteUserResponse.js';

export interface IdentityServiceClient extends grpc.Client {
  /**
   * Whether a user has consented to an application for (at least) these permissions and
   * the consent has not expired.
   */
  CheckConsent(argument: _authmesh_core_v1_CheckConsentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckConsentResponse__Output>): grpc.ClientUnaryCall;
  CheckConsent(argument: _authmesh_core_v1_CheckConsentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_CheckConsentResponse__Output>): grpc.ClientUnaryCall;
  CheckConsent(argument: _authmesh_core_v1_CheckConsentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckConsentResponse__Output>): grpc.ClientUnaryCall;
  CheckConsent(argument: _authmesh_core_v1_CheckConsentRequest, callback: grpc.requestCallback<_authmesh_core_v1_CheckConsentResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Whether a user has consented to an application for (at least) these permissions and
   * the consent has not expired.
   */
  checkConsent(argument: _authmesh_core_v1_CheckConsentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckConsentResponse__Output>): grpc.ClientUnaryCall;
  checkConsent(argument: _authmesh_core_v1_CheckConsentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_CheckConsentResponse__Output>): grpc.ClientUnaryCall;
  checkConsent(argument: _authmesh_core_v1_CheckConsentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckConsentResponse__Output>): grpc.ClientUnaryCall;
  checkConsent(argument: _authmesh_core_v1_CheckConsentRequest, callback: grpc.requestCallback<_authmesh_core_v1_CheckConsentResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Resolves a session key: valid only while the session exists, has not expired and its
   * user is active. Touches the session's last-used time.
   */
  CheckSession(argument: _authmesh_core_v1_CheckSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckSessionResponse__Output>): grpc.ClientUnaryCall;
  CheckSession(argument: _authmesh_core_v1_CheckSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_CheckSessionResponse__Output>): grpc.ClientUnaryCall;
  CheckSession(argument: _authmesh_core_v1_CheckSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckSessionResponse__Output>): grpc.ClientUnaryCall;
  CheckSession(argument: _authmesh_core_v1_CheckSessionRequest, callback: grpc.requestCallback<_authmesh_core_v1_CheckSessionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Resolves a session key: valid only while the session exists, has not expired and its
   * user is active. Touches the session's last-used time.
   */
  checkSession(argument: _authmesh_core_v1_CheckSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckSessionResponse__Output>): grpc.ClientUnaryCall;
  checkSession(argument: _authmesh_core_v1_CheckSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_CheckSessionResponse__Output>): grpc.ClientUnaryCall;
  checkSession(argument: _authmesh_core_v1_CheckSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CheckSessionResponse__Output>): grpc.ClientUnaryCall;
  checkSession(argument: _authmesh_core_v1_CheckSessionRequest, callback: grpc.requestCallback<_authmesh_core_v1_CheckSessionResponse__Output>): grpc.ClientUnaryCall;
  
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
   * Confirms a device of the user: for TOTP the code must be valid; static devices need none.
   */
  ConfirmDevice(argument: _authmesh_core_v1_ConfirmDeviceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  ConfirmDevice(argument: _authmesh_core_v1_ConfirmDeviceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  ConfirmDevice(argument: _authmesh_core_v1_ConfirmDeviceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  ConfirmDevice(argument: _authmesh_core_v1_ConfirmDeviceRequest, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Confirms a device of the user: for TOTP the code must be valid; static devices need none.
   */
  confirmDevice(argument: _authmesh_core_v1_ConfirmDeviceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  confirmDevice(argument: _authmesh_core_v1_ConfirmDeviceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  confirmDevice(argument: _authmesh_core_v1_ConfirmDeviceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  confirmDevice(argument: _authmesh_core_v1_ConfirmDeviceRequest, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Starts a login session for a user (after a flow authenticated them) and answers the
   * session key the caller puts in the browser's cookie. Core keeps only a digest of it.
   */
  CreateSession(argument: _authmesh_core_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _authmesh_core_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _authmesh_core_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _authmesh_core_v1_CreateSessionRequest, callback: grpc.requestCallback<_authmesh_core_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Starts a login session for a user (after a flow authenticated them) and answers the
   * session key the caller puts in the browser's cookie. Core keeps only a digest of it.
   */
  createSession(argument: _authmesh_core_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _authmesh_core_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _authmesh_core_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _authmesh_core_v1_CreateSessionRequest, callback: grpc.requestCallback<_authmesh_core_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a user (unenrollment flows). NOT_FOUND when there is none.
   */
  DeleteUser(argument: _authmesh_core_v1_DeleteUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _authmesh_core_v1_DeleteUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _authmesh_core_v1_DeleteUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _authmesh_core_v1_DeleteUserRequest, callback: grpc.requestCallback<_authmesh_core_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a user (unenrollment flows). NOT_FOUND when there is none.
   */
  deleteUser(argument: _authmesh_core_v1_DeleteUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _authmesh_core_v1_DeleteUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _authmesh_core_v1_DeleteUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _authmesh_core_v1_DeleteUserRequest, callback: grpc.requestCallback<_authmesh_core_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Ends the session with this key (logout); ending an unknown key is not an error.
   */
  EndSession(argument: _authmesh_core_v1_EndSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EndSessionResponse__Output>): grpc.ClientUnaryCall;
  EndSession(argument: _authmesh_core_v1_EndSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EndSessionResponse__Output>): grpc.ClientUnaryCall;
  EndSession(argument: _authmesh_core_v1_EndSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EndSessionResponse__Output>): grpc.ClientUnaryCall;
  EndSession(argument: _authmesh_core_v1_EndSessionRequest, callback: grpc.requestCallback<_authmesh_core_v1_EndSessionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Ends the session with this key (logout); ending an unknown key is not an error.
   */
  endSession(argument: _authmesh_core_v1_EndSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EndSessionResponse__Output>): grpc.ClientUnaryCall;
  endSession(argument: _authmesh_core_v1_EndSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EndSessionResponse__Output>): grpc.ClientUnaryCall;
  endSession(argument: _authmesh_core_v1_EndSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EndSessionResponse__Output>): grpc.ClientUnaryCall;
  endSession(argument: _authmesh_core_v1_EndSessionRequest, callback: grpc.requestCallback<_authmesh_core_v1_EndSessionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Records a confirmed Duo device after the user activated Duo Mobile for it.
   */
  EnrollDuo(argument: _authmesh_core_v1_EnrollDuoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollDuo(argument: _authmesh_core_v1_EnrollDuoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollDuo(argument: _authmesh_core_v1_EnrollDuoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollDuo(argument: _authmesh_core_v1_EnrollDuoRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  /**
   * Records a confirmed Duo device after the user activated Duo Mobile for it.
   */
  enrollDuo(argument: _authmesh_core_v1_EnrollDuoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollDuo(argument: _authmesh_core_v1_EnrollDuoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollDuo(argument: _authmesh_core_v1_EnrollDuoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollDuo(argument: _authmesh_core_v1_EnrollDuoRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  
  /**
   * Records a confirmed SMS device after the flow executor verified the number with a code.
   */
  EnrollSms(argument: _authmesh_core_v1_EnrollSmsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollSms(argument: _authmesh_core_v1_EnrollSmsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollSms(argument: _authmesh_core_v1_EnrollSmsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollSms(argument: _authmesh_core_v1_EnrollSmsRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  /**
   * Records a confirmed SMS device after the flow executor verified the number with a code.
   */
  enrollSms(argument: _authmesh_core_v1_EnrollSmsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollSms(argument: _authmesh_core_v1_EnrollSmsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollSms(argument: _authmesh_core_v1_EnrollSmsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollSms(argument: _authmesh_core_v1_EnrollSmsRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  
  /**
   * Starts static-code enrollment: an unconfirmed device with new single-use codes, shown once.
   */
  EnrollStatic(argument: _authmesh_core_v1_EnrollStaticRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrollStaticResponse__Output>): grpc.ClientUnaryCall;
  EnrollStatic(argument: _authmesh_core_v1_EnrollStaticRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrollStaticResponse__Output>): grpc.ClientUnaryCall;
  EnrollStatic(argument: _authmesh_core_v1_EnrollStaticRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrollStaticResponse__Output>): grpc.ClientUnaryCall;
  EnrollStatic(argument: _authmesh_core_v1_EnrollStaticRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrollStaticResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Starts static-code enrollment: an unconfirmed device with new single-use codes, shown once.
   */
  enrollStatic(argument: _authmesh_core_v1_EnrollStaticRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrollStaticResponse__Output>): grpc.ClientUnaryCall;
  enrollStatic(argument: _authmesh_core_v1_EnrollStaticRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrollStaticResponse__Output>): grpc.ClientUnaryCall;
  enrollStatic(argument: _authmesh_core_v1_EnrollStaticRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrollStaticResponse__Output>): grpc.ClientUnaryCall;
  enrollStatic(argument: _authmesh_core_v1_EnrollStaticRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrollStaticResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Starts TOTP enrollment: an unconfirmed device with a new secret (replacing an earlier
   * unconfirmed one). The secret leaves core only here, to be shown to its owner once.
   */
  EnrollTotp(argument: _authmesh_core_v1_EnrollTotpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrollTotpResponse__Output>): grpc.ClientUnaryCall;
  EnrollTotp(argument: _authmesh_core_v1_EnrollTotpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrollTotpResponse__Output>): grpc.ClientUnaryCall;
  EnrollTotp(argument: _authmesh_core_v1_EnrollTotpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrollTotpResponse__Output>): grpc.ClientUnaryCall;
  EnrollTotp(argument: _authmesh_core_v1_EnrollTotpRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrollTotpResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Starts TOTP enrollment: an unconfirmed device with a new secret (replacing an earlier
   * unconfirmed one). The secret leaves core only here, to be shown to its owner once.
   */
  enrollTotp(argument: _authmesh_core_v1_EnrollTotpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrollTotpResponse__Output>): grpc.ClientUnaryCall;
  enrollTotp(argument: _authmesh_core_v1_EnrollTotpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrollTotpResponse__Output>): grpc.ClientUnaryCall;
  enrollTotp(argument: _authmesh_core_v1_EnrollTotpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrollTotpResponse__Output>): grpc.ClientUnaryCall;
  enrollTotp(argument: _authmesh_core_v1_EnrollTotpRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrollTotpResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Records a confirmed WebAuthn device after the flow executor verified its registration.
   * A credential id already registered (to anyone) is refused.
   */
  EnrollWebauthn(argument: _authmesh_core_v1_EnrollWebauthnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollWebauthn(argument: _authmesh_core_v1_EnrollWebauthnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollWebauthn(argument: _authmesh_core_v1_EnrollWebauthnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  EnrollWebauthn(argument: _authmesh_core_v1_EnrollWebauthnRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  /**
   * Records a confirmed WebAuthn device after the flow executor verified its registration.
   * A credential id already registered (to anyone) is refused.
   */
  enrollWebauthn(argument: _authmesh_core_v1_EnrollWebauthnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollWebauthn(argument: _authmesh_core_v1_EnrollWebauthnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollWebauthn(argument: _authmesh_core_v1_EnrollWebauthnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  enrollWebauthn(argument: _authmesh_core_v1_EnrollWebauthnRequest, callback: grpc.requestCallback<_authmesh_core_v1_EnrolledDevice__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates or updates the generated service account a protocol runtime acts for (a client
   * authenticated by a signed JWT, for example). A user with that username who is not such
   * a generated service account is never taken over: PERMISSION_DENIED.
   */
  EnsureServiceAccount(argument: _authmesh_core_v1_EnsureServiceAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  EnsureServiceAccount(argument: _authmesh_core_v1_EnsureServiceAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  EnsureServiceAccount(argument: _authmesh_core_v1_EnsureServiceAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  EnsureServiceAccount(argument: _authmesh_core_v1_EnsureServiceAccountRequest, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  /**
   * Creates or updates the generated service account a protocol runtime acts for (a client
   * authenticated by a signed JWT, for example). A user with that username who is not such
   * a generated service account is never taken over: PERMISSION_DENIED.
   */
  ensureServiceAccount(argument: _authmesh_core_v1_EnsureServiceAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  ensureServiceAccount(argument: _authmesh_core_v1_EnsureServiceAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  ensureServiceAccount(argument: _authmesh_core_v1_EnsureServiceAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  ensureServiceAccount(argument: _authmesh_core_v1_EnsureServiceAccountRequest, callback: grpc.requestCallback<_authmesh_core_v1_User__Output>): grpc.ClientUnaryCall;
  
  /**
   * The confirmed WebAuthn device holding a credential, for passwordless logins where the
   * credential names the user. NOT_FOUND when no device holds it.
   */
  FindWebauthnCredential(argument: _authmesh_core_v1_FindWebauthnCredentialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_WebauthnCredential__Output>): grpc.ClientUnaryCall;
  FindWebauthnCredential(argument: _authmesh_core_v1_FindWebauthnCredentialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_WebauthnCredential__Output>): grpc.ClientUnaryCall;
  FindWebauthnCredential(argument: _authmesh_core_v1_FindWebauthnCredentialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_WebauthnCredential__Output>): grpc.ClientUnaryCall;
  FindWebauthnCredential(argument: _authmesh_core_v1_FindWebauthnCredentialRequest, callback: grpc.requestCallback<_authmesh_core_v1_WebauthnCredential__Output>): grpc.ClientUnaryCall;
  /**
   * The confirmed WebAuthn device holding a credential, for passwordless logins where the
   * credential names the user. NOT_FOUND when no device holds it.
   */
  findWebauthnCredential(argument: _authmesh_core_v1_FindWebauthnCredentialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_WebauthnCredential__Output>): grpc.ClientUnaryCall;
  findWebauthnCredential(argument: _authmesh_core_v1_FindWebauthnCredentialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_WebauthnCredential__Output>): grpc.ClientUnaryCall;
  findWebauthnCredential(argument: _authmesh_core_v1_FindWebauthnCredentialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_WebauthnCredential__Output>): grpc.ClientUnaryCall;
  findWebauthnCredential(argument: _authmesh_core_v1_FindWebauthnCredentialRequest, callback: grpc.requestCallback<_authmesh_core_v1_WebauthnCredential__Output>): grpc.ClientUnaryCall;
  
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
   * Records a user's consent to an application (replacing an earlier one).
   */
  GrantConsent(argument: _authmesh_core_v1_GrantConsentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_GrantConsentResponse__Output>): grpc.ClientUnaryCall;
  GrantConsent(argument: _authmesh_core_v1_GrantConsentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_GrantConsentResponse__Output>): grpc.ClientUnaryCall;
  GrantConsent(argument: _authmesh_core_v1_GrantConsentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_GrantConsentResponse__Output>): grpc.ClientUnaryCall;
  GrantConsent(argument: _authmesh_core_v1_GrantConsentRequest, callback: grpc.requestCallback<_authmesh_core_v1_GrantConsentResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Records a user's consent to an application (replacing an earlier one).
   */
  grantConsent(argument: _authmesh_core_v1_GrantConsentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_GrantConsentResponse__Output>): grpc.ClientUnaryCall;
  grantConsent(argument: _authmesh_core_v1_GrantConsentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_GrantConsentResponse__Output>): grpc.ClientUnaryCall;
  grantConsent(argument: _authmesh_core_v1_GrantConsentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_GrantConsentResponse__Output>): grpc.ClientUnaryCall;
  grantConsent(argument: _authmesh_core_v1_GrantConsentRequest, callback: grpc.requestCallback<_authmesh_core_v1_GrantConsentResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A user's authenticator devices (second factors), confirmed or not.
   */
  ListDevices(argument: _authmesh_core_v1_ListDevicesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListDevicesResponse__Output>): grpc.ClientUnaryCall;
  ListDevices(argument: _authmesh_core_v1_ListDevicesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListDevicesResponse__Output>): grpc.ClientUnaryCall;
  ListDevices(argument: _authmesh_core_v1_ListDevicesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListDevicesResponse__Output>): grpc.ClientUnaryCall;
  ListDevices(argument: _authmesh_core_v1_ListDevicesRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListDevicesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A user's authenticator devices (second factors), confirmed or not.
   */
  listDevices(argument: _authmesh_core_v1_ListDevicesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListDevicesResponse__Output>): grpc.ClientUnaryCall;
  listDevices(argument: _authmesh_core_v1_ListDevicesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListDevicesResponse__Output>): grpc.ClientUnaryCall;
  listDevices(argument: _authmesh_core_v1_ListDevicesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListDevicesResponse__Output>): grpc.ClientUnaryCall;
  listDevices(argument: _authmesh_core_v1_ListDevicesRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListDevicesResponse__Output>): grpc.ClientUnaryCall;
  
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
   * Marks a device as used now (after the flow executor checked an SMS code for it).
   */
  TouchDevice(argument: _authmesh_core_v1_TouchDeviceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_TouchDeviceResponse__Output>): grpc.ClientUnaryCall;
  TouchDevice(argument: _authmesh_core_v1_TouchDeviceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_TouchDeviceResponse__Output>): grpc.ClientUnaryCall;
  TouchDevice(argument: _authmesh_core_v1_TouchDeviceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_TouchDeviceResponse__Output>): grpc.ClientUnaryCall;
  TouchDevice(argument: _authmesh_core_v1_TouchDeviceRequest, callback: grpc.requestCallback<_authmesh_core_v1_TouchDeviceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Marks a device as used now (after the flow executor checked an SMS code for it).
   */
  touchDevice(argument: _authmesh_core_v1_TouchDeviceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_TouchDeviceResponse__Output>): grpc.ClientUnaryCall;
  touchDevice(argument: _authmesh_core_v1_TouchDeviceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_TouchDeviceResponse__Output>): grpc.ClientUnaryCall;
  touchDevice(argument: _authmesh_core_v1_TouchDeviceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_TouchDeviceResponse__Output>): grpc.ClientUnaryCall;
  touchDevice(argument: _authmesh_core_v1_TouchDeviceRequest, callback: grpc.requestCallback<_authmesh_core_v1_TouchDeviceResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Records a verified WebAuthn assertion: the signature counter must move forward (unless
   * the authenticator keeps none), otherwise the credential may be cloned and use is refused.
   */
  UseWebauthnDevice(argument: _authmesh_core_v1_UseWebauthnDeviceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_UseWebauthnDeviceResponse__Output>): grpc.ClientUnaryCall;
  UseWebauthnDevice(argument: _authmesh_core_v1_UseWebauthnDeviceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_UseWebauthnDeviceResponse__Output>): grpc.ClientUnaryCall;
  UseWebauthnDevice(argument: _authmesh_core_v1_UseWebauthnDeviceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_UseWebauthnDeviceResponse__Output>): grpc.ClientUnaryCall;
  UseWebauthnDevice(argument: _authmesh_core_v1_UseWebauthnDeviceRequest, callback: grpc.requestCallback<_authmesh_core_v1_UseWebauthnDeviceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Records a verified WebAuthn assertion: the signature counter must move forward (unless
   * the authenticator keeps none), otherwise the credential may be cloned and use is refused.
   */
  useWebauthnDevice(argument: _authmesh_core_v1_UseWebauthnDeviceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_UseWebauthnDeviceResponse__Output>): grpc.ClientUnaryCall;
  useWebauthnDevice(argument: _authmesh_core_v1_UseWebauthnDeviceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_UseWebauthnDeviceResponse__Output>): grpc.ClientUnaryCall;
  useWebauthnDevice(argument: _authmesh_core_v1_UseWebauthnDeviceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_UseWebauthnDeviceResponse__Output>): grpc.ClientUnaryCall;
  useWebauthnDevice(argument: _authmesh_core_v1_UseWebauthnDeviceRequest, callback: grpc.requestCallback<_authmesh_core_v1_UseWebauthnDeviceResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Checks a code against the user's confirmed devices of the allowed types. A TOTP code is
   * accepted once (a replay inside its window is refused); a static code is used up.
   */
  VerifyDeviceCode(argument: _authmesh_core_v1_VerifyDeviceCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  VerifyDeviceCode(argument: _authmesh_core_v1_VerifyDeviceCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  VerifyDeviceCode(argument: _authmesh_core_v1_VerifyDeviceCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  VerifyDeviceCode(argument: _authmesh_core_v1_VerifyDeviceCodeRequest, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Checks a code against the user's confirmed devices of the allowed types. A TOTP code is
   * accepted once (a replay inside its window is refused); a static code is used up.
   */
  verifyDeviceCode(argument: _authmesh_core_v1_VerifyDeviceCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  verifyDeviceCode(argument: _authmesh_core_v1_VerifyDeviceCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  verifyDeviceCode(argument: _authmesh_core_v1_VerifyDeviceCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  verifyDeviceCode(argument: _authmesh_core_v1_VerifyDeviceCodeRequest, callback: grpc.requestCallback<_authmesh_core_v1_VerifyDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  
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
  
  /**
   * Creates a user (user_pk empty) or changes one, for flows (enrollment, user settings,
   * e-mail verification). Validation problems come back in errors_json, nothing changed.
   */
  WriteUser(argument: _authmesh_core_v1_WriteUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_WriteUserResponse__Output>): grpc.ClientUnaryCall;
  WriteUser(argument: _authmesh_core_v1_WriteUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_WriteUserResponse__Output>): grpc.ClientUnaryCall;
  WriteUser(argument: _authmesh_core_v1_WriteUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_WriteUserResponse__Output>): grpc.ClientUnaryCall;
  WriteUser(argument: _authmesh_core_v1_WriteUserRequest, callback: grpc.requestCallback<_authmesh_core_v1_WriteUserResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a user (user_pk empty) or changes one, for flows (enrollment, user settings,
   * e-mail verification). Validation problems come back in errors_json, nothing changed.
   */
  writeUser(argument: _authmesh_core_v1_WriteUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_WriteUserResponse__Output>): grpc.ClientUnaryCall;
  writeUser(argument: _authmesh_core_v1_WriteUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_WriteUserResponse__Output>): grpc.ClientUnaryCall;
  writeUser(argument: _authmesh_core_v1_WriteUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_WriteUserResponse__Output>): grpc.ClientUnaryCall;
  writeUser(argument: _authmesh_core_v1_WriteUserRequest, callback: grpc.requestCallback<_authmesh_core_v1_WriteUserResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IdentityServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Whether a user has consented to an application for (at least) these permissions and
   * the consent has not expired.
   */
  CheckConsent: grpc.handleUnaryCall<_authmesh_core_v1_CheckConsentRequest__Output, _authmesh_core_v1_CheckConsentResponse>;
  
  /**
   * Resolves a session key: valid only while the session exists, has not expired and its
   * user is active. Touches the session's last-used time.
   */
  CheckSession: grpc.handleUnaryCall<_authmesh_core_v1_CheckSessionRequest__Output, _authmesh_core_v1_CheckSessionResponse>;
  
  /**
   * Checks a token key for an intent: it exists, has that intent, has not expired and
   * belongs to an active user. Any failure answers valid=false.
   */
  CheckToken: grpc.handleUnaryCall<_authmesh_core_v1_CheckTokenRequest__Output, _authmesh_core_v1_CheckTokenResponse>;
  
  /**
   * Confirms a device of the user: for TOTP the code must be valid; static devices need none.
   */
  ConfirmDevice: grpc.handleUnaryCall<_authmesh_core_v1_ConfirmDeviceRequest__Output, _authmesh_core_v1_VerifyDeviceCodeResponse>;
  
  /**
   * Starts a login session for a user (after a flow authenticated them) and answers the
   * session key the caller puts in the browser's cookie. Core keeps only a digest of it.
   */
  CreateSession: grpc.handleUnaryCall<_authmesh_core_v1_CreateSessionRequest__Output, _authmesh_core_v1_CreateSessionResponse>;
  
  /**
   * Deletes a user (unenrollment flows). NOT_FOUND when there is none.
   */
  DeleteUser: grpc.handleUnaryCall<_authmesh_core_v1_DeleteUserRequest__Output, _authmesh_core_v1_DeleteUserResponse>;
  
  /**
   * Ends the session with this key (logout); ending an unknown key is not an error.
   */
  EndSession: grpc.handleUnaryCall<_authmesh_core_v1_EndSessionRequest__Output, _authmesh_core_v1_EndSessionResponse>;
  
  /**
   * Records a confirmed Duo device after the user activated Duo Mobile for it.
   */
  EnrollDuo: grpc.handleUnaryCall<_authmesh_core_v1_EnrollDuoRequest__Output, _authmesh_core_v1_EnrolledDevice>;
  
  /**
   * Records a confirmed SMS device after the flow executor verified the number with a code.
   */
  EnrollSms: grpc.handleUnaryCall<_authmesh_core_v1_EnrollSmsRequest__Output, _authmesh_core_v1_EnrolledDevice>;
  
  /**
   * Starts static-code enrollment: an unconfirmed device with new single-use codes, shown once.
   */
  EnrollStatic: grpc.handleUnaryCall<_authmesh_core_v1_EnrollStaticRequest__Output, _authmesh_core_v1_EnrollStaticResponse>;
  
  /**
   * Starts TOTP enrollment: an unconfirmed device with a new secret (replacing an earlier
   * unconfirmed one). The secret leaves core only here, to be shown to its owner once.
   */
  EnrollTotp: grpc.handleUnaryCall<_authmesh_core_v1_EnrollTotpRequest__Output, _authmesh_core_v1_EnrollTotpResponse>;
  
  /**
   * Records a confirmed WebAuthn device after the flow executor verified its registration.
   * A credential id already registered (to anyone) is refused.
   */
  EnrollWebauthn: grpc.handleUnaryCall<_authmesh_core_v1_EnrollWebauthnRequest__Output, _authmesh_core_v1_EnrolledDevice>;
  
  /**
   * Creates or updates the generated service account a protocol runtime acts for (a client
   * authenticated by a signed JWT, for example). A user with that username who is not such
   * a generated service account is never taken over: PERMISSION_DENIED.
   */
  EnsureServiceAccount: grpc.handleUnaryCall<_authmesh_core_v1_EnsureServiceAccountRequest__Output, _authmesh_core_v1_User>;
  
  /**
   * The confirmed WebAuthn device holding a credential, for passwordless logins where the
   * credential names the user. NOT_FOUND when no device holds it.
   */
  FindWebauthnCredential: grpc.handleUnaryCall<_authmesh_core_v1_FindWebauthnCredentialRequest__Output, _authmesh_core_v1_WebauthnCredential>;
  
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
   * Records a user's consent to an application (replacing an earlier one).
   */
  GrantConsent: grpc.handleUnaryCall<_authmesh_core_v1_GrantConsentRequest__Output, _authmesh_core_v1_GrantConsentResponse>;
  
  /**
   * A user's authenticator devices (second factors), confirmed or not.
   */
  ListDevices: grpc.handleUnaryCall<_authmesh_core_v1_ListDevicesRequest__Output, _authmesh_core_v1_ListDevicesResponse>;
  
  /**
   * A page of groups, or every group a user belongs to (directly or through parents).
   */
  ListGroups: grpc.handleUnaryCall<_authmesh_core_v1_ListGroupsRequest__Output, _authmesh_core_v1_ListGroupsResponse>;
  
  /**
   * Marks a device as used now (after the flow executor checked an SMS code for it).
   */
  TouchDevice: grpc.handleUnaryCall<_authmesh_core_v1_TouchDeviceRequest__Output, _authmesh_core_v1_TouchDeviceResponse>;
  
  /**
   * Records a verified WebAuthn assertion: the signature counter must move forward (unless
   * the authenticator keeps none), otherwise the credential may be cloned and use is refused.
   */
  UseWebauthnDevice: grpc.handleUnaryCall<_authmesh_core_v1_UseWebauthnDeviceRequest__Output, _authmesh_core_v1_UseWebauthnDeviceResponse>;
  
  /**
   * Checks a code against the user's confirmed devices of the allowed types. A TOTP code is
   * accepted once (a replay inside its window is refused); a static code is used up.
   */
  VerifyDeviceCode: grpc.handleUnaryCall<_authmesh_core_v1_VerifyDeviceCodeRequest__Output, _authmesh_core_v1_VerifyDeviceCodeResponse>;
  
  /**
   * Checks a password. An unknown user, an inactive user and a wrong password all answer
   * valid=false after the same hashing work, so the answer reveals nothing about which.
   */
  VerifyPassword: grpc.handleUnaryCall<_authmesh_core_v1_VerifyPasswordRequest__Output, _authmesh_core_v1_VerifyPasswordResponse>;
  
  /**
   * Creates a user (user_pk empty) or changes one, for flows (enrollment, user settings,
   * e-mail verification). Validation problems come back in errors_json, nothing changed.
   */
  WriteUser: grpc.handleUnaryCall<_authmesh_core_v1_WriteUserRequest__Output, _authmesh_core_v1_WriteUserResponse>;
  
}

export interface IdentityServiceDefinition extends grpc.ServiceDefinition {
  CheckConsent: MethodDefinition<_authmesh_core_v1_CheckConsentRequest, _authmesh_core_v1_CheckConsentResponse, _authmesh_core_v1_CheckConsentRequest__Output, _authmesh_core_v1_CheckConsentResponse__Output>
  CheckSession: MethodDefinition<_authmesh_core_v1_CheckSessionRequest, _authmesh_core_v1_CheckSessionResponse, _authmesh_core_v1_CheckSessionRequest__Output, _authmesh_core_v1_CheckSessionResponse__Output>
  CheckToken: MethodDefinition<_authmesh_core_v1_CheckTokenRequest, _authmesh_core_v1_CheckTokenResponse, _authmesh_core_v1_CheckTokenRequest__Output, _authmesh_core_v1_CheckTokenResponse__Output>
  ConfirmDevice: MethodDefinition<_authmesh_core_v1_ConfirmDeviceRequest, _authmesh_core_v1_VerifyDeviceCodeResponse, _authmesh_core_v1_ConfirmDeviceRequest__Output, _authmesh_core_v1_VerifyDeviceCodeResponse__Output>
  CreateSession: MethodDefinition<_authmesh_core_v1_CreateSessionRequest, _authmesh_core_v1_CreateSessionResponse, _authmesh_core_v1_CreateSessionRequest__Output, _authmesh_core_v1_CreateSessionResponse__Output>
  DeleteUser: MethodDefinition<_authmesh_core_v1_DeleteUserRequest, _authmesh_core_v1_DeleteUserResponse, _authmesh_core_v1_DeleteUserRequest__Output, _authmesh_core_v1_DeleteUserResponse__Output>
  EndSession: MethodDefinition<_authmesh_core_v1_EndSessionRequest, _authmesh_core_v1_EndSessionResponse, _authmesh_core_v1_EndSessionRequest__Output, _authmesh_core_v1_EndSessionResponse__Output>
  EnrollDuo: MethodDefinition<_authmesh_core_v1_EnrollDuoRequest, _authmesh_core_v1_EnrolledDevice, _authmesh_core_v1_EnrollDuoRequest__Output, _authmesh_core_v1_EnrolledDevice__Output>
  EnrollSms: MethodDefinition<_authmesh_core_v1_EnrollSmsRequest, _authmesh_core_v1_EnrolledDevice, _authmesh_core_v1_EnrollSmsRequest__Output, _authmesh_core_v1_EnrolledDevice__Output>
  EnrollStatic: MethodDefinition<_authmesh_core_v1_EnrollStaticRequest, _authmesh_core_v1_EnrollStaticResponse, _authmesh_core_v1_EnrollStaticRequest__Output, _authmesh_core_v1_EnrollStaticResponse__Output>
  EnrollTotp: MethodDefinition<_authmesh_core_v1_EnrollTotpRequest, _authmesh_core_v1_EnrollTotpResponse, _authmesh_core_v1_EnrollTotpRequest__Output, _authmesh_core_v1_EnrollTotpResponse__Output>
  EnrollWebauthn: MethodDefinition<_authmesh_core_v1_EnrollWebauthnRequest, _authmesh_core_v1_EnrolledDevice, _authmesh_core_v1_EnrollWebauthnRequest__Output, _authmesh_core_v1_EnrolledDevice__Output>
  EnsureServiceAccount: MethodDefinition<_authmesh_core_v1_EnsureServiceAccountRequest, _authmesh_core_v1_User, _authmesh_core_v1_EnsureServiceAccountRequest__Output, _authmesh_core_v1_User__Output>
  FindWebauthnCredential: MethodDefinition<_authmesh_core_v1_FindWebauthnCredentialRequest, _authmesh_core_v1_WebauthnCredential, _authmesh_core_v1_FindWebauthnCredentialRequest__Output, _authmesh_core_v1_WebauthnCredential__Output>
  GetGroup: MethodDefinition<_authmesh_core_v1_GetGroupRequest, _authmesh_core_v1_Group, _authmesh_core_v1_GetGroupRequest__Output, _authmesh_core_v1_Group__Output>
  GetUser: MethodDefinition<_authmesh_core_v1_GetUserRequest, _authmesh_core_v1_User, _authmesh_core_v1_GetUserRequest__Output, _authmesh_core_v1_User__Output>
  GrantConsent: MethodDefinition<_authmesh_core_v1_GrantConsentRequest, _authmesh_core_v1_GrantConsentResponse, _authmesh_core_v1_GrantConsentRequest__Output, _authmesh_core_v1_GrantConsentResponse__Output>
  ListDevices: MethodDefinition<_authmesh_core_v1_ListDevicesRequest, _authmesh_core_v1_ListDevicesResponse, _authmesh_core_v1_ListDevicesRequest__Output, _authmesh_core_v1_ListDevicesResponse__Output>
  ListGroups: MethodDefinition<_authmesh_core_v1_ListGroupsRequest, _authmesh_core_v1_ListGroupsResponse, _authmesh_core_v1_ListGroupsRequest__Output, _authmesh_core_v1_ListGroupsResponse__Output>
  TouchDevice: MethodDefinition<_authmesh_core_v1_TouchDeviceRequest, _authmesh_core_v1_TouchDeviceResponse, _authmesh_core_v1_TouchDeviceRequest__Output, _authmesh_core_v1_TouchDeviceResponse__Output>
  UseWebauthnDevice: MethodDefinition<_authmesh_core_v1_UseWebauthnDeviceRequest, _authmesh_core_v1_UseWebauthnDeviceResponse, _authmesh_core_v1_UseWebauthnDeviceRequest__Output, _authmesh_core_v1_UseWebauthnDeviceResponse__Output>
  VerifyDeviceCode: MethodDefinition<_authmesh_core_v1_VerifyDeviceCodeRequest, _authmesh_core_v1_VerifyDeviceCodeResponse, _authmesh_core_v1_VerifyDeviceCodeRequest__Output, _authmesh_core_v1_VerifyDeviceCodeResponse__Output>
  VerifyPassword: MethodDefinition<_authmesh_core_v1_VerifyPasswordRequest, _authmesh_core_v1_VerifyPasswordResponse, _authmesh_core_v1_VerifyPasswordRequest__Output, _authmesh_core_v1_VerifyPasswordResponse__Output>
  WriteUser: MethodDefinition<_authmesh_core_v1_WriteUserRequest, _authmesh_core_v1_WriteUserResponse, _authmesh_core_v1_WriteUserRequest__Output, _authmesh_core_v1_WriteUserResponse__Output>
}
