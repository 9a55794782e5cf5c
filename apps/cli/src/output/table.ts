import stringWidth from 'string-width';

export interface Column {
  header: string;
  /** May be cut short (with …) when the table is wider than the terminal; the rightmost such column first. */
  shrinkable?: boolean;
}

const GAP = '  ';
const MIN_SHRUNK_WIDTH = 10;

/**
 * A plain-text table aligned by display width, so Chinese names (two columns
 * per character in a terminal) line up with English ones. When `maxWidth` is
 * given (a terminal's width), shrinkable columns are cut to fit.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], maxWidth?: number): string {
  const widths = columns.map((column, i) => Math.max(stringWidth(column.header), ...rows.map((row) => stringWidth(row[i] ?? ''))));

  // A pseudo-terminal may report 0 columns: treat that as unknown.
  if (maxWidth !== undefined && maxWidth > 0) {
    let excess = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (columns.length - 1) - maxWidth;
    // The rightmost shrinkable column gives way first.
    for (let i = columns.length - 1; i >= 0 && excess > 0; i--) {
      const width = widths[i] ?? 0;
      if (!columns[i]?.shrinkable || width <= MIN_SHRUNK_WIDTH) continue;
      const cut = Math.min(excess, width - MIN_SHRUNK_WIDTH);
      widths[i] = width - cut;
      excess -= cut;
    }
  }

  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const fitted = truncate(cell, width);
        // The last cell is not padded: no trailing spaces.
        return i === cells.length - 1 ? fitted : fitted + ' '.repeat(width - stringWidth(fitted));
      })
      .join(GAP);

  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n') + '\n';
}

function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let result = '';
  for (const char of text) {
    if (stringWidth(result + char) > width - 1) break;
    result += char;
  }
  return `${result}…`;
}
