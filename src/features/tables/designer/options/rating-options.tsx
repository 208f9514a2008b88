// Rating: how many stars (1–10).
import { useTranslation } from 'react-i18next';
import { intCheck } from '../checks';
import { TextInput } from '../form-bits';

export function RatingOptions() {
  const { t } = useTranslation();
  return (
    <TextInput
      name="max"
      type="number"
      min={1}
      max={10}
      label={t('designer.options.ratingMax')}
      rules={{ validate: intCheck(1, 10, t) }}
    />
  );
}
