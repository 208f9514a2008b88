// The grid's rows as displayed: records, with a header row before each group when the view is grouped. Display
// index ↔ record index in O(log groups), without an array as long as the table.

export interface GridGroup {
  readonly key: string;
  readonly label: string;
  readonly color?: string | undefined;
  readonly count: number;
  /** Index of the group's first record in the ordered list. */
  readonly start: number;
  /** Per-group figures shown in its header ("Sum of Total spend: ¥1,234"). */
  readonly summary: readonly string[];
}

export type DisplayRow =
  | { readonly type: 'group'; readonly group: GridGroup; readonly groupIndex: number }
  | { readonly type: 'record'; readonly recordIndex: number };

export class GridLayout {
  /** Display index of each group's header. */
  private readonly headerAt: number[];

  constructor(
    readonly recordCount: number,
    readonly groups: readonly GridGroup[] | undefined,
  ) {
    this.headerAt = (groups ?? []).map((group, at) => group.start + at);
  }

  get displayCount(): number {
    return this.recordCount + (this.groups?.length ?? 0);
  }

  /** Groups whose header precedes display index `index` (inclusive). */
  private groupsBefore(index: number): number {
    let low = 0;
    let high = this.headerAt.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.headerAt[middle] ?? 0) <= index) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  rowAt(index: number): DisplayRow {
    const groups = this.groups;
    if (groups) {
      const before = this.groupsBefore(index);
      const group = groups[before - 1];
      if (group && this.headerAt[before - 1] === index)
        return { type: 'group', group, groupIndex: before - 1 };
      return { type: 'record', recordIndex: index - before };
    }
    return { type: 'record', recordIndex: index };
  }

  /** Where record `recordIndex` is displayed. */
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
    return recordIndex + low;
  }
}
