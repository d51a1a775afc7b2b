import { denyStage } from './types/deny/deny.stage.js';
import { dummyStage } from './types/dummy/dummy.stage.js';
import { userLoginStage } from './types/user-login/user-login.stage.js';
import { userLogoutStage } from './types/user-logout/user-logout.stage.js';
import type { StageType } from './stage-type.js';

/** Every stage type core knows. A new type adds its folder under types/ and one line here. */
export const STAGE_TYPES: readonly StageType[] = [dummyStage, denyStage, userLoginStage, userLogoutStage];

export function stageType(type: string): StageType | undefined {
  return STAGE_TYPES.find((t) => t.type === type);
}
