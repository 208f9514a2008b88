// The inline editor of one cell: typed text goes through the same parser as paste and import (parseCellText), so a
// value the grid accepts is one a CSV would also give. A refused value keeps the editor open with the reason.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cellText, parseCellText, type CellValue, type Field, type Person } from '../../../engine';

/** How the editor was left: committing moves the cursor like a spreadsheet does. */
export type EditorExit = 'enter' | 'tab' | 'shiftTab' | 'blur';

export interface CellEditorProps {
  readonly field: Field;
  readonly value: unknown;
  /** A character typed on the cell that opened the editor: it replaces the value, as in a spreadsheet. */
  readonly initialText: string | undefined;
  readonly timeZone: string;
  readonly people: readonly Person[];
  readonly onCommit: (value: CellValue, exit: EditorExit) => void;
  readonly onCancel: () => void;
}

/** Kinds edited by picking, not typing. */
function isPicker(field: Field): boolean {
  return field.kind === 'singleSelect' || field.kind === 'person';
}

export function CellEditor({
  field,
  value,
  initialText,
  timeZone,
  people,
  onCommit,
  onCancel,
}: CellEditorProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => initialText ?? cellText(field, value, { timeZone }));
  const [problem, setProblem] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    if (
      initialText === undefined &&
      'select' in input &&
      typeof input.select === 'function' &&
      !isPicker(field)
    )
      input.select();
  }, [field, initialText]);

  // Enter commits and closes the editor, and the closing editor then loses focus: only the first exit counts.
  const done = useRef(false);
  const commit = (exit: EditorExit, raw: string = text): void => {
    if (done.current) return;
    if (field.kind === 'person') {
      done.current = true;
      onCommit(raw === '' ? null : raw, exit);
      return;
    }
    const parsed = parseCellText(field, raw, { timeZone, createOptions: false });
    if (parsed.ok && parsed.value === null && field.required === true) {
      // A required field is never emptied: leaving the editor keeps the old value.
      if (exit === 'blur') {
        done.current = true;
        onCancel();
      } else setProblem(t('grid.required', { name: field.name }));
      return;
    }
    if (parsed.ok || exit === 'blur') done.current = true;
    if (parsed.ok) onCommit(parsed.value, exit);
    else if (exit === 'blur') onCancel();
    else setProblem(t(`cellProblems.${parsed.problem.code}`, { ...parsed.problem.params }));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      done.current = true;
      onCancel();
    } else if (event.key === 'Enter' && !(field.kind === 'longText' && event.shiftKey)) {
      event.preventDefault();
      commit('enter');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commit(event.shiftKey ? 'shiftTab' : 'tab');
    }
  };

  const common = {
    className: 'cell-editor-input',
    'aria-label': field.name,
    'aria-invalid': problem !== undefined,
    onKeyDown,
    onBlur: () => commit('blur'),
  };

  let input;
  if (field.kind === 'singleSelect') {
    input = (
      <select
        {...common}
        ref={inputRef}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          commit('enter', event.target.value);
        }}
      >
        <option value="">—</option>
        {field.options.map((option) => (
          <option key={option.id} value={option.name}>
            {option.name}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'person') {
    input = (
      <select
        {...common}
        ref={inputRef}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => commit('enter', event.target.value)}
      >
        <option value="">—</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'longText') {
    input = (
      <textarea
        {...common}
        ref={inputRef}
        value={text}
        rows={4}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(undefined);
        }}
      />
    );
  } else {
    input = (
      <input
        {...common}
        ref={inputRef}
        value={text}
        inputMode={
          field.kind === 'number' || field.kind === 'currency' || field.kind === 'percent'
            ? 'decimal'
            : undefined
        }
        onChange={(event) => {
          setText(event.target.value);
          setProblem(undefined);
        }}
      />
    );
  }
  return (
    <div className="cell-editor">
      {input}
      {problem ? (
        <div className="cell-editor-problem" role="alert">
          {problem}
        </div>
      ) : null}
    </div>
  );
}
