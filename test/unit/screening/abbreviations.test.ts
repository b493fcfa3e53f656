// Abbreviations and group words, tested as classes over every entry of the seed list: each
// listed name with a word that trade documents abbreviate must still be found as MATCH of the
// same entry once abbreviated, and look-alikes built the same way must not be MATCH.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { abbreviates, abbreviationIndex, expandAbbreviations } from '../../../src/screening/abbreviations';
import { normalizeName } from '../../../src/screening/normalize';
import { editDistance } from '../../../src/model/text/editDistance';

// How shipping papers write these words, stated here independently of the lexicon.
const WRITTEN_AS: Array<[RegExp, string[]]> = [
  [/\bIndustry\b/i, ['Ind.', 'Indus.', 'Inds', 'IND']],
  [/\bIndustrial\b/i, ['Ind.', 'Indl.', 'Indus.']],
  [/\bIndustries\b/i, ['Inds.', 'Ind.']],
  [/\bTechnology\b/i, ['Tech.', 'Techn.', 'Technol.']],
  [/\bScience and Technology\b/i, ['Sci-Tech', 'Sci. & Tech.', 'Sci & Tech']],
  [/\bEngineering\b/i, ['Eng.', 'Engg', 'Engg.']],
  [/\bConstruction\b/i, ['Constr.', 'Const.']],
  [/\bGroup\b/i, ['Grp', 'Gp', 'Grp.']],
  [/\bCommercial\b/i, ['Comm.', 'Coml']],
  [/\bCommunications\b/i, ['Comm.', 'Commun.']],
  [/\bElectronics?\b/i, ['Elec.', 'Electr.']],
  [/\bEconomic\b/i, ['Econ.']],
  [/\bBusiness\b/i, ['Bus.', 'Busi.']],
  [/\bInternational\b/i, ['Intl', "Int'l", 'Intl.']],
  [/\bManufacturing\b/i, ['Mfg', 'Mfg.']],
  [/\bImport and Export\b/i, ['Imp & Exp', 'Imp/Exp', 'I/E', 'Imp. & Exp.']],
  [/\bCo\.?,? Ltd\.?/i, ['Co Ltd', 'CO.,LTD', 'Co.Ltd.', 'Youxian Gongsi']],
  [/\bCorporation\b/i, ['Corp', 'Corp.']],
  [/\bDevelopment\b/i, ['Dev.', 'Devt', 'Devt.']],
  [/\bScience\b/i, ['Sci.']],
  [/\bAgricultural\b/i, ['Agri.', 'Agric.']],
  [/\bChemical\b/i, ['Chem.']],
  [/\bElectric\b/i, ['Elec.', 'Electr.']],
  [/\bPharmaceutical\b/i, ['Pharm.', 'Pharma']],
  [/\bMaterials?\b/i, ['Mat.', 'Matl', 'Matls.']],
  [/\bProducts\b/i, ['Prod.', 'Prods']],
  [/\bServices?\b/i, ['Svcs', 'Srvces', 'Svc.']],
  [/\bEquipment\b/i, ['Equip.']],
  [/\bMachinery\b/i, ['Mach.', 'Machy']],
  [/\bHoldings?\b/i, ['Hldgs', 'Hldg.']],
  [/\bInvestment\b/i, ['Invest.', 'Invt.']],
  [/\bManagement\b/i, ['Mgmt', 'Mgmt.']],
  [/\bTextiles?\b/i, ['Tex.', 'Txtl']],
  [/\bGarments?\b/i, ['Gmt', 'Gmts']],
  [/\bTrading\b/i, ['Tdg', 'Trdg.']],
  [/\bLogistics\b/i, ['Logis.']],
  [/\bInformation\b/i, ['Info.']],
  [/\bAutonomous Region\b/i, ['Autonomous Reg.', 'Aut. Reg.']],
  [/\bProvince\b/i, ['Prov.']],
  [/\bXinjiang Production and Construction Corps\b/i, ['XPCC']],
];

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const latinNames = (e: (typeof list.entries)[number]) => [e.name, ...e.aliases, ...e.formerNames].filter((n) => /[a-z]/i.test(n));

/** Every listed name with one abbreviated word, one variant per way of writing it. */
function abbreviatedVariants(): Array<{ entry: string; listed: string; query: string }> {
  const out: Array<{ entry: string; listed: string; query: string }> = [];
  for (const e of list.entries)
    for (const listed of latinNames(e))
      for (const [word, spellings] of WRITTEN_AS)
        if (word.test(listed)) for (const s of spellings) out.push({ entry: e.name, listed, query: listed.replace(word, s) });
  return out;
}

