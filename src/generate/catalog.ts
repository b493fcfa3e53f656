// What the generator builds supply chains from: the FLETF high-priority sectors as stage
// templates (facility kind, material with real HS code, yield), the places where each stage
// typically happens, and the parts firm names are made of. Facts of public trade and
// geography; every firm the generator makes from them is fictional, except the real
// UFLPA Entity List names it takes from seed/uflpa-entity-list.json.

export type Unit = 'kg' | 'pcs';

export interface MaterialDef {
  key: string;
  name: string;
  hsCode: string;
  unit: Unit;
  raw?: boolean;
  /** typical price in USD per unit, for invoice and payment amounts */
  price: number;
}

export interface StageDef {
  kind: string;
  /** noun for firm names, English and Chinese */
  noun: string;
  nounZh: string;
  material: string;
  /** output units per input unit (yield, or pieces per kg) */
  factor: number;
}

export interface SectorDef {
  id: 'COTTON' | 'SOLAR' | 'ALUMINUM' | 'TOMATO' | 'PVC';
  weight: number;
  /** raw lot size range for stage 0, in the raw material's unit */
  rawLot: [number, number];
  /** alternative core chains; stage 0 ships a raw material */
  variants: StageDef[][];
  /** stages that pass the previous stage's material on (traders, warehouses, finishers) */
  fillers: { kind: string; noun: string; nounZh: string }[];
  /** Entity List names that fit this sector */
  listedPattern: RegExp;
  /** where stages happen, by position in the chain */
  places: { raw: Place[]; mid: Place[]; late: Place[] };
  /** XUAR cities (English spelling as in seed/xuar-places.json) where this sector has sites */
  xuarCities: string[];
}

export interface Place {
  country: string;
  province?: string;
  city: string;
  cityZh?: string;
  provinceZh?: string;
}

