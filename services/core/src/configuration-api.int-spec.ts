import { Subjects } from '@authmesh/bus';
import { generateSelfSigned } from '@authmesh/crypto';
import { startCore, type CoreHarness } from '../test/core.harness.js';

describe('core configuration API', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  describe('brands', () => {
    it('matches the current brand by domain suffix, falling back to the default', async () => {
      // The default brand comes from the built-in blueprint default/default-brand.yaml.
      await core.api('POST', '/api/v3/core/brands/', { domain: 'example.com', branding_title: 'Example' });
      const sub = await core.api('GET', '/api/v3/core/brands/current/', undefined, null, { host: 'sso.example.com' });
      expect(sub.status).toBe(200);
      expect(sub.body).toMatchObject({ matched_domain: 'example.com', branding_title: 'Example' });
      const lookalike = await core.api('GET', '/api/v3/core/brands/current/', undefined, null, { host: 'badexample.com' });
      expect(lookalike.body).toMatchObject({ matched_domain: 'authmesh-default', branding_title: 'authmesh' });
    });

    it('allows only one default brand and unique domains', async () => {
      const second = await core.api('POST', '/api/v3/core/brands/', { domain: 'other.test', default: true });
      expect(second).toEqual({ status: 400, body: { default: ['Another brand is already the default.'] } });
      const dup = await core.api('POST', '/api/v3/core/brands/', { domain: 'EXAMPLE.com' });
      expect(dup.body).toEqual({ domain: ['A brand with this domain already exists.'] });
    });

    it("sets each event's expiry from the brand's event retention", async () => {
      const seen: any[] = [];
      await core.bus.consumeDurable('retention-test', Subjects.eventCreated, (m) => void seen.push(m.data));
      await core.api('POST', '/api/v3/core/brands/', { domain: 'short.test', event_retention: 'days=1' });
      const before = Date.now();
      await core.api('POST', '/api/v3/core/groups/', { name: 'retention-probe' }, undefined, { host: 'sso.short.test' });
      let event: any;
      for (let i = 0; i < 100 && !event; i++) {
        event = seen.find((e) => e.context?.model?.name === 'retention-probe');
        if (!event) await new Promise((r) => setTimeout(r, 20));
      }
      expect(event.brand).toMatchObject({ domain: 'short.test' });
      const lifetime = new Date(event.expires).getTime() - before;
      expect(lifetime).toBeGreaterThan(86_000_000);
      expect(lifetime).toBeLessThan(87_000_000);
    });

    it('validates the event retention format and flow references', async () => {
      const res = await core.api('POST', '/api/v3/core/brands/', {
        domain: 'x.test',
        event_retention: 'forever',
        flow_authentication: 'nope',
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body).sort()).toEqual(['event_retention', 'flow_authentication']);
    });
  });

  describe('certificate-key pairs', () => {
    let pk: string;

    it('generates a self-signed pair and keeps the private key encrypted at rest', async () => {
      const res = await core.api('POST', '/api/v3/crypto/certificatekeypairs/generate/', {
        common_name: 'sso.example.com',
        subject_alt_name: 'sso.example.com, login.example.com',
        validity_days: 365,
        alg: 'ecdsa',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'sso.example.com', private_key_available: true, private_key_type: 'ec' });
      expect(res.body.fingerprint_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(res.body)).not.toContain('PRIVATE KEY');
      pk = res.body.pk;
      const [row] = await core.sql('SELECT key_data_sealed FROM core.certificate_key_pairs WHERE id = $1', [pk]);
      expect(row.key_data_sealed).toMatch(/^v1\./);
      expect(row.key_data_sealed).not.toContain('PRIVATE KEY');
    });

    it('shows the certificate and, to a superuser, the private key', async () => {
      const cert = await core.api('GET', `/api/v3/crypto/certificatekeypairs/${pk}/view_certificate/`);
      expect(cert.body.data).toContain('BEGIN CERTIFICATE');
      const key = await core.api('GET', `/api/v3/crypto/certificatekeypairs/${pk}/view_private_key/`);
      expect(key.body.data).toContain('BEGIN PRIVATE KEY');
    });

    it('imports a PEM pair and refuses a key that does not match', async () => {
      const a = await generateSelfSigned({ commonName: 'a', validityDays: 10, algorithm: 'ecdsa' });
      const b = await generateSelfSigned({ commonName: 'b', validityDays: 10, algorithm: 'ecdsa' });
      const ok = await core.api('POST', '/api/v3/crypto/certificatekeypairs/', {
        name: 'imported',
        certificate_data: a.certificatePem,
        key_data: a.privateKeyPem,
      });
      expect(ok.status).toBe(201);
      const mismatch = await core.api('POST', '/api/v3/crypto/certificatekeypairs/', {
        name: 'mismatch',
        certificate_data: a.certificatePem,
        key_data: b.privateKeyPem,
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.key_data[0]).toContain('does not match');
      const notCert = await core.api('POST', '/api/v3/crypto/certificatekeypairs/', { name: 'garbage', certificate_data: 'hello' });
      expect(notCert.status).toBe(400);
      expect(notCert.body.certificate_data).toBeDefined();
      const list = await core.api('GET', '/api/v3/crypto/certificatekeypairs/?search=mismatch');
      expect(list.body.pagination.count).toBe(0);
    });

    it('refuses invalid generation input', async () => {
      const res = await core.api('POST', '/api/v3/crypto/certificatekeypairs/generate/', {
        common_name: 'x',
        validity_days: 0,
        alg: 'dsa',
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body).sort()).toEqual(['alg', 'validity_days']);
    });
  });

  describe('applications and providers', () => {
    let providerPk: number;
    beforeAll(async () => {
      [{ id: providerPk }] = await core.sql(`INSERT INTO core.providers (name, type) VALUES ('test-oidc', 'oauth2') RETURNING id`);
    });

    it('creates an application bound to a provider and shows the assignment on the provider', async () => {
      const res = await core.api('POST', '/api/v3/core/applications/', {
        name: 'Wiki',
        slug: 'wiki',
        provider: providerPk,
        meta_launch_url: 'https://wiki.example.com/',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        slug: 'wiki',
        provider: providerPk,
        provider_obj: { name: 'test-oidc' },
        launch_url: 'https://wiki.example.com/',
      });
      const provider = await core.api('GET', `/api/v3/providers/all/${providerPk}/`);
      expect(provider.body).toMatchObject({ assigned_application_slug: 'wiki', assigned_application_name: 'Wiki' });
    });

    it('refuses a provider that is already assigned, an unknown provider, a bad slug and a javascript: launch URL', async () => {
      expect((await core.api('POST', '/api/v3/core/applications/', { name: 'Two', slug: 'two', provider: providerPk })).body).toEqual({
        provider: ['This provider is already assigned to another application.'],
      });
      expect((await core.api('POST', '/api/v3/core/applications/', { name: 'X', slug: 'x', provider: 99999 })).body.provider).toBeDefined();
      expect((await core.api('POST', '/api/v3/core/applications/', { name: 'X', slug: 'no spaces' })).body.slug).toBeDefined();
      expect(
        (await core.api('POST', '/api/v3/core/applications/', { name: 'X', slug: 'js', meta_launch_url: 'javascript:alert(1)' })).body
          .meta_launch_url,
      ).toBeDefined();
    });

    it('unassigns the application when its provider is deleted', async () => {
      expect((await core.api('DELETE', `/api/v3/providers/all/${providerPk}/`)).status).toBe(204);
      expect((await core.api('GET', '/api/v3/core/applications/wiki/')).body.provider).toBeNull();
    });
  });
});
