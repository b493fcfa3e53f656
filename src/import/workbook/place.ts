// Cell references: column letters and numbers (`C` is 3, `AA` is 27).

/** Spreadsheet column letters of a 1-based column number: 1 -> A, 27 -> AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The 1-based column number of column letters: A -> 1, AA -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
