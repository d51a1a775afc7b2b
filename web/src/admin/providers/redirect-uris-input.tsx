import { Button, FormSelect, FormSelectOption, Split, SplitItem, TextInput } from '@patternfly/react-core';
import { useI18n } from '../../shared/i18n/i18n';
import type { CustomInputProps } from '../kit/resource';

/** One registered redirect URI, as the OAuth2 provider API reads and writes it. */
export interface RedirectUri {
  matching_mode: 'strict' | 'regex';
  url: string;
}

function urisOf(value: unknown): RedirectUri[] {
  return Array.isArray(value) ? (value as RedirectUri[]) : [];
}

/** An editable list of redirect URIs, each compared exactly (strict) or as an anchored regular expression. */
export function RedirectUrisInput({ id, value, onChange, invalid }: CustomInputProps) {
  const { t } = useI18n();
  const uris = urisOf(value);
  const change = (index: number, next: Partial<RedirectUri>) => onChange(uris.map((uri, i) => (i === index ? { ...uri, ...next } : uri)));
  return (
    <div id={id} role="group" aria-label={t('admin.oauth2.redirectUris')}>
      {uris.map((uri, index) => (
        <Split key={index} hasGutter className="am-row">
          <SplitItem>
            <FormSelect
              aria-label={t('admin.oauth2.matchingMode', { n: index + 1 })}
              value={uri.matching_mode}
              onChange={(_event, mode) => change(index, { matching_mode: mode as RedirectUri['matching_mode'] })}
            >
              <FormSelectOption value="strict" label={t('admin.oauth2.strict')} />
              <FormSelectOption value="regex" label={t('admin.oauth2.regex')} />
            </FormSelect>
          </SplitItem>
          <SplitItem isFilled>
            <TextInput
              aria-label={t('admin.oauth2.redirectUri', { n: index + 1 })}
              value={uri.url}
              validated={invalid ? 'error' : 'default'}
              placeholder={uri.matching_mode === 'regex' ? 'https://.*\\.example\\.com/callback' : 'https://app.example.com/callback'}
              onChange={(_event, url) => change(index, { url })}
            />
          </SplitItem>
          <SplitItem>
            <Button
              variant="plain"
              aria-label={t('admin.oauth2.removeRedirectUri', { n: index + 1 })}
              onClick={() => onChange(uris.filter((_, i) => i !== index))}
            >
              ✕
            </Button>
          </SplitItem>
        </Split>
      ))}
      <Button variant="link" isInline onClick={() => onChange([...uris, { matching_mode: 'strict', url: '' }])}>
        {t('admin.oauth2.addRedirectUri')}
      </Button>
    </div>
  );
}
