// All user-facing text lives in the strings modules (ui/strings.ts and the ui/**/*Strings.ts it
// gathers), ready for translation. This parses every other UI module with the TypeScript compiler
// and fails on a literal with letters put where users read or hear it: textContent, title,
// placeholder, alt or aria-label (assigned, set as an attribute or in an h() attribute object), a
// child text of h(), a text node, or a toast or banner.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts', '!./**/*Strings.ts', '!./strings.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const TEXT_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'alt', 'ariaLabel']);
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext']);
const NOTICE_METHODS = new Set(['toast', 'banner']);

/** The literal text of a string or template literal (without its substitutions), or null for other expressions. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => s.literal.text).join('');
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].filter((t) => t !== null).join(' ') || null;
  const operator = ts.isBinaryExpression(node) ? node.operatorToken.kind : null;
  if (ts.isBinaryExpression(node) && (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken)) {
    return [literalText(node.left), literalText(node.right)].filter((t) => t !== null).join('') || null;
  }
  return null;
}

const isWords = (text: string | null): text is string => text !== null && /\p{L}/u.test(text);

function nameOf(node: ts.PropertyName | ts.Expression): string | null {
  if (ts.isIdentifier(node) || ts.isStringLiteral(node)) return node.text;
  return null;
}

/** Literal user-facing texts in `source`, as "line: text". */
export function findLiteralUiText(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, text: string): void => {
    found.push(`${fileName}:${String(file.getLineAndCharacterOfPosition(node.getStart()).line + 1)}: ${JSON.stringify(text)}`);
  };
  const check = (node: ts.Node | undefined): void => {
    if (node === undefined) return;
    const text = literalText(node);
    if (isWords(text)) report(node, text);
  };
  const visit = (node: ts.Node): void => {
    // x.textContent = 'Text'
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && ts.isPropertyAccessExpression(node.left) && TEXT_PROPERTIES.has(node.left.name.text)) {
      check(node.right);
    }
    // { 'aria-label': 'Text', title: 'Text' }
    if (ts.isPropertyAssignment(node) && TEXT_ATTRIBUTES.has(nameOf(node.name) ?? '')) check(node.initializer);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const [first, second] = node.arguments;
      // el.setAttribute('aria-label', 'Text')
      if (method === 'setAttribute' && first !== undefined && TEXT_ATTRIBUTES.has(literalText(first) ?? '')) check(second);
      // h('p', {}, 'Text'), document.createTextNode('Text'), el.append('Text')
      if (method === 'h') node.arguments.slice(2).forEach(check);
      if (method === 'createTextNode' || method === 'append' || method === 'prepend' || method === 'replaceChildren') node.arguments.forEach(check);
      // notices.toast('Text'), notices.banner('Text')
      if (NOTICE_METHODS.has(method) && ts.isPropertyAccessExpression(callee)) check(first);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('user-facing text', () => {
  it('is found by the check in each place it can hide', () => {
    const bad = [
      "el.textContent = 'Saved';",
      'el.title = `Undo ${n}`;',
      "h('input', { placeholder: 'Your goal', 'aria-label': 'Goal' });",
      "h('button', { type: 'button' }, 'Close');",
      "h('p', {}, `Loaded ${count} items`);",
      "button.setAttribute('aria-label', 'Remove');",
      "list.append(document.createTextNode('None yet'));",
      "notices.toast('Copied');",
      "status.textContent = ok ? 'Live' : 'Offline';",
      "message.textContent = reason ?? 'The request failed.';",
    ].join('\n');
    expect(findLiteralUiText('bad.ts', bad)).toHaveLength(11);
    const fine = [
      "el.textContent = strings.room.copied;",
      "el.textContent = '';",
      "h('button', { 'aria-label': t.close, 'data-testid': 'close-button', class: 'icon' }, '×');",
      "h('span', {}, `${a} · ${b}`, ' ', '✋');",
      "el.setAttribute('data-state', 'live');",
    ].join('\n');
    expect(findLiteralUiText('fine.ts', fine)).toEqual([]);
  });

  it('never appears as a literal in a UI module: it comes from a strings module', () => {
    const names = Object.keys(sources);
    // Not vacuous: the glob reached the screens that hold most of the text.
    for (const expected of ['./roomScreen.ts', './whiteboard.ts', './sprint/sprintBar.ts', './chat/chatPanel.ts', './sidePanel/sidePanel.ts']) expect(names).toContain(expected);
    expect(names.length).toBeGreaterThan(25);
    const found = Object.entries(sources).flatMap(([name, source]) => findLiteralUiText(name, source));
    expect(found).toEqual([]);
    // Parsing every UI module takes seconds on a busy machine.
  }, 60_000);
});
