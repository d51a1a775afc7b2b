import { Alert, Card, CardBody } from '@patternfly/react-core';
import { useState } from 'react';
import type { Challenge } from '../../flow/challenge';
import { PromptStage } from '../../flow/stages/prompt.stage';
import { useI18n } from '../../shared/i18n/i18n';
import type { Row } from '../kit/resource-api';

const CHOICE_TYPES = new Set(['radio-button-group', 'dropdown']);

/**
 * A prompt as the flow interface draws it, with the flow's own prompt renderer. Expressions are
 * not run here (they need a flow's context), so an expression's source stands in for its value.
 */
export function PromptPreview({ prompt }: { prompt: Row }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState<Record<string, unknown> | undefined>();
  const type = String(prompt.type ?? 'text');
  const placeholder = String(prompt.placeholder ?? '');
  const choices =
    CHOICE_TYPES.has(type) && !prompt.placeholder_expression
      ? placeholder
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((value) => ({ label: value, value }))
      : null;
  const challenge = {
    component: 'ak-stage-prompt',
    fields: [
      {
        field_key: String(prompt.field_key ?? ''),
        label: String(prompt.label ?? ''),
        type,
        required: prompt.required === true,
        placeholder: CHOICE_TYPES.has(type) ? '' : placeholder,
        initial_value: String(prompt.initial_value ?? ''),
        sub_text: String(prompt.sub_text ?? ''),
        choices,
      },
    ],
  } as unknown as Challenge;
  return (
    <Card isCompact>
      <CardBody>
        {prompt.placeholder_expression || prompt.initial_value_expression ? (
          <Alert variant="info" isInline isPlain title={t('admin.prompts.previewExpressions')} />
        ) : null}
        <div className="am-prompt-preview" aria-label={t('admin.prompts.preview')} role="region">
          <PromptStage
            key={JSON.stringify(challenge)}
            challenge={challenge}
            busy={false}
            submit={(values) => {
              setAnswer(values);
              return Promise.resolve();
            }}
          />
        </div>
        {answer ? (
          <Alert variant="success" isInline isPlain title={t('admin.prompts.previewAnswer')}>
            <pre className="am-code">{JSON.stringify(answer, null, 2)}</pre>
          </Alert>
        ) : null}
      </CardBody>
    </Card>
  );
}
