// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ApproveDeviceCodeRequest as _authmesh_oauth2_v1_ApproveDeviceCodeRequest, ApproveDeviceCodeRequest__Output as _authmesh_oauth2_v1_ApproveDeviceCodeRequest__Output } from './authmesh/oauth2/v1/ApproveDeviceCodeRequest.js';
import type { DenyDeviceCodeRequest as _authmesh_oauth2_v1_DenyDeviceCodeRequest, DenyDeviceCodeRequest__Output as _authmesh_oauth2_v1_DenyDeviceCodeRequest__Output } from './authmesh/oauth2/v1/DenyDeviceCodeRequest.js';
import type { DeviceCodeActor as _authmesh_oauth2_v1_DeviceCodeActor, DeviceCodeActor__Output as _authmesh_oauth2_v1_DeviceCodeActor__Output } from './authmesh/oauth2/v1/DeviceCodeActor.js';
import type { DeviceCodePermission as _authmesh_oauth2_v1_DeviceCodePermission, DeviceCodePermission__Output as _authmesh_oauth2_v1_DeviceCodePermission__Output } from './authmesh/oauth2/v1/DeviceCodePermission.js';
import type { DeviceCodeServiceClient as _authmesh_oauth2_v1_DeviceCodeServiceClient, DeviceCodeServiceDefinition as _authmesh_oauth2_v1_DeviceCodeServiceDefinition } from './authmesh/oauth2/v1/DeviceCodeService.js';
import type { FindDeviceCodeRequest as _authmesh_oauth2_v1_FindDeviceCodeRequest, FindDeviceCodeRequest__Output as _authmesh_oauth2_v1_FindDeviceCodeRequest__Output } from './authmesh/oauth2/v1/FindDeviceCodeRequest.js';
import type { FindDeviceCodeResponse as _authmesh_oauth2_v1_FindDeviceCodeResponse, FindDeviceCodeResponse__Output as _authmesh_oauth2_v1_FindDeviceCodeResponse__Output } from './authmesh/oauth2/v1/FindDeviceCodeResponse.js';
import type { SettleDeviceCodeResponse as _authmesh_oauth2_v1_SettleDeviceCodeResponse, SettleDeviceCodeResponse__Output as _authmesh_oauth2_v1_SettleDeviceCodeResponse__Output } from './authmesh/oauth2/v1/SettleDeviceCodeResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    oauth2: {
      v1: {
        ApproveDeviceCodeRequest: MessageTypeDefinition<_authmesh_oauth2_v1_ApproveDeviceCodeRequest, _authmesh_oauth2_v1_ApproveDeviceCodeRequest__Output>
        DenyDeviceCodeRequest: MessageTypeDefinition<_authmesh_oauth2_v1_DenyDeviceCodeRequest, _authmesh_oauth2_v1_DenyDeviceCodeRequest__Output>
        DeviceCodeActor: MessageTypeDefinition<_authmesh_oauth2_v1_DeviceCodeActor, _authmesh_oauth2_v1_DeviceCodeActor__Output>
        DeviceCodePermission: MessageTypeDefinition<_authmesh_oauth2_v1_DeviceCodePermission, _authmesh_oauth2_v1_DeviceCodePermission__Output>
        DeviceCodeService: SubtypeConstructor<typeof grpc.Client, _authmesh_oauth2_v1_DeviceCodeServiceClient> & { service: _authmesh_oauth2_v1_DeviceCodeServiceDefinition }
        FindDeviceCodeRequest: MessageTypeDefinition<_authmesh_oauth2_v1_FindDeviceCodeRequest, _authmesh_oauth2_v1_FindDeviceCodeRequest__Output>
        FindDeviceCodeResponse: MessageTypeDefinition<_authmesh_oauth2_v1_FindDeviceCodeResponse, _authmesh_oauth2_v1_FindDeviceCodeResponse__Output>
        SettleDeviceCodeResponse: MessageTypeDefinition<_authmesh_oauth2_v1_SettleDeviceCodeResponse, _authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>
      }
    }
  }
}