export const MATERIALS: MaterialDef[] = [
  // cotton to apparel
  { key: 'lint', name: 'Cotton lint, not carded or combed', hsCode: '5201.00', unit: 'kg', raw: true, price: 1.72 },
  { key: 'yarn-combed', name: 'Combed cotton yarn, single', hsCode: '5205.23', unit: 'kg', price: 3.35 },
  { key: 'yarn-carded', name: 'Carded cotton yarn, single', hsCode: '5205.12', unit: 'kg', price: 2.95 },
  { key: 'poplin-greige', name: 'Cotton poplin, unbleached, plain weave', hsCode: '5208.12', unit: 'kg', price: 4.6 },
  { key: 'poplin-dyed', name: 'Cotton poplin, dyed, plain weave', hsCode: '5208.32', unit: 'kg', price: 6.1 },
  { key: 'denim-greige', name: 'Cotton twill, unbleached, over 200 g/m2', hsCode: '5209.12', unit: 'kg', price: 4.9 },
  { key: 'denim', name: 'Cotton denim, over 200 g/m2', hsCode: '5209.42', unit: 'kg', price: 6.6 },
  { key: 'jersey-greige', name: 'Cotton single jersey knit fabric, unbleached', hsCode: '6006.21', unit: 'kg', price: 4.2 },
  { key: 'jersey-dyed', name: 'Cotton single jersey knit fabric, dyed', hsCode: '6006.22', unit: 'kg', price: 5.2 },
  { key: 'shirts', name: "Men's woven cotton shirts", hsCode: '6205.20', unit: 'pcs', price: 7.45 },
  { key: 'tshirts', name: 'Cotton knit T-shirts', hsCode: '6109.10', unit: 'pcs', price: 3.1 },
  { key: 'jeans', name: "Men's cotton denim trousers", hsCode: '6203.42', unit: 'pcs', price: 10.9 },
  // quartz to solar module
  { key: 'quartz', name: 'Quartz lump, high purity', hsCode: '2506.10', unit: 'kg', raw: true, price: 0.12 },
  { key: 'mgsi', name: 'Metallurgical-grade silicon', hsCode: '2804.69', unit: 'kg', price: 2.2 },
  { key: 'poly', name: 'Polysilicon, solar grade', hsCode: '2804.61', unit: 'kg', price: 8.5 },
  { key: 'ingot', name: 'Monocrystalline silicon ingots, doped', hsCode: '3818.00', unit: 'kg', price: 14 },
  { key: 'wafer', name: 'Monocrystalline silicon wafers, 182 mm', hsCode: '3818.00', unit: 'pcs', price: 0.16 },
  { key: 'cell', name: 'Monocrystalline PV cells, not assembled', hsCode: '8541.42', unit: 'pcs', price: 0.28 },
  { key: 'module', name: 'PV modules, 144 half-cut cells', hsCode: '8541.43', unit: 'pcs', price: 125 },
  // bauxite / alumina to aluminum parts
  { key: 'bauxite', name: 'Bauxite (aluminium ore)', hsCode: '2606.00', unit: 'kg', raw: true, price: 0.05 },
  { key: 'alumina', name: 'Aluminium oxide (alumina)', hsCode: '2818.20', unit: 'kg', price: 0.38 },
  { key: 'primary-al', name: 'Unwrought aluminium, not alloyed', hsCode: '7601.10', unit: 'kg', price: 2.4 },
  { key: 'billet', name: 'Aluminium alloy billets', hsCode: '7601.20', unit: 'kg', price: 2.7 },
  { key: 'profiles', name: 'Aluminium alloy extruded profiles', hsCode: '7604.29', unit: 'kg', price: 4.2 },
  { key: 'frames', name: 'Aluminium window and door frames', hsCode: '7610.10', unit: 'kg', price: 7.1 },
  { key: 'al-sheet', name: 'Aluminium alloy plates and sheets', hsCode: '7606.12', unit: 'kg', price: 3.4 },
  { key: 'al-foil', name: 'Aluminium foil, not backed', hsCode: '7607.11', unit: 'kg', price: 4.5 },
  { key: 'al-containers', name: 'Aluminium containers and trays', hsCode: '7612.90', unit: 'kg', price: 6.5 },
  // tomato to paste and sauce
  { key: 'tomatoes', name: 'Tomatoes, fresh, for processing', hsCode: '0702.00', unit: 'kg', raw: true, price: 0.1 },
  { key: 'paste', name: 'Tomato paste, 28-30 Brix, aseptic drums', hsCode: '2002.90', unit: 'kg', price: 1.0 },
  { key: 'paste-canned', name: 'Tomato paste, canned', hsCode: '2002.90', unit: 'kg', price: 1.3 },
  { key: 'ketchup', name: 'Tomato ketchup', hsCode: '2103.20', unit: 'kg', price: 1.6 },
  // PVC (calcium carbide route)
  { key: 'limestone', name: 'Limestone', hsCode: '2521.00', unit: 'kg', raw: true, price: 0.02 },
  { key: 'quicklime', name: 'Quicklime', hsCode: '2522.10', unit: 'kg', price: 0.12 },
  { key: 'carbide', name: 'Calcium carbide', hsCode: '2849.10', unit: 'kg', price: 0.45 },
  { key: 'vcm', name: 'Vinyl chloride monomer', hsCode: '2903.21', unit: 'kg', price: 0.8 },
  { key: 'pvc-resin', name: 'PVC resin, suspension grade', hsCode: '3904.10', unit: 'kg', price: 0.85 },
  { key: 'pvc-compound', name: 'PVC compound, plasticised', hsCode: '3904.22', unit: 'kg', price: 1.1 },
  { key: 'pvc-flooring', name: 'PVC floor coverings (LVT)', hsCode: '3918.10', unit: 'kg', price: 2.6 },
];

const st = (kind: string, noun: string, nounZh: string, material: string, factor: number): StageDef => ({
  kind,
  noun,
  nounZh,
  material,
  factor,
});

const CN = (city: string, cityZh: string, province: string, provinceZh: string): Place => ({
  country: 'CN',
  city,
  cityZh,
  province,
  provinceZh,
});
const P = (country: string, city: string, province?: string): Place => ({ country, city, province });

