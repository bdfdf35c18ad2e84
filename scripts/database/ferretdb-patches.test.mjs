// The application of clinicflow's FerretDB patches (./ferretdb-patches/patches.cjs): on a source tree where
// every hunk's text is found once, all apply; when the upstream text of a hunk moved, the error names that
// hunk, its file and its expected text and says what to do; an ambiguous hunk and a second application are
// refused. Plain node:test (no Go needed), run by ./ferretdb-test.cjs; also checked against the real
// FerretDB source when the Go module cache holds it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const {
  ADDED_FILES,
  HUNKS,
  PatchError,
  VENDORED_MODULES,
  applyPatches,
} = require('./ferretdb-patches/patches.cjs');
const { FERRETDB_VERSION, findOnPath } = require('./ferretdb-install.cjs');

const scratch = mkdtempSync(path.join(tmpdir(), 'ferretdb-patches-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let trees = 0;

/**
 * A source tree in which each hunk's text is found once: every file holds the texts of its hunks, except a
 * text that an earlier hunk's replacement brings (field-index-expressions edits id-index's replacement).
 * `edit(files)` may change the files before they are written. Returns the tree's folder.
 */
function sourceTree(edit = () => {}) {
  const original = {};
  const patched = {};
  for (const hunk of HUNKS) {
    if (!(patched[hunk.file] ?? '').includes(hunk.find)) {
      const filler = `// upstream code before ${hunk.name}\n`;
      original[hunk.file] = `${original[hunk.file] ?? ''}${filler}${hunk.find}`;
      patched[hunk.file] = `${patched[hunk.file] ?? ''}${filler}${hunk.find}`;
    }
    patched[hunk.file] = patched[hunk.file].replace(hunk.find, () => hunk.replace);
  }
  edit(original);
  const root = path.join(scratch, `tree-${++trees}`);
  for (const [file, content] of Object.entries(original)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** Go files to add, in a folder of their own: one of code, one of tests. */
function addedFiles(root) {
  const from = path.join(scratch, `added-${++trees}`);
  mkdirSync(from);
  writeFileSync(path.join(from, 'clinicflow_x.go'), 'package x\n');
  writeFileSync(path.join(from, 'clinicflow_x_test.go'), 'package x\n');
  mkdirSync(path.join(root, 'internal/x'), { recursive: true });
  return [[from, 'internal/x']];
}

/** What applyPatches throws on `root`. */
function patchError(root, options = {}) {
  try {
    applyPatches(root, { addedFiles: [], ...options });
  } catch (error) {
    assert.ok(error instanceof PatchError, `not a PatchError: ${error.stack}`);
    return error;
  }
  assert.fail('the patches applied');
}

/** The hunks whose text is upstream's own (not brought by an earlier hunk). */
const upstreamHunks = HUNKS.filter(
  (hunk, i) =>
    !HUNKS.slice(0, i).some((earlier) => earlier.file === hunk.file && earlier.replace.includes(hunk.find)),
);

describe('applyPatches', () => {
  it('should give every hunk a unique short name, a purpose and a text', () => {
    assert.equal(new Set(HUNKS.map((h) => h.name)).size, HUNKS.length);
    for (const hunk of HUNKS) {
      assert.match(hunk.name, /^[a-z][a-z0-9-]+$/);
      assert.ok(hunk.purpose && hunk.file && hunk.find && hunk.replace !== hunk.find, hunk.name);
    }
  });

  it('should apply every hunk, add the Go files without their tests, and mark the tree', () => {
    const root = sourceTree();
    const added = addedFiles(root);
    applyPatches(root, { addedFiles: added });
    for (const hunk of HUNKS) {
      const content = readFileSync(path.join(root, hunk.file), 'utf8');
      const lastOfFile = HUNKS.filter((h) => h.file === hunk.file).at(-1);
      assert.ok(content.includes(lastOfFile.replace), `${lastOfFile.name} is in ${hunk.file}`);
    }
    assert.deepEqual(readdirSync(path.join(root, 'internal/x')), ['clinicflow_x.go']);
    assert.ok(existsSync(path.join(root, '.clinicflow-patched')));
  });

  it('should add the tests of the Go files with withTests', () => {
    const root = sourceTree();
    const added = addedFiles(root);
    applyPatches(root, { addedFiles: added, withTests: true });
    assert.deepEqual(readdirSync(path.join(root, 'internal/x')).sort(), [
      'clinicflow_x.go',
      'clinicflow_x_test.go',
    ]);
  });

  it('should refuse to patch a tree twice', () => {
    const root = sourceTree();
    applyPatches(root, { addedFiles: [] });
    assert.match(patchError(root).message, /patched already/);
  });

  for (const hunk of upstreamHunks) {
    it(`should name the hunk ${hunk.name} when its upstream text moved`, () => {
      const lines = hunk.find.split('\n').filter((line) => line.trim());
      // Upstream changed the hunk's last line: its first line may still be there, the text as a whole is not.
      const last = hunk.find.lastIndexOf(lines.at(-1));
      const moved =
        hunk.find.slice(0, last) +
        lines.at(-1).replace(/(\S)(\s*)$/, '/* moved */$1$2') +
        hunk.find.slice(last + lines.at(-1).length);
      const root = sourceTree((files) => {
        files[hunk.file] = files[hunk.file].replace(hunk.find, () => moved);
      });
      const error = patchError(root);
      assert.equal(error.hunk, hunk.name);
      assert.ok(error.message.includes(`"${hunk.name}"`), error.message);
      assert.ok(error.message.includes(hunk.purpose), error.message);
      assert.ok(error.message.includes(hunk.file), error.message);
      assert.ok(error.message.includes(JSON.stringify(lines[0])), error.message);
      assert.match(error.message, /the upstream source moved/);
      assert.match(error.message, /update the hunk .* or drop the patch as docs\/database\.md/s);
    });
  }

  it('should say when not even the first line of a hunk is left', () => {
    const hunk = HUNKS.find((h) => h.name === 'find-pushdown');
    const root = sourceTree((files) => {
      files[hunk.file] = files[hunk.file].replace(hunk.find, '\th.L.Debug("converted")\n');
    });
    const error = patchError(root);
    assert.equal(error.hunk, 'find-pushdown');
    assert.match(error.message, /not even its first line is there/);
  });

  it('should name the hunk whose file is gone', () => {
    const hunk = HUNKS.find((h) => h.name === 'sqlite-query-pushdown');
    const root = sourceTree((files) => delete files[hunk.file]);
    const error = patchError(root);
    assert.equal(error.hunk, 'sqlite-query-pushdown');
    assert.match(error.message, /internal\/backends\/sqlite\/collection\.go is gone/);
  });

  it('should refuse a hunk whose text is in two places, naming the lines', () => {
    const hunk = HUNKS.find((h) => h.name === 'query-contract-strings-import');
    const root = sourceTree((files) => {
      files[hunk.file] += `// more upstream code\n${hunk.find}`;
    });
    const error = patchError(root);
    assert.equal(error.hunk, 'query-contract-strings-import');
    assert.match(
      error.message,
      /is ambiguous: its text is in 2 places of internal\/backends\/collection\.go/,
    );
  });

  it('should refuse to overwrite a Go file upstream now has', () => {
    const root = sourceTree();
    const added = addedFiles(root);
    writeFileSync(path.join(root, 'internal/x/clinicflow_x.go'), 'package x // upstream\n');
    const error = patchError(root, { addedFiles: added });
    assert.match(error.message, /already has internal\/x\/clinicflow_x\.go/);
  });
});

/** A module's folder in the Go module cache, if Go is installed and the module was downloaded. */
function cachedModule(module = 'github.com/FerretDB/FerretDB', version = FERRETDB_VERSION) {
  const go = findOnPath('go');
  if (!go) return undefined;
  const cache = execFileSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  const escaped = module.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
  const dir = path.join(cache, `${escaped}@${version}`);
  return existsSync(dir) ? dir : undefined;
}

describe(`applyPatches on FerretDB ${FERRETDB_VERSION}'s own source`, () => {
  const upstream = cachedModule();
  const skip = upstream ? false : 'the module is not in the Go module cache (the install downloads it)';

  /** The files the hunks edit, copied from upstream (writable), with the folders of the added Go files. */
  function upstreamTree(edit = () => {}) {
    const root = path.join(scratch, `upstream-${++trees}`);
    for (const file of new Set(HUNKS.map((h) => h.file))) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), readFileSync(path.join(upstream, file), 'utf8'));
    }
    for (const [, destination] of ADDED_FILES) mkdirSync(path.join(root, destination), { recursive: true });
    edit(root);
    return root;
  }

  it('should apply every hunk and add the patch code', { skip }, () => {
    const root = upstreamTree();
    applyPatches(root);
    for (const [folder, destination] of ADDED_FILES) {
      for (const file of readdirSync(path.join(here, 'ferretdb-patches', folder))) {
        if (!file.endsWith('_test.go')) assert.ok(existsSync(path.join(root, destination, file)), file);
      }
    }
  });

  it('should name find-pushdown when upstream rewrites the line it anchors on', { skip }, () => {
    const root = upstreamTree((dir) => {
      const file = path.join(dir, 'internal/handler/msg_find.go');
      const content = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        content.replace(
          'h.L.DebugContext(ctx, fmt.Sprintf("Converted',
          'h.L.DebugContext(ctx, fmt.Sprintf("Made',
        ),
      );
    });
    const error = patchError(root, { addedFiles: ADDED_FILES });
    assert.equal(error.hunk, 'find-pushdown');
    assert.match(
      error.message,
      /FerretDB patch hunk "find-pushdown" does not apply: the upstream source moved/,
    );
    assert.match(error.message, /internal\/handler\/msg_find\.go/);
  });
});

