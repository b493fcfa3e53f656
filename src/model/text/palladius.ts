// Chinese names written in Cyrillic, as Russian (and Kazakh and Kyrgyz business Russian) write
// them: the Palladius system, one Cyrillic spelling per pinyin syllable ("Синьцзян Чжунтай" is
// Xinjiang Zhongtai). Goods leaving the XUAR through Central Asia travel on papers in Russian, so
// a supplier or an address so written must be read as the pinyin the Entity List and the
// gazetteer use. The table is built from the system's rules over every syllable of standard
// pinyin; each Cyrillic spelling stands for one syllable, so the reading back is exact.

// every syllable of pinyin as names are romanized (ü written v); interjections (hng, m, ng) left out
const SYLLABLES = `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen
feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng
hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke
kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu
long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne
nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao
pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua
ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang
shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying
yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua
zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/);

const INITIALS: Record<string, string> = {
  zh: 'чж', ch: 'ч', sh: 'ш', b: 'б', p: 'п', m: 'м', f: 'ф', d: 'д', t: 'т', n: 'н', l: 'л', g: 'г', k: 'к', h: 'х',
  j: 'цз', q: 'ц', x: 'с', r: 'ж', z: 'цз', c: 'ц', s: 'с',
}; // prettier-ignore

// a final after an initial, as Palladius writes it; uo is о (го, до) and u after j, q, x is ü (цзюй)
const FINALS: Record<string, string> = {
  a: 'а', o: 'о', e: 'э', ai: 'ай', ei: 'эй', ao: 'ао', ou: 'оу', an: 'ань', en: 'энь', ang: 'ан', eng: 'эн', ong: 'ун', er: 'эр',
  i: 'и', ia: 'я', ie: 'е', iao: 'яо', iu: 'ю', ian: 'янь', in: 'инь', iang: 'ян', ing: 'ин', iong: 'юн',
  u: 'у', ua: 'уа', uo: 'о', uai: 'уай', ui: 'уй', uan: 'уань', un: 'унь', uang: 'уан', v: 'юй', ve: 'юэ',
}; // prettier-ignore
const AFTER_JQX: Record<string, string> = { u: 'юй', ue: 'юэ', uan: 'юань', un: 'юнь' };

// syllables with no initial, spelled with y and w in pinyin
const STANDALONE: Record<string, string> = {
  yi: 'и', ya: 'я', ye: 'е', yao: 'яо', you: 'ю', yan: 'янь', yin: 'инь', yang: 'ян', ying: 'ин', yong: 'юн', yu: 'юй',
  yue: 'юэ', yuan: 'юань', yun: 'юнь', wu: 'у', wa: 'ва', wo: 'во', wai: 'вай', wei: 'вэй', wan: 'вань', wen: 'вэнь',
  wang: 'ван', weng: 'вэн',
}; // prettier-ignore

/** The Palladius spelling of one pinyin syllable ("zhong" → "чжун", "xin" → "синь", "zi" → "цзы"). */
export function palladiusOf(syllable: string): string {
  if (STANDALONE[syllable]) return STANDALONE[syllable];
  const initial = ['zh', 'ch', 'sh'].find((i) => syllable.startsWith(i)) ?? (INITIALS[syllable[0]] ? syllable[0] : '');
  const final = syllable.slice(initial.length);
  if (!initial) return FINALS[final];
  if (syllable === 'hui') return 'хуэй'; // the system's one exception to уй
  // the "empty" i of zi, ci, si is ы; of zhi, chi, shi, ri it is и, as after any other initial
  if (final === 'i' && 'zcs'.includes(initial)) return INITIALS[initial] + 'ы';
  if ('jqx'.includes(initial) && AFTER_JQX[final]) return INITIALS[initial] + AFTER_JQX[final];
  return INITIALS[initial] + FINALS[final];
}

/** Cyrillic spelling → pinyin syllable, with the spellings texts also use (е for э, no ь). */
const BY_CYRILLIC: ReadonlyMap<string, string> = (() => {
  const exact = new Map<string, string>();
  for (const s of SYLLABLES) exact.set(palladiusOf(s), s);
  const loose = new Map<string, string>();
  for (const [cyr, s] of exact) {
    // Хебей for Хэбэй, Шеньчжень for Шэньчжэнь: е written for э after a consonant, where е is no syllable of its own
    const plainE = cyr.replace(/(?<=[бпмфдтнлгкхчшжцзс])э/g, 'е');
    if (plainE !== cyr && !exact.has(plainE)) loose.set(plainE, s);
  }
  return new Map([...loose, ...exact]);
})();
const LONGEST = Math.max(...[...BY_CYRILLIC.keys()].map((k) => k.length));

/** The fewest-syllable splits of one run of Cyrillic letters, at most `MAX_SPLITS`. */
function splitsOf(w: string): string[][] {
  // splits[i]: the fewest-syllable ways to spell w's first i letters
  const splits: string[][][] = [[[]]];
  for (let i = 1; i <= w.length; i++) {
    let found: string[][] = [];
    for (let len = Math.min(LONGEST, i); len >= 1; len--) {
      const syllable = BY_CYRILLIC.get(w.slice(i - len, i));
      if (!syllable || !splits[i - len].length) continue;
      const ways = splits[i - len].map((before) => [...before, syllable]);
      if (!found.length || ways[0].length < found[0].length) found = ways;
      else if (ways[0].length === found[0].length) found.push(...ways);
    }
    splits[i] = found.slice(0, MAX_SPLITS);
  }
  return splits[w.length];
}
const MAX_SPLITS = 4;

/**
 * A Cyrillic word read as the pinyin syllables it spells ("Синьцзян" → [["xin", "jiang"]]), every
 * way it splits into the fewest syllables ("хуань" is huan, not hu-an; "Цзянинь" is jiang-yin or
 * jia-nin, as "xian" is xian or xi'an in pinyin), or [] when it is not a run of Palladius syllables
 * (a Russian word). ъ, an apostrophe or a hyphen marks a syllable's end (Цзянъинь).
 */
export function pinyinOfPalladius(word: string): string[][] {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (!/^[а-яё'’ъ-]+$/.test(w)) return [];
  let out: string[][] = [[]];
  for (const part of w.split(/['’ъ-]+/).filter(Boolean)) {
    const ways = splitsOf(part);
    if (!ways.length) return [];
    out = out.flatMap((o) => ways.map((s) => [...o, ...s])).slice(0, MAX_SPLITS);
  }
  if (!out[0]?.length) return [];
  // of equal splits, the one of common syllables first: чуане is chuang-ye (创业), not chua-nie
  return out.sort((a, b) => rareIn(a) - rareIn(b));
}

// syllables few characters are read as (欻, 嗲, 俩, 您 ...): a split through them is the less likely
const RARE = new Set([
  'chua',
  'dia',
  'lia',
  'nin',
  'zhua',
  'shua',
  'rua',
  'kei',
  'tei',
  'nou',
  'den',
  'dei',
  'fou',
  'miu',
  'nen',
  'cen',
  'zei',
  'shei',
  'zhei',
  'lve',
  'nve',
  'o',
  'e',
  'ei',
  'me',
]);
const rareIn = (split: string[]) => split.filter((s) => RARE.has(s)).length;
