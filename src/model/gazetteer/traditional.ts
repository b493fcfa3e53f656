// Traditional Chinese characters that occur in place names and in the business words of firm
// names, folded to simplified so 烏魯木齊 matches 乌鲁木齐 and 集團 reads as 集团. Only these
// characters are folded; any other character is kept as written.

const PAIRS =
  // place names (XUAR, provinces, look-alikes)
  '烏乌魯鲁齊齐瑪玛蘇苏庫库車车爾尔圖图團团產产設设維维區区縣县闐田寧宁納纳薩萨臺台壘垒遜逊樂乐溫温靜静碩硕輪轮澤泽葉叶麥麦蓋盖嶽岳' +
  '師师豐丰鞏巩額额裡里賽赛蘊蕴獨独鐵铁關关雙双達达崑昆楊杨東东灣湾準准頭头溝沟鹼碱灘滩廣广陝陕遼辽龍龙內内貴贵雲云門门慶庆肅肃' +
  '絳绛運运鄉乡鎮镇義义興兴華华與与號号黃黄為为龜龟國国' +
  // business words and cities in firm names
  '紡纺織织實实業业農农貿贸際际電电醫医藥药礦矿鋁铝銅铜鋅锌鎂镁鋰锂鈦钛鋼钢發发進进倉仓儲储創创責责廠厂飾饰裝装學学紗纱線线纖纤' +
  '經经濟济資资務务應应鏈链輸输屬属煉炼質质機机備备體体導导數数碼码園园陽阳厰厂總总氣气廈厦島岛鄭郑漢汉瀋沈濱滨連连無无錫锡紹绍' +
  '麗丽寶宝鹽盐揚扬銀银蘭兰陰阴壩坝莊庄';

const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < PAIRS.length; i += 2) TO_SIMPLIFIED.set(PAIRS[i], PAIRS[i + 1]);

const HAN = /\p{Script=Han}/u;

/** One character folded to simplified when it is one of the known traditional ones. */
export const simplifiedChar = (c: string): string => TO_SIMPLIFIED.get(c) ?? c;

/** Folds the known traditional characters of a string to simplified; other characters are kept. */
export function toSimplified(s: string): string {
  if (!HAN.test(s)) return s;
  let out = '';
  for (const ch of s) out += TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}
