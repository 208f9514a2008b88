// Keyboard dragging on a kanban board: Left and Right jump the picked-up card to the next column that way. (The
// sortable preset of dnd-kit expects the dragged item to be a drop target itself, which a card is not.)
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/** Where the card's top edge sits in a column it jumps to: below the column header. */
const HEADER_OFFSET = 40;

export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (step === 0) {
    // Up and Down would only scroll the page under the picked-up card.
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const centre = collisionRect.left + collisionRect.width / 2;
  let best: { left: number; top: number; width: number; distance: number } | undefined;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const distance = (rect.left + rect.width / 2 - centre) * step;
    // Only columns whose middle lies ahead; the nearest one wins.
    if (distance <= 1 || (best && distance >= best.distance)) continue;
    best = { left: rect.left, top: rect.top, width: rect.width, distance };
  }
  if (!best) return undefined;
  return { x: best.left + Math.max(0, (best.width - collisionRect.width) / 2), y: best.top + HEADER_OFFSET };
};
