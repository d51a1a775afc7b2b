import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSection,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Switch,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { Fragment, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useI18n, type Translate } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import type { Choice, Field, Reference } from './resource';
import { listPage, type Row, type WriteResult } from './resource-api';

/** Turns a slug out of a name the way the reference does: lower case, dashes, nothing else. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A stored date-time as a `datetime-local` input shows it: in the browser's time zone. Text the
 * user is still typing (no zone yet) is kept as it is.
 */
function localDateTime(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The text a field's input holds for a value. */
function textOf(field: Field, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'json') return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  if (field.kind === 'list') return Array.isArray(value) ? value.join('\n') : String(value);
  if (field.kind === 'datetime' && typeof value === 'string') return localDateTime(value);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The starting values of a form: the object's (minus secrets) or each field's initial value. */
export function initialValues(fields: Field[], row?: Row): Row {
  const values: Row = {};
  for (const field of fields) {
    if (row && !field.writeOnly && field.name in row) values[field.name] = row[field.name];
    else if (!row && field.initial !== undefined) values[field.name] = field.initial;
    else if (field.kind === 'switch') values[field.name] = false;
    else if (field.kind === 'references' || field.kind === 'list') values[field.name] = [];
  }
  return values;
}

/**
 * The body to send: JSON fields parsed, empty optional fields as null, secrets left out when
 * empty, create-only fields left out when editing. Returns field errors for unparsable JSON.
 */
export function bodyOf(fields: Field[], values: Row, editing: boolean, t: Translate): { body: Row; errors: Record<string, string[]> } {
  const body: Row = {};
  const errors: Record<string, string[]> = {};
  for (const field of fields) {
    if (field.visible && !field.visible(values)) continue;
    if (editing && field.createOnly) continue;
    const value = values[field.name];
    if ((field.writeOnly || field.omitEmpty) && (value === undefined || value === '')) continue;
    if (field.emptyNull && (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))) {
      body[field.name] = null;
      continue;
    }
    if (field.kind === 'json') {
      const text = typeof value === 'string' ? value.trim() : value;
      if (text === '' || text === undefined) body[field.name] = field.required ? {} : null;
      else if (typeof text === 'string') {
        try {
          body[field.name] = JSON.parse(text);
        } catch {
          errors[field.name] = [t('admin.form.invalidJson')];
        }
      } else body[field.name] = text;
    } else if (field.kind === 'custom') {
      body[field.name] = value === undefined ? (field.initial ?? null) : value;
    } else if (field.kind === 'number') {
      body[field.name] = value === '' || value === undefined || value === null ? null : Number(value);
    } else if (
      (field.kind === 'reference' || field.kind === 'select' || field.kind === 'datetime') &&
      (value === '' || value === undefined || value === null)
    ) {
      body[field.name] = null;
    } else if (field.kind === 'reference' && field.reference?.numeric && typeof value === 'string') {
      body[field.name] = Number(value);
    } else if (field.kind === 'references' && field.reference?.numeric && Array.isArray(value)) {
      body[field.name] = value.map(Number);
    } else if (field.kind === 'datetime' && typeof value === 'string') {
      // The input has no zone: it means the browser's, and the API wants an instant with an offset.
      const date = new Date(localDateTime(value));
      body[field.name] = Number.isNaN(date.getTime()) ? value : date.toISOString();
    } else body[field.name] = value ?? (field.kind === 'switch' ? false : field.kind === 'references' || field.kind === 'list' ? [] : '');
  }
  return { body, errors };
}

function choiceLabel(choice: Choice, t: Translate): string {
  return typeof choice.label === 'string' ? t(choice.label) : choice.label.text;
}

/** The objects a reference field can point to, loaded once. */
function useReferenceChoices(reference: Reference | undefined): { choices: Choice[]; failed: boolean } {
  const [state, setState] = useState<{ choices: Choice[]; failed: boolean }>({ choices: [], failed: false });
  useEffect(() => {
    if (!reference) return;
    let live = true;
    listPage(reference.path, { page_size: 1000, ...reference.query })
      .then((page) => {
        if (!live) return;
        const choices = page.results.map((row) => ({
          value: String(row[reference.value ?? 'pk']),
          raw: row[reference.value ?? 'pk'],
          label: { text: reference.label ? reference.label(row) : String(row.name ?? row.slug ?? row.pk) },
        }));
        setState({ choices, failed: false });
      })
      .catch(() => live && setState({ choices: [], failed: true }));
    return () => {
      live = false;
    };
  }, [reference]);
  return state;
}

