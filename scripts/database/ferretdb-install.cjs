// Builds FerretDB v1.24.2 from the Go module proxy into .tools/bin/ferretdb, once.
//
// Why not `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: on this machine's proxy the
// module's version list answers 403, which `go install pkg@version` needs for its deprecation check, and the
// published module zip carries an empty build/version/version.txt, so a binary built from it panics at start
// ("Invalid build/version/version.txt"). So we download that exact module version with `go mod download`,
// copy it to a writable folder, write the version file the FerretDB release process would have written, and
// build its own cmd/ferretdb with its own go.mod and go.sum (every dependency still comes from the proxy).
//
// Patches are applied before the build (./ferretdb-patches/patches.cjs; docs/database.md says what each does,
// why, how it was measured and how to drop it). The first one: FerretDB 1.24.2 creates the SQLite index of
// `_id` on the expression `_ferretdb_sjson->"_id"` while every query filters on `_ferretdb_sjson->'$._id'`.
// SQLite matches index expressions by their text, so no lookup by `_id` ever used the index: each find, update
// and delete by `_id` scanned the whole table (EXPLAIN QUERY PLAN says SCAN), and a burst of sends slowed down
// with the square of the table's size. The patch builds the `_id` index on the queries' own expression.
//
// The other patches (levels 2 to 4) let a query that carries the comment "clinicflow:pushdown" run in SQL: its
// filter's equalities, ranges and `$in` become a WHERE, its sort an ORDER BY, skip + limit a LIMIT (when the
// filter and sort were pushed down whole), and a `[$match, $group]` with one `$sum` a GROUP BY; an `$or` and a
// plain-text regular expression (a search box) narrow the rows with a LIKE that Go checks again, in finds and
// in any pipeline that starts with `$match`; indexes of fields other than `_id` are built on the same
// expressions, so SQLite reads them (even alone, as covering indexes). Without the comment FerretDB behaves as
// released. The report uses it (docs/report.md); the Go code and its tests are in ./ferretdb-patches
// (./ferretdb-test.cjs runs the tests).
const { execFileSync, spawnSync } = require('node:child_process');
const {
  accessSync,
  appendFileSync,
  constants,
  cpSync,
  chmodSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  readFileSync,
  writeFileSync,
  readdirSync,
  statSync,
} = require('node:fs');
const path = require('node:path');
const {
  ADDED_MODULES,
  PATCH_LEVEL,
  VENDORED_MODULES,
  applyPatches,
} = require('./ferretdb-patches/patches.cjs');

const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const root = path.resolve(__dirname, '../..');
const toolsDir = path.join(root, '.tools');
const ferretdbBinary = path.join(toolsDir, 'bin', `ferretdb-${FERRETDB_VERSION}-p${PATCH_LEVEL}`);

/** Returns the absolute path of an executable found on PATH, or undefined. */
function findOnPath(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The `go` binary, or an error that says how to get one. */
function requireGo(env = process.env) {
  const go = findOnPath('go', env);
  if (!go) {
    throw new Error(
      'No database to start: install Go 1.22 or newer (Debian: apt-get install golang) so clinicflow can build ' +
        'its embedded FerretDB, or put mongod on PATH, or set MONGODB_URI to a MongoDB server.',
    );
  }
  return go;
}

/** The environment of every go command run on FerretDB's source: its own go.mod, deps from the proxy. */
const goEnvironment = (env = process.env) => ({ ...env, GOFLAGS: '-mod=mod -buildvcs=false', GOWORK: 'off' });

function makeWritable(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) makeWritable(full);
    else chmodSync(full, 0o644);
  }
}

/**
 * Makes `destination` a fresh, patched copy of FerretDB's module source: downloads the module from the
 * proxy (`go mod download`, once per machine), copies it, writes the version file, applies the patches
 * (with the patch code's `_test.go` files when `withTests`) and adds the modules they import (`go get`). A hunk
 * that no longer matches throws, naming it.
 */
