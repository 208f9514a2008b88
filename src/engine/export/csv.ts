// CSV text as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a comma,
// a quote, a line break or edge spaces. The caller adds a byte-order mark when Excel must see UTF-8.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text, a CRLF after each row. */
export function csvText(rows: readonly (readonly string[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvField).join(',')}\r\n`;
  return text;
}

/** Excel opens a CSV file as UTF-8 (rather than the system code page) only when it starts with this mark. */
export const UTF8_BOM = '\uFEFF';