/** The choices a select field loads from the API, once; none while loading or when loading fails. */
function useLoadedChoices(field: Field): Choice[] {
  const [loaded, setLoaded] = useState<Choice[]>([]);
  const { load } = field;
  useEffect(() => {
    if (!load) return;
    let live = true;
    load()
      .then((choices) => live && setLoaded(choices))
      .catch(() => live && setLoaded([]));
    return () => {
      live = false;
    };
  }, [load]);
  return loaded;
}

/** One field's input, its help and its errors. */
function FieldInput({
  field,
  value,
  errors,
  onChange,
}: {
  field: Field;
  value: unknown;
  errors?: string[];
  onChange(value: unknown): void;
}) {
  const { t } = useI18n();
  const id = `field-${field.name}`;
  const invalid = errors && errors.length > 0;
  const validated = invalid ? 'error' : 'default';
  const { choices: referenced, failed } = useReferenceChoices(
    field.kind === 'reference' || field.kind === 'references' ? field.reference : undefined,
  );
  const loaded = useLoadedChoices(field);
  const choices =
    field.kind === 'select' || (field.kind === 'references' && !field.reference) ? [...(field.choices ?? []), ...loaded] : referenced;
  const text = textOf(field, value);
  // Inputs hold strings; the API gets back the value it gave (numbers stay numbers).
  const rawOf = (picked: string): unknown => {
    const choice = choices.find((c) => c.value === picked);
    return choice && choice.raw !== undefined ? choice.raw : picked;
  };

  let input;
  switch (field.kind) {
    case 'custom':
      input = field.input?.({ id, value, onChange, invalid: invalid === true }) ?? null;
      break;
    case 'switch':
      input = <Switch id={id} isChecked={value === true} onChange={(_event, checked) => onChange(checked)} label={t(field.label)} />;
      break;
    case 'textarea':
    case 'code':
    case 'json':
    case 'list':
      input = (
        <TextArea
          id={id}
          value={text}
          validated={validated}
          isRequired={field.required}
          rows={field.kind === 'textarea' ? 3 : 8}
          className={field.kind === 'textarea' ? undefined : 'am-code'}
          spellCheck={field.kind === 'textarea'}
          onChange={(_event, next) => onChange(field.kind === 'list' ? next.split('\n') : next)}
        />
      );
      break;
    case 'select':
    case 'reference':
      input = (
        <FormSelect
          id={id}
          value={text}
          validated={validated}
          isRequired={field.required}
          onChange={(_event, next) => onChange(next === '' ? next : rawOf(next))}
        >
          <FormSelectOption value="" label={t('admin.form.none')} isDisabled={field.required} />
          {choices.map((choice) => (
            <FormSelectOption key={choice.value} value={choice.value} label={choiceLabel(choice, t)} />
          ))}
        </FormSelect>
      );
      break;
    case 'references': {
      const selected = new Set(Array.isArray(value) ? value.map(String) : []);
      input = (
        <div id={id} className="am-references" role="group" aria-label={t(field.label)}>
          {choices.length === 0 ? <span className="am-muted">{t('admin.form.noChoices')}</span> : null}
          {choices.map((choice) => (
            <Checkbox
              key={choice.value}
              id={`${id}-${choice.value}`}
              label={choiceLabel(choice, t)}
              isChecked={selected.has(choice.value)}
              onChange={(_event, checked) => {
                const next = new Set(selected);
                if (checked) next.add(choice.value);
                else next.delete(choice.value);
                onChange([...next].map(rawOf));
              }}
            />
          ))}
        </div>
      );
      break;
    }
    default:
      input = (
        <TextInput
          id={id}
          value={text}
          validated={validated}
          isRequired={field.required}
          autoComplete={field.kind === 'password' ? 'new-password' : 'off'}
          type={
            field.kind === 'password'
              ? 'password'
              : field.kind === 'number'
                ? 'number'
                : field.kind === 'email'
                  ? 'email'
                  : field.kind === 'url'
                    ? 'url'
                    : field.kind === 'datetime'
                      ? 'datetime-local'
                      : 'text'
          }
          placeholder={field.writeOnly ? t('admin.form.unchanged') : undefined}
          onChange={(_event, next) => onChange(next)}
        />
      );
  }
  return (
    <FormGroup label={field.kind === 'switch' ? undefined : t(field.label)} isRequired={field.required} fieldId={id}>
      {input}
      {field.help || invalid || failed ? (
        <FormHelperText>
          <HelperText>
            {(errors ?? []).map((message) => (
              <HelperTextItem key={message} variant="error">
                {message}
              </HelperTextItem>
            ))}
            {failed ? <HelperTextItem variant="warning">{t('admin.form.choicesFailed')}</HelperTextItem> : null}
            {field.help ? <HelperTextItem>{t(field.help)}</HelperTextItem> : null}
          </HelperText>
        </FormHelperText>
      ) : null}
    </FormGroup>
  );
}

