import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
  type TextInputProps,
} from '@patternfly/react-core';
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { errorsOf, type Challenge } from './challenge';

/** Messages under a field; each is text, never markup. */
export function FieldErrors({ id, messages, help }: { id: string; messages: string[]; help?: string }) {
  if (messages.length === 0 && !help) return null;
  return (
    <FormHelperText>
      <HelperText id={`${id}-helper`} aria-live="polite">
        {help ? <HelperTextItem>{help}</HelperTextItem> : null}
        {messages.map((message) => (
          <HelperTextItem key={message} variant="error">
            {message}
          </HelperTextItem>
        ))}
      </HelperText>
    </FormHelperText>
  );
}

/**
 * Errors that belong to no field shown on the form (`non_field_errors`, or a field this
 * renderer does not draw), so no message the server sent is ever lost.
 */
export function FormErrors({ challenge, shown }: { challenge: Challenge; shown: readonly string[] }) {
  const { t } = useI18n();
  const messages = Object.entries(challenge.response_errors ?? {})
    .filter(([field]) => !shown.includes(field))
    .flatMap(([, details]) => details.map((d) => d.string));
  if (messages.length === 0) return null;
  return (
    <Alert variant="danger" isInline title={t('flow.error.title')} role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </Alert>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  challenge: Challenge;
  /** The response field the errors are reported under. */
  field: string;
  type?: TextInputProps['type'];
  autoComplete?: string;
  required?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  help?: string;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
}

/** A labelled text input with the server's errors for its field beside it. */
export function TextField(props: TextFieldProps) {
  const errors = errorsOf(props.challenge, props.field);
  return (
    <FormGroup label={props.label} isRequired={props.required} fieldId={props.id}>
      <TextInput
        id={props.id}
        name={props.field}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(_event, value) => props.onChange(value)}
        autoComplete={props.autoComplete}
        isRequired={props.required}
        readOnlyVariant={props.readOnly ? 'default' : undefined}
        placeholder={props.placeholder || undefined}
        inputMode={props.inputMode}
        validated={errors.length > 0 ? 'error' : 'default'}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 || props.help ? `${props.id}-helper` : undefined}
      />
      <FieldErrors id={props.id} messages={errors} help={props.help} />
    </FormGroup>
  );
}

/** The one-time code field of second-factor stages (`code`), numeric unless the codes are not. */
export function CodeField(props: { value: string; onChange(value: string): void; challenge: Challenge; numeric?: boolean }) {
  const { t } = useI18n();
  return (
    <TextField
      id="code"
      field="code"
      label={t('flow.code.label')}
      value={props.value}
      onChange={props.onChange}
      challenge={props.challenge}
      autoComplete="one-time-code"
      inputMode={props.numeric === false ? 'text' : 'numeric'}
      required
    />
  );
}

/** A stage's form: submits on Enter and with its primary button; the rest is the stage's. */
export function StageForm({
  onSubmit,
  busy,
  action,
  children,
  secondary,
}: {
  onSubmit(): void;
  busy: boolean;
  action: string;
  children?: ReactNode;
  secondary?: ReactNode;
}) {
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Form onSubmit={handle} noValidate>
      {children}
      <ActionGroup>
        <Button type="submit" variant="primary" isBlock isLoading={busy} isDisabled={busy}>
          {action}
        </Button>
        {secondary}
      </ActionGroup>
    </Form>
  );
}
