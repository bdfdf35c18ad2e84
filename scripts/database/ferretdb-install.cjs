// Builds FerretDB v1.24.2 from the Go module proxy into .tools/bin/ferretdb, once.
//
// Why not `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: on this machine's proxy the
// module's version list answers 403, which `go install pkg@version` needs for its deprecation check, and the
// published module zip carries an empty build/version/version.txt, so a binary built from it panics at start
// ("Invalid build/version/version.txt"). So we download that exact module version with `go mod download`,
// copy it to a writable folder, write the version file the FerretDB release process would have written, and
// build its own cmd/ferretdb with its own go.mod and go.sum (every dependency still comes from the proxy).
//
// One patch is applied before the build (see PATCHES): FerretDB 1.24.2 creates the SQLite index of `_id` on
// the expression `_ferretdb_sjson->"_id"` while every query filters on `_ferretdb_sjson->'$._id'`. SQLite
// matches index expressions by their text, so no lookup by `_id` ever used the index: each find, update and
// delete by `_id` scanned the whole table (EXPLAIN QUERY PLAN says SCAN), and a burst of sends slowed down
// with the square of the table's size. The patch builds the `_id` index on the queries' own expression.
//
// The other patches (levels 2 to 4) let a query that carries the comment "clinicflow:pushdown" run in SQL: its
// filter's equalities, ranges and `$in` become a WHERE, its sort an ORDER BY, skip + limit a LIMIT (when the
// filter and sort were pushed down whole), and a `[$match, $group]` with one `$sum` a GROUP BY; an `$or` and a
// plain-text regular expression (a search box) narrow the rows with a LIKE that Go checks again, in finds and
// in any pipeline that starts with `$match`; indexes of
// fields other than `_id` are built on the same expressions, so SQLite reads them (even alone, as covering
// indexes). Without the comment FerretDB behaves as released. The report uses it (docs/report.md); the Go
// code is in ./ferretdb-patches, copied into the module's source before the build.
const { execFileSync, spawnSync } = require('node:child_process');
const {
  accessSync,
  constants,
  cpSync,
  chmodSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  readdirSync,
  readFileSync,
  statSync,
} = require('node:fs');
const path = require('node:path');

const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const root = path.resolve(__dirname, '../..');
const toolsDir = path.join(root, '.tools');
/** Bumped whenever PATCHES change, so an older build is not reused. */
const PATCH_LEVEL = 4;
const ferretdbBinary = path.join(toolsDir, 'bin', `ferretdb-${FERRETDB_VERSION}-p${PATCH_LEVEL}`);

