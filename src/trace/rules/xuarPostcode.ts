// A Chinese postcode of the XUAR in a location: China's postcodes begin with their province's
// digits, and every code of the region begins 83 or 84 (Urumqi 830000, Kashgar 844000, Hotan
// 848000). A site given as "…, 830011" or "邮编 844000" with no place the rule reads is in the
// XUAR. Read only where the country is China (India's PIN codes and others also have six digits)
// and where the number is a postcode by its label or by its place at the end of the address.
export interface PostcodeReading {
  text: string;
  note: string;
}

const LABELLED =
  /(?<![\p{L}\p{N}])(?:post(?:al)?\s*code|postcode|zip(?:\s*code)?|p\.?\s*c\.?|邮编|邮政编码)\s*[:：#.]?\s*(8[34]\d{4})(?!\d)/iu;
// the address's last token: ", 830011" or "Urumqi 830011", not a number of a room, unit or building
const LAST = /(?<!(?:room|rm|unit|no|suite|flat|floor|fl|building|bldg|box|#|号|室)\.?\s*)(?:^|[\s,，])(8[34]\d{4})\s*\.?\s*$/iu;

/** The field's text with the region named beside a XUAR postcode, or null where it has none. */
export function readXuarPostcode(field: string, value: string, inChina: boolean): PostcodeReading | null {
  if (!inChina) return null;
  const m = LABELLED.exec(value) ?? LAST.exec(value);
  if (!m) return null;
  return {
    text: `${value} Xinjiang`,
    note: `${field} "${value.trim()}": postcode ${m[1]} is the XUAR's (China's postcodes of the region begin 83 or 84)`,
  };
}
