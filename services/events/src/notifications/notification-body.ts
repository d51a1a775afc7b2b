import type { EventRead } from '../events/event.dto.js';

const MAX_BODY = 2000;

/** `login_failed` → `Login failed`. */
export function actionInWords(action: string): string {
  const words = action.replace(/_/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Event';
}

/**
 * The text of a notification about an event: the action in words, then what the event says
 * about itself (its message, else the object it concerns), then who caused it.
 */
export function notificationBody(event: EventRead): string {
  const context = event.context;
  const details: string[] = [];
  if (typeof context.message === 'string' && context.message.trim()) details.push(context.message.trim());
  else {
    const model = describeModel(context.model);
    if (model) details.push(model);
  }
  const username = typeof event.user.username === 'string' ? event.user.username : '';
  const text = `${actionInWords(event.action)}${details.length ? `: ${details.join(' ')}` : ''}${username ? ` (user ${username})` : ''}`;
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 1)}…` : text;
}

function describeModel(model: unknown): string {
  if (!model || typeof model !== 'object') return '';
  const { app, model_name: name, name: label } = model as Record<string, unknown>;
  const kind = [app, name].filter((part) => typeof part === 'string' && part).join('.');
  const shown = typeof label === 'string' && label ? `"${label}"` : '';
  return [kind, shown].filter(Boolean).join(' ');
}
