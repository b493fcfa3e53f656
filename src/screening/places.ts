// Place names that firm names carry as prefixes ("Xinjiang ...", "Aksu ...", "(Shanshan)").
// They say where a firm is, not which firm it is, so screening weighs them lightly. XUAR
// names and their spellings come from seed/xuar-places.json and the provinces from the shared
// gazetteer (src/model/gazetteer/); the rest of China is a compact list of prefecture-level
// (plus some county-level) cities. Each place carries the administrative codes of what it may
// mean (divisions.ts), so screening can tell that Urumqi lies in Xinjiang and Chongqing does not.
// Other county-level names are places only where the name makes them one (contextPlaces).
import { PROVINCES } from '../model/gazetteer/provinces';
import { olderCityNames } from '../model/gazetteer/olderNames';
import { xuarPlaces } from '../model/gazetteer/xuarPlaces';
import { divisions, type Division } from './divisions';
import { EXONYMS } from '../model/gazetteer/exonyms';

export type PlaceLevel = 'region' | 'city';
export interface PlaceInfo {
  canonical: string;
  level: PlaceLevel;
  /** Administrative codes of every division the spelling may mean; empty for China itself. */
  codes: readonly string[];
}

// China itself, named in firm names like a province ("China ... Co.").
const CHINA: [string, string, ...string[]] = ['zhongguo', '中国', 'china', 'prc'];
/** The region's names in other languages written in Latin letters (gazetteer/exonyms.ts). */
const latinRegionExonyms = () =>
  EXONYMS.filter(
    (e) => /^(?:Xinjiang|Xinjiang Uyghur Autonomous Region)$/.test(e.latin) && /^[\p{Script=Latin}\p{M}\s]+$/u.test(e.written),
  ).map((e) => e.written);

/** Administrative codes of the Xinjiang Uyghur Autonomous Region start so (GB/T 2260). */
export const XUAR_CODE = '65';
/** The canonical token of China itself: it contains every place, so it qualifies none. */
export const CHINA_PLACE = CHINA[0];