describe('abbreviation table', () => {
  const index = abbreviationIndex();
  const expand = (words: string[], dotted = words.map(() => false)) => expandAbbreviations(words, dotted, index, () => false);

  it('spells out one- and many-word abbreviations, longest first', () => {
    expect(expand(['hoshine', 'silicon', 'ind'])).toEqual(['hoshine', 'silicon', 'industry']);
    expect(expand(['sci', 'tech'])).toEqual(['science', 'and', 'technology']);
    expect(expand(['i', 'e'])).toEqual(['import', 'and', 'export']);
    expect(expand(['eng', 'grp', 'co', 'ltd'])).toEqual(['engineering', 'group', 'company', 'limited']);
  });

  it('hears of the second reading of an ambiguous abbreviation', () => {
    const heard: string[] = [];
    expandAbbreviations(
      ['comm', 'grp'],
      [false, false],
      index,
      () => false,
      (w, or) => heard.push(`${w}|${or}`),
    );
    expect(heard).toEqual(['commercial|communications']);
    const comm = normalizeName('Xinjiang Comm. Constr. Grp').tokens.find((t) => t.text === 'trade');
    expect(comm?.alt).toBe('transport');
  });

  it('reads an ambiguous abbreviation only with its full stop', () => {
    expect(expand(['yoga', 'mat'])).toEqual(['yoga', 'mat']);
    expect(expand(['new', 'mat'], [false, true])).toEqual(['new', 'material']);
  });

  it('leaves a place name spelled like an undotted abbreviation as the place', () => {
    expect(expandAbbreviations(['prov'], [false], index, (w) => w === 'prov')).toEqual(['prov']);
  });

  it('normalizes abbreviated and pinyin legal forms like the full words', () => {
    const same = (a: string, b: string) => expect(normalizeName(a).normalized).toBe(normalizeName(b).normalized);
    same('HOSHINE SILICON IND. (SHANSHAN) CO., LTD.', 'Hoshine Silicon Industry (Shanshan) Co., Ltd');
    same('Kashgar Construction Eng. (Grp) Co., Ltd.', 'Kashgar Construction Engineering (Group) Co., Ltd.');
    same('Xinjiang Tianshan Wool Tex. Zong Gongsi', 'Xinjiang Tianshan Wool Textile');
    same('Huafu Fashion Gufen Youxian Gongsi', 'Huafu Fashion Co., Ltd.');
    same('Zhongtai Chem. Imp/Exp Co', 'Zhongtai Chemical Import & Export Co');
  });

  it('marks a group or holding company as a parent form, not a legal form alone', () => {
    for (const n of ['Shandong Gold Group', 'Shandong Gold Grp', 'Shandong Gold Jituan', 'Shandong Gold Hldgs Ltd', '山东黄金集团'])
      expect(normalizeName(n).parentForm).toBe(true);
    expect(normalizeName('Shandong Gold Mining Co., Ltd.').parentForm).toBe(false);
  });
});

describe('screening abbreviated names of every entry', () => {
  const variants = abbreviatedVariants();

  it('generates hundreds of abbreviated names across the list', () => {
    expect(variants.length).toBeGreaterThan(300);
    expect(new Set(variants.map((v) => v.entry)).size).toBeGreaterThan(100);
  });

  it('finds each abbreviated name as MATCH of its own entry', () => {
    const missed = variants.filter((v) => {
      const c = matcher.screen(v.query)[0];
      return !(c && c.entityName === v.entry && c.decision === 'MATCH');
    });
    expect(missed.map((v) => v.query)).toEqual([]);
  });

  it('finds a name with every abbreviated word at once as MATCH', () => {
    const missed: string[] = [];
    for (const e of list.entries)
      for (const listed of latinNames(e)) {
        let q = listed;
        for (const [word, spellings] of WRITTEN_AS) q = q.replace(word, spellings[0]);
        if (q === listed) continue;
        const c = matcher.screen(q)[0];
        if (!(c && c.entityName === e.name && c.decision === 'MATCH')) missed.push(q);
      }
    expect(missed).toEqual([]);
  });
});

