import type { ExpressionEngine } from '@authmesh/expressions';
import type { Logger } from '@authmesh/logger';
import type { OutboundClient } from '@authmesh/outbound';
import type { DeviceCodeClient, FlowConfigClient, IdentityClient, User__Output } from '@authmesh/rpc';
import type { PlanContext } from '../executor/plan-context.js';
import type { PolicyEngine } from '../policies/policy-engine.js';
import type { ReputationService } from '../reputation/reputation.service.js';

/** A cookie a stage asks the executor to set (or clear, with maxAgeSeconds 0). */
/** Who an event names: a user as the identity service answers it, or an API caller. */
export type EventActor = Pick<User__Output, 'pk' | 'username' | 'email'>;

export interface CookieChange {
  name: string;
  value: string;
  maxAgeSeconds?: number;
  httpOnly: boolean;
}

/** Services stages use; one instance per flows service, shared by every execution. */
export interface StageServices {
  identity: IdentityClient;
  config: FlowConfigClient;
  reputation: ReputationService;
  /** Evaluates policies a stage refers to directly (e.g. a prompt stage's validation policies). */
  policies: PolicyEngine;
  /** The sandbox for admin-written expressions (prompt placeholders and initial values). */
  expressions: ExpressionEngine;
  /** The public base URL for links in e-mails (AUTHMESH_EXTERNAL_URL); unset: the request's host. */
  externalUrl?: string;
  /** Key for cookies the flows service signs itself (derived from the installation secret). */
  cookieSecret: string;
  /** The outbound HTTP client (SMS gateways, captcha verification). */
  outbound: OutboundClient;
  /** Base URL of the Twilio API (AUTHMESH_TWILIO_URL). */
  twilioUrl: string;
  /** Where Duo's API is reached instead of each stage's API host (AUTHMESH_DUO_URL); unset in production. */
  duoUrl?: string;
  /** The outbound client for Duo: a push waits up to a minute for the user's answer. */
  duoOutbound: OutboundClient;
  /** The oauth2 runtime's device codes (RFC 8628), for the device code stages. */
  deviceCodes: Pick<DeviceCodeClient, 'findDeviceCode' | 'approveDeviceCode' | 'denyDeviceCode'>;
  logger: Logger;
  /** Records an event in the event log (over the bus; never blocks the login on it). */
  emitEvent(action: string, user: EventActor | null, clientIp: string, context: Record<string, unknown>): Promise<void>;
}

/** What a stage may change about the current HTTP response. */
export interface ResponseControl {
  /** Cookies to set on the current response; the executor applies them. */
  setCookie(change: CookieChange): void;
  /** Starts a new flow cookie (session fixation defence on login). */
  rotateFlowCookie(): void;
  /**
   * Issues a one-time token that resumes this execution at the current stage, for the
   * pending user, valid for `minutes`; answers the secret to put in a link.
   */
  issueFlowToken(minutes: number): Promise<string>;
  /**
   * Plans another flow for this browser (same flow cookie, this session's user) with
   * `context` from this stage and in-memory stages of the given types appended; the
   * browser is then sent there by setting `redirect`. Answers why not when it cannot run.
   */
  startFlow(slug: string, context: PlanContext, append: readonly string[]): Promise<{ planned: boolean; message: string }>;
}