/**
 * A create or edit form built from field definitions. The API's field errors show beside their
 * fields and what the user typed stays; errors of fields the form does not show go on top.
 */
export function ResourceForm({
  fields,
  row,
  submitLabel,
  onSubmit,
  onSaved,
  onCancel,
}: {
  fields: Field[];
  /** The object being edited; none when creating. */
  row?: Row;
  submitLabel?: MessageKey;
  onSubmit(body: Row): Promise<WriteResult>;
  onSaved(row: Row): void;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Row>(() => initialValues(fields, row));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [slugTouched, setSlugTouched] = useState(row !== undefined);
  const shown = fields.filter((field) => !field.visible || field.visible(values));
  const names = useMemo(() => new Set(shown.map((field) => field.name)), [shown]);
  const general = Object.entries(errors).filter(([field]) => !names.has(field));

  const change = (field: Field, value: unknown) => {
    setValues((current) => {
      const next = { ...current, [field.name]: value };
      const slug = fields.find((f) => f.kind === 'slug');
      if (field.name === 'name' && slug && !slugTouched && typeof value === 'string') next[slug.name] = slugify(value);
      return next;
    });
    if (field.kind === 'slug') setSlugTouched(true);
    if (field.fills) {
      const before = values;
      void field
        .fills(value, before)
        .then((filled) => {
          if (!filled) return;
          setValues((current) => {
            const next = { ...current };
            for (const [name, filledValue] of Object.entries(filled)) if (current[name] === before[name]) next[name] = filledValue;
            return next;
          });
        })
        .catch(() => undefined);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: local } = bodyOf(fields, values, row !== undefined, t);
    if (Object.keys(local).length > 0) return setErrors(local);
    setBusy(true);
    const result = await onSubmit(body);
    setBusy(false);
    if (result.ok) onSaved(result.row);
    else setErrors(result.errors);
  };

  let group: MessageKey | undefined;
  const sections: { title?: MessageKey; fields: Field[] }[] = [];
  for (const field of shown) {
    if (sections.length === 0 || field.group !== group) sections.push({ title: field.group, fields: [] });
    group = field.group;
    sections[sections.length - 1].fields.push(field);
  }

  return (
    <Form onSubmit={submit} noValidate>
      {general.length > 0 ? (
        <Alert variant="danger" isInline title={t('admin.form.failed')}>
          {general.map(([field, messages]) => (
            <div key={field}>{field === 'non_field_errors' ? messages.join(' ') : `${field}: ${messages.join(' ')}`}</div>
          ))}
        </Alert>
      ) : null}
      {sections.map((section, index) => {
        const inputs = section.fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            value={values[field.name]}
            errors={errors[field.name]}
            onChange={(v) => change(field, v)}
          />
        ));
        return section.title ? (
          <FormSection key={index} title={t(section.title)} titleElement="h3">
            {inputs}
          </FormSection>
        ) : (
          <Fragment key={index}>{inputs}</Fragment>
        );
      })}
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
          {t(submitLabel ?? (row ? 'admin.form.save' : 'admin.form.create'))}
        </Button>
        {onCancel ? (
          <Button variant="link" onClick={onCancel}>
            {t('admin.form.cancel')}
          </Button>
        ) : null}
      </ActionGroup>
    </Form>
  );
}
