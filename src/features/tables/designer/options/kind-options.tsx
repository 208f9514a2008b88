// The kind-specific part of the properties panel.
import type { Field } from '../../../../engine';
import type { DesignerEnv } from '../field-form';
import { AutoNumberOptions } from './auto-number-options';
import { FormulaOptions } from './formula-options';
import { LinkOptions } from './link-options';
import { LookupOptions, RollupOptions } from './lookup-options';
import { NumberOptions } from './number-options';
import { PersonOptions } from './person-options';
import { RatingOptions } from './rating-options';
import { SelectOptions } from './select-options';
import { AttachmentOptions, TextOptions } from './text-options';
import { TierOptions } from './tier-options';

export function KindOptions({ field, env }: { readonly field: Field; readonly env: DesignerEnv }) {
  switch (field.kind) {
    case 'text':
      return <TextOptions />;
    case 'number':
    case 'currency':
    case 'percent':
      return <NumberOptions kind={field.kind} />;
    case 'singleSelect':
    case 'multiSelect':
      return <SelectOptions />;
    case 'rating':
      return <RatingOptions />;
    case 'person':
      return <PersonOptions people={env.people} />;
    case 'link':
      return <LinkOptions env={env} />;
    case 'lookup':
      return <LookupOptions env={env} />;
    case 'rollup':
      return <RollupOptions env={env} />;
    case 'formula':
      return <FormulaOptions field={field} env={env} />;
    case 'autoNumber':
      return <AutoNumberOptions env={env} />;
    case 'tier':
      return <TierOptions field={field} env={env} />;
    case 'attachment':
      return <AttachmentOptions />;
    // Date and date-time have no options in the model (they show in the reader's zone); the rest need none.
    case 'longText':
    case 'checkbox':
    case 'date':
    case 'dateTime':
    case 'email':
    case 'phone':
    case 'url':
    case 'createdTime':
    case 'lastModifiedTime':
      return null;
  }
}
