// The Field tagged union: one schema file per kind; adding a kind = one file, one entry here, one test.
import { z } from 'zod';
import { AttachmentFieldSchema } from './attachment.field';
import { AutoNumberFieldSchema } from './auto-number.field';
import { CheckboxFieldSchema } from './checkbox.field';
import { CreatedTimeFieldSchema } from './created-time.field';
import { CurrencyFieldSchema } from './currency.field';
import { DateTimeFieldSchema } from './date-time.field';
import { DateFieldSchema } from './date.field';
import { EmailFieldSchema } from './email.field';
import { FormulaFieldSchema } from './formula.field';
import { LastModifiedTimeFieldSchema } from './last-modified-time.field';
import { LinkFieldSchema } from './link.field';
import { LongTextFieldSchema } from './long-text.field';
import { LookupFieldSchema } from './lookup.field';
import { MultiSelectFieldSchema } from './multi-select.field';
import { NumberFieldSchema } from './number.field';
import { PercentFieldSchema } from './percent.field';
import { PersonFieldSchema } from './person.field';
import { PhoneFieldSchema } from './phone.field';
import { RatingFieldSchema } from './rating.field';
import { RollupFieldSchema } from './rollup.field';
import { SingleSelectFieldSchema } from './single-select.field';
import { TextFieldSchema } from './text.field';
import { TierFieldSchema } from './tier.field';
import { UrlFieldSchema } from './url.field';

export const FieldSchema = z.discriminatedUnion('kind', [
  TextFieldSchema,
  LongTextFieldSchema,
  NumberFieldSchema,
  CurrencyFieldSchema,
  PercentFieldSchema,
  CheckboxFieldSchema,
  DateFieldSchema,
  DateTimeFieldSchema,
  SingleSelectFieldSchema,
  MultiSelectFieldSchema,
  EmailFieldSchema,
  PhoneFieldSchema,
  UrlFieldSchema,
  RatingFieldSchema,
  PersonFieldSchema,
  LinkFieldSchema,
  LookupFieldSchema,
  RollupFieldSchema,
  FormulaFieldSchema,
  AutoNumberFieldSchema,
  CreatedTimeFieldSchema,
  LastModifiedTimeFieldSchema,
  AttachmentFieldSchema,
  TierFieldSchema,
]);
export type Field = z.infer<typeof FieldSchema>;
export type FieldKind = Field['kind'];

export const FIELD_KINDS: readonly FieldKind[] = FieldSchema.options.map((option) => option.shape.kind.value);

/** Kinds whose values the engine computes; people never type into them. */
export const COMPUTED_FIELD_KINDS: readonly FieldKind[] = [
  'formula',
  'lookup',
  'rollup',
  'tier',
  'autoNumber',
  'createdTime',
  'lastModifiedTime',
];

export type { AttachmentField } from './attachment.field';
export type { AutoNumberField } from './auto-number.field';
export type { CheckboxField } from './checkbox.field';
export type { CreatedTimeField } from './created-time.field';
export type { CurrencyField } from './currency.field';
export type { DateTimeField } from './date-time.field';
export type { DateField } from './date.field';
export type { EmailField } from './email.field';
export type { FormulaField } from './formula.field';
export type { LastModifiedTimeField } from './last-modified-time.field';
export type { LinkField } from './link.field';
export type { LongTextField } from './long-text.field';
export type { LookupField } from './lookup.field';
export type { MultiSelectField } from './multi-select.field';
export type { NumberField } from './number.field';
export type { PercentField } from './percent.field';
export type { PersonField } from './person.field';
export type { PhoneField } from './phone.field';
export type { RatingField } from './rating.field';
export type { RollupField } from './rollup.field';
export type { SingleSelectField } from './single-select.field';
export type { TextField } from './text.field';
export type { TierField } from './tier.field';
export type { UrlField } from './url.field';
export type { Attachment } from './attachment.field';
export { ROLLUP_AGGREGATES } from './rollup.field';
export type { TierRule } from './tier.field';
export { OPTION_COLORS } from './options';
export type { SelectOption } from './options';
