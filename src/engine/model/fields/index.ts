// The Field tagged union: one schema file per kind; adding a kind = one file, one entry here, one test.
import { z } from 'zod';
import { CheckboxFieldSchema } from './checkbox.field';
import { DateFieldSchema } from './date.field';
import { FormulaFieldSchema } from './formula.field';
import { LongTextFieldSchema } from './long-text.field';
import { NumberFieldSchema } from './number.field';
import { TextFieldSchema } from './text.field';

export const FieldSchema = z.discriminatedUnion('kind', [
  TextFieldSchema,
  LongTextFieldSchema,
  NumberFieldSchema,
  CheckboxFieldSchema,
  DateFieldSchema,
  FormulaFieldSchema,
]);
export type Field = z.infer<typeof FieldSchema>;
export type FieldKind = Field['kind'];

export const FIELD_KINDS: readonly FieldKind[] = FieldSchema.options.map((option) => option.shape.kind.value);

export type { CheckboxField } from './checkbox.field';
export type { DateField } from './date.field';
export type { FormulaField } from './formula.field';
export type { LongTextField } from './long-text.field';
export type { NumberField } from './number.field';
export type { TextField } from './text.field';
