import { z } from 'zod';
import type { PolicyType } from '../../policy-type.js';

/** Matches events (for notification rules) by action, client IP, app and model; unset fields match anything. */
export const eventMatcherPolicy: PolicyType = {
  type: 'event_matcher',
  path: 'event_matcher',
  modelName: 'authmesh_policies_event_matcher.eventmatcherpolicy',
  alias: 'authentik_policies_event_matcher.eventmatcherpolicy',
  verboseName: 'Event Matcher Policy',
  settings: z.object({
    action: z.string().max(100).nullable().default(null),
    client_ip: z.string().max(100).nullable().default(null),
    app: z.string().max(100).nullable().default(null),
    model: z.string().max(100).nullable().default(null),
  }),
};