/** Source edits applied to the downloaded module before building: [file, exact text, replacement]. */
const PATCHES = [
  [
    'internal/backends/sqlite/metadata/registry.go',
    'columns[i] = fmt.Sprintf("%s->%s", DefaultColumn, strings.Join(fields, "->"))\n',
    'columns[i] = fmt.Sprintf("%s->%s", DefaultColumn, strings.Join(fields, "->"))\n' +
      '\t\t\tif key.Field == "_id" {\n' +
      '\t\t\t\tcolumns[i] = IDColumn // the expression queries use, so SQLite can use the index\n' +
      '\t\t\t}\n',
  ],
  [
    'internal/backends/sqlite/metadata/registry.go',
    '\t\t\t\tcolumns[i] = IDColumn // the expression queries use, so SQLite can use the index\n\t\t\t}\n',
    '\t\t\t\tcolumns[i] = IDColumn // the expression queries use, so SQLite can use the index\n' +
      '\t\t\t} else if expr, ok := FieldExpression(key.Field); ok {\n' +
      '\t\t\t\tcolumns[i] = expr // clinicflow patch: the expression pushed-down queries use\n' +
      '\t\t\t}\n',
  ],
  [
    'internal/backends/collection.go',
    '\tOnlyRecordIDs bool\n\tComment       string\n}\n',
    '\tOnlyRecordIDs bool\n\tComment       string\n\n' +
      '\t// clinicflow patch: a $group done by the backend (see sqlite/clinicflow_pushdown.go).\n' +
      '\tGroup *PushdownGroup\n}\n\n' +
      '// PushdownGroup is a $group with one $sum accumulator, run in SQL (clinicflow patch).\n' +
      'type PushdownGroup struct {\n' +
      '\tConstant    any         // the _id when it is a constant\n' +
      '\tFields      [][2]string // the _id\'s {name, field}s; one with an empty name for `_id: "$field"`\n' +
      "\tAccumulator string      // the accumulator's name\n" +
      '\tSumField    string      // the summed field, empty for `$sum: 1`\n' +
      '}\n',
  ],
  [
    // Query's contract allows only a $natural sort; a pushed-down query brings its own.
    'internal/backends/collection.go',
    '\tif params.Sort.Len() != 0 {\n\t\tmust.BeTrue(params.Sort.Len() == 1)\n\t\tsortValue := params.Sort.Map()["$natural"].(int64)\n\n\t\tif sortValue != -1 && sortValue != 1 {\n\t\t\tpanic("sort value must be 1 (for ascending) or -1 (for descending)")\n\t\t}\n\t}\n\n\tres, err := cc.c.Query(ctx, params)',
    '\tif params.Sort.Len() != 0 && !strings.HasPrefix(params.Comment, "clinicflow:pushdown") {\n\t\tmust.BeTrue(params.Sort.Len() == 1)\n\t\tsortValue := params.Sort.Map()["$natural"].(int64)\n\n\t\tif sortValue != -1 && sortValue != 1 {\n\t\t\tpanic("sort value must be 1 (for ascending) or -1 (for descending)")\n\t\t}\n\t}\n\n\tres, err := cc.c.Query(ctx, params)',
  ],
  ['internal/backends/collection.go', '\t"slices"\n', '\t"slices"\n\t"strings"\n'],
  [
    'internal/backends/sqlite/collection.go',
    '\tq := prepareSelectClause(meta.TableName, params.Comment, meta.Capped(), params.OnlyRecordIDs)\n\n\tvar whereClause string\n',
    '\tif IsPushdown(params.Comment) {\n\t\treturn c.queryPushdown(ctx, db, meta, params)\n\t}\n\n' +
      '\tq := prepareSelectClause(meta.TableName, params.Comment, meta.Capped(), params.OnlyRecordIDs)\n\n\tvar whereClause string\n',
  ],
  [
    'internal/handler/msg_find.go',
    '\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))\n',
    '\t// clinicflow patch: the whole filter, the sort and skip + limit go to the backend, which uses the limit\n' +
      '\t// only when it could apply the filter and the sort whole; the iterators below apply them again.\n' +
      '\tif !h.DisablePushdown && sqlite.IsPushdown(qp.Comment) {\n' +
      '\t\tqp.Filter = params.Filter\n\t\tqp.Sort = params.Sort\n\n' +
      '\t\tif params.Limit > 0 {\n\t\t\tqp.Limit = params.Limit + params.Skip\n\t\t}\n\n' +
      '\t\t// SQLite returns the rows in that order already: sorting them again in Go would hold back the\n' +
      '\t\t// first row until the last one is read (an export of the whole history).\n' +
      '\t\tif sqlite.SortPushable(params.Sort) {\n\t\t\tparams.Sort = nil\n\t\t}\n\t}\n\n' +
      '\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))\n',
  ],
  [
    'internal/handler/msg_aggregate.go',
    '\t\titer, err = processStagesDocuments(ctx, closer, &stagesDocumentsParams{c, qp, stagesDocuments})\n',
    '\t\t// clinicflow patch: [$match, $group] with the pushdown comment runs as one SQL GROUP BY.\n' +
      '\t\tif comment, _ := document.Get("comment"); !h.DisablePushdown && sqlite.IsPushdown(comment) {\n' +
      '\t\t\tif match, group, ok := sqlite.PushdownGroupOf(aggregationStages); ok {\n' +
      '\t\t\t\tqp.Filter, qp.Sort, qp.Group, qp.Comment = match, nil, group, comment.(string)\n' +
      '\t\t\t\tstagesDocuments = nil\n' +
      '\t\t\t} else if match, ok := sqlite.LeadingMatch(aggregationStages); ok {\n' +
      '\t\t\t\t// The rows SQLite narrows the $match to; the stages (the $match too) run on them in Go.\n' +
      '\t\t\t\tqp.Filter, qp.Sort, qp.Comment = match, nil, comment.(string)\n' +
      '\t\t\t}\n\t\t}\n\n' +
      '\t\titer, err = processStagesDocuments(ctx, closer, &stagesDocumentsParams{c, qp, stagesDocuments})\n',
  ],
  ...['internal/handler/msg_find.go', 'internal/handler/msg_aggregate.go'].map((file) => [
    file,
    '\t"github.com/FerretDB/FerretDB/internal/backends"\n',
    '\t"github.com/FerretDB/FerretDB/internal/backends"\n\t"github.com/FerretDB/FerretDB/internal/backends/sqlite"\n',
  ]),
];

