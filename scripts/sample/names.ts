/** Chinese person names for grid leaders (网格长), drawn without repeats. */
import type { Random } from './random.ts';

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

const GIVEN = [
  '建国',
  '秀英',
  '桂兰',
  '丽华',
  '志强',
  '淑珍',
  '玉兰',
  '海燕',
  '建华',
  '春梅',
  '红梅',
  '晓东',
  '文静',
  '立新',
  '国庆',
  '永红',
  '雪梅',
  '俊杰',
  '宏伟',
  '丽娜',
  '秀兰',
  '凤英',
  '玉梅',
  '桂芳',
  '小红',
  '海涛',
  '晓燕',
  '卫东',
  '金凤',
  '德明',
  '淑华',
  '振华',
  '红霞',
  '爱华',
  '秀云',
  '少华',
  '明',
  '伟',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '敏',
  '军',
  '丹',
  '鑫',
  '颖',
  '斌',
];

/**
 * Draws person names, never the same one twice from one generator.
 * @example
 * const next = personNames(rng); next(); // e.g. '郭淑珍'
 */
export function personNames(rng: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}
