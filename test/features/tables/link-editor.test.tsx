// @vitest-environment happy-dom
// The link picker and the link chips against a stubbed link store: the linked records on top with remove buttons,
// search results with checkboxes (a radio for a link to one record), and the whole list handed over on Save.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { LinkField, Table } from '../../../src/engine';
import { LinkChips } from '../../../src/features/tables/grid/link-chips';
import { LinkEditor } from '../../../src/features/tables/grid/link-editor';
import { linkStore, type LinkActions, type LinkCandidate } from '../../../src/stores/link-store';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    resources: {
      en: {
        translation: {
          links: {
            remove: 'Remove {{title}}',
            search: 'Search records',
            save: 'Save links',
            missing: 'Deleted record',
            untitled: 'Untitled record',
            linked: 'Linked records',
          },
        },
      },
    },
    interpolation: { escapeValue: false },
  });
});

const TABLE: Table = {
  id: 'customers',
  name: 'Customers',
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  views: [],
  fields: [],
};
const MANY: LinkField = { id: 'orders', name: 'Orders', kind: 'link', targetTableId: 'ord', multiple: true };
const ONE: LinkField = { ...MANY, multiple: false };

const ORDERS: LinkCandidate[] = [
  { id: 'o1', title: 'Tea' },
  { id: 'o2', title: 'Cake' },
  { id: 'o3', title: '' },
];

let search: Mock<LinkActions['searchRecords']>;
let titles: Mock<LinkActions['recordTitles']>;
const original = linkStore.getState();

beforeEach(() => {
  search = vi.fn<LinkActions['searchRecords']>((_tableId, text) =>
    Promise.resolve(ORDERS.filter((order) => order.title.toLowerCase().includes(text.toLowerCase()))),
  );
  titles = vi.fn<LinkActions['recordTitles']>((_tableId, ids) =>
    Promise.resolve(
      ids.map((id) => ORDERS.find((order) => order.id === id) ?? { id, title: '', missing: true }),
    ),
  );
  linkStore.setState({ searchRecords: search, recordTitles: titles });
});

afterEach(() => {
  cleanup();
  linkStore.setState(original, true);
});

function linkedList(): HTMLElement {
  return screen.getByRole('region', { name: 'Linked records' });
}

describe('link editor', () => {
  it('lists the linked records on top and hands over the edited list on Save', async () => {
    const onChange = vi.fn();
    const onClose = vi.fn();
    render(
      <LinkEditor table={TABLE} field={MANY} value={['o1', 'gone']} onChange={onChange} onClose={onClose} />,
    );
    expect(await within(linkedList()).findByText('Tea')).toBeTruthy();
    expect(within(linkedList()).getByText('Deleted record')).toBeTruthy();

    // Results arrive after the search pause; untitled records say so.
    const cake = await screen.findByRole('checkbox', { name: 'Cake' }, { timeout: 2000 });
    expect(screen.getByRole('checkbox', { name: 'Untitled record' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Tea' }).checked).toBe(true);
    fireEvent.click(cake);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Deleted record' }));
    expect(within(linkedList()).getByText('Cake')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save links' }));
    expect(onChange).toHaveBeenCalledWith(['o1', 'o2']);
    expect(onClose).toHaveBeenCalled();
  });

  it('searches the linked table with the typed text', async () => {
    render(<LinkEditor table={TABLE} field={MANY} value={null} onChange={vi.fn()} onClose={vi.fn()} />);
    await screen.findByRole('checkbox', { name: 'Tea' }, { timeout: 2000 });
    fireEvent.change(screen.getByLabelText('Search records'), { target: { value: 'cak' } });
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Tea' })).toBeNull(), {
      timeout: 2000,
    });
    expect(screen.getByRole('checkbox', { name: 'Cake' })).toBeTruthy();
    expect(search).toHaveBeenLastCalledWith('ord', 'cak', 50);
  });

  it('keeps one record for a link to one record', async () => {
    const onChange = vi.fn();
    render(<LinkEditor table={TABLE} field={ONE} value={['o1']} onChange={onChange} onClose={vi.fn()} />);
    const cake = await screen.findByRole('radio', { name: 'Cake' }, { timeout: 2000 });
    fireEvent.click(cake);
    fireEvent.click(screen.getByRole('button', { name: 'Save links' }));
    expect(onChange).toHaveBeenCalledWith(['o2']);
  });
});

describe('link chips', () => {
  it('shows the titles of the linked records, and re-reads them after a link change', async () => {
    render(<LinkChips tableId="ord" ids={['o2', 'gone']} />);
    expect(await screen.findByText('Cake')).toBeTruthy();
    expect(screen.getByText('Deleted record')).toBeTruthy();
    expect(titles).toHaveBeenCalledTimes(1);
    act(() => {
      linkStore.setState((state) => ({ revision: state.revision + 1 }));
    });
    await waitFor(() => expect(titles).toHaveBeenCalledTimes(2));
  });
});
