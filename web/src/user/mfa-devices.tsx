import { Alert, Button, Content, Spinner, TextInput, Title } from '@patternfly/react-core';
import '@patternfly/react-styles/css/components/Table/table.css';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../shared/api/client';
import { ErrorState } from '../shared/error-state';
import { useI18n } from '../shared/i18n/i18n';
import type { MessageKey } from '../shared/i18n/locales';

/** One of the user's second factors, as /api/v3/authenticators/all/ lists it. */
export type Device = Pick<
  NonNullable<Awaited<ReturnType<typeof listDevices>>['data']>['results'][number],
  'pk' | 'name' | 'type' | 'confirmed' | 'created' | 'last_used'
>;

const listDevices = () => api.GET('/api/v3/authenticators/all');

const TYPE_LABELS: Record<string, MessageKey> = {
  totp: 'flow.validate.totp',
  static: 'flow.validate.static',
  sms: 'flow.validate.sms',
  duo: 'flow.validate.duo',
  webauthn: 'flow.validate.webauthn',
};

/** Renames or deletes a device through its type's own endpoint. */
async function changeDevice(
  device: Device,
  change: { name: string } | 'delete',
): Promise<{ ok: boolean; status: number; error?: unknown }> {
  const params = { params: { path: { id: device.pk } } };
  const patch = (name: string) => ({ ...params, body: { name } });
  let result: { response: Response; error?: unknown };
  switch (device.type) {
    case 'totp':
      result =
        change === 'delete'
          ? await api.DELETE('/api/v3/authenticators/totp/{id}', params)
          : await api.PATCH('/api/v3/authenticators/totp/{id}', patch(change.name));
      break;
    case 'static':
      result =
        change === 'delete'
          ? await api.DELETE('/api/v3/authenticators/static/{id}', params)
          : await api.PATCH('/api/v3/authenticators/static/{id}', patch(change.name));
      break;
    case 'sms':
      result =
        change === 'delete'
          ? await api.DELETE('/api/v3/authenticators/sms/{id}', params)
          : await api.PATCH('/api/v3/authenticators/sms/{id}', patch(change.name));
      break;
    case 'duo':
      result =
        change === 'delete'
          ? await api.DELETE('/api/v3/authenticators/duo/{id}', params)
          : await api.PATCH('/api/v3/authenticators/duo/{id}', patch(change.name));
      break;
    case 'webauthn':
      result =
        change === 'delete'
          ? await api.DELETE('/api/v3/authenticators/webauthn/{id}', params)
          : await api.PATCH('/api/v3/authenticators/webauthn/{id}', patch(change.name));
      break;
    default:
      return { ok: false, status: 0 };
  }
  return { ok: result.response.ok, status: result.response.status, error: result.error };
}

/** The message of a 400 answer (`{"name": ["…"]}`), or a general one. */
function messageOf(error: unknown, fallback: string): string {
  const name = (error as { name?: unknown } | undefined)?.name;
  return Array.isArray(name) && typeof name[0] === 'string' ? name[0] : fallback;
}

/** The user's MFA devices, with rename and delete. */
export function MfaDevices() {
  const { t } = useI18n();
  const [devices, setDevices] = useState<Device[] | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    listDevices()
      .then(({ data, response }) => {
        if (!live) return;
        if (!response.ok) return setFailure(new ApiError(response.status, response.statusText));
        const results = data?.results ?? [];
        setDevices(results.filter((d) => d.confirmed));
      })
      .catch((error: unknown) => live && setFailure(new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <section aria-labelledby="mfa-devices-title" className="am-section">
      <Title headingLevel="h2" id="mfa-devices-title">
        {t('user.devices.title')}
      </Title>
      {failure ? (
        <ErrorState error={failure} onRetry={reload} />
      ) : !devices ? (
        <Spinner size="md" aria-label={t('flow.loading')} />
      ) : devices.length === 0 ? (
        <Content component="p">{t('user.devices.none')}</Content>
      ) : (
        <table className="pf-v6-c-table pf-m-compact" aria-labelledby="mfa-devices-title">
          <thead className="pf-v6-c-table__thead">
            <tr className="pf-v6-c-table__tr">
              <th className="pf-v6-c-table__th" scope="col">
                {t('user.devices.name')}
              </th>
              <th className="pf-v6-c-table__th" scope="col">
                {t('user.devices.type')}
              </th>
              <th className="pf-v6-c-table__th" scope="col">
                {t('user.devices.lastUsed')}
              </th>
              <th className="pf-v6-c-table__th" scope="col">
                <span className="pf-v6-screen-reader">{t('user.devices.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="pf-v6-c-table__tbody">
            {devices.map((device) => (
              <DeviceRow key={device.pk} device={device} onChanged={reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DeviceRow({ device, onChanged }: { device: Device; onChanged(): void }) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(device.name);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = `device-name-${device.pk}`;

  const apply = async (change: { name: string } | 'delete') => {
    setBusy(true);
    setError('');
    try {
      const result = await changeDevice(device, change);
      if (result.ok) {
        setMode('view');
        onChanged();
      } else setError(messageOf(result.error, t('user.devices.failed')));
    } catch {
      setError(t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  const lastUsed = device.last_used ? new Date(device.last_used).toLocaleString(locale) : t('user.devices.never');
  return (
    <tr className="pf-v6-c-table__tr">
      <td className="pf-v6-c-table__td" data-label={t('user.devices.name')}>
        {mode === 'rename' ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void apply({ name });
            }}
          >
            <label htmlFor={inputId} className="pf-v6-screen-reader">
              {t('user.devices.newName')}
            </label>
            <TextInput id={inputId} value={name} onChange={(_e, v) => setName(v)} autoFocus validated={error ? 'error' : 'default'} />
            <Button type="submit" variant="primary" size="sm" isLoading={busy} isDisabled={busy}>
              {t('user.devices.save')}
            </Button>
            <Button variant="link" size="sm" onClick={() => setMode('view')}>
              {t('flow.cancel')}
            </Button>
          </form>
        ) : (
          device.name
        )}
        {error ? <Alert variant="danger" isInline isPlain title={error} /> : null}
      </td>
      <td className="pf-v6-c-table__td" data-label={t('user.devices.type')}>
        {t(TYPE_LABELS[device.type] ?? 'flow.validate.other')}
      </td>
      <td className="pf-v6-c-table__td" data-label={t('user.devices.lastUsed')}>
        {lastUsed}
      </td>
      <td className="pf-v6-c-table__td">
        {mode === 'delete' ? (
          <>
            <span>{t('user.devices.confirmDelete', { name: device.name })} </span>
            <Button variant="danger" size="sm" isLoading={busy} isDisabled={busy} onClick={() => void apply('delete')}>
              {t('user.devices.delete')}
            </Button>
            <Button variant="link" size="sm" onClick={() => setMode('view')}>
              {t('flow.cancel')}
            </Button>
          </>
        ) : mode === 'view' && TYPE_LABELS[device.type] ? (
          <>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setMode('rename')}
              aria-label={t('user.devices.renameNamed', { name: device.name })}
            >
              {t('user.devices.rename')}
            </Button>{' '}
            <Button
              variant="secondary"
              isDanger
              size="sm"
              onClick={() => setMode('delete')}
              aria-label={t('user.devices.deleteNamed', { name: device.name })}
            >
              {t('user.devices.delete')}
            </Button>
          </>
        ) : null}
      </td>
    </tr>
  );
}
