// @vitest-environment happy-dom
// The table designer as a person uses it: the palette adds fields, the list reorders them, the panel edits and saves.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Field } from '../../../../src/engine';
import { FieldSchema } from '../../../../src/engine';
import { linkStore, type LinkActions } from '../../../../src/stores/link-store';
import { fieldArgument, renderDesigner, tableRow } from './designer-harness';

const name: Field = { id: 'fld-name', name: 'Name', kind: 'text' };
const status: Field = {
  id: 'fld-status',
  name: 'Status',
  kind: 'singleSelect',
  options: [
    { id: 'o-new', name: 'New', color: 'blue' },
    { id: 'o-won', name: 'Won', color: 'green' },
  ],
};

describe('palette', () => {
  it('adds a field of the clicked kind at the end, with a unique localized name', async () => {
    const { stubs } = await renderDesigner({
      table: tableRow('tbl', 'Customers', [name, { id: 'fld-n', name: 'Number', kind: 'number' }]),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add Number' }));
    await waitFor(() => expect(stubs.addField).toHaveBeenCalledTimes(1));
    const [tableId, field, index] = stubs.addField.mock.calls[0] ?? [];
    expect(tableId).toBe('tbl');
    expect(index).toBeUndefined();
    expect(field).toMatchObject({ kind: 'number', name: 'Number 2' });
    expect(FieldSchema.parse(field)).toEqual(field);
  });

  it('adds a tier with its General fallback, and refuses a lookup while the table has no link field', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [name]) });
    fireEvent.click(screen.getByTestId('palette-tier'));
    await waitFor(() => expect(stubs.addField).toHaveBeenCalledTimes(1));
    expect(fieldArgument(stubs.addField)).toMatchObject({
      kind: 'tier',
      name: 'Tier',
      rules: [],
      fallback: { label: 'General', color: 'gray' },
    });

    const lookup = screen.getByRole('button', { name: 'Add Lookup' });
    expect(lookup.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(lookup.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('Add a link field first.');
    fireEvent.click(lookup);
    expect(stubs.addField).toHaveBeenCalledTimes(1);
  });

  it('points a new link at another table of the app, creating both sides through the link store', async () => {
    const orders = tableRow('tbl-orders', 'Orders', []);
    const addLinkField = vi.fn<LinkActions['addLinkField']>(() => Promise.resolve(true));
    linkStore.setState({ addLinkField });
    const { stubs } = await renderDesigner({
      table: tableRow('tbl', 'Customers', [name]),
      otherTables: [orders],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add Link to another table' }));
    await waitFor(() => expect(addLinkField).toHaveBeenCalledTimes(1));
    expect(addLinkField.mock.calls[0]?.[1]).toMatchObject({ kind: 'link', targetTableId: 'tbl-orders' });
    expect(addLinkField.mock.calls[0]?.[2]).toEqual({ name: 'Customers', multiple: true });
    expect(stubs.addField).not.toHaveBeenCalled();
  });
});

describe('field list', () => {
  it('lists the fields and moves one down from its menu', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [name, status]) });
    const list = screen.getByRole('list', { name: 'Fields of Customers' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    const row = screen.getByTestId('field-row-Name');
    fireEvent.click(within(row).getByRole('button', { name: 'Actions for Name' }));
    expect(within(row).queryByRole('menuitem', { name: 'Move up' })).toBeNull();
    fireEvent.click(within(row).getByRole('menuitem', { name: 'Move down' }));
    await waitFor(() => expect(stubs.moveField).toHaveBeenCalledWith('tbl', 'fld-name', 1));
  });

  it('deletes a field only after confirmation', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [name, status]) });
    const row = screen.getByTestId('field-row-Status');
    fireEvent.click(within(row).getByRole('button', { name: 'Actions for Status' }));
    fireEvent.click(within(row).getByRole('menuitem', { name: 'Delete' }));
    expect(stubs.deleteField).not.toHaveBeenCalled();
    const dialog = await screen.findByRole('dialog', { name: 'Delete the field “Status”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(stubs.deleteField).toHaveBeenCalledWith('tbl', 'fld-status'));
  });
});

describe('properties panel', () => {
  it('saves a renamed select field with a renamed, recoloured and added option', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [name, status]) });
    fireEvent.click(within(screen.getByTestId('field-row-Status')).getByRole('button', { name: /^Status/ }));
    const panel = await screen.findByTestId('field-panel');
    fireEvent.change(within(panel).getByLabelText('Field name'), { target: { value: 'Stage' } });
    fireEvent.change(within(panel).getByLabelText('Name of option 2'), { target: { value: 'Closed won' } });
    fireEvent.change(within(panel).getByLabelText('Colour of New'), { target: { value: 'purple' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add option' }));
    fireEvent.change(await within(panel).findByLabelText('Name of option 3'), { target: { value: 'Lost' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));

    await waitFor(() => expect(stubs.saveField).toHaveBeenCalledTimes(1));
    const saved = fieldArgument(stubs.saveField);
    expect(saved).toEqual({
      id: 'fld-status',
      name: 'Stage',
      kind: 'singleSelect',
      options: [
        { id: 'o-new', name: 'New', color: 'purple' },
        { id: 'o-won', name: 'Closed won', color: 'green' },
        { id: expect.any(String) as string, name: 'Lost', color: expect.any(String) as string },
      ],
    });
    expect(FieldSchema.parse(saved)).toEqual(saved);
  });

  it('moves an option down with its button', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [status]) });
    const panel = await screen.findByTestId('field-panel');
    fireEvent.click(within(panel).getByRole('button', { name: 'Move New down' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(stubs.saveField).toHaveBeenCalledTimes(1));
    expect(fieldArgument(stubs.saveField)).toMatchObject({
      options: [{ id: 'o-won' }, { id: 'o-new' }],
    });
  });

  it('refuses a name another field has, next to the input, and saves nothing', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [name, status]) });
    const panel = await screen.findByTestId('field-panel');
    const input = within(panel).getByLabelText('Field name');
    fireEvent.change(input, { target: { value: ' status ' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));
    expect(await within(panel).findByText('Another field is already called “status”.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(stubs.saveField).not.toHaveBeenCalled();
  });

  it('stores a fixed default typed as text in the kind’s own type', async () => {
    const spend: Field = {
      id: 'fld-spend',
      name: 'Total spend',
      kind: 'currency',
      currency: 'CNY',
      precision: 2,
    };
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [spend]) });
    const panel = await screen.findByTestId('field-panel');
    fireEvent.change(within(panel).getByLabelText('New records start with'), { target: { value: 'fixed' } });
    fireEvent.change(await within(panel).findByLabelText('Default value'), { target: { value: '1,200.50' } });
    fireEvent.change(within(panel).getByLabelText('Currency code'), { target: { value: 'usd' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(stubs.saveField).toHaveBeenCalledTimes(1));
    expect(fieldArgument(stubs.saveField)).toEqual({ ...spend, currency: 'USD', defaultValue: 1200.5 });
  });
});
