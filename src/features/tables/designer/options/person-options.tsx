// Person: one or several people from the workspace's people list.
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../engine';
import { CheckboxInput } from '../form-bits';

export function PersonOptions({ people }: { readonly people: readonly Person[] }) {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxInput name="multiple" label={t('designer.options.multiplePeople')} />
      <p className="muted designer-hint">
        {people.length === 0
          ? t('designer.options.noPeople')
          : t('designer.options.people', {
              count: people.length,
              names: people
                .slice(0, 5)
                .map((person) => person.name)
                .join(', '),
            })}
      </p>
    </>
  );
}