/** Go files added to the module's source before building: [file in ./ferretdb-patches, destination]. */
const ADDED_FILES = [
  ['sqlite/clinicflow_pushdown.go', 'internal/backends/sqlite/clinicflow_pushdown.go'],
  ['sqlite-metadata/clinicflow_pushdown.go', 'internal/backends/sqlite/metadata/clinicflow_pushdown.go'],
];

function applyPatches(source) {
  for (const [file, text, replacement] of PATCHES) {
    const full = path.join(source, file);
    const content = readFileSync(full, 'utf8');
    if (!content.includes(text)) throw new Error(`FerretDB patch does not apply: ${file} has changed.`);
    writeFileSync(
      full,
      content.replace(text, () => replacement),
    );
  }
  for (const [file, destination] of ADDED_FILES) {
    cpSync(path.join(__dirname, 'ferretdb-patches', file), path.join(source, destination));
  }
}

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

function makeWritable(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) makeWritable(full);
    else chmodSync(full, 0o644);
  }
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
  const go = findOnPath('go', env);
  if (!go) {
    throw new Error(
      'No database to start: install Go 1.22 or newer (Debian: apt-get install golang) so clinicflow can build ' +
        'its embedded FerretDB, or put mongod on PATH, or set MONGODB_URI to a MongoDB server.',
    );
  }
  mkdirSync(toolsDir, { recursive: true });
  return withLock(path.join(toolsDir, 'ferretdb.lock'), async () => {
    if (existsSync(ferretdbBinary)) return ferretdbBinary;
    log(`Building FerretDB ${FERRETDB_VERSION} into .tools/bin (first run only, about two minutes)…`);
    const started = Date.now();
    const goEnv = { ...env, GOFLAGS: '-mod=mod -buildvcs=false', GOWORK: 'off' };
    const info = JSON.parse(
      execFileSync(go, ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`], {
        env: goEnv,
        encoding: 'utf8',
      }),
    );
    if (info.Error || !info.Dir)
      throw new Error(`go mod download ${MODULE}@${FERRETDB_VERSION} failed: ${info.Error}`);
    const source = path.join(toolsDir, 'src', `ferretdb-${FERRETDB_VERSION}`);
    rmSync(source, { recursive: true, force: true });
    cpSync(info.Dir, source, { recursive: true });
    makeWritable(source);
    writeFileSync(path.join(source, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
    applyPatches(source);
    const partial = `${ferretdbBinary}.partial`;
    mkdirSync(path.dirname(ferretdbBinary), { recursive: true });
    const build = spawnSync(go, ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: source,
      env: goEnv,
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

module.exports = { FERRETDB_VERSION, toolsDir, ferretdbBinary, findOnPath, ensureFerretDB };
