// parseCheckArgs: paths, --lang in both spellings, --out, --help, and each usage error worded in
// both languages.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, parseCheckArgs } from '../../scripts/check/args.ts';

describe('parseCheckArgs', () => {
  it('takes paths with the defaults: Chinese, ./gridatlas-report', () => {
    expect(parseCheckArgs(['data'])).toEqual({
      kind: 'run',
      paths: ['data'],
      lang: 'zh',
      outDir: DEFAULT_OUT_DIR,
      options: {},
    });
    expect(DEFAULT_OUT_DIR).toBe('gridatlas-report');
  });

  it('reads --lang and --out with a space or an equals sign, anywhere on the line', () => {
    const expected = {
      kind: 'run',
      paths: ['a.geojson', 'b.json'],
      lang: 'en',
      outDir: '/tmp/r',
      options: {},
    };
    expect(parseCheckArgs(['a.geojson', '--lang', 'en', 'b.json', '--out', '/tmp/r'])).toEqual(
      expected,
    );
    expect(parseCheckArgs(['--lang=en', '--out=/tmp/r', 'a.geojson', 'b.json'])).toEqual(expected);
  });

  it('treats everything after -- as paths', () => {
    expect(parseCheckArgs(['--lang', 'en', '--', '--odd-name.geojson'])).toMatchObject({
      kind: 'run',
      paths: ['--odd-name.geojson'],
    });
  });

  it("takes a tool's own options, and refuses them for a tool that has none", () => {
    expect(parseCheckArgs(['data', '--month', '2026-10'], 'out', ['--month'])).toMatchObject({
      kind: 'run',
      paths: ['data'],
      options: { '--month': '2026-10' },
    });
    expect(parseCheckArgs(['data', '--month=2026-10'], 'out', ['--month'])).toMatchObject({
      options: { '--month': '2026-10' },
    });
    expect(parseCheckArgs(['data', '--month', '2026-10']).kind).toBe('error');
  });

  it('asks for help in the language given, even beside other mistakes', () => {
    expect(parseCheckArgs(['--help'])).toEqual({ kind: 'help', lang: 'zh' });
    expect(parseCheckArgs(['-h', '--lang=en', '--bogus'])).toEqual({ kind: 'help', lang: 'en' });
  });

  it('words each usage error in both languages', () => {
    const cases: [string[], string, string][] = [
      [[], '没有给出要检查的文件夹或文件。', 'No folder or file to check was given.'],
      [['data', '--verbose'], '无法识别的选项 --verbose。', 'Unknown option --verbose.'],
      [['data', '--out'], '选项 --out 后面缺少取值。', 'Option --out needs a value.'],
      [
        ['data', '--out', '--lang', 'en'],
        '选项 --out 后面缺少取值。',
        'Option --out needs a value.',
      ],
      [['data', '--lang='], '选项 --lang 后面缺少取值。', 'Option --lang needs a value.'],
      [
        ['data', '--lang', 'fr'],
        '不支持的语言“fr”，--lang 只能是 zh 或 en。',
        'Unsupported language "fr": --lang takes zh or en.',
      ],
    ];
    for (const [argv, zh, en] of cases) {
      expect(parseCheckArgs(argv)).toMatchObject({ kind: 'error', message: { zh, en } });
    }
    expect(parseCheckArgs(['data', '--bogus', '--lang', 'en'])).toMatchObject({
      kind: 'error',
      lang: 'en',
    });
  });
});
