import { Checkbox, Content, Divider, FormGroup, FormSelect, FormSelectOption, Radio, TextArea } from '@patternfly/react-core';
import { useState, type ChangeEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { LOCALES, matchLocale } from '../../shared/i18n/locales';
import { errorsOf, type Challenge, type StageProps } from '../challenge';
import { FieldErrors, FormErrors, StageForm, TextField } from '../stage-kit';

/** A prompt as the prompt stage sends it. */
export interface PromptField {
  field_key: string;
  label: string;
  type: string;
  required: boolean;
  placeholder: string;
  initial_value: string;
  sub_text: string;
  choices: { label: string; value: string }[] | null;
}

type Value = string | boolean;

/** Types that only decorate the form and send nothing. */
const DECORATIVE = new Set(['separator', 'static']);

/** Input types and autocomplete hints of the single-line prompt types. */
const TEXT_INPUTS: Record<string, { type: 'text' | 'email' | 'password' | 'number' | 'date' | 'datetime-local'; autoComplete?: string }> = {
  text: { type: 'text' },
  username: { type: 'text', autoComplete: 'username' },
  email: { type: 'email', autoComplete: 'email' },
  password: { type: 'password', autoComplete: 'new-password' },
  number: { type: 'number' },
  date: { type: 'date' },
  'date-time': { type: 'datetime-local' },
};

function fieldsOf(challenge: Challenge): PromptField[] {
  return Array.isArray(challenge.fields) ? (challenge.fields as PromptField[]) : [];
}

function initialValues(fields: PromptField[]): Record<string, Value> {
  return Object.fromEntries(
    fields
      .filter((f) => !DECORATIVE.has(f.type))
      .map((f) => [f.field_key, f.type === 'checkbox' ? ['true', 'True', '1'].includes(f.initial_value) : (f.initial_value ?? '')]),
  );
}

/** ak-stage-prompt: a form of the stage's prompts, every one of the 18 prompt types. */
export function PromptStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const fields = fieldsOf(challenge);
  const [values, setValues] = useState<Record<string, Value>>(() => initialValues(fields));
  const set = (key: string, value: Value) => setValues((current) => ({ ...current, [key]: value }));
  const answer = () =>
    Object.fromEntries(fields.filter((f) => !DECORATIVE.has(f.type)).map((f) => [f.field_key, values[f.field_key] ?? '']));

  return (
    <StageForm busy={busy} action={t('flow.continue')} onSubmit={() => submit(answer())}>
      <FormErrors challenge={challenge} shown={fields.map((f) => f.field_key)} />
      {fields.map((field) => (
        <PromptInput key={field.field_key} field={field} value={values[field.field_key]} onChange={set} challenge={challenge} />
      ))}
    </StageForm>
  );
}

