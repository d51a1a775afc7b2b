import type { ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n/locales';
import type { ListPath, Row } from './resource-api';

/** A column of a list page. */
export interface Column {
  label: MessageKey;
  /** What the cell shows; plain strings are rendered as text, never as HTML. */
  render(row: Row): ReactNode;
  /** The `ordering` value that sorts by this column, when the API can sort by it. */
  ordering?: string;
  /** Shown on the detail page's overview only, not as a list column (fingerprints, long texts). */
  detailOnly?: boolean;
  /** Shown as a list column only, not on the detail page's overview (a count the overview spells out). */
  listOnly?: boolean;
}

/** A choice of a select field. */
export interface Choice {
  value: string;
  label: MessageKey | { text: string };
  /** The value as the API gives it, when it is not a string (a provider's numeric pk). */
  raw?: unknown;
}

/** The kinds of input a form field can be. */
export type FieldKind =
  | 'text'
  | 'slug'
  | 'url'
  | 'email'
  | 'password'
  | 'textarea'
  | 'code'
  | 'json'
  | 'number'
  | 'switch'
  | 'select'
  | 'reference'
  | 'references'
  | 'list'
  | 'datetime'
  /** An input the field draws itself (`input`), e.g. a list of redirect URIs with a matching mode each. */
  | 'custom';

/** What a `custom` field's input gets. */
export interface CustomInputProps {
  /** The id its label points to. */
  id: string;
  value: unknown;
  onChange(value: unknown): void;
  /** The API refused the field's value. */
  invalid: boolean;
}

/** Another endpoint whose objects a field points to. */
export interface Reference {
  path: ListPath;
  /** The field of the referenced object stored in this field (default `pk`). */
  value?: string;
  /** How a referenced object is named in the picker (default its `name`). */
  label?(row: Row): string;
  /** Extra list filters (`{ designation: 'authentication' }`). */
  query?: Record<string, string>;
  /** The stored value is a number (users' integer pks): the picked value is sent as one. */
  numeric?: boolean;
}

/** A field of a create/edit form. */
export interface Field {
  name: string;
  label: MessageKey;
  help?: MessageKey;
  kind: FieldKind;
  required?: boolean;
  /** Choices of a `select` field, or of a `references` field without a `reference` (a fixed multi-select). */
  choices?: Choice[];
  /** The endpoint of a `reference`/`references` field. */
  reference?: Reference;
  /** The value a new object starts with. */
  initial?: unknown;
  /** Only sent when creating (the API refuses changes later). */
  createOnly?: boolean;
  /** Never shown back (secrets): left empty means "unchanged" when editing. */
  writeOnly?: boolean;
  /** Left out of the body when empty, so the API picks the value (a generated client id). */
  omitEmpty?: boolean;
  /** A heading the field is grouped under. */
  group?: MessageKey;
  /** Shown only when the form's other values call for it. */
  visible?(values: Row): boolean;
  /** Choices of a `select` field that come from the API (e.g. an action listing types), after the fixed ones. */
  load?(): Promise<Choice[]>;
  /**
   * Values the form fills in after the user changes this field (e.g. a type's default URLs), given
   * the new value and the form's values before the change. The returned fields are set, unless the
   * user changed them while this was running; the others stay as they are.
   */
  fills?(value: unknown, before: Row): Promise<Row | undefined>;
  /** An empty value is sent as null (optional URLs the API wants absent rather than blank). */
  emptyNull?: boolean;
  /** The input of a `custom` field. */
  input?(props: CustomInputProps): ReactNode;
}

/** A choice filter of a list page, kept in the address like the search (`?type=internal`). */
export interface ListFilter {
  /** The API's query parameter. */
  name: string;
  label: MessageKey;
  choices: Choice[];
  /** Choices that come from the API (e.g. the users' paths), added after the fixed ones. */
  load?(): Promise<Choice[]>;
  /** How the filter is entered: a select of `choices` (default), free text, or a calendar date. */
  kind?: 'choice' | 'text' | 'date';
  /** Turns the value kept in the address into what the API wants (e.g. a date into an instant). */
  toApi?(value: string): string;
}

/** A notice shown on an object's row and detail page (e.g. a provider no application uses). */
export interface Warning {
  when(row: Row): boolean;
  message: MessageKey;
}

/** An extra tab of an object's detail page. */
export interface DetailTab {
  title: MessageKey;
  render(row: Row, reload: () => void): ReactNode;
}

/** Everything the admin needs to list, show, create, edit and delete one kind of object. */
export interface Resource {
  /** The admin route, e.g. `/core/applications`. */
  route: string;
  /** The API's list endpoint. */
  api: ListPath;
  title: MessageKey;
  /** One object of this kind ("Application"). */
  singular: MessageKey;
  /** What the list page says the objects are for. */
  description?: MessageKey;
  /** The field that names an object in its URL (default `pk`). */
  key?: string;
  /** How an object is named in titles and delete previews (default its `name`). */
  name?(row: Row): string;
  columns: Column[];
  fields: Field[];
  /** A different form for editing (e.g. fewer fields), default `fields`. */
  editFields?: Field[];
  /** The default `ordering`. */
  ordering?: string;
  /** False when the list endpoint has no `search`. */
  searchable?: boolean;
  /** False when objects are made elsewhere (sessions, events). */
  creatable?: boolean;
  /** False when objects cannot be changed. */
  editable?: boolean;
  /** False when objects cannot be deleted. */
  deletable?: boolean;
  warnings?: Warning[];
  tabs?: DetailTab[];
  /** Extra buttons on the detail page. */
  actions?(row: Row, reload: () => void): ReactNode;
  /** Extra buttons on the list page's toolbar (e.g. clearing a cache, a second way to create). */
  listActions?(reload: () => void): ReactNode;
  /** Extra buttons beside each row of a related list (e.g. showing a token's key). */
  rowActions?(row: Row, reload: () => void): ReactNode;
  /** Buttons at the end of each row of the list page itself (e.g. running a task now). */
  listRowActions?(row: Row, reload: () => void): ReactNode;
  /** Choice filters on the list page. */
  filters?: ListFilter[];
  /**
   * What to show once an object was created, before its detail page opens (e.g. a secret the API
   * returns only in the create answer); null goes straight to the detail page.
   */
  created?(row: Row): ReactNode;
  /** Polymorphic lists (`/stages/all`): which type's resource handles a row and which types can be created. */
  types?: TypeChoice[];
}

/** One concrete type of a polymorphic list (a stage type, a policy type, a provider type). */
export interface TypeChoice {
  /** Matches a row's `meta_model_name` or `component`. */
  matches(row: Row): boolean;
  label: MessageKey;
  description?: MessageKey;
  resource: Resource;
}

/** The name of an object as the resource shows it. */
export function nameOf(resource: Resource, row: Row): string {
  if (resource.name) return resource.name(row);
  const name = row.name ?? row.username ?? row.slug ?? row.identifier ?? row.pk;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : '';
}

/** The key of an object in URLs. */
export function keyOf(resource: Resource, row: Row): string {
  return String(row[resource.key ?? 'pk'] ?? '');
}
