// The grid's rows as displayed: records, with a header row before each group when the view is grouped; a collapsed
// group shows its header only. Display index ↔ record index in O(log groups), without an array as long as the table.

export interface GridGroup {
  readonly key: string;
  readonly label: string;
  readonly color?: string | undefined;
  readonly count: number;
  /** Index of the group's first record in the ordered list. */
  readonly start: number;
  /** Per-group figures shown in its header ("Total spend: sum ¥1,234, average ¥56"). */
  readonly summary: readonly string[];
}

export type DisplayRow =
  | {
      readonly type: 'group';
      readonly group: GridGroup;
      readonly groupIndex: number;
      readonly collapsed: boolean;
    }
  | { readonly type: 'record'; readonly recordIndex: number };

export class GridLayout {
  /** Display index of each group's header. */
  private readonly headerAt: number[] = [];
  private readonly total: number;

  constructor(
    readonly recordCount: number,
    readonly groups: readonly GridGroup[] | undefined,
    private readonly collapsed: ReadonlySet<string> = new Set(),
  ) {
    let at = 0;
    for (const group of groups ?? []) {
      this.headerAt.push(at);
      at += 1 + (collapsed.has(group.key) ? 0 : group.count);
    }
    this.total = groups ? at : recordCount;
  }

  get displayCount(): number {
    return this.total;
  }

  /** The last group whose header is at or before display index `index`. */
  private groupAt(index: number): number {
    let low = 0;
    let high = this.headerAt.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.headerAt[middle] ?? 0) <= index) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }

  rowAt(index: number): DisplayRow {
    const groups = this.groups;
    if (!groups) return { type: 'record', recordIndex: index };
    const groupIndex = Math.max(0, this.groupAt(index));
    const group = groups[groupIndex];
    const header = this.headerAt[groupIndex] ?? 0;
    if (!group) return { type: 'record', recordIndex: index };
    if (index === header)
      return { type: 'group', group, groupIndex, collapsed: this.collapsed.has(group.key) };
    return { type: 'record', recordIndex: group.start + (index - header - 1) };
  }

  /** Where record `recordIndex` is displayed (its group's header when the group is collapsed). */
  displayIndexOf(recordIndex: number): number {
    const groups = this.groups;
    if (!groups) return recordIndex;
    let low = 0;
    let high = groups.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((groups[middle]?.start ?? 0) <= recordIndex) low = middle + 1;
      else high = middle;
    }
    const groupIndex = Math.max(0, low - 1);
    const group = groups[groupIndex];
    const header = this.headerAt[groupIndex] ?? 0;
    if (!group || this.collapsed.has(group.key)) return header;
    return header + 1 + (recordIndex - group.start);
  }
}
