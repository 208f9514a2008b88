// Number, currency and percent: decimals shown (blank = as many as the value has), and the currency's ISO code.
import { useTranslation } from 'react-i18next';
import type { FieldKind } from '../../../../engine';
import { currencyCheck, intCheck } from '../checks';
import { TextInput } from '../form-bits';

/** Common codes offered while typing; any ISO 4217 code is accepted. */
const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'JPY', 'GBP', 'SGD', 'KRW', 'AUD'];

export function PrecisionInput() {
  const { t } = useTranslation();
  return (
    <TextInput
      name="precision"
      type="number"
      min={0}
      max={10}
      label={t('designer.options.precision')}
      placeholder={t('designer.options.precisionAuto')}
      rules={{ validate: intCheck(0, 10, t, true) }}
    />
  );
}

export function NumberOptions({ kind }: { readonly kind: FieldKind }) {
  const { t } = useTranslation();
  return (
    <>
      {kind === 'currency' ? (
        <>
          <TextInput
            name="currency"
            label={t('designer.options.currency')}
            hint={t('designer.options.currencyHint')}
            rules={{
              validate: currencyCheck(t),
              setValueAs: (value: string) => value.trim().toUpperCase(),
            }}
            className="designer-currency"
            list="designer-currencies"
          />
          <datalist id="designer-currencies">
            {CURRENCIES.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        </>
      ) : null}
      <PrecisionInput />
    </>
  );
}
