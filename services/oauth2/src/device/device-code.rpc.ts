import type { Logger } from '@authmesh/logger';
import {
  unary,
  type ApproveDeviceCodeRequest__Output,
  type DeviceCodeActor__Output,
  type DenyDeviceCodeRequest__Output,
  type FindDeviceCodeRequest__Output,
} from '@authmesh/rpc';
import { ValidationFailedError } from '@authmesh/runtime';
import type { DeviceCodes } from './device-codes.js';

/** The handlers of the oauth2 runtime's DeviceCodeService: gRPC in and out, the decisions are DeviceCodes'. */
export function deviceCodeHandlers(codes: DeviceCodes, logger: Logger) {
  return {
    FindDeviceCode: unary(logger, (req: FindDeviceCodeRequest__Output) => codes.find(req.user_code, actorOf(req.actor))),
    ApproveDeviceCode: unary(logger, (req: ApproveDeviceCodeRequest__Output) => codes.approve(req.user_code, actorOf(req.actor))),
    DenyDeviceCode: unary(logger, (req: DenyDeviceCodeRequest__Output) => codes.deny(req.user_code, actorOf(req.actor), req.message)),
  };
}

function actorOf(actor: DeviceCodeActor__Output | null): DeviceCodeActor__Output {
  if (!actor) throw ValidationFailedError.field('actor', 'required');
  return actor;
}
