// Excel wildcards (`*` any run, `?` one character, `~` escapes the next) for COUNTIF criteria and SEARCH, matched
// case-insensitively without building a RegExp from user text, in O(text × pattern) time at worst.

type Token =
  { readonly kind: 'char'; readonly char: string } | { readonly kind: 'one' } | { readonly kind: 'any' };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  const lower = pattern.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i] ?? '';
    if (char === '~' && i + 1 < lower.length) tokens.push({ kind: 'char', char: lower[++i] ?? '' });
    else if (char === '*') tokens.push({ kind: 'any' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

export function hasWildcards(pattern: string): boolean {
  return /[*?~]/.test(pattern);
}

/** Whether `text` matches all of `pattern` (case-insensitive). */
export function wildcardMatch(pattern: string, text: string): boolean {
  return matchFrom(tokenize(pattern), text.toLowerCase(), 0, true) >= 0;
}

/**
 * Index of the first place at or after `from` where `pattern` matches a substring of `text` (case-insensitive), or -1.
 * A pattern `s1*s2*…*sk` matches from i when s1 matches at i and each later segment is found after the previous one,
 * so the earliest i where s1 matches is the only candidate worth completing.
 */
export function wildcardSearch(pattern: string, text: string, from = 0): number {
  const tokens = tokenize(pattern);
  const lower = text.toLowerCase();
  const firstAny = tokens.findIndex((token) => token.kind === 'any');
  const head = firstAny < 0 ? tokens : tokens.slice(0, firstAny);
  for (let start = from; start + head.length <= lower.length; start++) {
    if (!segmentAt(head, lower, start)) continue;
    return matchFrom(tokens, lower, start, false) >= 0 ? start : -1;
  }
  return head.length === 0 && from <= lower.length ? from : -1;
}

function segmentAt(segment: readonly Token[], text: string, at: number): boolean {
  for (let j = 0; j < segment.length; j++) {
    const token = segment[j];
    const char = text[at + j];
    if (char === undefined) return false;
    if (token?.kind === 'char' && token.char !== char) return false;
  }
  return true;
}

/**
 * Classic greedy wildcard matching with one backtrack point (the last `*`), linear in practice and O(n·m) at worst.
 * With `whole` false the pattern only has to match a prefix of text[start…]. Returns the end index or -1.
 */
function matchFrom(tokens: readonly Token[], text: string, start: number, whole: boolean): number {
  let t = start;
  let p = 0;
  let starP = -1;
  let starT = -1;
  while (t < text.length || p < tokens.length) {
    if (p === tokens.length && !whole) return t;
    const token = tokens[p];
    if (token?.kind === 'any') {
      starP = p++;
      starT = t;
      continue;
    }
    if (token && t < text.length && (token.kind === 'one' || token.char === text[t])) {
      p++;
      t++;
      continue;
    }
    if (starP < 0 || starT >= text.length) return -1;
    p = starP + 1;
    t = ++starT;
  }
  return t;
}
