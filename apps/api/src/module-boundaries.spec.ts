/**
 * The API's module seams, read from its source (no database, no Nest): each collection is opened by its one
 * owning module, which alone writes it; no module provides another's classes or imports its writing
 * repositories; modules depend on each other without cycles; database filters, update operators and the
 * duplicate-key code stay inside repositories; docs/architecture.md's ownership table says what the code does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = __dirname;
const MODULES = path.join(SRC, 'modules');
const ARCHITECTURE = path.join(SRC, '../../../docs/architecture.md');

interface SourceFile {
  /** Path under src/, e.g. `modules/runs/run.service.ts`. */
  file: string;
  /** The feature module (folder under modules/), or null for the shared layers (common, database, http…). */
  module: string | null;
  text: string;
  ast: ts.SourceFile;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const sources: SourceFile[] = walk(SRC).map((full) => {
  const file = path.relative(SRC, full).split(path.sep).join('/');
  const text = readFileSync(full, 'utf8');
  const parts = file.split('/');
  return {
    file,
    module: parts[0] === 'modules' ? parts[1] : null,
    text,
    ast: ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true),
  };
});
const moduleNames = readdirSync(MODULES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** An import of one source file by another: what it names, and whether only as types. */
interface Import {
  from: SourceFile;
  target: string;
  names: { name: string; typeOnly: boolean }[];
}

function importsOf(source: SourceFile): Import[] {
  const found: Import[] = [];
  for (const statement of source.ast.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(source.file), specifier)) + '.ts';
    const clause = statement.importClause;
    const allTypes = clause?.isTypeOnly ?? false;
    const names: Import['names'] = [];
    if (clause?.name) names.push({ name: clause.name.text, typeOnly: allTypes });
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        names.push({ name: element.name.text, typeOnly: allTypes || element.isTypeOnly });
      }
    }
    found.push({ from: source, target, names });
  }
  return found;
}

const imports = sources.flatMap(importsOf);
const moduleOf = (file: string) => (file.startsWith('modules/') ? file.split('/')[1] : null);

