// The field palette: every kind, grouped. Click (or Enter/Space) adds the kind at the end of the field list; dragging
// it onto the list inserts it where it is dropped. Kinds that need something first (a link field) say what.
import { useDraggable } from '@dnd-kit/core';
import { useId } from 'react';
import type { PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldKind } from '../../../engine';
import { FIELD_KIND_GROUPS } from '../../../engine';
import { useDesignerNames } from './kind-names';

/** Drag data of a palette item; field rows carry `{ type: 'field' }`. */
export interface PaletteDragData {
  readonly type: 'palette';
  readonly kind: FieldKind;
}

export const PALETTE_PREFIX = 'palette:';

export interface PaletteProps {
  /** Why `kind` cannot be added now (localized), or undefined. */
  readonly unavailable: (kind: FieldKind) => string | undefined;
  readonly onAdd: (kind: FieldKind) => void;
}

function PaletteItem({
  kind,
  reason,
  hintId,
  onAdd,
}: {
  readonly kind: FieldKind;
  readonly reason: string | undefined;
  readonly hintId: string;
  readonly onAdd: (kind: FieldKind) => void;
}) {
  const { t } = useTranslation();
  const names = useDesignerNames();
  const data: PaletteDragData = { type: 'palette', kind };
  const { setNodeRef, listeners, isDragging } = useDraggable({
    id: `${PALETTE_PREFIX}${kind}`,
    data,
    disabled: reason !== undefined,
  });
  const reasonId = useId();
  // Only the pointer starts a drag here: Enter and Space stay the button's click, which adds at the end.
  // dnd-kit types its listeners loosely (Function); the pointer sensor's activator takes the pointer event.
  const onPointerDown = listeners?.onPointerDown as PointerEventHandler<HTMLButtonElement> | undefined;
  return (
    <li>
      <button
        type="button"
        ref={setNodeRef}
        className={
          isDragging ? 'designer-palette-item designer-palette-item-dragging' : 'designer-palette-item'
        }
        data-testid={`palette-${kind}`}
        aria-label={t('designer.palette.add', { kind: names.kind(kind) })}
        aria-describedby={reason ? reasonId : hintId}
        aria-disabled={reason !== undefined}
        onPointerDown={onPointerDown}
        onClick={() => {
          if (reason === undefined) onAdd(kind);
        }}
      >
        <span className="designer-kind-icon" aria-hidden="true">
          {KIND_ICONS[kind]}
        </span>
        {names.kind(kind)}
      </button>
      {reason ? (
        <span id={reasonId} className="visually-hidden">
          {reason}
        </span>
      ) : null}
    </li>
  );
}

export function Palette({ unavailable, onAdd }: PaletteProps) {
  const { t } = useTranslation();
  const names = useDesignerNames();
  const hintId = useId();
  return (
    <nav className="designer-palette" aria-label={t('designer.palette.title')}>
      <h3>{t('designer.palette.title')}</h3>
      <p className="muted designer-hint" id={hintId}>
        {t('designer.palette.hint')}
      </p>
      {FIELD_KIND_GROUPS.map((group) => (
        <section key={group.id} className="designer-palette-group" aria-label={names.group(group.id)}>
          <h4>{names.group(group.id)}</h4>
          <ul>
            {group.kinds.map((kind) => (
              <PaletteItem key={kind} kind={kind} reason={unavailable(kind)} hintId={hintId} onAdd={onAdd} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

/** A glyph per kind, so the palette and the list can be scanned without reading (no emoji: not every system has them). */
export const KIND_ICONS: Readonly<Record<FieldKind, string>> = {
  text: 'T',
  longText: '¶',
  number: '#',
  currency: '¥',
  percent: '%',
  checkbox: '☑',
  rating: '★',
  singleSelect: '◉',
  multiSelect: '☰',
  person: '☺',
  date: '▦',
  dateTime: '◷',
  createdTime: '⊕',
  lastModifiedTime: '✎',
  link: '⇄',
  lookup: '↗',
  rollup: 'Σ',
  formula: 'ƒ',
  tier: '▲',
  autoNumber: '№',
  email: '@',
  phone: '☎',
  url: '⇗',
  attachment: '⊞',
};