const CN_TEXTILE = [
  CN('Nantong', '南通', 'Jiangsu', '江苏'),
  CN('Wuxi', '无锡', 'Jiangsu', '江苏'),
  CN('Changzhou', '常州', 'Jiangsu', '江苏'),
  CN('Shaoxing', '绍兴', 'Zhejiang', '浙江'),
  CN('Ningbo', '宁波', 'Zhejiang', '浙江'),
  CN('Hangzhou', '杭州', 'Zhejiang', '浙江'),
  CN('Binzhou', '滨州', 'Shandong', '山东'),
  CN('Weifang', '潍坊', 'Shandong', '山东'),
  CN('Zhengzhou', '郑州', 'Henan', '河南'),
  CN('Shijiazhuang', '石家庄', 'Hebei', '河北'),
  CN('Foshan', '佛山', 'Guangdong', '广东'),
  CN('Jinjiang', '晋江', 'Fujian', '福建'),
];
const CN_HEAVY = [
  CN('Leshan', '乐山', 'Sichuan', '四川'),
  CN('Qujing', '曲靖', 'Yunnan', '云南'),
  CN('Baotou', '包头', 'Inner Mongolia', '内蒙古'),
  CN('Yinchuan', '银川', 'Ningxia', '宁夏'),
  CN('Xining', '西宁', 'Qinghai', '青海'),
  CN('Baoshan', '保山', 'Yunnan', '云南'),
  CN('Binzhou', '滨州', 'Shandong', '山东'),
  CN('Baise', '百色', 'Guangxi', '广西'),
  CN('Zunyi', '遵义', 'Guizhou', '贵州'),
  CN('Wuhai', '乌海', 'Inner Mongolia', '内蒙古'),
  CN('Yulin', '榆林', 'Shaanxi', '陕西'),
  CN('Shizuishan', '石嘴山', 'Ningxia', '宁夏'),
];
const CN_MANUF = [
  CN('Changzhou', '常州', 'Jiangsu', '江苏'),
  CN('Wuxi', '无锡', 'Jiangsu', '江苏'),
  CN('Yixing', '宜兴', 'Jiangsu', '江苏'),
  CN('Hefei', '合肥', 'Anhui', '安徽'),
  CN('Foshan', '佛山', 'Guangdong', '广东'),
  CN('Dongguan', '东莞', 'Guangdong', '广东'),
  CN('Jiaxing', '嘉兴', 'Zhejiang', '浙江'),
  CN('Tianjin', '天津', 'Tianjin', '天津'),
  CN('Qingdao', '青岛', 'Shandong', '山东'),
];