/** The collections a file opens: `super(db, 'name')` of a repository, or `db.collection('name')`. */
function collectionsOpenedIn(source: SourceFile): string[] {
  const pattern = /super\(\s*db,\s*'([a-z_]+)'|\.collection(?:<[^>]*>)?\(\s*'([a-z_]+)'/g;
  return [...source.text.matchAll(pattern)].map((match) => match[1] ?? match[2]);
}

/** The ownership table of docs/architecture.md: collection → owner module → modules that read it. */
function ownershipTable(): Map<string, { owner: string; readers: string[] }> {
  const text = readFileSync(ARCHITECTURE, 'utf8');
  const section = text.slice(text.indexOf('## Who owns which collection'));
  const rows = section
    .split('\n')
    .filter((line) => /^\|\s*`[a-z_]+`\s*\|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  return new Map(
    rows.map(([, collection, owner, readers]) => [
      collection.replace(/`/g, ''),
      {
        owner: owner.replace(/`/g, ''),
        readers: readers === '—' ? [] : readers.split(',').map((r) => r.trim().replace(/`/g, '')),
      },
    ]),
  );
}

/** The `@Module({ imports, providers, exports })` of a module file, as identifier names. */
function moduleMetadata(source: SourceFile): Record<'imports' | 'providers' | 'exports', string[]> {
  const metadata = { imports: [] as string[], providers: [] as string[], exports: [] as string[] };
  const constants = new Map<string, ts.Expression>();
  source.ast.forEachChild((node) => {
    if (ts.isVariableStatement(node)) {
      for (const declaration of node.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) {
          constants.set(declaration.name.text, declaration.initializer);
        }
      }
    }
  });
  const names = (expression: ts.Expression): string[] => {
    if (ts.isIdentifier(expression)) {
      const constant = constants.get(expression.text);
      return constant ? names(constant) : [expression.text];
    }
    if (ts.isArrayLiteralExpression(expression))
      return expression.elements.flatMap((e) => names(e as ts.Expression));
    if (ts.isSpreadElement(expression)) return names(expression.expression);
    if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression)) {
      return [expression.expression.expression.getText()];
    }
    if (ts.isObjectLiteralExpression(expression)) {
      const useClass = expression.properties.find((p) => p.name?.getText() === 'useClass');
      return useClass && ts.isPropertyAssignment(useClass) ? names(useClass.initializer) : [];
    }
    return [];
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isDecorator(node) &&
      ts.isCallExpression(node.expression) &&
      node.expression.expression.getText() === 'Module'
    ) {
      const [argument] = node.expression.arguments;
      if (argument && ts.isObjectLiteralExpression(argument)) {
        for (const property of argument.properties) {
          const key = property.name?.getText() as keyof typeof metadata;
          if (ts.isPropertyAssignment(property) && key in metadata) {
            metadata[key] = names(property.initializer);
          }
        }
      }
    }
    node.forEachChild(visit);
  };
  visit(source.ast);
  return metadata;
}

const moduleFiles = sources.filter((s) => s.file.endsWith('.module.ts') && s.module !== null);

/** The file a module file imports a name from. */
function fileOfName(source: SourceFile, name: string): string | null {
  const found = imports.find((i) => i.from === source && i.names.some((n) => n.name === name));
  return found ? found.target : null;
}

/** Writes a repository may make: the driver's and the tenancy base class's. */
const WRITES =
  /\.(insertOne|insertMany|updateOne|updateMany|deleteOne|deleteMany|bulkWrite|findOneAndUpdate|replaceOne)\(|this\.(insert|insertOnce|insertMany|updateById|updateRead|deleteById)\(/;

const isRepository = (file: string) => file.endsWith('.repository.ts');
const isReadOnly = (file: string) => !WRITES.test(sources.find((s) => s.file === file)?.text ?? '');

describe('module boundaries', () => {
  const table = ownershipTable();
  const opened = new Map<string, Set<string>>();
  for (const source of sources) {
    for (const collection of collectionsOpenedIn(source)) {
      if (!opened.has(collection)) opened.set(collection, new Set());
      opened.get(collection)!.add(source.file);
    }
  }

  it('should list in docs/architecture.md every collection the code opens, and only those', () => {
    expect([...table.keys()].sort()).toEqual([...opened.keys()].sort());
  });

  it.each([...opened.keys()].sort())('should open %s only in its owner’s repositories', (collection) => {
    const files = [...opened.get(collection)!];
    const owner = table.get(collection)?.owner;
    expect(files.map((file) => [file, moduleOf(file)])).toEqual(files.map((file) => [file, owner]));
    expect(files.filter((file) => !isRepository(file))).toEqual([]);
  });

  it('should use no repository of another module but a read-only one', () => {
    const crossing = imports.filter(
      (i) =>
        isRepository(i.target) &&
        moduleOf(i.target) !== null &&
        moduleOf(i.target) !== i.from.module &&
        i.names.some((n) => !n.typeOnly) &&
        !isReadOnly(i.target),
    );
    expect(crossing.map((i) => `${i.from.file} → ${i.target}`)).toEqual([]);
  });

  it('should provide and export only its own classes in every module', () => {
    const foreign = moduleFiles.flatMap((source) => {
      const { providers, exports } = moduleMetadata(source);
      return [...providers, ...exports]
        .map((name) => ({ name, file: fileOfName(source, name) }))
        .filter(({ file }) => file !== null && moduleOf(file) !== source.module)
        .map(({ name, file }) => `${source.module}: ${name} (${file})`);
    });
    expect(foreign).toEqual([]);
  });

  it('should export no repository that writes', () => {
    const writers = moduleFiles.flatMap((source) =>
      moduleMetadata(source)
        .exports.map((name) => fileOfName(source, name))
        .filter((file): file is string => file !== null && isRepository(file) && !isReadOnly(file))
        .map((file) => `${source.module}: ${file}`),
    );
    expect(writers).toEqual([]);
  });

  it('should name as readers in docs/architecture.md exactly the modules that import the owner', () => {
    const importers = new Map<string, Set<string>>();
    for (const source of moduleFiles) {
      for (const name of moduleMetadata(source).imports) {
        const target = moduleOf(fileOfName(source, name) ?? '');
        if (!target || target === source.module) continue;
        if (!importers.has(target)) importers.set(target, new Set());
        importers.get(target)!.add(source.module!);
      }
    }
    const wrong = [...table].flatMap(([collection, { owner, readers }]) => {
      const expected = [...(importers.get(owner) ?? [])].sort();
      return expected.join() === [...readers].sort().join() ? [] : [{ collection, readers, expected }];
    });
    expect(wrong).toEqual([]);
  });

  it('should make modules depend on each other without cycles, imports and sources alike', () => {
    const edges = new Map<string, Set<string>>(moduleNames.map((name) => [name, new Set()]));
    for (const i of imports) {
      const from = i.from.module;
      const to = moduleOf(i.target);
      if (from && to && from !== to) edges.get(from)!.add(to);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, trail: string[]) => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(name)), name].join(' → '));
        return;
      }
      state.set(name, 'visiting');
      for (const next of edges.get(name) ?? []) visit(next, [...trail, name]);
      state.set(name, 'done');
    };
    for (const name of moduleNames) visit(name, []);
    expect(cycles).toEqual([]);
  });

  it('should use no forwardRef and hand no callback to another service to call back up', () => {
    // A method (not the constructor) that keeps what it is handed in a field: a setter, the way callbacks sneak in.
    const setter = /\n\s+(?!constructor\b)(\w+)\((\w+): [^)]+\)[^{\n]*\{\s*this\.\w+ = \2;/;
    const offenders = sources
      .filter((s) => s.text.includes('forwardRef(') || setter.test(s.text))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('should keep database filters and update operators inside repositories', () => {
    const raw =
      /\b(Filter|UpdateFilter)<|['"]?\$(set|push|pull|inc|in|nin|or|and|gte?|lte?|ne|max|min|exists|setOnInsert|each)['"]?\s*:/;
    const outside = sources
      .filter(
        (s) => !isRepository(s.file) && !s.file.startsWith('database/') && !s.file.startsWith('tenancy/'),
      )
      .filter((s) => raw.test(s.text))
      .map((s) => s.file);
    expect(outside).toEqual([]);
  });

  it('should write the duplicate-key code in one place', () => {
    expect(sources.filter((s) => /\b11000\b/.test(s.text)).map((s) => s.file)).toEqual([
      'database/duplicate-key.ts',
    ]);
  });
});
