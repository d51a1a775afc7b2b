import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The field types a prompt can show (the reference product's 18). */
export const PROMPT_TYPES = [
  'text',
  'text_area',
  'text_read_only',
  'text_area_read_only',
  'username',
  'email',
  'password',
  'number',
  'checkbox',
  'radio-button-group',
  'dropdown',
  'date',
  'date-time',
  'file',
  'separator',
  'hidden',
  'static',
  'ak-locale',
] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];

/** One field of a prompt stage's form. */
@Entity({ name: 'prompts' })
export class PromptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Where the value lands in the prompt data; `attributes.x` writes a user attribute. */
  @Column({ name: 'field_key', type: 'text' })
  fieldKey!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: PromptType;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @Column({ type: 'text', default: '' })
  placeholder!: string;

  /** When true, `placeholder` is an expression whose result is shown (and for choice fields, the choices). */
  @Column({ name: 'placeholder_expression', type: 'boolean', default: false })
  placeholderExpression!: boolean;

  @Column({ name: 'initial_value', type: 'text', default: '' })
  initialValue!: string;

  @Column({ name: 'initial_value_expression', type: 'boolean', default: false })
  initialValueExpression!: boolean;

  @Column({ name: 'sub_text', type: 'text', default: '' })
  subText!: string;

  @Column({ type: 'integer', default: 0 })
  order!: number;
}
