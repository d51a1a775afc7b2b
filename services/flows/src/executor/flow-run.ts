import { createHash, randomBytes } from 'node:crypto';
import { GrpcStatus, RpcCallError, type FlowDefinition__Output, type User__Output } from '@authmesh/rpc';
import type { StageContext } from '../stages/stage-runtime.js';
import type { CookieChange, ResponseControl, StageServices } from '../stages/stage-services.js';
import type { Challenge } from './challenge.js';
import type { PlanRequest } from './flow-planner.js';
import type { ExecutionState } from './plan-context.js';

/** The cookie naming this browser's flow executions (not a login session). */
export const FLOW_COOKIE = 'authmesh_flow';
/** One executor call as the HTTP layer hands it over. */
export interface ExecutorRequest extends PlanRequest {
  slug: string;
  method: 'GET' | 'POST';
  body: unknown;
  flowKey: string | undefined;
  sessionKey: string | undefined;
  secure: boolean;
  /** Every cookie of the request. */
  cookies: ReadonlyMap<string, string>;
  /** False when a protocol (LDAP, RADIUS) runs the flow with credentials it received; see StageRequest. */
  interactive?: boolean;
}

/** What the HTTP layer answers: a challenge (200), a redirect to the executor (302) or not found (404). */
export interface ExecutorResponse {
  status: 200 | 302 | 404;
  body?: Challenge | { detail: string };
  location?: string;
  cookies: CookieChange[];
  /** When the flow just finished by logging a user in: that user's primary key. */
  authenticatedUser?: string;
}

/**
 * Stage services for one HTTP request: users looked up by primary key are remembered until
 * the request ends or a stage writes a user, so stages asking for the pending user in turn
 * cost one call to core, not one each.
 */
export function requestScoped(services: StageServices): StageServices {
  const base = services.identity;
  const users = new Map<string, Promise<User__Output>>();
  // The prototype is the real client, so everything not overridden behaves exactly as before.
  const identity = Object.create(base) as typeof base;
  identity.getUser = (lookup, options) => {
    if (!lookup.pk || options) return base.getUser(lookup, options);
    const cached = users.get(lookup.pk) ?? base.getUser(lookup);
    users.set(lookup.pk, cached);
    cached.catch(() => users.delete(lookup.pk as string));
    return cached;
  };
  identity.writeUser = (request, options) => {
    users.clear();
    return base.writeUser(request, options);
  };
  identity.deleteUser = (pk, ip, options) => {
    users.clear();
    return base.deleteUser(pk, ip, options);
  };
  return { ...services, identity };
}

/** One request's view of an execution. */
export class Run {
  rotatedFrom: string | undefined;

  constructor(
    readonly flow: FlowDefinition__Output,
    readonly state: ExecutionState,
    public flowKey: string,
    readonly request: ExecutorRequest,
    readonly sessionUser: User__Output | null,
    readonly cookies: CookieChange[],
    readonly services: StageServices,
  ) {}

  stageContext(
    binding: FlowDefinition__Output['bindings'][number],
    services: StageServices,
    setCookie: (c: CookieChange) => void,
    issueFlowToken: (minutes: number) => Promise<string>,
    startFlow: ResponseControl['startFlow'],
  ): StageContext {
    return {
      flow: this.flow,
      binding,
      settings: JSON.parse(binding.stage?.settings_json || '{}') as Record<string, unknown>,
      plan: this.state.context,
      request: {
        clientIp: this.request.clientIp,
        userAgent: this.request.userAgent,
        host: this.request.host,
        secure: this.request.secure,
        query: new URLSearchParams(this.state.query),
        sessionKey: this.request.sessionKey ?? null,
        cookies: this.request.cookies,
        interactive: this.request.interactive !== false,
      },
      sessionUser: this.sessionUser,
      attempts: this.state.attempts[binding.pk] ?? 0,
      services,
      response: {
        setCookie,
        issueFlowToken,
        startFlow,
        rotateFlowCookie: () => {
          this.rotatedFrom = this.flowKey;
          this.flowKey = newKey();
          setCookie({ name: FLOW_COOKIE, value: this.flowKey, httpOnly: true });
        },
      },
    };
  }

  /** The user binding policies judge: the pending user if known, else the logged-in user. */
  async policyUser(services: StageServices): Promise<User__Output | null> {
    const pk = this.state.context.pending_user;
    if (!pk) return this.sessionUser;
    if (this.sessionUser?.pk === pk) return this.sessionUser;
    try {
      return await services.identity.getUser({ pk });
    } catch (error) {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
      throw error;
    }
  }

  respond(status: 200 | 302, body?: Challenge, location?: string): ExecutorResponse {
    return { status, body, location, cookies: this.cookies };
  }
}

/** A new random flow cookie value. */
export function newKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Executions are stored under a digest, so a database read does not reveal live cookies. */
export function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
