import { result, type PolicyRuntime } from '../policy-runtime.js';

/** Matches `context.event` by action, client IP, app and model; unset settings match anything. */
export const eventMatcherPolicy: PolicyRuntime = {
  type: 'event_matcher',
  async evaluate(settings, request) {
    const event = request.context.event as Record<string, unknown> | undefined;
    if (!event || typeof event !== 'object') return result(false, 'No event to match.');
    const model = (event.context as { model?: { app?: string; model_name?: string } } | undefined)?.model;
    const checks: Array<[unknown, unknown]> = [
      [settings.action, event.action],
      [settings.client_ip, event.client_ip],
      [settings.app, event.app],
      [settings.model, model ? `${model.app}.${model.model_name}` : undefined],
    ];
    return result(checks.every(([wanted, actual]) => wanted === null || wanted === undefined || wanted === '' || wanted === actual));
  },
};
