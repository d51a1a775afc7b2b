import { modelNameOf } from './model-names.js';
import { strongestPerObject } from './used-by.service.js';

describe('modelNameOf', () => {
  it("uses the reference product's app and model names", () => {
    expect(modelNameOf('applications', null)).toEqual({ app: 'authentik_core', model_name: 'application' });
    expect(modelNameOf('stages', 'user_write')).toEqual({ app: 'authentik_stages_user_write', model_name: 'userwritestage' });
    expect(modelNameOf('stages', 'authenticator_webauthn')).toEqual({
      app: 'authentik_stages_authenticator_webauthn',
      model_name: 'authenticatewebauthnstage',
    });
    expect(modelNameOf('policies', 'password_expiry')).toEqual({ app: 'authentik_policies_expiry', model_name: 'passwordexpirypolicy' });
    expect(modelNameOf('providers', 'oauth2')).toEqual({ app: 'authentik_providers_oauth2', model_name: 'oauth2provider' });
    expect(modelNameOf('property_mappings', 'scope')).toEqual({ app: 'authentik_providers_oauth2', model_name: 'scopemapping' });
    expect(modelNameOf('authenticator_devices', 'totp')).toEqual({ app: 'authentik_stages_authenticator_totp', model_name: 'totpdevice' });
  });

  it('names a table the reference product has no model for after the table', () => {
    expect(modelNameOf('source_connections', null)).toEqual({ app: 'authmesh_core', model_name: 'sourceconnection' });
    expect(modelNameOf('stages', 'no_such_type')).toEqual({ app: 'authmesh_core', model_name: 'stage' });
  });
});

describe('strongestPerObject', () => {
  it('keeps one entry per object, with the action that matters most, sorted by model and name', () => {
    const brand = { app: 'authentik_brands', model_name: 'brand', pk: 'b', name: 'x.test' };
    const binding = { app: 'authentik_flows', model_name: 'flowstagebinding', pk: 'f', name: 'Stage binding #1' };
    expect(
      strongestPerObject([
        { ...binding, action: 'cascade' },
        { ...brand, action: 'set_null' },
        { ...brand, action: 'cascade' },
        { ...brand, action: 'set_default' },
      ]),
    ).toEqual([
      { ...brand, action: 'cascade' },
      { ...binding, action: 'cascade' },
    ]);
  });
});