describe('group and holding companies above a listed firm', () => {
  // The entry's names say nothing of a group: the same name with "Group" is its parent.
  const notGroups = list.entries.filter(
    (e) => ![e.name, ...e.aliases, ...e.formerNames, ...e.localNames].some((n) => normalizeName(n).parentForm),
  );
  const parentOf = (name: string, form: string) =>
    `${name.replace(/,? *(Co\.?,? *Ltd\.?|Company,? Limited|Corporation)\s*$/i, '').trim()} ${form}`;

  it('decides a parent name at most POSSIBLE for every entry that is not itself a group', () => {
    const matched: string[] = [];
    for (const e of notGroups)
      for (const form of ['Group Co., Ltd.', 'Grp', 'Holdings Ltd', 'Jituan Youxian Gongsi']) {
        const q = parentOf(e.name, form);
        const c = matcher.screen(q).find((x) => x.entityName === e.name);
        if (c && c.decision === 'MATCH') matched.push(q);
      }
    expect(notGroups.length).toBeGreaterThan(100);
    expect(matched).toEqual([]);
  });

  it('still finds a parent name as POSSIBLE with the reason named', () => {
    const c = matcher.screen('Shandong Gold Group')[0];
    expect(c).toMatchObject({ entityName: 'Shandong Gold Mining Co., Ltd.', decision: 'POSSIBLE' });
    expect(c.reason).toContain('group or holding company');
  });

  it('keeps MATCH for a listed group under any spelling of "Group"', () => {
    const groups = list.entries.filter((e) => /\bGroup\b/.test(e.name));
    expect(groups.length).toBeGreaterThan(10);
    for (const e of groups)
      for (const q of [e.name, e.name.replace(/\bGroup\b/, 'Grp'), e.name.replace(/\bGroup\b/, 'Jituan')])
        expect(matcher.screen(q)[0]).toMatchObject({ entityName: e.name, decision: 'MATCH' });
  });
});

describe('abbreviated look-alikes', () => {
  // Realistic firms that share the listed name's business words and place but not its trade name.
  const LOOK_ALIKES = [
    'Hexin Silicon Ind. (Shanshan) Co., Ltd.',
    'Xinjiang Zhongtian Chem. Co Ltd',
    'Huafeng Fashion Co Ltd',
    'Kashgar Jianhua Construction Eng. Co., Ltd.',
    'Xinjiang Tianrun Wool Tex. Co',
    'Aksu Huayuan Tex. Co., Ltd.',
    'Changji Xinhe Cotton Ind. Co Ltd',
    'Shihezi Jinyuan Agri. Dev. Co.',
    'Hubei Jinghua Cotton Ind. Co Ltd',
    'Ningbo Hengtai Intl Tdg Co Ltd',
    'Zhejiang Ruifeng Tex. Imp & Exp Co., Ltd.',
    'Hefei Xinguang Sci-Tech Co Ltd',
    'Dongguan Meisheng Gmt Mfg Co',
    'Xinjiang Hongfa Mining Dev. Co Ltd',
    'Jiangsu Yongxin Chem. Mach. Co Ltd',
    'Shanghai Dingtai Pharm. Co., Ltd.',
    'Qingdao Haixin Food Prods Co Ltd',
    'Xinjiang Kaiyuan Logis. Co., Ltd.',
    'Anhui Xingda Electr. Equip. Co Ltd',
    'Fujian Jinlong Shoes Ind. Co Ltd',
  ];

  it('decides none of them MATCH', () => {
    const matched = LOOK_ALIKES.map((q) => ({ q, c: matcher.screen(q)[0] })).filter((x) => x.c && x.c.decision === 'MATCH');
    expect(matched.map((x) => `${x.q} -> ${x.c.entityName}`)).toEqual([]);
  });

  it('decides no entry MATCH for its own name with another trade name, abbreviated', () => {
    // Trade names far (more than two edits) from every listed name word.
    const listedWords = new Set(
      list.entries.flatMap((e) =>
        latinNames(e).flatMap((n) =>
          normalizeName(n)
            .tokens.filter((t) => t.kind === 'name')
            .map((t) => t.text),
        ),
      ),
    );
    const others = [
      'Hengrui',
      'Jinhong',
      'Ruixiang',
      'Baofeng',
      'Kangtai',
      'Mingda',
      'Xiangyu',
      'Tianrun',
      'Yongxing',
      'Haoyuan',
      'Lianfa',
      'Dingsheng',
    ].filter((o) => ![...listedWords].some((w) => editDistance(w, o.toLowerCase(), 2) <= 2));
    const matched: string[] = [];
    let made = 0;
    list.entries.forEach((e, k) => {
      const trade = normalizeName(e.name).tokens.find((t) => t.kind === 'name' && t.raw.length >= 4);
      const word = trade && new RegExp(`\\b${trade.raw}\\b`, 'i');
      if (!word || !word.test(e.name)) return;
      const q = e.name
        .replace(word, others[k % others.length])
        .replace(/\bIndustry\b/, 'Ind.')
        .replace(/\bTechnology\b/, 'Tech.')
        .replace(/\bGroup\b/, 'Grp')
        .replace(/\bInternational\b/, 'Intl')
        .replace(/Co\., Ltd\.?/, 'Co Ltd');
      made++;
      const c = matcher.screen(q).find((x) => x.entityName === e.name);
      if (c && c.decision === 'MATCH') matched.push(q);
    });
    expect(others.length).toBeGreaterThan(4);
    expect(made).toBeGreaterThan(150);
    expect(matched).toEqual([]);
  });
});

