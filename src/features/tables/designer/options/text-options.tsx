// Single-line text: an optional maximum length. Attachments: the accepted file types.
import { useTranslation } from 'react-i18next';
import { intCheck } from '../checks';
import { TextInput } from '../form-bits';

export function TextOptions() {
  const { t } = useTranslation();
  return (
    <TextInput
      name="maxLength"
      type="number"
      min={1}
      label={t('designer.options.maxLength')}
      placeholder={t('designer.options.noLimit')}
      rules={{ validate: intCheck(1, 100000, t, true) }}
    />
  );
}

export function AttachmentOptions() {
  const { t } = useTranslation();
  return (
    <TextInput
      name="accept"
      label={t('designer.options.accept')}
      hint={t('designer.options.acceptHint')}
      rules={{ maxLength: { value: 500, message: t('designer.validation.tooLong', { max: 500 }) } }}
    />
  );
}
