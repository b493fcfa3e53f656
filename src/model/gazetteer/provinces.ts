// Province-level divisions of China other than the XUAR, with the spellings addresses and
// firm names use, older romanizations included (olderNames.ts: Kwangtung, Shantung, Hopeh).
// Trace reads them as "this location names another province"; screening as place words in a
// firm name.
import { OLDER_PROVINCE_NAMES } from './olderNames';

export interface Province {
  /** pinyin written as one word: screening's canonical token for the province */
  pinyin: string;
  zh: string;
  /** every Latin spelling, the pinyin first and the older romanizations last */
  names: string[];
}

const rows: [pinyin: string, zh: string, ...names: string[]][] = [
  ['beijing', '北京', 'Beijing', 'Peking'],
  ['tianjin', '天津', 'Tianjin'],
  ['hebei', '河北', 'Hebei'],
  ['shanxi', '山西', 'Shanxi'],
  ['neimenggu', '内蒙古', 'Inner Mongolia', 'Nei Mongol', 'Neimenggu', 'Nei Menggu'],
  ['liaoning', '辽宁', 'Liaoning'],
  ['jilin', '吉林', 'Jilin'],
  ['heilongjiang', '黑龙江', 'Heilongjiang'],
  ['shanghai', '上海', 'Shanghai'],
  ['jiangsu', '江苏', 'Jiangsu'],
  ['zhejiang', '浙江', 'Zhejiang'],
  ['anhui', '安徽', 'Anhui'],
  ['fujian', '福建', 'Fujian'],
  ['jiangxi', '江西', 'Jiangxi'],
  ['shandong', '山东', 'Shandong'],
  ['henan', '河南', 'Henan'],
  ['hubei', '湖北', 'Hubei'],
  ['hunan', '湖南', 'Hunan'],
  ['guangdong', '广东', 'Guangdong', 'Canton'],
  ['guangxi', '广西', 'Guangxi'],
  ['hainan', '海南', 'Hainan'],
  ['chongqing', '重庆', 'Chongqing', 'Chungking'],
  ['sichuan', '四川', 'Sichuan'],
  ['guizhou', '贵州', 'Guizhou'],
  ['yunnan', '云南', 'Yunnan'],
  ['xizang', '西藏', 'Tibet', 'Xizang'],
  ['shaanxi', '陕西', 'Shaanxi'],
  ['gansu', '甘肃', 'Gansu'],
  ['qinghai', '青海', 'Qinghai'],
  ['ningxia', '宁夏', 'Ningxia'],
  ['xianggang', '香港', 'Hong Kong', 'Hongkong', 'Xianggang'],
  ['aomen', '澳门', 'Macau', 'Macao', 'Aomen'],
  ['taiwan', '台湾', 'Taiwan'],
];

/** In the order of their administrative codes (北京 11 ... 台湾 71). */
export const PROVINCES: readonly Province[] = rows.map(([pinyin, zh, ...names]) => ({
  pinyin,
  zh,
  names: [...new Set([...names, ...(OLDER_PROVINCE_NAMES[zh] ?? [])])],
}));
