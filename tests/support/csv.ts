// A strict RFC 4180 reader for the tests: records end with CRLF (the last one may not),
// a field is either plain (no quote, comma, CR or LF) or quoted with its quotes doubled.
// Anything else throws, so a test that parses an export also checks its quoting.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] !== '"') { field += text[i]; continue; }
        if (text[i + 1] !== '"') { i++; break; }
        field += '"';
        i++;
      }
    } else {
      for (; i < text.length && !',\r\n'.includes(text[i]); i++) {
        if (text[i] === '"') throw new Error(`a quote inside a plain field at offset ${i}`);
        field += text[i];
      }
    }
    row.push(field);
    if (i >= text.length) { rows.push(row); break; }
    if (text[i] === ',') { i++; if (i >= text.length) rows.push([...row, '']); continue; }
    if (text.startsWith('\r\n', i)) { i += 2; rows.push(row); row = []; continue; }
    throw new Error(`${JSON.stringify(text[i])} at offset ${i} where a comma or CRLF must be`);
  }
  return rows;
}