function preparePatchedSource({ go, env = process.env, destination, withTests = false }) {
  const info = JSON.parse(
    execFileSync(go, ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`], {
      env: goEnvironment(env),
      encoding: 'utf8',
    }),
  );
  if (info.Error || !info.Dir)
    throw new Error(`go mod download ${MODULE}@${FERRETDB_VERSION} failed: ${info.Error}`);
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(path.dirname(destination), { recursive: true });
  cpSync(info.Dir, destination, { recursive: true });
  makeWritable(destination);
  writeFileSync(path.join(destination, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
  applyPatches(destination, { withTests });
  for (const { module, version } of ADDED_MODULES) {
    const added = spawnSync(go, ['get', `${module}@${version}`], {
      cwd: destination,
      env: goEnvironment(env),
      encoding: 'utf8',
    });
    if (added.status !== 0) throw new Error(`go get ${module}@${version} failed: ${added.stderr.trim()}`);
  }
  for (const vendored of VENDORED_MODULES)
    vendorModule({ go, env, source: destination, vendored, withTests });
  return destination;
}

/**
 * Copies the version of `vendored.module` that FerretDB's go.mod requires (from the proxy, as any dependency)
 * into `source/<folder>`, patches it, and points FerretDB's go.mod at the copy with a `replace`.
 */
function vendorModule({ go, env, source, vendored, withTests }) {
  const goMod = path.join(source, 'go.mod');
  const escaped = vendored.module.replace(/[.]/g, '\\.');
  const version = new RegExp(`^\\s*${escaped}\\s+(v\\S+)`, 'm').exec(readFileSync(goMod, 'utf8'))?.[1];
  if (!version) throw new Error(`FerretDB's go.mod no longer requires ${vendored.module}: drop its patch.`);
  const info = JSON.parse(
    execFileSync(go, ['mod', 'download', '-json', `${vendored.module}@${version}`], {
      env: goEnvironment(env),
      encoding: 'utf8',
    }),
  );
  if (info.Error || !info.Dir) {
    throw new Error(`go mod download ${vendored.module}@${version} failed: ${info.Error}`);
  }
  const copy = path.join(source, vendored.folder);
  cpSync(info.Dir, copy, { recursive: true });
  makeWritable(copy);
  applyPatches(copy, { hunks: vendored.hunks, addedFiles: vendored.addedFiles, withTests });
  appendFileSync(
    goMod,
    `\n// clinicflow patch (docs/database.md): ${vendored.module} ${version}, patched\n` +
      `replace ${vendored.module} => ./${vendored.folder}\n`,
  );
}

async function withLock(lockDir, work) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() > deadline)
        throw new Error(`Gave up waiting for ${lockDir}; remove it if no build is running.`, {
          cause: error,
        });
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Makes sure .tools/bin/ferretdb exists (building it on first use) and returns its path. */
async function ensureFerretDB({ env = process.env, log = console.log } = {}) {
  if (existsSync(ferretdbBinary)) return ferretdbBinary;
  const go = requireGo(env);
  mkdirSync(toolsDir, { recursive: true });
  return withLock(path.join(toolsDir, 'ferretdb.lock'), async () => {
    if (existsSync(ferretdbBinary)) return ferretdbBinary;
    log(`Building FerretDB ${FERRETDB_VERSION} into .tools/bin (first run only, about two minutes)…`);
    const started = Date.now();
    const source = preparePatchedSource({
      go,
      env,
      destination: path.join(toolsDir, 'src', `ferretdb-${FERRETDB_VERSION}`),
    });
    const partial = `${ferretdbBinary}.partial`;
    mkdirSync(path.dirname(ferretdbBinary), { recursive: true });
    const build = spawnSync(go, ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: source,
      env: goEnvironment(env),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) {
      throw new Error(
        `go build of FerretDB ${FERRETDB_VERSION} failed (exit ${build.status}); see the output above.`,
      );
    }
    renameSync(partial, ferretdbBinary);
    log(`FerretDB ${FERRETDB_VERSION} built in ${Math.round((Date.now() - started) / 1000)} s.`);
    return ferretdbBinary;
  });
}

module.exports = {
  FERRETDB_VERSION,
  toolsDir,
  ferretdbBinary,
  findOnPath,
  goEnvironment,
  preparePatchedSource,
  withLock,
  ensureFerretDB,
};
