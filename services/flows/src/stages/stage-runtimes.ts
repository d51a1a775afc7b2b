import { denyStage } from './deny/deny.stage.js';
import { dummyStage } from './dummy/dummy.stage.js';
import { identificationStage } from './identification/identification.stage.js';
import { passwordStage } from './password/password.stage.js';
import type { StageRuntime } from './stage-runtime.js';
import { userLoginStage } from './user-login/user-login.stage.js';
import { userLogoutStage } from './user-logout/user-logout.stage.js';

/** Every stage type the executor can run. A new type adds its folder and one line here. */
export const STAGE_RUNTIMES: readonly StageRuntime[] = [
  dummyStage,
  denyStage,
  identificationStage,
  passwordStage,
  userLoginStage,
  userLogoutStage,
];

export function stageRuntime(type: string): StageRuntime | undefined {
  return STAGE_RUNTIMES.find((s) => s.type === type);
}