// Prefecture-level and some county-level cities outside the XUAR: [pinyin, Chinese].
const CITIES: Array<[string, string]> = [
  ['shijiazhuang', '石家庄'],
  ['tangshan', '唐山'],
  ['qinhuangdao', '秦皇岛'],
  ['handan', '邯郸'],
  ['xingtai', '邢台'],
  ['baoding', '保定'],
  ['zhangjiakou', '张家口'],
  ['chengde', '承德'],
  ['cangzhou', '沧州'],
  ['langfang', '廊坊'],
  ['hengshui', '衡水'],
  ['nangong', '南宫'],
  ['taiyuan', '太原'],
  ['datong', '大同'],
  ['yangquan', '阳泉'],
  ['changzhi', '长治'],
  ['jincheng', '晋城'],
  ['shuozhou', '朔州'],
  ['jinzhong', '晋中'],
  ['yuncheng', '运城'],
  ['xinzhou', '忻州'],
  ['linfen', '临汾'],
  ['lvliang', '吕梁'],
  ['huhehaote', '呼和浩特'],
  ['baotou', '包头'],
  ['wuhai', '乌海'],
  ['chifeng', '赤峰'],
  ['tongliao', '通辽'],
  ['eerduosi', '鄂尔多斯'],
  ['hulunbeier', '呼伦贝尔'],
  ['bayannaoer', '巴彦淖尔'],
  ['wulanchabu', '乌兰察布'],
  ['linxi', '林西'],
  ['wuyuan', '五原'],
  ['shenyang', '沈阳'],
  ['dalian', '大连'],
  ['anshan', '鞍山'],
  ['fushun', '抚顺'],
  ['benxi', '本溪'],
  ['dandong', '丹东'],
  ['jinzhou', '锦州'],
  ['yingkou', '营口'],
  ['fuxin', '阜新'],
  ['liaoyang', '辽阳'],
  ['panjin', '盘锦'],
  ['tieling', '铁岭'],
  ['huludao', '葫芦岛'],
  ['changchun', '长春'],
  ['siping', '四平'],
  ['tonghua', '通化'],
  ['yanji', '延吉'],
  ['haerbin', '哈尔滨'],
  ['qiqihaer', '齐齐哈尔'],
  ['daqing', '大庆'],
  ['mudanjiang', '牡丹江'],
  ['jiamusi', '佳木斯'],
  ['nanjing', '南京'],
  ['wuxi', '无锡'],
  ['xuzhou', '徐州'],
  ['changzhou', '常州'],
  ['suzhou', '苏州'],
  ['nantong', '南通'],
  ['lianyungang', '连云港'],
  ['huaian', '淮安'],
  ['yancheng', '盐城'],
  ['yangzhou', '扬州'],
  ['zhenjiang', '镇江'],
  ['taizhou', '泰州'],
  ['suqian', '宿迁'],
  ['jiangyin', '江阴'],
  ['kunshan', '昆山'],
  ['changshu', '常熟'],
  ['zhangjiagang', '张家港'],
  ['yixing', '宜兴'],
  ['donghai', '东海'],
  ['hangzhou', '杭州'],
  ['ningbo', '宁波'],
  ['wenzhou', '温州'],
  ['jiaxing', '嘉兴'],
  ['huzhou', '湖州'],
  ['shaoxing', '绍兴'],
  ['jinhua', '金华'],
  ['quzhou', '衢州'],
  ['zhoushan', '舟山'],
  ['lishui', '丽水'],
  ['ninghai', '宁海'],
  ['lanxi', '兰溪'],
  ['cixi', '慈溪'],
  ['yuyao', '余姚'],
  ['hefei', '合肥'],
  ['wuhu', '芜湖'],
  ['bengbu', '蚌埠'],
  ['huainan', '淮南'],
  ['maanshan', '马鞍山'],
  ['huaibei', '淮北'],
  ['tongling', '铜陵'],
  ['anqing', '安庆'],
  ['huangshan', '黄山'],
  ['chuzhou', '滁州'],
  ['fuyang', '阜阳'],
  ['luan', '六安'],
  ['bozhou', '亳州'],
  ['chizhou', '池州'],
  ['xuancheng', '宣城'],
  ['chaohu', '巢湖'],
  ['nanling', '南陵'],
  ['fuzhou', '福州'],
  ['xiamen', '厦门'],
  ['putian', '莆田'],
  ['sanming', '三明'],
  ['quanzhou', '泉州'],
  ['zhangzhou', '漳州'],
  ['nanping', '南平'],
  ['longyan', '龙岩'],
  ['ningde', '宁德'],
  ['jinjiang', '晋江'],
  ['shishi', '石狮'],
  ['nanchang', '南昌'],
  ['jingdezhen', '景德镇'],
  ['pingxiang', '萍乡'],
  ['jiujiang', '九江'],
  ['xinyu', '新余'],
  ['yingtan', '鹰潭'],
  ['ganzhou', '赣州'],
  ['yichun', '宜春'],
  ['shangrao', '上饶'],
  ['jinan', '济南'],
  ['qingdao', '青岛'],
  ['zibo', '淄博'],
  ['zaozhuang', '枣庄'],
  ['dongying', '东营'],
  ['yantai', '烟台'],
  ['weifang', '潍坊'],
  ['jining', '济宁'],
  ['taian', '泰安'],
  ['weihai', '威海'],
  ['rizhao', '日照'],
  ['linyi', '临沂'],
  ['dezhou', '德州'],
  ['liaocheng', '聊城'],
  ['binzhou', '滨州'],
  ['heze', '菏泽'],
  ['juye', '巨野'],
  ['junan', '莒南'],
  ['zouping', '邹平'],
  ['zhengzhou', '郑州'],
  ['kaifeng', '开封'],
  ['luoyang', '洛阳'],
  ['pingdingshan', '平顶山'],
  ['anyang', '安阳'],
  ['hebi', '鹤壁'],
  ['xinxiang', '新乡'],
  ['jiaozuo', '焦作'],
  ['puyang', '濮阳'],
  ['xuchang', '许昌'],
  ['luohe', '漯河'],
  ['sanmenxia', '三门峡'],
  ['nanyang', '南阳'],
  ['shangqiu', '商丘'],
  ['xinyang', '信阳'],
  ['zhoukou', '周口'],
  ['zhumadian', '驻马店'],
  ['jiyuan', '济源'],
  ['xinye', '新野'],
  ['wuhan', '武汉'],
  ['huangshi', '黄石'],
  ['shiyan', '十堰'],
  ['yichang', '宜昌'],
  ['xiangyang', '襄阳'],
  ['ezhou', '鄂州'],
  ['jingmen', '荆门'],
  ['xiaogan', '孝感'],
  ['jingzhou', '荆州'],
  ['huanggang', '黄冈'],
  ['xianning', '咸宁'],
  ['suizhou', '随州'],
  ['enshi', '恩施'],
  ['huangmei', '黄梅'],
  ['xiantao', '仙桃'],
  ['tianmen', '天门'],
  ['qianjiang', '潜江'],
  ['changsha', '长沙'],
  ['zhuzhou', '株洲'],
  ['xiangtan', '湘潭'],
  ['hengyang', '衡阳'],
  ['shaoyang', '邵阳'],
  ['yueyang', '岳阳'],
  ['changde', '常德'],
  ['zhangjiajie', '张家界'],
  ['yiyang', '益阳'],
  ['chenzhou', '郴州'],
  ['yongzhou', '永州'],
  ['huaihua', '怀化'],
  ['loudi', '娄底'],
  ['wugang', '武冈'],
  ['guangzhou', '广州'],
  ['shenzhen', '深圳'],
  ['zhuhai', '珠海'],
  ['shantou', '汕头'],
  ['foshan', '佛山'],
  ['shaoguan', '韶关'],
  ['zhanjiang', '湛江'],
  ['zhaoqing', '肇庆'],
  ['jiangmen', '江门'],
  ['maoming', '茂名'],
  ['huizhou', '惠州'],
  ['meizhou', '梅州'],
  ['shanwei', '汕尾'],
  ['heyuan', '河源'],
  ['yangjiang', '阳江'],
  ['qingyuan', '清远'],
  ['dongguan', '东莞'],
  ['zhongshan', '中山'],
  ['chaozhou', '潮州'],
  ['jieyang', '揭阳'],
  ['yunfu', '云浮'],
  ['nanning', '南宁'],
  ['liuzhou', '柳州'],
  ['guilin', '桂林'],
  ['wuzhou', '梧州'],
  ['beihai', '北海'],
  ['fangchenggang', '防城港'],
  ['qinzhou', '钦州'],
  ['guigang', '贵港'],
  ['yulin', '玉林'],
  ['baise', '百色'],
  ['hezhou', '贺州'],
  ['hechi', '河池'],
  ['laibin', '来宾'],
  ['chongzuo', '崇左'],
  ['haikou', '海口'],
  ['sanya', '三亚'],
  ['chengdu', '成都'],
  ['zigong', '自贡'],
  ['panzhihua', '攀枝花'],
  ['luzhou', '泸州'],
  ['deyang', '德阳'],
  ['mianyang', '绵阳'],
  ['guangyuan', '广元'],
  ['suining', '遂宁'],
  ['neijiang', '内江'],
  ['leshan', '乐山'],
  ['nanchong', '南充'],
  ['meishan', '眉山'],
  ['yibin', '宜宾'],
  ['guangan', '广安'],
  ['dazhou', '达州'],
  ['yaan', '雅安'],
  ['bazhong', '巴中'],
  ['ziyang', '资阳'],
  ['guiyang', '贵阳'],
  ['zunyi', '遵义'],
  ['anshun', '安顺'],
  ['liupanshui', '六盘水'],
  ['tongren', '铜仁'],
  ['bijie', '毕节'],
  ['kunming', '昆明'],
  ['qujing', '曲靖'],
  ['yuxi', '玉溪'],
  ['zhaotong', '昭通'],
  ['lijiang', '丽江'],
  ['puer', '普洱'],
  ['lincang', '临沧'],
  ['dali', '大理'],
  ['chuxiong', '楚雄'],
  ['lasa', '拉萨'],
  ['xian', '西安'],
  ['tongchuan', '铜川'],
  ['baoji', '宝鸡'],
  ['xianyang', '咸阳'],
  ['weinan', '渭南'],
  ['yanan', '延安'],
  ['hanzhong', '汉中'],
  ['ankang', '安康'],
  ['shangluo', '商洛'],
  ['lanzhou', '兰州'],
  ['jiayuguan', '嘉峪关'],
  ['jinchang', '金昌'],
  ['baiyin', '白银'],
  ['tianshui', '天水'],
  ['wuwei', '武威'],
  ['zhangye', '张掖'],
  ['pingliang', '平凉'],
  ['jiuquan', '酒泉'],
  ['qingyang', '庆阳'],
  ['dingxi', '定西'],
  ['longnan', '陇南'],
  ['xining', '西宁'],
  ['haidong', '海东'],
  ['geermu', '格尔木'],
  ['yinchuan', '银川'],
  ['shizuishan', '石嘴山'],
  ['wuzhong', '吴忠'],
  ['guyuan', '固原'],
  ['zhongwei', '中卫'],
];
// Common English spellings of some of the cities above.
const CITY_SPELLINGS: Record<string, string[]> = {
  huhehaote: ['hohhot'],
  eerduosi: ['ordos'],
  haerbin: ['harbin'],
  qiqihaer: ['qiqihar'],
  lasa: ['lhasa'],
  hulunbeier: ['hulunbuir'],
  bayannaoer: ['bayannur'],
  wulanchabu: ['ulanqab'],
  geermu: ['golmud'],
};

