import { GrpcStatus, RpcCallError, type User__Output } from '@authmesh/rpc';
import type { StageContext } from './stage-runtime.js';

/** The pending user, or null when the plan names none or it no longer exists. */
export async function pendingUser(ctx: StageContext): Promise<User__Output | null> {
  if (!ctx.plan.pending_user) return null;
  try {
    return await ctx.services.identity.getUser({ pk: ctx.plan.pending_user });
  } catch (error) {
    if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
    throw error;
  }
}