describe('abbreviations no table lists, by rule', () => {
  it('reads truncations and contractions of a word', () => {
    expect(abbreviates('alum', 'aluminum', true)).toBe(true);
    expect(abbreviates('internat', 'international', true)).toBe(true);
    expect(abbreviates('log', 'logistics', true)).toBe(true);
    expect(abbreviates('log', 'logistics', false)).toBe(false); // three letters need the full stop
    expect(abbreviates('whsg', 'warehousing', false)).toBe(true);
    expect(abbreviates('warehsg', 'warehousing', false)).toBe(true);
    expect(abbreviates('prtg', 'printing', false)).toBe(true);
    expect(abbreviates('prtn', 'printing', false)).toBe(false); // a contraction ends as the word does
    expect(abbreviates('trng', 'printing', false)).toBe(false); // and starts as it does
    expect(abbreviates('prin', 'print', true)).toBe(false); // two letters shorter at least
  });

  it('takes a word that reads as pinyin for a trade name unless it has a full stop', () => {
    expect(normalizeName('Huafu Textile').normalized).toBe('huafu textile');
    expect(normalizeName('Fujian Minlong Whsg Co., Ltd.').normalized).toBe('fujian minlong warehousing');
  });

  it('reads a word cut across a hyphen or space and truncated as the one lexicon word it abbreviates', () => {
    expect(normalizeName('Xinjiang Non-Ferr. Metals').normalized).toBe('xinjiang nonferrous metal');
    expect(normalizeName('Xinjiang Non Ferr Metals').normalized).toBe('xinjiang nonferrous metal');
    // two pinyin syllables stay a trade name; a known word is not joined to its neighbour
    expect(normalizeName('Hua Fu Textile').normalized).toBe('hua fu textile');
    expect(normalizeName('Xin Jia Trading').normalized).toBe('xin jia trade');
  });

  // Every listed name with one lexicon word written as its consonant skeleton (first letter,
  // then its consonants, ending as the word ends) or truncated to five letters with a full
  // stop, where that spelling abbreviates no other lexicon word and is no table's.
  function ruleVariants(): Array<{ entry: string; query: string }> {
    const out: Array<{ entry: string; query: string }> = [];
    const words = ['aluminum', 'warehousing', 'printing', 'logistics', 'international', 'pharmaceutical', 'agriculture', 'electronics'];
    for (const e of list.entries)
      for (const listed of latinNames(e))
        for (const w of words) {
          const re = new RegExp(`\\b${w}\\b`, 'i');
          if (!re.test(listed)) continue;
          const skeleton = w[0] + w.slice(1, -1).replace(/[aeiou]/g, '') + w[w.length - 1];
          for (const s of [skeleton, `${w.slice(0, 5)}.`]) out.push({ entry: e.name, query: listed.replace(re, s) });
        }
    return out;
  }

  it('finds listed names so abbreviated as MATCH of their own entry', () => {
    const variants = ruleVariants();
    expect(variants.length).toBeGreaterThan(20);
    const missed = variants.filter((v) => {
      const c = matcher.screen(v.query)[0];
      return !(c && c.entityName === v.entry && c.decision === 'MATCH');
    });
    expect(missed.map((v) => v.query)).toEqual([]);
  });

  it('reads a chemical symbol as the element it may stand for, in every listed name with an element', () => {
    const symbols: Array<[RegExp, string]> = [
      [/\bSilicon\b/, 'Si'],
      [/\bAluminu?m\b/, 'Al'],
      [/\bCopper\b/, 'Cu'],
      [/\bZinc\b/, 'Zn'],
      [/\bTitanium\b/, 'Ti'],
    ];
    const variants = list.entries.flatMap((e) =>
      latinNames(e).flatMap((n) => symbols.filter(([re]) => re.test(n)).map(([re, s]) => ({ entry: e.name, query: n.replace(re, s) }))),
    );
    expect(variants.length).toBeGreaterThan(10);
    const missed = variants.filter((v) => matcher.screen(v.query)[0]?.entityName !== v.entry);
    expect(missed.map((v) => v.query)).toEqual([]);
    expect(normalizeName('Meike Si Energy').tokens.find((t) => t.text === 'si')?.alt).toBe('silicon');
  });
});