export interface PlaceTables {
  /** Latin spelling, lowercased with spaces removed -> place. */
  latin: Map<string, PlaceInfo>;
  /** Chinese name -> place. */
  zh: Map<string, PlaceInfo>;
  /** Canonical token -> the codes of its place, for a place token that came without them. */
  codesByCanonical: Map<string, readonly string[]>;
}

const latinKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
// Drop a trailing administrative word so "Hotan County" and "Hetian Xian" both key as "hetian".
const stripAdmin = (s: string) =>
  s
    .replace(/\s+(county|city|prefecture|autonomous prefecture|xian|shi)$/i, '')
    .replace(/\s+(\w+\s+)?(mongol|kazakh|kyrgyz|kirghiz|hui)\s+autonomous prefecture$/i, '');

const codesOf = (ds: readonly Division[]) => [...new Set(ds.map((d) => d.code))];
const notDistrict = (ds: readonly Division[]) => {
  const kept = ds.filter((d) => d.level !== 'district');
  return kept.length ? kept : ds;
};

let cached: PlaceTables | undefined;

export function placeTables(): PlaceTables {
  if (cached) return cached;
  const { byZh, byLatin } = divisions();
  const latin = new Map<string, PlaceInfo>();
  const zh = new Map<string, PlaceInfo>();
  const codesByCanonical = new Map<string, readonly string[]>();
  /**
   * `within`: the code the place lies in (a province's own, '65' for XUAR names); a Latin
   * spelling means every division of that pinyin there, a Chinese name only those so written.
   */
  const add = (canonical: string, level: PlaceLevel, names: string[], zhNames: string[], within = '') => {
    const inside = (ds: readonly Division[] | undefined) =>
      notDistrict((ds ?? []).filter((d) => d.code.startsWith(within) && (level === 'city') === (d.level !== 'province')));
    const zhCodes = codesOf(zhNames.flatMap((z) => inside(byZh.get(z))));
    // a province's Latin names are conventional (Shanxi 山西, Shaanxi 陕西): its Chinese name decides
    const homographs = level === 'region' && zhCodes.length ? [] : inside(byLatin.get(canonical));
    const latinCodes = codesOf([...zhCodes.map((c) => ({ code: c }) as Division), ...homographs]);
    const fromLatin: PlaceInfo = { canonical, level, codes: canonical === CHINA_PLACE ? [] : latinCodes };
    const fromZh: PlaceInfo = { canonical, level, codes: canonical === CHINA_PLACE ? [] : zhCodes.length ? zhCodes : latinCodes };
    if (!codesByCanonical.has(canonical)) codesByCanonical.set(canonical, fromLatin.codes);
    for (const n of names) {
      for (const k of [latinKey(n), latinKey(stripAdmin(n))]) if (k.length >= 2 && !latin.has(k)) latin.set(k, fromLatin);
    }
    for (const z of zhNames) if (z && !zh.has(z)) zh.set(z, fromZh);
  };
  PROVINCES.forEach((p) => add(p.pinyin, 'region', [p.pinyin, ...p.names], [p.zh]));
  const [china, chinaZh, ...chinaNames] = CHINA;
  add(china, 'region', [china, ...chinaNames], [chinaZh]);
  const xuar = xuarPlaces();
  const han = (n: string) => /\p{Script=Han}/u.test(n);
  const regionNames = xuar.region.names ?? [];
  add(
    'xinjiang',
    'region',
    // XJ: the region's initials, as firms abbreviate it in English ("XJ Zhongtai")
    // and its names in the languages goods pass through, Latin-written ("Tân Cương", "Shinjang"): in a firm's
    // name a place only agrees or conflicts, so a name another place shares does no harm here
    ['xinjiang', 'xuar', 'sinkiang', 'xj', ...regionNames.filter((n) => !han(n)), ...latinRegionExonyms()],
    ['新疆', ...regionNames.filter(han)],
    XUAR_CODE,
  );
  // Names marked ambiguous (Tianshan, Wenquan, Xinhe...) are also common words in trade names; they stay name words.
  for (const p of [...xuar.prefectureLevel, ...xuar.xpccCities, ...xuar.countyLevel]) {
    if (p.ambiguous) continue;
    const canonical = latinKey(stripAdmin(p.pinyin ?? ''));
    const zhName = p.zh ? [p.zh, p.zh.replace(/[县市]$/u, ''), ...(p.names ?? []).filter(han)] : [];
    add(canonical, 'city', [p.pinyin ?? '', ...(p.names ?? [])], zhName, XUAR_CODE);
  }
  for (const [canonical, zhName] of CITIES)
    add(canonical, 'city', [canonical, ...(CITY_SPELLINGS[canonical] ?? []), ...olderCityNames(zhName)], [zhName]);
  cached = { latin, zh, codesByCanonical };
  return cached;
}