export const SECTORS: SectorDef[] = [
  {
    id: 'COTTON',
    weight: 0.35,
    rawLot: [8000, 40000],
    variants: [
      [
        st('COTTON_GIN', 'Cotton Ginning', '棉花加工', 'lint', 1),
        st('SPINNING_MILL', 'Cotton Spinning', '棉纺', 'yarn-combed', 0.9),
        st('WEAVING_MILL', 'Weaving', '织造', 'poplin-greige', 0.95),
        st('DYEHOUSE', 'Printing & Dyeing', '印染', 'poplin-dyed', 0.95),
        st('GARMENT_FACTORY', 'Garment', '服装', 'shirts', 3.86),
      ],
      [
        st('COTTON_GIN', 'Cotton Ginning', '棉花加工', 'lint', 1),
        st('SPINNING_MILL', 'Cotton Spinning', '棉纺', 'yarn-carded', 0.9),
        st('KNITTING_MILL', 'Knitting', '针织', 'jersey-greige', 0.97),
        st('DYEHOUSE', 'Dyeing & Finishing', '染整', 'jersey-dyed', 0.94),
        st('GARMENT_FACTORY', 'Knitwear', '针织服装', 'tshirts', 4.3),
      ],
      [
        st('COTTON_GIN', 'Cotton Ginning', '棉花加工', 'lint', 1),
        st('SPINNING_MILL', 'Cotton Spinning', '棉纺', 'yarn-carded', 0.9),
        st('WEAVING_MILL', 'Denim Weaving', '牛仔布织造', 'denim-greige', 0.95),
        st('DENIM_MILL', 'Denim', '牛仔布', 'denim', 0.96),
        st('GARMENT_FACTORY', 'Apparel', '服饰', 'jeans', 1.45),
      ],
    ],
    fillers: [
      { kind: 'COTTON_WAREHOUSE', noun: 'Cotton Storage & Logistics', nounZh: '棉花仓储物流' },
      { kind: 'TEXTILE_TRADER', noun: 'Textile Trading', nounZh: '纺织品贸易' },
      { kind: 'FABRIC_CONVERTER', noun: 'Fabric Converting', nounZh: '面料' },
      { kind: 'SEWING_SUBCONTRACTOR', noun: 'Sewing', nounZh: '缝制' },
      { kind: 'GARMENT_WASHING', noun: 'Garment Washing', nounZh: '水洗' },
      { kind: 'EXPORT_TRADER', noun: 'Import & Export', nounZh: '进出口' },
    ],
    listedPattern: /cotton|textile|spinning|apparel|garment|fiber|linen|weav|yarn|fashion|wool|hair/i,
    places: {
      raw: [
        P('US', 'Lubbock', 'TX'),
        P('US', 'Greenwood', 'MS'),
        P('US', 'Corcoran', 'CA'),
        P('BR', 'Sapezal', 'Mato Grosso'),
        P('BR', 'Luis Eduardo Magalhaes', 'Bahia'),
        P('AU', 'Dalby', 'Queensland'),
        P('AU', 'Moree', 'New South Wales'),
        P('IN', 'Rajkot', 'Gujarat'),
        P('PK', 'Multan', 'Punjab'),
        P('TR', 'Sanliurfa'),
        P('GR', 'Larissa', 'Thessaly'),
        CN('Handan', '邯郸', 'Hebei', '河北'),
        CN('Binzhou', '滨州', 'Shandong', '山东'),
      ],
      mid: [
        ...CN_TEXTILE,
        P('VN', 'Di An', 'Binh Duong'),
        P('VN', 'Ben Luc', 'Long An'),
        P('VN', 'Nam Dinh', 'Nam Dinh'),
        P('IN', 'Coimbatore', 'Tamil Nadu'),
        P('IN', 'Ahmedabad', 'Gujarat'),
        P('PK', 'Faisalabad', 'Punjab'),
        P('BD', 'Narayanganj', 'Dhaka'),
        P('TR', 'Denizli'),
        P('ID', 'Bandung', 'West Java'),
      ],
      late: [
        P('VN', 'Ho Chi Minh City'),
        P('VN', 'Bien Hoa', 'Dong Nai'),
        P('VN', 'Hai Phong'),
        P('BD', 'Gazipur', 'Dhaka'),
        P('BD', 'Chattogram'),
        P('KH', 'Phnom Penh'),
        P('IN', 'Tiruppur', 'Tamil Nadu'),
        P('HN', 'San Pedro Sula', 'Cortes'),
        P('GT', 'Villa Nueva', 'Guatemala'),
        P('MX', 'Puebla', 'Puebla'),
        P('LK', 'Katunayake', 'Western Province'),
        CN('Guangzhou', '广州', 'Guangdong', '广东'),
        CN('Ningbo', '宁波', 'Zhejiang', '浙江'),
      ],
    },
    xuarCities: ['Aksu', 'Korla', 'Kashgar', 'Shihezi', 'Kuitun', 'Awati', 'Shaya', 'Kuqa', 'Changji', 'Manas', 'Aral', 'Hotan'],
  },
  {
    id: 'SOLAR',
    weight: 0.25,
    rawLot: [20000, 120000],
    variants: [
      [
        st('QUARTZ_MINE', 'Quartz Mining', '石英矿业', 'quartz', 1),
        st('MG_SI_SMELTER', 'Silicon Industry', '硅业', 'mgsi', 0.37),
        st('POLYSILICON_PLANT', 'Polysilicon', '多晶硅', 'poly', 0.8),
        st('INGOT_PLANT', 'Crystal Silicon', '单晶硅', 'ingot', 0.92),
        st('WAFER_PLANT', 'Silicon Wafer', '硅片', 'wafer', 45),
        st('CELL_PLANT', 'Photovoltaic Cell', '光伏电池', 'cell', 0.98),
        st('MODULE_PLANT', 'Solar Technology', '光伏科技', 'module', 1 / 72),
      ],
    ],
    fillers: [
      { kind: 'QUARTZ_PROCESSING', noun: 'Quartz Sand Processing', nounZh: '石英砂加工' },
      { kind: 'SILICON_TRADER', noun: 'Silicon Materials Trading', nounZh: '硅材料贸易' },
      { kind: 'WAREHOUSE', noun: 'Supply Chain', nounZh: '供应链' },
      { kind: 'EXPORT_TRADER', noun: 'New Energy Trading', nounZh: '新能源贸易' },
    ],
    listedPattern: /silicon|solar|energy|polysilicon|photovoltaic|carbon|goens|daqo/i,
    places: {
      raw: [
        P('US', 'Spruce Pine', 'NC'),
        P('NO', 'Drag', 'Nordland'),
        P('BR', 'Diamantina', 'Minas Gerais'),
        CN('Lianyungang', '连云港', 'Jiangsu', '江苏'),
        CN('Fengyang', '凤阳', 'Anhui', '安徽'),
      ],
      mid: [
        ...CN_HEAVY.slice(0, 6),
        P('NO', 'Kristiansand', 'Agder'),
        P('US', 'Moses Lake', 'WA'),
        P('US', 'Alloy', 'WV'),
        P('MY', 'Bintulu', 'Sarawak'),
        P('DE', 'Burghausen', 'Bavaria'),
        P('BR', 'Pirapora', 'Minas Gerais'),
      ],
      late: [
        ...CN_MANUF.slice(0, 4),
        P('VN', 'Viet Yen', 'Bac Giang'),
        P('VN', 'Que Vo', 'Bac Ninh'),
        P('MY', 'Kulim', 'Kedah'),
        P('MY', 'Batu Kawan', 'Penang'),
        P('TH', 'Pluak Daeng', 'Rayong'),
        P('TH', 'Si Racha', 'Chonburi'),
        P('IN', 'Chennai', 'Tamil Nadu'),
        P('US', 'Dalton', 'GA'),
        P('ID', 'Batam', 'Riau Islands'),
      ],
    },
    xuarCities: ['Shihezi', 'Changji', 'Shanshan', 'Hami', 'Urumqi', 'Karamay', 'Wujiaqu', 'Turpan'],
  },
  {
    id: 'ALUMINUM',
    weight: 0.15,
    rawLot: [50000, 300000],
    variants: [
      [
        st('BAUXITE_MINE', 'Bauxite Mining', '铝土矿业', 'bauxite', 1),
        st('ALUMINA_REFINERY', 'Alumina', '氧化铝', 'alumina', 0.4),
        st('ALUMINUM_SMELTER', 'Aluminium Smelting', '电解铝', 'primary-al', 0.52),
        st('CASTHOUSE', 'Aluminium Alloy', '铝合金', 'billet', 0.98),
        st('EXTRUSION_PLANT', 'Aluminium Extrusion', '铝型材', 'profiles', 0.85),
        st('PARTS_FABRICATOR', 'Doors & Windows', '门窗', 'frames', 0.9),
      ],
      [
        st('BAUXITE_MINE', 'Bauxite Mining', '铝土矿业', 'bauxite', 1),
        st('ALUMINA_REFINERY', 'Alumina', '氧化铝', 'alumina', 0.4),
        st('ALUMINUM_SMELTER', 'Aluminium Smelting', '电解铝', 'primary-al', 0.52),
        st('ROLLING_MILL', 'Aluminium Rolling', '铝板带', 'al-sheet', 0.9),
        st('FOIL_MILL', 'Aluminium Foil', '铝箔', 'al-foil', 0.92),
        st('CONTAINER_MAKER', 'Packaging', '包装', 'al-containers', 0.95),
      ],
    ],
    fillers: [
      { kind: 'METALS_TRADER', noun: 'Metals Trading', nounZh: '金属贸易' },
      { kind: 'WAREHOUSE', noun: 'Logistics', nounZh: '物流' },
      { kind: 'ANODIZING_PLANT', noun: 'Surface Treatment', nounZh: '表面处理' },
      { kind: 'EXPORT_TRADER', noun: 'Import & Export', nounZh: '进出口' },
    ],
    listedPattern: /alumin|nonferrous|east hope|magnesium|metal/i,
    places: {
      raw: [
        P('GN', 'Boke', 'Boke Region'),
        P('AU', 'Weipa', 'Queensland'),
        P('BR', 'Paragominas', 'Para'),
        P('JM', 'Mandeville', 'Manchester'),
        P('IN', 'Koraput', 'Odisha'),
        CN('Baise', '百色', 'Guangxi', '广西'),
      ],
      mid: [
        P('AU', 'Gladstone', 'Queensland'),
        P('CA', 'Saguenay', 'Quebec'),
        P('AE', 'Jebel Ali', 'Dubai'),
        P('BH', 'Askar'),
        P('IN', 'Jharsuguda', 'Odisha'),
        P('NO', 'Sunndalsora', 'More og Romsdal'),
        P('MY', 'Mukah', 'Sarawak'),
        CN('Binzhou', '滨州', 'Shandong', '山东'),
        CN('Baotou', '包头', 'Inner Mongolia', '内蒙古'),
        CN('Baise', '百色', 'Guangxi', '广西'),
      ],
      late: [
        ...CN_MANUF.slice(3, 9),
        P('VN', 'Hai Duong'),
        P('MX', 'Monterrey', 'Nuevo Leon'),
        P('MY', 'Penang'),
        P('TH', 'Chachoengsao'),
        P('IN', 'Pune', 'Maharashtra'),
        P('TR', 'Kocaeli'),
      ],
    },
    xuarCities: ['Changji', 'Urumqi', 'Shihezi', 'Wujiaqu', 'Fukang', 'Hutubi'],
  },
  {
    id: 'TOMATO',
    weight: 0.12,
    rawLot: [20000, 200000],
    variants: [
      [
        st('TOMATO_FARM', 'Agricultural Development', '农业开发', 'tomatoes', 1),
        st('TOMATO_PROCESSOR', 'Tomato Products', '番茄制品', 'paste', 0.16),
        st('REPACKER', 'Canned Food', '罐头食品', 'paste-canned', 0.98),
        st('SAUCE_PLANT', 'Food Industry', '食品工业', 'ketchup', 2.4),
      ],
    ],
    fillers: [
      { kind: 'FOOD_TRADER', noun: 'Food Trading', nounZh: '食品贸易' },
      { kind: 'COLD_STORAGE', noun: 'Cold Chain Logistics', nounZh: '冷链物流' },
      { kind: 'BLENDER', noun: 'Food Ingredients', nounZh: '食品配料' },
      { kind: 'DISTRIBUTOR', noun: 'Foods Distribution', nounZh: '食品经销' },
      { kind: 'EXPORT_TRADER', noun: 'Import & Export', nounZh: '进出口' },
    ],
    listedPattern: /tomato|food|canned|agricultur|sugar|nutrition/i,
    places: {
      raw: [
        P('US', 'Los Banos', 'CA'),
        P('US', 'Woodland', 'CA'),
        P('IT', 'Foggia', 'Puglia'),
        P('IT', 'Piacenza', 'Emilia-Romagna'),
        P('ES', 'Badajoz', 'Extremadura'),
        P('PT', 'Santarem'),
        P('TR', 'Bursa'),
        P('CL', 'Talca', 'Maule'),
        CN('Bayannur', '巴彦淖尔', 'Inner Mongolia', '内蒙古'),
        CN('Zhangjiakou', '张家口', 'Hebei', '河北'),
      ],
      mid: [
        P('IT', 'Parma', 'Emilia-Romagna'),
        P('IT', 'Angri', 'Campania'),
        P('US', 'Stockton', 'CA'),
        P('ES', 'Merida', 'Extremadura'),
        P('PT', 'Benavente'),
        P('TR', 'Izmir'),
        CN('Tianjin', '天津', 'Tianjin', '天津'),
        CN('Xiamen', '厦门', 'Fujian', '福建'),
      ],
      late: [
        P('IT', 'Naples', 'Campania'),
        P('US', 'Fremont', 'OH'),
        P('MX', 'Guadalajara', 'Jalisco'),
        P('GH', 'Tema'),
        P('NG', 'Lagos'),
        CN('Qingdao', '青岛', 'Shandong', '山东'),
      ],
    },
    xuarCities: ['Changji', 'Bole', 'Yanqi', 'Hutubi', 'Manas', 'Tacheng', 'Wujiaqu', 'Korla'],
  },
  {
    id: 'PVC',
    weight: 0.13,
    rawLot: [50000, 300000],
    variants: [
      [
        st('LIMESTONE_QUARRY', 'Mining', '矿业', 'limestone', 1),
        st('LIME_KILN', 'Calcium Industry', '钙业', 'quicklime', 0.56),
        st('CARBIDE_PLANT', 'Carbide', '电石', 'carbide', 1.1),
        st('VCM_PLANT', 'Chlor-Alkali Chemical', '氯碱化工', 'vcm', 0.9),
        st('PVC_PLANT', 'Chemical', '化工', 'pvc-resin', 0.97),
        st('COMPOUNDER', 'Plastics', '塑胶', 'pvc-compound', 0.98),
        st('FLOORING_PLANT', 'New Building Materials', '新型建材', 'pvc-flooring', 0.95),
      ],
    ],
    fillers: [
      { kind: 'CHEMICAL_TRADER', noun: 'Chemical Trading', nounZh: '化工贸易' },
      { kind: 'WAREHOUSE', noun: 'Logistics', nounZh: '物流' },
      { kind: 'DISTRIBUTOR', noun: 'Building Materials', nounZh: '建材' },
      { kind: 'EXPORT_TRADER', noun: 'Import & Export', nounZh: '进出口' },
    ],
    listedPattern: /chemical|zhongtai|pvc|plastic|energy \(group\)|coal/i,
    places: {
      raw: [
        CN('Wuhai', '乌海', 'Inner Mongolia', '内蒙古'),
        CN('Yulin', '榆林', 'Shaanxi', '陕西'),
        CN('Shizuishan', '石嘴山', 'Ningxia', '宁夏'),
        P('IN', 'Jamnagar', 'Gujarat'),
        P('US', 'Freeport', 'TX'),
      ],
      mid: [
        CN('Wuhai', '乌海', 'Inner Mongolia', '内蒙古'),
        CN('Yulin', '榆林', 'Shaanxi', '陕西'),
        CN('Tianjin', '天津', 'Tianjin', '天津'),
        CN('Qingdao', '青岛', 'Shandong', '山东'),
        P('US', 'Plaquemine', 'LA'),
        P('TW', 'Mailiao', 'Yunlin'),
        P('KR', 'Yeosu', 'South Jeolla'),
        P('TH', 'Map Ta Phut', 'Rayong'),
        P('IN', 'Dahej', 'Gujarat'),
      ],
      late: [
        CN('Changzhou', '常州', 'Jiangsu', '江苏'),
        CN('Jiaxing', '嘉兴', 'Zhejiang', '浙江'),
        P('VN', 'Thuan An', 'Binh Duong'),
        P('KR', 'Incheon'),
        P('TH', 'Samut Prakan'),
        P('US', 'Dalton', 'GA'),
      ],
    },
    xuarCities: ['Shihezi', 'Korla', 'Urumqi', 'Kuqa', 'Tumxuk', 'Midong', 'Fukang'],
  },
];

