// Words of a facility's name that say what kind of site it is, where on a firm's grounds it
// stands or which of several it is ("Spinning Mill", "North Yard", "Plant No. 2", 第二分厂),
// as the screening normaliser writes them (lower case; Chinese as pinyin). Two facilities
// whose names agree only in such words and a place are two sites of one kind in one town,
// not evidence of one site. The screening lexicon's form and sector words (factory, cotton,
// textile) are generic already; these are the site words it does not know.
const SITE_WORDS = new Set([
  // sites and their parts
  ...['plant', 'plants', 'mill', 'mills', 'works', 'workshop', 'workshops', 'facility', 'site', 'farm', 'farms', 'ranch', 'plantation'],
  ...['orchard', 'field', 'fields', 'yard', 'depot', 'store', 'storage', 'dc', 'distribution', 'center', 'centre', 'hub'],
  ...['terminal', 'dock', 'branch', 'unit', 'line', 'hall', 'building', 'block', 'zone', 'base', 'campus', 'station', 'office'],
  ...['mine', 'quarry', 'kiln', 'refinery', 'smelter', 'foundry', 'ginnery', 'dyehouse', 'repacker'],
  // processes a site is named for
  ...['gin', 'ginning', 'spinning', 'weaving', 'knitting', 'dyeing', 'finishing', 'printing', 'processing', 'packing'],
  ...['packaging', 'assembly', 'sewing', 'cutting', 'washing'],
  // which of several: directions, old and new, numbering
  ...['main', 'head', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'new', 'old'],
  ...['upper', 'lower', 'no', 'nos', 'number', 'phase', 'stage', 'first', 'second', 'third', 'fourth', 'fifth'],
  // the same in pinyin (车间, 分厂, 农场, 仓库, 基地, 轧花, 染整, 加工, 总厂; 北 南 东 西 中 新 老)
  ...['chejian', 'fen', 'fenchang', 'chang', 'gongchang', 'gong', 'nongchang', 'cangku', 'jidi', 'yahua', 'ranzheng'],
  ...['jiagong', 'zong', 'bei', 'nan', 'dong', 'xi', 'zhong', 'xin', 'lao'],
]);

const PINYIN_NUMERAL = '(?:yi|er|san|si|wu|liu|qi|ba|jiu|shi|ling)';
/**
 * 2, II, 第二 (dier), 一号 (yihao), 第一分 (diyifen), 二期 (erqi): a number, not a name. A bare
 * syllable (wu, qi) is left a name: it is as often a surname.
 */
const NUMBERING = new RegExp(`^(?:\\d+|i{1,3}|iv|vi{0,3}|ix|x|di${PINYIN_NUMERAL}+(?:hao|fen|qi)?|${PINYIN_NUMERAL}+(?:hao|fen|qi))$`);

/** Whether a word of a facility's name (a normalised token's text) is generic rather than the site's own. */
export function isSiteWord(word: string): boolean {
  return SITE_WORDS.has(word) || NUMBERING.test(word);
}
