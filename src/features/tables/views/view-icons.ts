// The glyph of each view kind, shown on its tab and in the "+ View" menu (decorative: the name says the rest).
import type { View } from '../../../engine';

export const VIEW_KIND_ICONS: Readonly<Record<View['kind'], string>> = { grid: '▦', kanban: '▥' };
