// Localized names of field kinds, palette groups and colours, in one place so every screen of the designer agrees.
import { useTranslation } from 'react-i18next';
import type { FieldKind, FieldKindGroupId } from '../../../engine';
import type { OptionColor } from './field-form';

export interface DesignerNames {
  readonly kind: (kind: FieldKind) => string;
  readonly group: (group: FieldKindGroupId) => string;
  readonly color: (color: OptionColor) => string;
}

export function useDesignerNames(): DesignerNames {
  const { t } = useTranslation();
  return {
    kind: (kind) => t(`designer.kinds.${kind}`),
    group: (group) => t(`designer.groups.${group}`),
    color: (color) => t(`designer.colors.${color}`),
  };
}
