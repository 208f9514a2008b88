// Text as queries compare it: case-folded and NFKC-normalized (full-width ＡＢＣ１ is ABC1), cached because the same
// strings are folded again on every keystroke of a search; and collation ranks, so sorting compares numbers.

// Printable ASCII is its own NFKC form: only toLowerCase is needed, which skips the costlier normalize().
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Case-insensitive, compatibility-normalized text for contains/starts-with tests. */
export function foldText(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
}

/** Remembers folded strings; a cache that grew past `limit` starts over rather than growing without bound. */
export class TextFolder {
  private readonly folded = new Map<string, string>();

  constructor(private readonly limit = 500_000) {}

  fold(text: string): string {
    let result = this.folded.get(text);
    if (result === undefined) {
      result = foldText(text);
      if (this.folded.size >= this.limit) this.folded.clear();
      this.folded.set(text, result);
    }
    return result;
  }
}

/**
 * Ranks of strings in a collator's order: sorting by rank is sorting with the collator, but a comparison is one
 * subtraction. Ranks are kept between queries; strings not seen before are merged in by binary search, so an edit
 * costs a few comparisons rather than a new sort of every distinct value.
 */
export class CollationRanks {
  private sorted: string[] = [];
  private ranks = new Map<string, number>();

  constructor(private readonly collator: Intl.Collator) {}

  /** The rank of each string (equal for strings the collator calls equal), adding unseen strings first. */
  rankAll(texts: Iterable<string>): ReadonlyMap<string, number> {
    const unseen = new Set<string>();
    for (const text of texts) if (!this.ranks.has(text)) unseen.add(text);
    if (unseen.size === 0) return this.ranks;
    const compare = this.collator.compare;
    if (unseen.size > this.sorted.length / 8) {
      // Many new strings (the first query on a column): one sort of everything is cheaper than many insertions.
      this.sorted = [...this.sorted, ...unseen].sort(compare);
    } else {
      for (const text of unseen) {
        let low = 0;
        let high = this.sorted.length;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (compare(this.sorted[middle] ?? '', text) <= 0) low = middle + 1;
          else high = middle;
        }
        this.sorted.splice(low, 0, text);
      }
    }
    const ranks = new Map<string, number>();
    let rank = 0;
    let previous: string | undefined;
    for (const text of this.sorted) {
      if (previous !== undefined && compare(previous, text) !== 0) rank++;
      ranks.set(text, rank);
      previous = text;
    }
    this.ranks = ranks;
    return ranks;
  }
}

/**
 * What queries keep between runs over the same table: folded texts and collation ranks. Nothing in it depends on
 * record positions, so it stays valid when records are added, changed or removed.
 */
export class QueryCache {
  readonly folder = new TextFolder();
  private collationRanks: CollationRanks | undefined;
  private collator: Intl.Collator | undefined;

  ranksFor(collator: Intl.Collator): CollationRanks {
    if (this.collator !== collator || this.collationRanks === undefined) {
      this.collator = collator;
      this.collationRanks = new CollationRanks(collator);
    }
    return this.collationRanks;
  }
}
