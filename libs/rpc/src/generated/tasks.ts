// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { TaskAnnounced as _authmesh_tasks_v1_TaskAnnounced, TaskAnnounced__Output as _authmesh_tasks_v1_TaskAnnounced__Output } from './authmesh/tasks/v1/TaskAnnounced.js';
import type { TaskFinished as _authmesh_tasks_v1_TaskFinished, TaskFinished__Output as _authmesh_tasks_v1_TaskFinished__Output } from './authmesh/tasks/v1/TaskFinished.js';
import type { TaskRunRequested as _authmesh_tasks_v1_TaskRunRequested, TaskRunRequested__Output as _authmesh_tasks_v1_TaskRunRequested__Output } from './authmesh/tasks/v1/TaskRunRequested.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    tasks: {
      v1: {
        TaskAnnounced: MessageTypeDefinition<_authmesh_tasks_v1_TaskAnnounced, _authmesh_tasks_v1_TaskAnnounced__Output>
        TaskFinished: MessageTypeDefinition<_authmesh_tasks_v1_TaskFinished, _authmesh_tasks_v1_TaskFinished__Output>
        TaskRunRequested: MessageTypeDefinition<_authmesh_tasks_v1_TaskRunRequested, _authmesh_tasks_v1_TaskRunRequested__Output>
      }
    }
  }
}

