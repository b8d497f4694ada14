import { describe, expect, it } from 'vitest';
import { blocks } from './text';

describe('blocks', () => {
  it('splits paragraphs on blank lines and gathers bullets into lists', () => {
    expect(blocks('First paragraph.\n\nThree areas:\n• one;\n- two;\n  * three.\n\nLast.')).toEqual([
      { kind: 'paragraph', text: 'First paragraph.' },
      { kind: 'paragraph', text: 'Three areas:' },
      { kind: 'list', items: ['one;', 'two;', 'three.'] },
      { kind: 'paragraph', text: 'Last.' },
    ]);
  });

  it('keeps markup-looking text as text', () => {
    expect(blocks('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('gives nothing for an empty or blank text, and reads CRLF', () => {
    expect(blocks('')).toEqual([]);
    expect(blocks('  \n \n')).toEqual([]);
    expect(blocks('a\r\n\r\nb')).toHaveLength(2);
  });
});