for (const vendored of VENDORED_MODULES) {
  describe(`applyPatches on ${vendored.module}, the version FerretDB ${FERRETDB_VERSION} requires`, () => {
    const ferretdb = cachedModule();
    const version = ferretdb
      ? new RegExp(`^\\s*${vendored.module.replace(/[.]/g, '\\.')}\\s+(v\\S+)`, 'm').exec(
          readFileSync(path.join(ferretdb, 'go.mod'), 'utf8'),
        )?.[1]
      : undefined;
    const upstream = version && cachedModule(vendored.module, version);
    const skip = upstream ? false : 'the modules are not in the Go module cache (the install downloads them)';

    it('should apply every hunk once and add the patch code', { skip }, () => {
      const root = path.join(scratch, `vendored-${++trees}`);
      for (const { file } of vendored.hunks) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), readFileSync(path.join(upstream, file), 'utf8'));
      }
      applyPatches(root, { hunks: vendored.hunks, addedFiles: vendored.addedFiles });
      for (const hunk of vendored.hunks) {
        const content = readFileSync(path.join(root, hunk.file), 'utf8');
        assert.equal(content.split(hunk.replace).length, 2, `${hunk.name} is in ${hunk.file} once`);
      }
      for (const [folder, destination] of vendored.addedFiles) {
        for (const file of readdirSync(path.join(here, 'ferretdb-patches', folder))) {
          if (!file.endsWith('_test.go')) assert.ok(existsSync(path.join(root, destination, file)), file);
        }
      }
    });
  });
}
