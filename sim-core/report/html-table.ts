// A table builder for the HTML report: header cells, body rows of already-escaped HTML, numeric columns aligned
// right, optional per-row classes (the target load, the total).

export interface HtmlColumn {
  title: string;
  num?: boolean;
  /** CSS width, e.g. "18%". */
  width?: string;
  className?: string;
}

export interface HtmlRow {
  cells: string[];
  className?: string;
}

export function htmlTable(columns: HtmlColumn[], rows: (HtmlRow | string[])[]): string {
  const cls = (c: HtmlColumn) => [c.num ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ');
  const head = columns.map((c) => `<th${cls(c) ? ` class="${cls(c)}"` : ''}${c.width ? ` style="width:${c.width}"` : ''}>${c.title}</th>`).join('');
  const body = rows
    .map((r) => {
      const row = Array.isArray(r) ? { cells: r } : r;
      const tds = row.cells.map((cell, i) => `<td${cls(columns[i] ?? { title: '' }) ? ` class="${cls(columns[i])}"` : ''}>${cell}</td>`).join('');
      return `<tr${row.className ? ` class="${row.className}"` : ''}>${tds}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
