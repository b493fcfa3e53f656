// entityKey against keys written out by hand, so the tests that compare keys do not trust it blindly.
import { entityKey } from '../../../src/model/entityList';

describe('entityKey', () => {
  it('folds width and case and turns every run of punctuation and space into one space', () => {
    expect(entityKey('Hoshine Silicon Industry (Shanshan) Co., Ltd')).toBe('hoshine silicon industry shanshan co ltd');
    expect(entityKey('Ｈｏｓｈｉｎｅ  Silicon, Co.,Ltd.')).toBe('hoshine silicon co ltd');
    expect(entityKey('Sichuan Yuan\u2019an')).toBe('sichuan yuan an');
    expect(entityKey('  --A&B--  ')).toBe('a b');
    expect(entityKey('合盛硅业(鄯善)有限公司')).toBe('合盛硅业 鄯善 有限公司');
  });
});
