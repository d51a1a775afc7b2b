import { Checkbox } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { CustomInputProps } from '../kit/resource';
import { listPage, type Row } from '../kit/resource-api';

/** The built-in mappings a new provider starts with, so a plain OpenID Connect client works at once. */
const DEFAULT_SCOPES = new Set([
  'goauthentik.io/providers/oauth2/scope-openid',
  'goauthentik.io/providers/oauth2/scope-email',
  'goauthentik.io/providers/oauth2/scope-profile',
]);

/**
 * The scope mappings of an OAuth2 provider as checkboxes. A new provider (value not set yet)
 * starts with openid, email and profile checked.
 */
export function ScopeMappingsInput({ id, value, onChange }: CustomInputProps) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[] | undefined>();
  const [failed, setFailed] = useState(false);
  const fresh = value === undefined;

  useEffect(() => {
    let live = true;
    listPage('/api/v3/propertymappings/scope', { page_size: 1000, ordering: 'name' })
      .then((page) => live && setRows(page.results))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (fresh && rows) onChange(rows.filter((row) => DEFAULT_SCOPES.has(String(row.managed))).map((row) => String(row.pk)));
  }, [fresh, rows, onChange]);

  const selected = new Set(Array.isArray(value) ? value.map(String) : []);
  return (
    <div id={id} className="am-references" role="group" aria-label={t('admin.oauth2.scopes')}>
      {failed ? <span className="am-muted">{t('admin.form.choicesFailed')}</span> : null}
      {rows?.length === 0 ? <span className="am-muted">{t('admin.form.noChoices')}</span> : null}
      {(rows ?? []).map((row) => {
        const pk = String(row.pk);
        return (
          <Checkbox
            key={pk}
            id={`${id}-${pk}`}
            label={`${String(row.name)} (${String(row.scope_name)})`}
            isChecked={selected.has(pk)}
            onChange={(_event, checked) => {
              const next = new Set(selected);
              if (checked) next.add(pk);
              else next.delete(pk);
              onChange([...next]);
            }}
          />
        );
      })}
    </div>
  );
}
