/** The `model` entry of a `model_*` event's context. */
export interface ModelRef {
  app: string;
  model_name: string;
  pk: string | number;
  name?: string;
}

/** The model an event's context names, if it names one. */
export function modelOf(context: Record<string, unknown>): ModelRef | undefined {
  const model = context.model;
  if (!model || typeof model !== 'object') return undefined;
  const { app, model_name, pk, name } = model as Record<string, unknown>;
  if (typeof app !== 'string' || typeof model_name !== 'string' || (typeof pk !== 'string' && typeof pk !== 'number')) return undefined;
  return { app, model_name, pk, name: typeof name === 'string' ? name : undefined };
}

/**
 * The admin page of an object an event names, when the admin has one. Most detail pages are
 * keyed by pk; flows and tokens by the slug or identifier the event records as their name, and
 * applications (keyed by slug, which events do not record) open their list searched by name.
 */
export function modelRoute(model: ModelRef): string | undefined {
  const pk = encodeURIComponent(String(model.pk));
  const name = model.name === undefined ? undefined : encodeURIComponent(model.name);
  switch (model.model_name) {
    case 'user':
      return `/identity/users/${pk}`;
    case 'group':
      return `/identity/groups/${pk}`;
    case 'flow':
      return name ? `/flow/flows/${name}` : undefined;
    case 'token':
      return name ? `/core/tokens/${name}` : undefined;
    case 'application':
      return name ? `/core/applications?search=${name}` : undefined;
    case 'prompt':
      return `/flow/stages/prompts/${pk}`;
    case 'invitation':
      return `/flow/stages/invitations/${pk}`;
  }
  if (model.app.startsWith('authentik_policies') && model.model_name.endsWith('policy')) return `/policy/policies/${pk}`;
  if (model.app.startsWith('authentik_stages') && model.model_name.endsWith('stage')) return `/flow/stages/${pk}`;
  return undefined;
}
