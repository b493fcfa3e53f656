// The region's and its prefecture-level places' names in the Uyghur (Arabic) script, as the
// region's own bilingual signage and the Uyghur Wikipedia write them, each with the Latin
// spelling seed/xuar-places.json knows. Addresses in the XUAR are often bilingual; a document
// that keeps only the Uyghur line must still place the site. Longest names first, so the
// region's full name is read before its first word.
export const UYGHUR_PLACE_NAMES: readonly (readonly [uyghur: string, latin: string])[] = [
  ['شىنجاڭ ئۇيغۇر ئاپتونوم رايونى', 'Xinjiang Uyghur Autonomous Region'],
  ['شىنجاڭ ئىشلەپچىقىرىش-قۇرۇلۇش بىڭتۈەنى', 'Xinjiang Production and Construction Corps'],
  ['بايىنغولىن', 'Bayingolin'],
  ['ئۈرۈمچى', 'Urumqi'],
  ['قاراماي', 'Karamay'],
  ['تۇرپان', 'Turpan'],
  ['قۇمۇل', 'Hami'],
  ['سانجى', 'Changji'],
  ['بۆرتالا', 'Bortala'],
  ['ئاقسۇ', 'Aksu'],
  ['قىزىلسۇ', 'Kizilsu'],
  ['قەشقەر', 'Kashgar'],
  ['خوتەن', 'Hotan'],
  ['غۇلجا', 'Yining'],
  ['ئىلى', 'Ili'],
  ['چۆچەك', 'Tacheng'],
  ['ئالتاي', 'Altay'],
  ['كورلا', 'Korla'],
  ['شىخەنزە', 'Shihezi'],
  ['شىنجاڭ', 'Xinjiang'],
];
