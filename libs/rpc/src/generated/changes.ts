// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ConfigChanged as _authmesh_config_v1_ConfigChanged, ConfigChanged__Output as _authmesh_config_v1_ConfigChanged__Output } from './authmesh/config/v1/ConfigChanged.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    config: {
      v1: {
        ConfigChanged: MessageTypeDefinition<_authmesh_config_v1_ConfigChanged, _authmesh_config_v1_ConfigChanged__Output>
      }
    }
  }
}

