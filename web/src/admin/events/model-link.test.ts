import { describe, expect, it } from 'vitest';
import { modelOf, modelRoute } from './model-link';

describe('links from an event to the object it names', () => {
  it('opens the detail page by pk, or by the slug/identifier events record as the name', () => {
    expect(modelRoute({ app: 'authentik_core', model_name: 'user', pk: 5, name: 'carol' })).toBe('/identity/users/5');
    expect(modelRoute({ app: 'authentik_core', model_name: 'group', pk: 'g-1', name: 'ops' })).toBe('/identity/groups/g-1');
    expect(modelRoute({ app: 'authentik_flows', model_name: 'flow', pk: 'f-1', name: 'default-authentication-flow' })).toBe(
      '/flow/flows/default-authentication-flow',
    );
    expect(modelRoute({ app: 'authentik_core', model_name: 'token', pk: 't-1', name: 'ci token' })).toBe('/core/tokens/ci%20token');
    expect(modelRoute({ app: 'authentik_policies_expression', model_name: 'expressionpolicy', pk: 'p-1' })).toBe('/policy/policies/p-1');
    expect(modelRoute({ app: 'authentik_stages_password', model_name: 'passwordstage', pk: 's-1' })).toBe('/flow/stages/s-1');
  });

  it('searches applications by name (events do not record their slug) and links nothing it cannot open', () => {
    expect(modelRoute({ app: 'authentik_core', model_name: 'application', pk: 'a-1', name: 'Wiki & Co' })).toBe(
      '/core/applications?search=Wiki%20%26%20Co',
    );
    expect(modelRoute({ app: 'authentik_policies', model_name: 'policybinding', pk: 'b-1' })).toBeUndefined();
    expect(modelRoute({ app: 'authentik_crypto', model_name: 'certificatekeypair', pk: 'c-1' })).toBeUndefined();
  });

  it('reads the model only from a well-formed context', () => {
    expect(modelOf({ model: { app: 'a', model_name: 'user', pk: 1 } })).toEqual({ app: 'a', model_name: 'user', pk: 1, name: undefined });
    expect(modelOf({ model: 'user' })).toBeUndefined();
    expect(modelOf({ model: { app: 'a', model_name: 'user', pk: { nested: true } } })).toBeUndefined();
    expect(modelOf({})).toBeUndefined();
  });
});
