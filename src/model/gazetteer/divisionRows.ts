// China's administrative divisions (chinaDivisions.ts, generated) parsed once for every reader:
// screening's place qualifiers and the XUAR spelling rule read the same rows.
import { CHINA_DIVISIONS } from './chinaDivisions';

export interface DivisionRow {
  /** 2 digits a province, 4 a prefecture, 6 a county, city or district */
  code: string;
  /** name without its administrative suffix */
  zh: string;
  /** the suffix (市, 县, 自治州, ...), '' for none */
  suffix: string;
  pinyin: string;
}

let rows: readonly DivisionRow[] | undefined;

export function chinaDivisionRows(): readonly DivisionRow[] {
  if (rows) return rows;
  const out: DivisionRow[] = [];
  for (const line of CHINA_DIVISIONS.split('\n')) {
    const [code, zh, suffix, pinyin] = line.split(' ');
    if (pinyin) out.push({ code, zh, suffix: suffix === '-' ? '' : suffix, pinyin });
  }
  rows = out;
  return rows;
}