/** The U.S. side: importers' distribution centers. */
export const US_IMPORT_PLACES: Place[] = [
  P('US', 'Vernon', 'CA'),
  P('US', 'Ontario', 'CA'),
  P('US', 'Carson', 'CA'),
  P('US', 'Secaucus', 'NJ'),
  P('US', 'Savannah', 'GA'),
  P('US', 'Houston', 'TX'),
  P('US', 'Kent', 'WA'),
  P('US', 'Joliet', 'IL'),
  P('US', 'Memphis', 'TN'),
  P('US', 'Phoenix', 'AZ'),
  P('US', 'Charlotte', 'NC'),
  P('US', 'Columbus', 'OH'),
  P('US', 'Miami', 'FL'),
  P('US', 'Edison', 'NJ'),
];
export const PORTS = [
  'Los Angeles',
  'Long Beach',
  'New York/Newark',
  'Savannah',
  'Houston',
  'Seattle',
  'Tacoma',
  'Charleston',
  'Norfolk',
  'Oakland',
  'Miami',
];

/** Look-alike of the XUAR name: Xinjiang County (新绛县), Yuncheng, Shanxi. */
export const XINJIANG_COUNTY_SHANXI: Place = {
  country: 'CN',
  city: 'Xinjiang County',
  cityZh: '新绛县',
  province: 'Shanxi',
  provinceZh: '山西',
};

