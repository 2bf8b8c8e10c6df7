// Reading the cells of 12345 exports: Chinese date spellings as Beijing time, Excel day numbers,
// durations and working days, yes/no words, satisfaction and status variants, headers found
// below a title row or in a two-row header, encodings told apart, and addresses normalised.
import { describe, expect, it } from 'vitest';
import {
  matchAddress,
  addressIndex,
  normaliseAddress,
} from '../../src/analysis/complaints/address-match.ts';
import { findHeader, normaliseHeader } from '../../src/io/orders/order-columns.ts';
import {
  parseDueAt,
  parseOrderTime,
  parseSatisfaction,
  parseSource,
  parseStatus,
  parseYesNo,
} from '../../src/io/orders/order-values.ts';
import { detectEncoding } from '../../src/io/orders/read-table.ts';

const at = (text: string) => Date.parse(text);

describe('times', () => {
  it('read the usual spellings as Beijing time', () => {
    const expected = at('2026-03-05T08:07:00+08:00');
    for (const text of [
      '2026/3/5 8:07',
      '2026-03-05 08:07:00',
      '2026-03-05T08:07',
      '2026.3.5 8:07',
      '2026年3月5日 8:07',
      '2026年3月5日8时7分',
      '2026-03-05T08:07:00+08:00',
      '20260305 080700',
    ])
      expect([text, parseOrderTime(text)]).toEqual([text, expected]);
    expect(parseOrderTime('2026年3月5日')).toBe(at('2026-03-05T00:00:00+08:00'));
    expect(parseOrderTime('2026-03-05 00:07:00Z')).toBe(at('2026-03-05T00:07:00Z'));
    expect(parseOrderTime('2026-03-05 08:07:30.5')).toBe(at('2026-03-05T08:07:30.500+08:00'));
  });

  it('read Excel day numbers, and refuse impossible dates', () => {
    // 46086 is 2026-03-05 in Excel's numbering; .25 of a day is 06:00.
    expect(parseOrderTime('46086.25')).toBe(at('2026-03-05T06:00:00+08:00'));
    expect(parseOrderTime('2026/2/30 9:00')).toBeNull();
    expect(parseOrderTime('2026/3/5 24:00')).toBeNull();
    expect(parseOrderTime('下周三')).toBeNull();
    expect(parseOrderTime('  ')).toBeUndefined();
  });

  it('take a time limit as a deadline or as hours, days or working days', () => {
    const created = at('2026-10-09T10:00:00+08:00'); // a Friday
    expect(parseDueAt('24小时', created)).toBe(created + 24 * 3_600_000);
    expect(parseDueAt('7天', created)).toBe(created + 7 * 86_400_000);
    expect(parseDueAt('2个工作日', created)).toBe(at('2026-10-13T10:00:00+08:00'));
    expect(parseDueAt('2026/10/16 17:00', created)).toBe(at('2026-10-16T17:00:00+08:00'));
    expect(parseDueAt('尽快', created)).toBeNull();
  });
});

describe('answers', () => {
  it('read yes and no, satisfaction, status and source in their usual variants', () => {
    expect(['是', 'Y', '1', '已联系', '否', 'n', '0', '未解决', '不确定'].map(parseYesNo)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      null,
    ]);
    expect(['满意', '非常满意', '比较满意', '不满意', '很好'].map(parseSatisfaction)).toEqual([
      '满意',
      '满意',
      '基本满意',
      '不满意',
      null,
    ]);
    expect(['已办结', '处理中', '待回访', '已派单', '新建', '挂起'].map(parseStatus)).toEqual([
      '办结',
      '办理',
      '回访',
      '派单',
      '受理',
      null,
    ]);
    expect(
      ['12345市民热线', '网格员巡查', '视频AI识别', '微信群', '信访'].map(parseSource),
    ).toEqual(['12345热线', '网格巡查', '视频AI', '居民群', '信访']);
  });
});

describe('headers', () => {
  it('are found below a title row, and a two-row header fills its gaps from the row above', () => {
    const rows = [
      ['2026年10月工单'],
      ['工单信息', '', '分类', '', '是否回访', ''],
      ['工单编号', '来电时间（北京时间）', '一级分类', '二级分类', '', '是否满意'],
      ['GD1', '2026/10/5 8:07', '城乡建设', '供暖', '是', '满意'],
    ];
    const header = findHeader(rows);
    expect(header.headerRows).toBe(3);
    expect(header.mapping).toEqual([
      'id',
      'createdAt',
      'category1',
      'category2',
      'followedUp',
      'satisfaction',
    ]);
    expect(header.missing).toEqual([]);
    expect(normaliseHeader(' 受理时间 * ')).toBe('受理时间');
  });

  it('name the required fields they lack', () => {
    expect(
      findHeader([
        ['编号', '内容'],
        ['1', 'x'],
      ]).missing,
    ).toEqual(['createdAt', 'category2']);
  });
});

describe('encodings', () => {
  it('are told from a byte-order mark, from valid UTF-8, else GBK', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(detectEncoding(new TextEncoder().encode('工单号'))).toBe('utf-8');
    // 工单号 in GBK
    expect(detectEncoding(new Uint8Array([0xb9, 0xa4, 0xb5, 0xa5, 0xba, 0xc5]))).toBe('gbk');
  });
});

describe('addresses', () => {
  it('are normalised to what identifies a building, and matched', () => {
    expect(normaliseAddress('北京市丰台区榆汀街道 锦程大街四号院2号楼3单元502室')).toBe(
      '锦程大街4号院2号楼',
    );
    expect(normaliseAddress('锦程大街4号院2#')).toBe('锦程大街4号院2号楼');
    expect(normaliseAddress('东园小区3号楼')).toBe('东园小区3号楼');
    const index = addressIndex([
      { address: '锦程大街4号院1号楼', name: '4号院1号楼' },
      { address: '锦程大街4号院2号楼', name: '4号院2号楼' },
      { address: '窗花胡同6号' },
    ]);
    expect(matchAddress(index, '锦程大街4号院二号楼3单元')).toEqual({
      kind: 'building',
      building: 1,
    });
    expect(matchAddress(index, '锦程大街4号院')).toEqual({ kind: 'compound', buildings: [0, 1] });
    expect(matchAddress(index, '窗花胡同6号')).toEqual({ kind: 'building', building: 2 });
    expect(matchAddress(index, '窗花胡同8号')).toEqual({ kind: 'none' });
  });
});
