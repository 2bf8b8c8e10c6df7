// The editing toolbar's hint and the map cursor for each tool: every hint names a message that
// exists in both languages.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { zh } from '../../src/i18n/zh.ts';
import { toolCursor } from '../../src/map/tools/tool-cursor.ts';
import { toolHint } from '../../src/map/tools/tool-hint.ts';
import type { EditTool, PaintMode } from '../../src/ui/editing/editor.svelte.ts';

const TOOLS: EditTool[] = ['select', 'reshape', 'split', 'merge', 'draw', 'paint', 'delete'];
const MODES: PaintMode[] = ['click', 'box', 'lasso', 'brush'];

describe('toolHint', () => {
  it('asks for a grid first, except to select and to draw a new grid', () => {
    expect(toolHint('reshape', 'brush', false, 'idle')).toBe('tools.hint.pickGrid');
    expect(toolHint('paint', 'box', false, 'idle')).toBe('tools.hint.pickGrid');
    expect(toolHint('draw', 'brush', false, 'idle')).toBe('tools.hint.draw.idle');
    expect(toolHint('select', 'brush', false, 'idle')).toBe('tools.hint.select');
  });

  it('moves on once a sketch has begun, and names the paint mode', () => {
    expect(toolHint('split', 'brush', true, 'idle')).toBe('tools.hint.split.idle');
    expect(toolHint('split', 'brush', true, 'sketching')).toBe('tools.hint.split.sketching');
    expect(toolHint('draw', 'brush', true, 'dragging')).toBe('tools.hint.draw.sketching');
    expect(toolHint('paint', 'lasso', true, 'dragging')).toBe('tools.hint.paint.lasso');
    expect(toolHint('merge', 'brush', true, 'idle')).toBe('tools.hint.merge');
  });

  it('always names a message both languages have', () => {
    for (const tool of TOOLS)
      for (const mode of MODES)
        for (const hasGrid of [false, true])
          for (const stage of ['idle', 'sketching', 'dragging'] as const) {
            const key = toolHint(tool, mode, hasGrid, stage);
            expect(zh[key], key).toBeTruthy();
            expect(en[key], key).toBeTruthy();
          }
  });
});

describe('toolCursor', () => {
  it('keeps the map cursor in select and while a tool waits for its grid', () => {
    expect(toolCursor('select', 'brush', true)).toBe('map');
    expect(toolCursor('merge', 'brush', false)).toBe('map');
  });

  it('draws with a crosshair and picks with a pointer', () => {
    expect(toolCursor('draw', 'brush', false)).toBe('crosshair');
    expect(toolCursor('split', 'brush', true)).toBe('crosshair');
    expect(toolCursor('paint', 'brush', true)).toBe('crosshair');
    expect(toolCursor('paint', 'click', true)).toBe('pointer');
    expect(toolCursor('delete', 'brush', true)).toBe('pointer');
    expect(toolCursor('reshape', 'brush', true)).toBe('default');
  });
});
