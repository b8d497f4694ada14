// User texts are plain text with paragraphs (blank lines) and bullet lines ("• ", "- ", "* ").
// They are turned into blocks that components render as text nodes, never as HTML.

export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^\s*(?:•|-|\*)\s+/;

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length) out.push({ kind: 'paragraph', text: para.join('\n') });
      para = [];
    };
    const flushList = () => {
      if (items.length) out.push({ kind: 'list', items });
      items = [];
    };
    for (const line of lines) {
      if (BULLET.test(line)) {
        flushPara();
        items.push(line.replace(BULLET, '').trim());
      } else {
        flushList();
        para.push(line.trim());
      }
    }
    flushPara();
    flushList();
  }
  return out;
}
