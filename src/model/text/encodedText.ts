// Text that a web system or an export wrote encoded: HTML entities ("Xinjiang&nbsp;Zhongtai",
// "&#26032;&#30086;" for 新疆, "Smith &amp; Co") and percent-encoding ("Xinjiang%20Zhongtai",
// "%E6%96%B0%E7%96%86"), as names and addresses arrive from web forms, scraped pages and URLs.
// Read as written, "Xinjiang%20Zhongtai%20Chemical" found nothing. The decoded text is a second
// reading, beside the text as stored.
import { decodeHTML } from 'entities';

const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const PERCENT = /%[0-9a-f]{2}/i;

/** The text with HTML entities and percent-encoding decoded, or undefined when it holds neither (or the encoding does not decode). */
export function decodedText(s: string): string | undefined {
  let out = s;
  if (ENTITY.test(out)) out = decodeHTML(out);
  if (PERCENT.test(out)) {
    try {
      out = decodeURIComponent(out);
    } catch {
      // "100%ABC": not percent-encoding after all
    }
  }
  return out === s ? undefined : out;
}