export const ZH_WORDS: [string, string][] = [
  ['Ruifeng', '瑞丰'],
  ['Hengrui', '恒瑞'],
  ['Yongtai', '永泰'],
  ['Jinda', '金达'],
  ['Tiancheng', '天成'],
  ['Jiahe', '嘉禾'],
  ['Runda', '润达'],
  ['Minghui', '明辉'],
  ['Boyuan', '博远'],
  ['Dongsheng', '东升'],
  ['Lixin', '立信'],
  ['Guangyuan', '广源'],
  ['Fenghua', '丰华'],
  ['Jiamei', '佳美'],
  ['Yuanhang', '远航'],
  ['Delong', '德隆'],
  ['Zhongsheng', '中盛'],
  ['Baofeng', '宝丰'],
  ['Yongxing', '永兴'],
  ['Rongchang', '荣昌'],
  ['Jinqiao', '金桥'],
  ['Huamei', '华美'],
  ['Shengda', '盛达'],
  ['Fuyuan', '福源'],
  ['Hongyun', '鸿运'],
  ['Xinfeng', '鑫丰'],
  ['Kangda', '康达'],
  ['Tongda', '通达'],
  ['Haoyang', '浩阳'],
  ['Jinyu', '金宇'],
  ['Chengxin', '诚信'],
  ['Longsheng', '隆盛'],
  ['Anda', '安达'],
  ['Huiyuan', '汇源'],
  ['Mingyang', '明扬'],
  ['Tianrui', '天瑞'],
  ['Jiaxin', '佳鑫'],
  ['Weida', '伟达'],
  ['Sanyuan', '三元'],
  ['Zhongxing', '中兴'],
  ['Xinda', '信达'],
  ['Guoxin', '国信'],
];
/** Syllables for two-syllable brand names when the word list runs out (pinyin, characters). */
export const ZH_SYLLABLES: [string, string][] = [
  ['Hong', '宏'],
  ['Xin', '鑫'],
  ['Tai', '泰'],
  ['Da', '达'],
  ['Sheng', '盛'],
  ['Long', '隆'],
  ['Feng', '丰'],
  ['Yuan', '源'],
  ['Hua', '华'],
  ['Jin', '金'],
  ['Rui', '瑞'],
  ['Heng', '恒'],
  ['Kang', '康'],
  ['Tong', '通'],
  ['Mei', '美'],
  ['Bao', '宝'],
  ['Cheng', '诚'],
  ['Xing', '兴'],
  ['An', '安'],
  ['Hao', '浩'],
  ['Jia', '嘉'],
  ['Ming', '明'],
  ['Run', '润'],
  ['Wei', '伟'],
  ['Yu', '宇'],
  ['Li', '立'],
  ['Guang', '广'],
  ['De', '德'],
  ['Rong', '荣'],
  ['Chang', '昌'],
  ['Yong', '永'],
  ['Shun', '顺'],
];
export const EN_WORDS = [
  'Pacific',
  'Golden',
  'Evergreen',
  'Sunrise',
  'Delta',
  'Summit',
  'Harbor',
  'Laurel',
  'Crescent',
  'Meridian',
  'Silverline',
  'Northstar',
  'Bluewater',
  'Highland',
  'Riverside',
  'Oakridge',
  'Coastal',
  'Cedar',
  'Keystone',
  'Falcon',
  'Horizon',
  'Prime',
  'Unity',
  'Vista',
  'Orchid',
  'Sapphire',
  'Granite',
  'Pioneer',
  'Liberty',
  'Heritage',
  'Atlas',
  'Beacon',
  'Monarch',
  'Redwood',
  'Sterling',
  'Westbrook',
];
export const COMPANY_SUFFIX: Record<string, string[]> = {
  US: ['LLC', 'Inc.', 'Corp.'],
  VN: ['JSC', 'Co., Ltd.'],
  BD: ['Ltd.'],
  IN: ['Pvt. Ltd.', 'Ltd.'],
  PK: ['(Pvt.) Ltd.'],
  BR: ['Ltda.', 'S.A.'],
  AU: ['Pty Ltd'],
  MY: ['Sdn. Bhd.'],
  TH: ['Co., Ltd.', 'Public Co., Ltd.'],
  IT: ['S.p.A.', 'S.r.l.'],
  ES: ['S.L.', 'S.A.'],
  PT: ['Lda.', 'S.A.'],
  TR: ['A.S.', 'Ltd. Sti.'],
  DE: ['GmbH', 'AG'],
  NO: ['AS', 'ASA'],
  GR: ['S.A.'],
  KH: ['Co., Ltd.'],
  HN: ['S.A.'],
  GT: ['S.A.'],
  MX: ['S.A. de C.V.'],
  LK: ['(Pvt) Ltd'],
  ID: ['PT', 'Tbk'],
  GN: ['SA'],
  JM: ['Ltd.'],
  CA: ['Inc.', 'Ltee'],
  AE: ['FZE', 'LLC'],
  BH: ['B.S.C.'],
  CL: ['S.A.', 'SpA'],
  GH: ['Ltd.'],
  NG: ['Ltd.', 'Plc'],
  TW: ['Co., Ltd.', 'Corp.'],
  KR: ['Co., Ltd.', 'Corp.'],
  HK: ['Limited', 'Holdings Limited'],
};
export const LANGUAGE: Record<string, string> = {
  CN: 'zh',
  TW: 'zh',
  HK: 'zh',
  VN: 'vi',
  BR: 'pt',
  PT: 'pt',
  IT: 'it',
  ES: 'es',
  MX: 'es',
  GT: 'es',
  HN: 'es',
  CL: 'es',
  TR: 'tr',
  DE: 'de',
  NO: 'no',
  TH: 'th',
  ID: 'id',
  KR: 'ko',
  GR: 'el',
  GN: 'fr',
  CA: 'en',
};
export const ROADS = [
  'Industrial',
  'Development',
  'Binhai',
  'Gongye',
  'Xingfu',
  'Jiefang',
  'Renmin',
  'Changjiang',
  'Huanghe',
  'Kaifa',
  'Chaoyang',
  'Jinshan',
];
export const EN_STREETS = [
  'Industrial Park Road',
  'Harbor Drive',
  'Commerce Way',
  'Export Processing Zone',
  'Factory Lane',
  'Logistics Avenue',
  'Mill Road',
];
