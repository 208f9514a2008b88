// @vitest-environment happy-dom
// Formula and tier fields in the properties panel, and the preview shown before a kind change converts values.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../../src/engine';
import { FieldSchema } from '../../../../src/engine';
import { fieldArgument, renderDesigner, tableRow } from './designer-harness';

const spend: Field = { id: 'fld-spend', name: 'Total spend', kind: 'currency', currency: 'CNY' };

function openPanel(fieldName: string): Promise<HTMLElement> {
  const row = screen.getByTestId(`field-row-${fieldName}`);
  fireEvent.click(within(row).getByRole('button', { name: new RegExp(`^${fieldName}`) }));
  return screen.findByTestId('field-panel');
}

describe('tier rules', () => {
  const tier: Field = {
    id: 'fld-tier',
    name: 'Tier',
    kind: 'tier',
    rules: [],
    fallback: { label: 'General', color: 'gray' },
  };

  it('compiles a typed condition into the stored JSON, in rule order, with the fallback', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [spend, tier]) });
    const panel = await openPanel('Tier');
    fireEvent.click(within(panel).getByRole('button', { name: 'Add rule' }));
    fireEvent.change(await within(panel).findByLabelText('Label of rule 1'), {
      target: { value: 'High value' },
    });
    fireEvent.change(within(panel).getByLabelText('Condition of rule 1'), {
      target: { value: '{Total spend} >= 10000' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add rule' }));
    fireEvent.change(await within(panel).findByLabelText('Label of rule 2'), {
      target: { value: 'Potential' },
    });
    fireEvent.change(within(panel).getByLabelText('Condition of rule 2'), {
      target: { value: '{Total spend} >= 2000' },
    });
    fireEvent.change(within(panel).getByLabelText('Label when no rule matches'), {
      target: { value: 'Basic' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));

    await waitFor(() => expect(stubs.saveField).toHaveBeenCalledTimes(1));
    const saved = fieldArgument(stubs.saveField);
    expect(saved).toMatchObject({
      kind: 'tier',
      rules: [
        { label: 'High value', condition: { GTE: [{ var: 'fld-spend' }, 10000] } },
        { label: 'Potential', condition: { GTE: [{ var: 'fld-spend' }, 2000] } },
      ],
      fallback: { label: 'Basic', color: 'gray' },
    });
    expect(FieldSchema.parse(saved)).toEqual(saved);
  });

  it('shows a stored condition back as formula text', async () => {
    const stored: Field = {
      ...tier,
      rules: [
        { id: 'r1', label: 'High value', color: 'red', condition: { GTE: [{ var: 'fld-spend' }, 10000] } },
      ],
    };
    await renderDesigner({ table: tableRow('tbl', 'Customers', [spend, stored]) });
    const panel = await openPanel('Tier');
    expect(within(panel).getByLabelText<HTMLInputElement>('Condition of rule 1').value).toBe(
      '{Total spend} >= 10000',
    );
  });

  it('refuses a condition that does not compile, saying why', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [spend, tier]) });
    const panel = await openPanel('Tier');
    fireEvent.click(within(panel).getByRole('button', { name: 'Add rule' }));
    fireEvent.change(await within(panel).findByLabelText('Condition of rule 1'), {
      target: { value: '{Spend} >= 10000' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));
    expect(await within(panel).findByText(/^Character 1: No field is called “Spend”/)).toBeTruthy();
    expect(stubs.saveField).not.toHaveBeenCalled();
  });
});