function PromptInput({
  field,
  value,
  onChange,
  challenge,
}: {
  field: PromptField;
  value: Value | undefined;
  onChange(key: string, value: Value): void;
  challenge: Challenge;
}) {
  const { t, setLocale } = useI18n();
  const id = `prompt-${field.field_key}`;
  const errors = errorsOf(challenge, field.field_key);
  const text = typeof value === 'string' ? value : '';
  const help = field.sub_text || undefined;
  const choices = field.choices ?? [];

  const single = TEXT_INPUTS[field.type];
  if (single) {
    const repeat = field.type === 'password' && field.field_key !== 'password' ? 'new-password' : single.autoComplete;
    return (
      <TextField
        id={id}
        field={field.field_key}
        label={field.label}
        value={text}
        onChange={(v) => onChange(field.field_key, v)}
        challenge={challenge}
        type={single.type}
        autoComplete={repeat}
        required={field.required}
        placeholder={field.placeholder}
        help={help}
      />
    );
  }
  switch (field.type) {
    case 'text_read_only':
      return (
        <TextField
          id={id}
          field={field.field_key}
          label={field.label}
          value={text}
          onChange={() => undefined}
          challenge={challenge}
          readOnly
          help={help}
        />
      );
    case 'text_area':
    case 'text_area_read_only':
      return (
        <FormGroup label={field.label} isRequired={field.required} fieldId={id}>
          <TextArea
            id={id}
            name={field.field_key}
            value={text}
            onChange={(_e, v) => onChange(field.field_key, v)}
            readOnlyVariant={field.type === 'text_area_read_only' ? 'default' : undefined}
            isRequired={field.required}
            placeholder={field.placeholder || undefined}
            validated={errors.length > 0 ? 'error' : 'default'}
            aria-describedby={`${id}-helper`}
          />
          <FieldErrors id={id} messages={errors} help={help} />
        </FormGroup>
      );
    case 'checkbox':
      return (
        <FormGroup fieldId={id}>
          <Checkbox
            id={id}
            name={field.field_key}
            label={field.label}
            isChecked={value === true}
            onChange={(_e, checked) => onChange(field.field_key, checked)}
            isRequired={field.required}
            aria-describedby={`${id}-helper`}
          />
          <FieldErrors id={id} messages={errors} help={help} />
        </FormGroup>
      );
    case 'radio-button-group':
      return (
        <FormGroup role="radiogroup" isStack label={field.label} isRequired={field.required} fieldId={id} aria-labelledby={`${id}-legend`}>
          {choices.map((choice, index) => (
            <Radio
              key={choice.value}
              id={`${id}-${index}`}
              name={field.field_key}
              label={choice.label}
              isChecked={text === choice.value}
              onChange={() => onChange(field.field_key, choice.value)}
            />
          ))}
          <FieldErrors id={id} messages={errors} help={help} />
        </FormGroup>
      );
    case 'dropdown':
      return (
        <FormGroup label={field.label} isRequired={field.required} fieldId={id}>
          <FormSelect
            id={id}
            name={field.field_key}
            value={text}
            onChange={(_e, v) => onChange(field.field_key, v)}
            validated={errors.length > 0 ? 'error' : 'default'}
          >
            <FormSelectOption value="" label={t('flow.prompt.choose')} isPlaceholder />
            {choices.map((choice) => (
              <FormSelectOption key={choice.value} value={choice.value} label={choice.label} />
            ))}
          </FormSelect>
          <FieldErrors id={id} messages={errors} help={help} />
        </FormGroup>
      );
    case 'ak-locale':
      return (
        <FormGroup label={field.label} isRequired={field.required} fieldId={id}>
          <FormSelect
            id={id}
            name={field.field_key}
            value={text}
            onChange={(_e, v) => {
              onChange(field.field_key, v);
              const match = matchLocale(v);
              if (match) setLocale(match);
            }}
          >
            <FormSelectOption value="" label={t('flow.prompt.browserLocale')} />
            {LOCALES.map((locale) => (
              <FormSelectOption key={locale.code} value={locale.code} label={locale.name} />
            ))}
          </FormSelect>
          <FieldErrors id={id} messages={errors} help={help} />
        </FormGroup>
      );
    case 'file':
      return (
        <FormGroup label={field.label} isRequired={field.required} fieldId={id}>
          <input
            id={id}
            name={field.field_key}
            type="file"
            className="pf-v6-c-form-control"
            aria-describedby={`${id}-helper`}
            onChange={(event: ChangeEvent<HTMLInputElement>) => {
              const file = event.target.files?.[0];
              if (!file) return onChange(field.field_key, '');
              const reader = new FileReader();
              reader.onload = () => onChange(field.field_key, String(reader.result ?? ''));
              reader.readAsDataURL(file);
            }}
          />
          <FieldErrors id={id} messages={errors} help={help} />
        </FormGroup>
      );
    case 'hidden':
      return <input type="hidden" name={field.field_key} value={text} />;
    case 'separator':
      return (
        <>
          <Divider />
          {help ? <Content component="small">{help}</Content> : null}
        </>
      );
    case 'static':
      // Shown as text: markup in a prompt is never rendered.
      return (
        <Content component="p" className="am-static-prompt">
          {field.initial_value}
        </Content>
      );
    default:
      return (
        <TextField
          id={id}
          field={field.field_key}
          label={field.label}
          value={text}
          onChange={(v) => onChange(field.field_key, v)}
          challenge={challenge}
          help={help}
        />
      );
  }
}
