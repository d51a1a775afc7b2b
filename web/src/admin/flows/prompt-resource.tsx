import { text, yesNo } from '../kit/cells';
import type { Choice, Resource } from '../kit/resource';
import { ChoiceCell } from './choices';
import { PromptPreview } from './prompt-preview';

/** Every kind of prompt field the flow interface draws. */
export const PROMPT_TYPES: Choice[] = [
  { value: 'text', label: 'admin.prompts.type.text' },
  { value: 'text_area', label: 'admin.prompts.type.text_area' },
  { value: 'text_read_only', label: 'admin.prompts.type.text_read_only' },
  { value: 'text_area_read_only', label: 'admin.prompts.type.text_area_read_only' },
  { value: 'username', label: 'admin.prompts.type.username' },
  { value: 'email', label: 'admin.prompts.type.email' },
  { value: 'password', label: 'admin.prompts.type.password' },
  { value: 'number', label: 'admin.prompts.type.number' },
  { value: 'checkbox', label: 'admin.prompts.type.checkbox' },
  { value: 'radio-button-group', label: 'admin.prompts.type.radio' },
  { value: 'dropdown', label: 'admin.prompts.type.dropdown' },
  { value: 'date', label: 'admin.prompts.type.date' },
  { value: 'date-time', label: 'admin.prompts.type.dateTime' },
  { value: 'file', label: 'admin.prompts.type.file' },
  { value: 'separator', label: 'admin.prompts.type.separator' },
  { value: 'hidden', label: 'admin.prompts.type.hidden' },
  { value: 'static', label: 'admin.prompts.type.static' },
  { value: 'ak-locale', label: 'admin.prompts.type.locale' },
];

/** Prompts: the fields prompt stages show, each stored under a key of the flow's prompt data. */
export const promptResource: Resource = {
  route: '/flow/stages/prompts',
  api: '/api/v3/stages/prompt/prompts',
  title: 'admin.prompts.title',
  singular: 'admin.prompts.singular',
  description: 'admin.prompts.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.prompts.fieldKey', render: (row) => text(row.field_key), ordering: 'field_key' },
    { label: 'admin.prompts.label', render: (row) => text(row.label) },
    { label: 'admin.prompts.typeLabel', render: (row) => <ChoiceCell choices={PROMPT_TYPES} value={row.type} />, ordering: 'type' },
    { label: 'admin.prompts.required', render: (row) => yesNo(row.required) },
    { label: 'admin.field.order', render: (row) => text(row.order), ordering: 'order' },
    {
      label: 'admin.prompts.stages',
      render: (row) => text(Array.isArray(row.promptstage_set) ? row.promptstage_set.length : 0),
    },
  ],
  fields: [
    { name: 'name', label: 'admin.field.name', help: 'admin.prompts.nameHelp', kind: 'text', required: true },
    { name: 'field_key', label: 'admin.prompts.fieldKey', help: 'admin.prompts.fieldKeyHelp', kind: 'text', required: true },
    { name: 'label', label: 'admin.prompts.label', help: 'admin.prompts.labelHelp', kind: 'text' },
    { name: 'type', label: 'admin.prompts.typeLabel', kind: 'select', required: true, choices: PROMPT_TYPES, initial: 'text' },
    { name: 'required', label: 'admin.prompts.required', kind: 'switch', initial: true },
    { name: 'placeholder', label: 'admin.prompts.placeholder', help: 'admin.prompts.placeholderHelp', kind: 'code' },
    {
      name: 'placeholder_expression',
      label: 'admin.prompts.placeholderExpression',
      help: 'admin.prompts.expressionHelp',
      kind: 'switch',
    },
    { name: 'initial_value', label: 'admin.prompts.initialValue', help: 'admin.prompts.initialValueHelp', kind: 'code' },
    {
      name: 'initial_value_expression',
      label: 'admin.prompts.initialValueExpression',
      help: 'admin.prompts.expressionHelp',
      kind: 'switch',
    },
    { name: 'sub_text', label: 'admin.prompts.helpText', help: 'admin.prompts.helpTextHelp', kind: 'textarea' },
    { name: 'order', label: 'admin.field.order', kind: 'number', required: true, initial: 0 },
  ],
  tabs: [{ title: 'admin.prompts.preview', render: (row) => <PromptPreview prompt={row} /> }],
};
