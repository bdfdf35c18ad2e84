import Handlebars from 'handlebars';
import type { TemplateProblem } from './template-problem';
import { TEMPLATE_HELPERS, TEMPLATE_VARIABLE_PATHS, TEMPLATE_VARIABLES } from './variable-catalogue';

type Node = hbs.AST.Node;
type Position = { line: number; column: number };

/** A variable a template reads, where, and whether it is read from the top-level context. */
export interface VariableUse extends Position {
  path: string;
  topLevel: boolean;
}

/** The helpers a template may call: ours and Handlebars' block helpers. */
export const ALLOWED_HELPERS: ReadonlySet<string> = new Set([
  ...TEMPLATE_HELPERS.map((h) => h.name),
  'if',
  'unless',
  'with',
  'each',
]);
const SCOPE_HELPERS = new Set(['with', 'each']);
const GROUPS = new Set(TEMPLATE_VARIABLES.map((v) => v.group));
const BY_LOWER_CASE = new Map(TEMPLATE_VARIABLES.map((v) => [v.path.toLowerCase(), v.path]));

function at(node: Node): Position {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

/** Where a Handlebars parse error is: its line from the message, its column found from the snippet. */
function parseErrorPosition(
  source: string,
  error: Error & { lineNumber?: number; column?: number },
): Position {
  if (error.lineNumber !== undefined) return { line: error.lineNumber, column: (error.column ?? 0) + 1 };
  const line = Number(/on line (\d+)/.exec(error.message)?.[1] ?? 1);
  const lines = error.message.split('\n');
  const past = (lines[1] ?? '').replace(/^\.\.\./, '').slice(0, (lines[2] ?? '').indexOf('^'));
  const sourceLine = source.split('\n')[line - 1] ?? '';
  const found = past ? sourceLine.lastIndexOf(past.slice(-Math.min(past.length, sourceLine.length))) : -1;
  return { line, column: found >= 0 ? found + Math.min(past.length, sourceLine.length) + 1 : 1 };
}

function firstLine(message: string): string {
  return message.split('\n').slice(-1)[0];
}

/** Parses a template and lists its problems and the variables it reads, without any data. */
export function inspectTemplate(source: string): {
  problems: TemplateProblem[];
  variables: VariableUse[];
  unescaped: { line: number; column: number }[];
} {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    const position = parseErrorPosition(source, error as Error);
    const message = `Syntax error: ${firstLine((error as Error).message).replace(/ - \d+:\d+$/, '')}`;
    return { problems: [{ code: 'syntax', message, ...position }], variables: [], unescaped: [] };
  }
  const problems: TemplateProblem[] = [];
  const variables: VariableUse[] = [];
  const unescaped: Position[] = [];

  const variable = (path: hbs.AST.PathExpression, scoped: boolean, groupAllowed = false): void => {
    if (groupAllowed && GROUPS.has(path.original as never)) return;
    if (path.data || path.original === 'this' || path.original.startsWith('this.') || path.depth > 0) return;
    const position = at(path);
    if (scoped) return void variables.push({ path: path.original, topLevel: false, ...position });
    if (TEMPLATE_VARIABLE_PATHS.has(path.original)) {
      return void variables.push({ path: path.original, topLevel: true, ...position });
    }
    const suggestion = BY_LOWER_CASE.get(path.original.toLowerCase());
    const hint = suggestion
      ? ` Did you mean "${suggestion}"?`
      : GROUPS.has(path.original as never)
        ? ` "${path.original}" is a group; use one of its variables, such as "${TEMPLATE_VARIABLES.find((v) => v.group === path.original)?.path}".`
        : '';
    problems.push({
      code: 'unknown-variable',
      message: `Unknown variable "${path.original}".${hint}`,
      ...position,
    });
  };

  const expression = (node: hbs.AST.Expression, scoped: boolean, groupAllowed = false): void => {
    if (node.type === 'PathExpression') variable(node as hbs.AST.PathExpression, scoped, groupAllowed);
    else if (node.type === 'SubExpression') call(node as hbs.AST.SubExpression, scoped);
  };

  const call = (
    node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement,
    scoped: boolean,
  ): void => {
    const path = node.path as hbs.AST.PathExpression;
    const isCall = node.params.length > 0 || Boolean(node.hash) || node.type !== 'MustacheStatement';
    const name = path.original;
    if (isCall || ALLOWED_HELPERS.has(name)) {
      if (path.type !== 'PathExpression' || !ALLOWED_HELPERS.has(name)) {
        problems.push({ code: 'unknown-helper', message: `Unknown helper "${name}".`, ...at(path) });
      }
    } else {
      expression(path, scoped);
    }
    node.params.forEach((param) => expression(param, scoped, node.type === 'BlockStatement'));
    node.hash?.pairs.forEach((pair) => expression(pair.value, scoped));
  };

  const walk = (node: Node | null | undefined, scoped: boolean): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach((child) => walk(child, scoped));
        break;
      case 'MustacheStatement':
        if (!(node as hbs.AST.MustacheStatement).escaped) unescaped.push(at(node));
        call(node as hbs.AST.MustacheStatement, scoped);
        break;
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        call(block, scoped);
        const inner = scoped || SCOPE_HELPERS.has((block.path as hbs.AST.PathExpression).original);
        walk(block.program, inner);
        walk(block.inverse, scoped);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        problems.push({ code: 'syntax', message: 'Partials and decorators are not allowed.', ...at(node) });
        break;
      default:
        break;
    }
  };
  walk(program, false);
  return { problems, variables, unescaped };
}