/** A division named where the firm name makes it a place: its canonical token and the codes it may mean. */
export interface ContextPlace {
  canonical: string;
  codes: string[];
}

/**
 * County-level names (and prefectures the lists above leave out) are too often trade names to be
 * places everywhere: "Hongyuan" is a county and a trade name. They are places where the name says
 * so: followed by an administrative word ("Yiwu City", "义乌市"), alone in parentheses
 * ("(Yiwu)"), or right after a province or prefecture that contains them ("Zhejiang Yiwu ...").
 * `within`: codes the place must lie inside (the place before it); districts only with their word.
 */
export function contextPlace(
  key: string,
  script: 'latin' | 'zh',
  opts: { within?: readonly string[]; districts?: boolean } = {},
): ContextPlace | undefined {
  const { byZh, byLatin } = divisions();
  let ds = (script === 'latin' ? byLatin : byZh).get(key);
  if (!ds) return undefined;
  const { within, districts } = opts;
  if (within) ds = ds.filter((d) => within.some((w) => d.code.length > w.length && d.code.startsWith(w)));
  if (!districts) ds = ds.filter((d) => d.level !== 'district');
  ds = ds.filter((d) => d.level !== 'province');
  if (!ds.length) return undefined;
  return { canonical: ds[0].pinyin, codes: codesOf(ds) };
}
