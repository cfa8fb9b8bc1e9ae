// The stylesheet has no build step that parses it, and a browser silently drops every rule after an
// unclosed brace: this keeps the file well-formed (a merge once cut a rule in half).
import { describe, expect, it } from 'vitest';
import css from './styles.css?raw';

function braceDepths(css: string): { final: number; lowest: number } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  let depth = 0;
  let lowest = 0;
  for (const ch of text) {
    if (ch === '{') depth += 1;
    if (ch === '}') depth -= 1;
    lowest = Math.min(lowest, depth);
  }
  return { final: depth, lowest };
}

describe('styles.css', () => {
  it('closes every block it opens', () => {
    expect(css).toContain('.room-body');
    expect(braceDepths(css)).toEqual({ final: 0, lowest: 0 });
  });

  it('notices an unclosed rule', () => {
    expect(braceDepths('.a { color: red;\n.b { color: blue; }').final).toBe(1);
  });
});
