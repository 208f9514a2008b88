// The workspace's people: whom person fields (owner, account manager) can name, and who uses this device, for
// "current user" defaults. Names are edited in place and saved when the field is left.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../engine';
import { newId } from '../../shared/ids';
import { useCurrentPerson } from '../../stores/current-person';
import { useWorkspace, workspaceStore } from '../../stores/workspace-store';
import { Button } from '../../ui';

const NO_PEOPLE: readonly Person[] = [];

export function PeopleSettings() {
  const { t } = useTranslation();
  const people = useWorkspace((state) => state.snapshot.workspace?.people ?? NO_PEOPLE);
  const me = useCurrentPerson((state) => state.personId);
  const choose = useCurrentPerson((state) => state.choose);
  const [newName, setNewName] = useState('');
  const save = (next: readonly Person[]) => void workspaceStore.getState().setPeople(next);

  const add = () => {
    const name = newName.trim();
    if (name === '') return;
    save([...people, { id: newId(), name }]);
    setNewName('');
  };

  return (
    <section className="settings-section" aria-labelledby="people-title">
      <h2 id="people-title">{t('people.title')}</h2>
      <p className="muted">{t('people.intro')}</p>
      <ul className="people-list">
        {people.map((person) => (
          <li key={person.id} className="row-gap">
            <input
              className="text-input"
              aria-label={t('people.name', { name: person.name })}
              defaultValue={person.name}
              onBlur={(event) => {
                const name = event.target.value.trim();
                if (name !== '' && name !== person.name)
                  save(
                    people.map((candidate) =>
                      candidate.id === person.id ? { ...candidate, name } : candidate,
                    ),
                  );
              }}
            />
            <label>
              <input
                type="radio"
                name="current-person"
                checked={me === person.id}
                onChange={() => choose(person.id)}
              />{' '}
              {t('people.me')}
            </label>
            <Button
              size="small"
              variant="quiet"
              onClick={() => {
                if (me === person.id) choose(undefined);
                save(people.filter((candidate) => candidate.id !== person.id));
              }}
            >
              {t('people.remove', { name: person.name })}
            </Button>
          </li>
        ))}
      </ul>
      <div className="row-gap">
        <input
          className="text-input"
          aria-label={t('people.newName')}
          placeholder={t('people.newName')}
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
        />
        <Button onClick={add} disabled={newName.trim() === ''}>
          {t('people.add')}
        </Button>
      </div>
    </section>
  );
}