describe('formula', () => {
  const formula: Field = { id: 'fld-f', name: 'Bonus', kind: 'formula', expression: null };

  it('shows a typo as a localized error with its position, and saves nothing', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [spend, formula]) });
    const panel = await openPanel('Bonus');
    fireEvent.change(within(panel).getByLabelText('Formula'), { target: { value: '2 * {Total spnd}' } });
    expect(
      await within(panel).findByText(
        'Character 5: No field is called “Total spnd”. Did you mean “Total spend”?',
      ),
    ).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stubs.saveField).not.toHaveBeenCalled();
  });

  it('shows the result type and saves the compiled expression', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [spend, formula]) });
    const panel = await openPanel('Bonus');
    fireEvent.change(within(panel).getByLabelText('Formula'), { target: { value: '{Total spend} * 0.1' } });
    expect(await within(panel).findByText('Result: Number')).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('Decimal places'), { target: { value: '2' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(stubs.saveField).toHaveBeenCalledTimes(1));
    expect(fieldArgument(stubs.saveField)).toEqual({
      id: 'fld-f',
      name: 'Bonus',
      kind: 'formula',
      expression: { MULTIPLY: [{ var: 'fld-spend' }, 0.1] },
      resultType: 'number',
      precision: 2,
    });
  });
});

describe('kind change', () => {
  const note: Field = { id: 'fld-note', name: 'Score', kind: 'text' };

  it('shows how many values convert and which cannot, and saves only when confirmed', async () => {
    const { stubs } = await renderDesigner({
      table: tableRow('tbl', 'Customers', [note]),
      preview: {
        converted: 3,
        unchanged: 2,
        failedCount: 1,
        failed: [{ recordId: 'r9', value: 'abc', problem: { code: 'notANumber', params: { text: 'abc' } } }],
        newOptions: [],
      },
    });
    const panel = await openPanel('Score');
    fireEvent.change(within(panel).getByLabelText('Field type'), { target: { value: 'number' } });

    const dialog = await screen.findByRole('dialog', { name: 'Change “Score” to Number?' });
    expect(stubs.previewKindChange).toHaveBeenCalledWith('tbl', note, {
      id: 'fld-note',
      name: 'Score',
      kind: 'number',
    });
    const summary = within(dialog).getByTestId('kind-change-summary');
    expect(summary.textContent).toContain('3 values convert');
    expect(summary.textContent).toContain('2 stay unchanged');
    expect(summary.textContent).toContain("1 can't be converted");
    const row = within(dialog).getByRole('row', { name: /abc/ });
    expect(row.textContent).toContain('“abc” is not a number.');
    expect(stubs.saveField).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Change type' }));
    await waitFor(() =>
      expect(stubs.saveField).toHaveBeenCalledWith('tbl', { id: 'fld-note', name: 'Score', kind: 'number' }),
    );
  });

  it('changes at once when no stored value would change', async () => {
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [note]) });
    const panel = await openPanel('Score');
    fireEvent.change(within(panel).getByLabelText('Field type'), { target: { value: 'longText' } });
    await waitFor(() =>
      expect(stubs.saveField).toHaveBeenCalledWith('tbl', {
        id: 'fld-note',
        name: 'Score',
        kind: 'longText',
      }),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('auto number', () => {
  it('shows a live example of the number format and saves the options', async () => {
    const serial: Field = { id: 'fld-no', name: 'No', kind: 'autoNumber', dateFormat: 'none', digits: 4 };
    const { stubs } = await renderDesigner({ table: tableRow('tbl', 'Customers', [serial]) });
    const panel = await screen.findByTestId('field-panel');
    expect(within(panel).getByText('Example: 0007')).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('Prefix'), { target: { value: 'KH-' } });
    fireEvent.change(within(panel).getByLabelText('Date part'), { target: { value: 'yyyyMMdd' } });
    expect(await within(panel).findByText(/^Example: KH-\d{8}-0007$/)).toBeTruthy();
    fireEvent.click(within(panel).getByLabelText('Restart the sequence when the date part changes'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(stubs.saveField).toHaveBeenCalledTimes(1));
    expect(fieldArgument(stubs.saveField)).toEqual({
      ...serial,
      prefix: 'KH-',
      dateFormat: 'yyyyMMdd',
      resetWithDate: true,
    });
  });
});
