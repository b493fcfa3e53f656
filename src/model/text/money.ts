// Money as the packets print it and the explorer shows it: "USD 300,712.50". Here, at the
// bottom layer, so both the packets (src/packets/) and the web page (web/src/) use one rule.

/** Money is grouped as a U.S. reader reads it, whatever the machine's locale. */
export const MONEY_LOCALE = 'en-US';
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "USD 300,712.50", "CNY 2,150,000.00", "JPY 1,200": the ISO code and the currency's own decimals (two for most). */
export function fmtMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return 'amount not stated';
  const code = currency?.trim().toUpperCase() ?? '';
  let f = moneyFormats.get(code);
  if (!f) {
    try {
      f = /^[A-Z]{3}$/.test(code)
        ? new Intl.NumberFormat(MONEY_LOCALE, { style: 'currency', currency: code, currencyDisplay: 'code' })
        : new Intl.NumberFormat(MONEY_LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      f = new Intl.NumberFormat(MONEY_LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(code, f);
  }
  const text = f.format(amount).replace(/\u00a0/g, ' ');
  if (f.resolvedOptions().style === 'currency') return text;
  return code ? `${code} ${text}` : `${text} (currency not stated)`;
}
