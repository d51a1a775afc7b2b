import type { Actor } from '../audit/actor.js';

/** Who blueprint changes are recorded as: the system, with full permissions. */
export const BLUEPRINT_ACTOR: Actor = {
  principal: { user: { pk: '0', username: 'authmesh-blueprints', email: '', isSuperuser: true } },
  clientIp: '',
  requestId: 'blueprint',
  host: '',
};
