// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CheckConsentRequest as _authmesh_core_v1_CheckConsentRequest, CheckConsentRequest__Output as _authmesh_core_v1_CheckConsentRequest__Output } from './authmesh/core/v1/CheckConsentRequest.js';
import type { CheckConsentResponse as _authmesh_core_v1_CheckConsentResponse, CheckConsentResponse__Output as _authmesh_core_v1_CheckConsentResponse__Output } from './authmesh/core/v1/CheckConsentResponse.js';
import type { CheckSessionRequest as _authmesh_core_v1_CheckSessionRequest, CheckSessionRequest__Output as _authmesh_core_v1_CheckSessionRequest__Output } from './authmesh/core/v1/CheckSessionRequest.js';
import type { CheckSessionResponse as _authmesh_core_v1_CheckSessionResponse, CheckSessionResponse__Output as _authmesh_core_v1_CheckSessionResponse__Output } from './authmesh/core/v1/CheckSessionResponse.js';
import type { CheckTokenRequest as _authmesh_core_v1_CheckTokenRequest, CheckTokenRequest__Output as _authmesh_core_v1_CheckTokenRequest__Output } from './authmesh/core/v1/CheckTokenRequest.js';
import type { CheckTokenResponse as _authmesh_core_v1_CheckTokenResponse, CheckTokenResponse__Output as _authmesh_core_v1_CheckTokenResponse__Output } from './authmesh/core/v1/CheckTokenResponse.js';
import type { ConfirmDeviceRequest as _authmesh_core_v1_ConfirmDeviceRequest, ConfirmDeviceRequest__Output as _authmesh_core_v1_ConfirmDeviceRequest__Output } from './authmesh/core/v1/ConfirmDeviceRequest.js';
import type { CreateSessionRequest as _authmesh_core_v1_CreateSessionRequest, CreateSessionRequest__Output as _authmesh_core_v1_CreateSessionRequest__Output } from './authmesh/core/v1/CreateSessionRequest.js';
import type { CreateSessionResponse as _authmesh_core_v1_CreateSessionResponse, CreateSessionResponse__Output as _authmesh_core_v1_CreateSessionResponse__Output } from './authmesh/core/v1/CreateSessionResponse.js';
import type { DeleteUserRequest as _authmesh_core_v1_DeleteUserRequest, DeleteUserRequest__Output as _authmesh_core_v1_DeleteUserRequest__Output } from './authmesh/core/v1/DeleteUserRequest.js';
import type { DeleteUserResponse as _authmesh_core_v1_DeleteUserResponse, DeleteUserResponse__Output as _authmesh_core_v1_DeleteUserResponse__Output } from './authmesh/core/v1/DeleteUserResponse.js';
import type { Device as _authmesh_core_v1_Device, Device__Output as _authmesh_core_v1_Device__Output } from './authmesh/core/v1/Device.js';
import type { EndSessionRequest as _authmesh_core_v1_EndSessionRequest, EndSessionRequest__Output as _authmesh_core_v1_EndSessionRequest__Output } from './authmesh/core/v1/EndSessionRequest.js';
import type { EndSessionResponse as _authmesh_core_v1_EndSessionResponse, EndSessionResponse__Output as _authmesh_core_v1_EndSessionResponse__Output } from './authmesh/core/v1/EndSessionResponse.js';
import type { EnrollDuoRequest as _authmesh_core_v1_EnrollDuoRequest, EnrollDuoRequest__Output as _authmesh_core_v1_EnrollDuoRequest__Output } from './authmesh/core/v1/EnrollDuoRequest.js';
import type { EnrollSmsRequest as _authmesh_core_v1_EnrollSmsRequest, EnrollSmsRequest__Output as _authmesh_core_v1_EnrollSmsRequest__Output } from './authmesh/core/v1/EnrollSmsRequest.js';
import type { EnrollStaticRequest as _authmesh_core_v1_EnrollStaticRequest, EnrollStaticRequest__Output as _authmesh_core_v1_EnrollStaticRequest__Output } from './authmesh/core/v1/EnrollStaticRequest.js';
import type { EnrollStaticResponse as _authmesh_core_v1_EnrollStaticResponse, EnrollStaticResponse__Output as _authmesh_core_v1_EnrollStaticResponse__Output } from './authmesh/core/v1/EnrollStaticResponse.js';
import type { EnrollTotpRequest as _authmesh_core_v1_EnrollTotpRequest, EnrollTotpRequest__Output as _authmesh_core_v1_EnrollTotpRequest__Output } from './authmesh/core/v1/EnrollTotpRequest.js';
import type { EnrollTotpResponse as _authmesh_core_v1_EnrollTotpResponse, EnrollTotpResponse__Output as _authmesh_core_v1_EnrollTotpResponse__Output } from './authmesh/core/v1/EnrollTotpResponse.js';
import type { EnrollWebauthnRequest as _authmesh_core_v1_EnrollWebauthnRequest, EnrollWebauthnRequest__Output as _authmesh_core_v1_EnrollWebauthnRequest__Output } from './authmesh/core/v1/EnrollWebauthnRequest.js';
import type { EnrolledDevice as _authmesh_core_v1_EnrolledDevice, EnrolledDevice__Output as _authmesh_core_v1_EnrolledDevice__Output } from './authmesh/core/v1/EnrolledDevice.js';
import type { EnsureServiceAccountRequest as _authmesh_core_v1_EnsureServiceAccountRequest, EnsureServiceAccountRequest__Output as _authmesh_core_v1_EnsureServiceAccountRequest__Output } from './authmesh/core/v1/EnsureServiceAccountRequest.js';
import type { FindWebauthnCredentialRequest as _authmesh_core_v1_FindWebauthnCredentialRequest, FindWebauthnCredentialRequest__Output as _authmesh_core_v1_FindWebauthnCredentialRequest__Output } from './authmesh/core/v1/FindWebauthnCredentialRequest.js';
import type { GetGroupRequest as _authmesh_core_v1_GetGroupRequest, GetGroupRequest__Output as _authmesh_core_v1_GetGroupRequest__Output } from './authmesh/core/v1/GetGroupRequest.js';
import type { GetUserRequest as _authmesh_core_v1_GetUserRequest, GetUserRequest__Output as _authmesh_core_v1_GetUserRequest__Output } from './authmesh/core/v1/GetUserRequest.js';
import type { GrantConsentRequest as _authmesh_core_v1_GrantConsentRequest, GrantConsentRequest__Output as _authmesh_core_v1_GrantConsentRequest__Output } from './authmesh/core/v1/GrantConsentRequest.js';
import type { GrantConsentResponse as _authmesh_core_v1_GrantConsentResponse, GrantConsentResponse__Output as _authmesh_core_v1_GrantConsentResponse__Output } from './authmesh/core/v1/GrantConsentResponse.js';
import type { Group as _authmesh_core_v1_Group, Group__Output as _authmesh_core_v1_Group__Output } from './authmesh/core/v1/Group.js';
import type { GroupRef as _authmesh_core_v1_GroupRef, GroupRef__Output as _authmesh_core_v1_GroupRef__Output } from './authmesh/core/v1/GroupRef.js';
import type { IdentityServiceClient as _authmesh_core_v1_IdentityServiceClient, IdentityServiceDefinition as _authmesh_core_v1_IdentityServiceDefinition } from './authmesh/core/v1/IdentityService.js';
import type { ListDevicesRequest as _authmesh_core_v1_ListDevicesRequest, ListDevicesRequest__Output as _authmesh_core_v1_ListDevicesRequest__Output } from './authmesh/core/v1/ListDevicesRequest.js';
import type { ListDevicesResponse as _authmesh_core_v1_ListDevicesResponse, ListDevicesResponse__Output as _authmesh_core_v1_ListDevicesResponse__Output } from './authmesh/core/v1/ListDevicesResponse.js';
import type { ListGroupsRequest as _authmesh_core_v1_ListGroupsRequest, ListGroupsRequest__Output as _authmesh_core_v1_ListGroupsRequest__Output } from './authmesh/core/v1/ListGroupsRequest.js';
import type { ListGroupsResponse as _authmesh_core_v1_ListGroupsResponse, ListGroupsResponse__Output as _authmesh_core_v1_ListGroupsResponse__Output } from './authmesh/core/v1/ListGroupsResponse.js';
import type { TouchDeviceRequest as _authmesh_core_v1_TouchDeviceRequest, TouchDeviceRequest__Output as _authmesh_core_v1_TouchDeviceRequest__Output } from './authmesh/core/v1/TouchDeviceRequest.js';
import type { TouchDeviceResponse as _authmesh_core_v1_TouchDeviceResponse, TouchDeviceResponse__Output as _authmesh_core_v1_TouchDeviceResponse__Output } from './authmesh/core/v1/TouchDeviceResponse.js';
import type { UseWebauthnDeviceRequest as _authmesh_core_v1_UseWebauthnDeviceRequest, UseWebauthnDeviceRequest__Output as _authmesh_core_v1_UseWebauthnDeviceRequest__Output } from './authmesh/core/v1/UseWebauthnDeviceRequest.js';
import type { UseWebauthnDeviceResponse as _authmesh_core_v1_UseWebauthnDeviceResponse, UseWebauthnDeviceResponse__Output as _authmesh_core_v1_UseWebauthnDeviceResponse__Output } from './authmesh/core/v1/UseWebauthnDeviceResponse.js';
import type { User as _authmesh_core_v1_User, User__Output as _authmesh_core_v1_User__Output } from './authmesh/core/v1/User.js';
import type { VerifyDeviceCodeRequest as _authmesh_core_v1_VerifyDeviceCodeRequest, VerifyDeviceCodeRequest__Output as _authmesh_core_v1_VerifyDeviceCodeRequest__Output } from './authmesh/core/v1/VerifyDeviceCodeRequest.js';
import type { VerifyDeviceCodeResponse as _authmesh_core_v1_VerifyDeviceCodeResponse, VerifyDeviceCodeResponse__Output as _authmesh_core_v1_VerifyDeviceCodeResponse__Output } from './authmesh/core/v1/VerifyDeviceCodeResponse.js';
import type { VerifyPasswordRequest as _authmesh_core_v1_VerifyPasswordRequest, VerifyPasswordRequest__Output as _authmesh_core_v1_VerifyPasswordRequest__Output } from './authmesh/core/v1/VerifyPasswordRequest.js';
import type { VerifyPasswordResponse as _authmesh_core_v1_VerifyPasswordResponse, VerifyPasswordResponse__Output as _authmesh_core_v1_VerifyPasswordResponse__Output } from './authmesh/core/v1/VerifyPasswordResponse.js';
import type { WebauthnCredential as _authmesh_core_v1_WebauthnCredential, WebauthnCredential__Output as _authmesh_core_v1_WebauthnCredential__Output } from './authmesh/core/v1/WebauthnCredential.js';
import type { WebauthnKey as _authmesh_core_v1_WebauthnKey, WebauthnKey__Output as _authmesh_core_v1_WebauthnKey__Output } from './authmesh/core/v1/WebauthnKey.js';
import type { WriteUserRequest as _authmesh_core_v1_WriteUserRequest, WriteUserRequest__Output as _authmesh_core_v1_WriteUserRequest__Output } from './authmesh/core/v1/WriteUserRequest.js';
import type { WriteUserResponse as _authmesh_core_v1_WriteUserResponse, WriteUserResponse__Output as _authmesh_core_v1_WriteUserResponse__Output } from './authmesh/core/v1/WriteUserResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    core: {
      v1: {
        CheckConsentRequest: MessageTypeDefinition<_authmesh_core_v1_CheckConsentRequest, _authmesh_core_v1_CheckConsentRequest__Output>
        CheckConsentResponse: MessageTypeDefinition<_authmesh_core_v1_CheckConsentResponse, _authmesh_core_v1_CheckConsentResponse__Output>
        CheckSessionRequest: MessageTypeDefinition<_authmesh_core_v1_CheckSessionRequest, _authmesh_core_v1_CheckSessionRequest__Output>
        CheckSessionResponse: MessageTypeDefinition<_authmesh_core_v1_CheckSessionResponse, _authmesh_core_v1_CheckSessionResponse__Output>
        CheckTokenRequest: MessageTypeDefinition<_authmesh_core_v1_CheckTokenRequest, _authmesh_core_v1_CheckTokenRequest__Output>
        CheckTokenResponse: MessageTypeDefinition<_authmesh_core_v1_CheckTokenResponse, _authmesh_core_v1_CheckTokenResponse__Output>
        ConfirmDeviceRequest: MessageTypeDefinition<_authmesh_core_v1_ConfirmDeviceRequest, _authmesh_core_v1_ConfirmDeviceRequest__Output>
        CreateSessionRequest: MessageTypeDefinition<_authmesh_core_v1_CreateSessionRequest, _authmesh_core_v1_CreateSessionRequest__Output>
        CreateSessionResponse: MessageTypeDefinition<_authmesh_core_v1_CreateSessionResponse, _authmesh_core_v1_CreateSessionResponse__Output>
        DeleteUserRequest: MessageTypeDefinition<_authmesh_core_v1_DeleteUserRequest, _authmesh_core_v1_DeleteUserRequest__Output>
        DeleteUserResponse: MessageTypeDefinition<_authmesh_core_v1_DeleteUserResponse, _authmesh_core_v1_DeleteUserResponse__Output>
        Device: MessageTypeDefinition<_authmesh_core_v1_Device, _authmesh_core_v1_Device__Output>
        EndSessionRequest: MessageTypeDefinition<_authmesh_core_v1_EndSessionRequest, _authmesh_core_v1_EndSessionRequest__Output>
        EndSessionResponse: MessageTypeDefinition<_authmesh_core_v1_EndSessionResponse, _authmesh_core_v1_EndSessionResponse__Output>
        EnrollDuoRequest: MessageTypeDefinition<_authmesh_core_v1_EnrollDuoRequest, _authmesh_core_v1_EnrollDuoRequest__Output>
        EnrollSmsRequest: MessageTypeDefinition<_authmesh_core_v1_EnrollSmsRequest, _authmesh_core_v1_EnrollSmsRequest__Output>
        EnrollStaticRequest: MessageTypeDefinition<_authmesh_core_v1_EnrollStaticRequest, _authmesh_core_v1_EnrollStaticRequest__Output>
        EnrollStaticResponse: MessageTypeDefinition<_authmesh_core_v1_EnrollStaticResponse, _authmesh_core_v1_EnrollStaticResponse__Output>
        EnrollTotpRequest: MessageTypeDefinition<_authmesh_core_v1_EnrollTotpRequest, _authmesh_core_v1_EnrollTotpRequest__Output>
        EnrollTotpResponse: MessageTypeDefinition<_authmesh_core_v1_EnrollTotpResponse, _authmesh_core_v1_EnrollTotpResponse__Output>
        EnrollWebauthnRequest: MessageTypeDefinition<_authmesh_core_v1_EnrollWebauthnRequest, _authmesh_core_v1_EnrollWebauthnRequest__Output>
        EnrolledDevice: MessageTypeDefinition<_authmesh_core_v1_EnrolledDevice, _authmesh_core_v1_EnrolledDevice__Output>
        EnsureServiceAccountRequest: MessageTypeDefinition<_authmesh_core_v1_EnsureServiceAccountRequest, _authmesh_core_v1_EnsureServiceAccountRequest__Output>
        FindWebauthnCredentialRequest: MessageTypeDefinition<_authmesh_core_v1_FindWebauthnCredentialRequest, _authmesh_core_v1_FindWebauthnCredentialRequest__Output>
        GetGroupRequest: MessageTypeDefinition<_authmesh_core_v1_GetGroupRequest, _authmesh_core_v1_GetGroupRequest__Output>
        GetUserRequest: MessageTypeDefinition<_authmesh_core_v1_GetUserRequest, _authmesh_core_v1_GetUserRequest__Output>
        GrantConsentRequest: MessageTypeDefinition<_authmesh_core_v1_GrantConsentRequest, _authmesh_core_v1_GrantConsentRequest__Output>
        GrantConsentResponse: MessageTypeDefinition<_authmesh_core_v1_GrantConsentResponse, _authmesh_core_v1_GrantConsentResponse__Output>
        Group: MessageTypeDefinition<_authmesh_core_v1_Group, _authmesh_core_v1_Group__Output>
        GroupRef: MessageTypeDefinition<_authmesh_core_v1_GroupRef, _authmesh_core_v1_GroupRef__Output>
        IdentityService: SubtypeConstructor<typeof grpc.Client, _authmesh_core_v1_IdentityServiceClient> & { service: _authmesh_core_v1_IdentityServiceDefinition }
        ListDevicesRequest: MessageTypeDefinition<_authmesh_core_v1_ListDevicesRequest, _authmesh_core_v1_ListDevicesRequest__Output>
        ListDevicesResponse: MessageTypeDefinition<_authmesh_core_v1_ListDevicesResponse, _authmesh_core_v1_ListDevicesResponse__Output>
        ListGroupsRequest: MessageTypeDefinition<_authmesh_core_v1_ListGroupsRequest, _authmesh_core_v1_ListGroupsRequest__Output>
        ListGroupsResponse: MessageTypeDefinition<_authmesh_core_v1_ListGroupsResponse, _authmesh_core_v1_ListGroupsResponse__Output>
        TouchDeviceRequest: MessageTypeDefinition<_authmesh_core_v1_TouchDeviceRequest, _authmesh_core_v1_TouchDeviceRequest__Output>
        TouchDeviceResponse: MessageTypeDefinition<_authmesh_core_v1_TouchDeviceResponse, _authmesh_core_v1_TouchDeviceResponse__Output>
        UseWebauthnDeviceRequest: MessageTypeDefinition<_authmesh_core_v1_UseWebauthnDeviceRequest, _authmesh_core_v1_UseWebauthnDeviceRequest__Output>
        UseWebauthnDeviceResponse: MessageTypeDefinition<_authmesh_core_v1_UseWebauthnDeviceResponse, _authmesh_core_v1_UseWebauthnDeviceResponse__Output>
        User: MessageTypeDefinition<_authmesh_core_v1_User, _authmesh_core_v1_User__Output>
        VerifyDeviceCodeRequest: MessageTypeDefinition<_authmesh_core_v1_VerifyDeviceCodeRequest, _authmesh_core_v1_VerifyDeviceCodeRequest__Output>
        VerifyDeviceCodeResponse: MessageTypeDefinition<_authmesh_core_v1_VerifyDeviceCodeResponse, _authmesh_core_v1_VerifyDeviceCodeResponse__Output>
        VerifyPasswordRequest: MessageTypeDefinition<_authmesh_core_v1_VerifyPasswordRequest, _authmesh_core_v1_VerifyPasswordRequest__Output>
        VerifyPasswordResponse: MessageTypeDefinition<_authmesh_core_v1_VerifyPasswordResponse, _authmesh_core_v1_VerifyPasswordResponse__Output>
        WebauthnCredential: MessageTypeDefinition<_authmesh_core_v1_WebauthnCredential, _authmesh_core_v1_WebauthnCredential__Output>
        WebauthnKey: MessageTypeDefinition<_authmesh_core_v1_WebauthnKey, _authmesh_core_v1_WebauthnKey__Output>
        WriteUserRequest: MessageTypeDefinition<_authmesh_core_v1_WriteUserRequest, _authmesh_core_v1_WriteUserRequest__Output>
        WriteUserResponse: MessageTypeDefinition<_authmesh_core_v1_WriteUserResponse, _authmesh_core_v1_WriteUserResponse__Output>
      }
    }
  }
}

