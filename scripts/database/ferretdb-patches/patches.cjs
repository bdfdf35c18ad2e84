// clinicflow's edits to FerretDB v1.24.2's source, applied by ../ferretdb-install.cjs before it builds the
// binary and by ../ferretdb-test.cjs before it runs the Go tests of the patch code. docs/database.md says what
// each one does, why, how it was measured and how to drop it.
//
// A hunk is an exact text of one upstream file and its replacement. It must be found exactly once: when
// FerretDB's source moves (another version, another module zip), applyPatches stops at the first hunk that no
// longer matches and names it, instead of building a binary without it. The Go files of the folders in
// ADDED_FILES are copied into the module's source (their `_test.go` files only for the Go tests).
const { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** Names the built binary: bump it whenever HUNKS or the Go files change, so an older build is not reused. */
const PATCH_LEVEL = 12;

/** Written at the source's root once patched, so that a tree is never patched twice. */
const APPLIED_MARKER = '.clinicflow-patched';

/** The files of FerretDB's stored-document codec (internal/handler/sjson) that import encoding/json. */
const SJSON_FILES = [
  'array.go',
  'binary.go',
  'bool.go',
  'datetime.go',
  'document.go',
  'double.go',
  'int32.go',
  'int64.go',
  'object_id.go',
  'regex.go',
  'schema.go',
  'sjson.go',
  'string.go',
  'timestamp.go',
];

/** Source edits: { name, purpose, file, find (exact text, once in the file), replace }, applied in order. */
const HUNKS = [
  {
    name: 'id-index',
    purpose: "build the SQLite index of `_id` on the expression FerretDB's own `_id` lookups use",
    file: 'internal/backends/sqlite/metadata/registry.go',
    find: 'columns[i] = fmt.Sprintf("%s->%s", DefaultColumn, strings.Join(fields, "->"))\n',
    replace:
      'columns[i] = fmt.Sprintf("%s->%s", DefaultColumn, strings.Join(fields, "->"))\n' +
      '\t\t\tif key.Field == "_id" {\n' +
      '\t\t\t\tcolumns[i] = IDColumn // the expression queries use, so SQLite can use the index\n' +
      '\t\t\t}\n',
  },
  {
    name: 'field-index-expressions',
    purpose: 'build the index of any other field on the expression pushed-down queries use (needs id-index)',
    file: 'internal/backends/sqlite/metadata/registry.go',
    find: '\t\t\t\tcolumns[i] = IDColumn // the expression queries use, so SQLite can use the index\n\t\t\t}\n',
    replace:
      '\t\t\t\tcolumns[i] = IDColumn // the expression queries use, so SQLite can use the index\n' +
      '\t\t\t} else if expr, ok := FieldExpression(key.Field); ok {\n' +
      '\t\t\t\tcolumns[i] = expr // clinicflow patch: the expression pushed-down queries use\n' +
      '\t\t\t}\n',
  },
  {
    name: 'query-params-group',
    purpose: "add a backend $group (PushdownGroup) to the backends' QueryParams",
    file: 'internal/backends/collection.go',
    find: '\tOnlyRecordIDs bool\n\tComment       string\n}\n',
    replace:
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
  },
  {
    name: 'query-contract-sort',
    purpose: "let a pushed-down query carry its own sort past Query's $natural-only contract check",
    file: 'internal/backends/collection.go',
    find: '\tif params.Sort.Len() != 0 {\n\t\tmust.BeTrue(params.Sort.Len() == 1)\n\t\tsortValue := params.Sort.Map()["$natural"].(int64)\n\n\t\tif sortValue != -1 && sortValue != 1 {\n\t\t\tpanic("sort value must be 1 (for ascending) or -1 (for descending)")\n\t\t}\n\t}\n\n\tres, err := cc.c.Query(ctx, params)',
    replace:
      '\tif params.Sort.Len() != 0 && !strings.HasPrefix(params.Comment, "clinicflow:pushdown") {\n\t\tmust.BeTrue(params.Sort.Len() == 1)\n\t\tsortValue := params.Sort.Map()["$natural"].(int64)\n\n\t\tif sortValue != -1 && sortValue != 1 {\n\t\t\tpanic("sort value must be 1 (for ascending) or -1 (for descending)")\n\t\t}\n\t}\n\n\tres, err := cc.c.Query(ctx, params)',
  },
  {
    name: 'query-contract-strings-import',
    purpose: 'import "strings" for query-contract-sort',
    file: 'internal/backends/collection.go',
    find: '\t"slices"\n',
    replace: '\t"slices"\n\t"strings"\n',
  },
  {
    name: 'sqlite-query-pushdown',
    purpose: "route a query with the clinicflow:pushdown comment to the SQLite backend's queryPushdown",
    file: 'internal/backends/sqlite/collection.go',
    find: '\tq := prepareSelectClause(meta.TableName, params.Comment, meta.Capped(), params.OnlyRecordIDs)\n\n\tvar whereClause string\n',
    replace:
      '\tif IsPushdown(params.Comment) {\n\t\treturn c.queryPushdown(ctx, db, meta, params)\n\t}\n\n' +
      '\tq := prepareSelectClause(meta.TableName, params.Comment, meta.Capped(), params.OnlyRecordIDs)\n\n\tvar whereClause string\n',
  },
  {
    name: 'find-pushdown',
    purpose:
      "hand a pushdown find's whole filter, sort and skip + limit to the backend; no Go re-sort of SQL's order",
    file: 'internal/handler/msg_find.go',
    find: '\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))\n',
    replace:
      '\t// clinicflow patch: the whole filter, the sort and skip + limit go to the backend, which uses the limit\n' +
      '\t// only when it could apply the filter and the sort whole; the iterators below apply them again.\n' +
      '\tif !h.DisablePushdown && sqlite.IsPushdown(qp.Comment) {\n' +
      '\t\tqp.Filter = params.Filter\n\t\tqp.Sort = params.Sort\n\n' +
      '\t\tif params.Limit > 0 {\n\t\t\tqp.Limit = params.Limit + params.Skip\n\t\t}\n\n' +
      '\t\t// SQLite returns the rows in that order already: sorting them again in Go would hold back the\n' +
      '\t\t// first row until the last one is read (an export of the whole history).\n' +
      '\t\tif sqlite.SortPushable(params.Sort) {\n\t\t\tparams.Sort = nil\n\t\t}\n\t}\n\n' +
      '\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))\n',
  },
  {
    name: 'aggregate-pushdown',
    purpose: 'run a pushdown [$match, $group] as one SQL GROUP BY; narrow a leading $match in SQL otherwise',
    file: 'internal/handler/msg_aggregate.go',
    find: '\t\titer, err = processStagesDocuments(ctx, closer, &stagesDocumentsParams{c, qp, stagesDocuments})\n',
    replace:
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
  },
  {
    name: 'update-close-per-statement',
    purpose:
      "close each update statement's reader when the statement is done, not when the command ends: held open, " +
      'they took one of the 100 SQLite connections each, so 100 statements (in one command or in several at ' +
      'once) left none for the write and the server hung',
    file: 'internal/handler/msg_update.go',
    find:
      '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n' +
      '\t\tif err != nil {\n' +
      '\t\t\treturn 0, 0, nil, lazyerrors.Error(err)\n' +
      '\t\t}\n',
    replace:
      '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n' +
      "\t\t// clinicflow patch: release this statement's connection now (the deferred Close runs at the end).\n" +
      '\t\tcloser.Close()\n\n' +
      '\t\tif err != nil {\n' +
      '\t\t\treturn 0, 0, nil, lazyerrors.Error(err)\n' +
      '\t\t}\n',
  },
  {
    name: 'id-equality-among-other-keys',
    purpose:
      'read a document by its `_id` index when the filter holds an `_id` equality beside other keys (upstream only ' +
      'did for `_id` alone): an update, delete or find of `{ _id, status, … }` read and decoded the whole ' +
      'collection; the handler still applies the whole filter to the row',
    file: 'internal/backends/sqlite/collection.go',
    find:
      'params.OnlyRecordIDs)\n\n\tvar whereClause string\n\tvar args []any\n\n' +
      '\t// that logic should exist in one place\n' +
      '\t// TODO https://github.com/FerretDB/FerretDB/issues/3235\n' +
      '\tif params.Filter.Len() == 1 {\n',
    replace:
      'params.OnlyRecordIDs)\n\n\tvar whereClause string\n\tvar args []any\n\n' +
      '\t// clinicflow patch: any filter with an `_id` equality, not only `{ _id }` alone.\n' +
      '\tif params.Filter.Len() >= 1 {\n',
  },
  {
    name: 'delete-pushdown',
    purpose:
      'let a delete with the clinicflow:pushdown comment find its documents in SQL: `_id: { $in }` read from the ' +
      '`_id` index, where upstream decoded the whole collection for a `$in` (the handler still checks each ' +
      'document against the whole filter)',
    file: 'internal/handler/msg_delete.go',
    find: '\tvar qp backends.QueryParams\n\tif !h.DisablePushdown {\n\t\tqp.Filter = p.Filter\n\t}\n',
    replace:
      '\tvar qp backends.QueryParams\n\tif !h.DisablePushdown {\n\t\tqp.Filter = p.Filter\n\n' +
      "\t\t// clinicflow patch: the command's comment reaches the backend, which pushes the filter down.\n" +
      '\t\tif sqlite.IsPushdown(comment) {\n\t\t\tqp.Comment = comment\n\t\t}\n\t}\n',
  },
  {
    name: 'delete-pushdown-comment',
    purpose: "hand the delete command's comment to each of its statements, for delete-pushdown",
    file: 'internal/handler/msg_delete.go',
    find: 'd, err = h.execDelete(connCtx, c, &p)\n',
    replace: 'd, err = h.execDelete(connCtx, c, &p, params.Comment)\n',
  },
  {
    name: 'delete-pushdown-signature',
    purpose: 'the comment parameter of execDelete, for delete-pushdown',
    file: 'internal/handler/msg_delete.go',
    find: 'func (h *Handler) execDelete(ctx context.Context, c backends.Collection, p *common.Delete) (int32, error) {\n',
    replace:
      'func (h *Handler) execDelete(ctx context.Context, c backends.Collection, p *common.Delete, comment string) (int32, error) {\n',
  },
  {
    name: 'pool-wal-sync-field',
    purpose: 'a field of the SQLite pool for the WAL flusher of pool-wal-sync-start',
    file: 'internal/backends/sqlite/metadata/pool/pool.go',
    find: '\n\ttoken *resource.Token\n}\n',
    replace:
      '\n\ttoken *resource.Token\n\n' +
      '\t// clinicflow patch: stops the WAL flusher (clinicflow_walsync.go); nil without synchronous=NORMAL.\n' +
      '\tstopWALSync func()\n}\n',
  },
  {
    name: 'pool-wal-sync-start',
    purpose:
      'flush the WAL files every 100 ms when the URI asks for synchronous=NORMAL (a group commit: commits no ' +
      "longer wait for the disk, at most 100 ms of them are lost with the power, as with MongoDB's journal)",
    file: 'internal/backends/sqlite/metadata/pool/pool.go',
    find: '\tif p.memory() {\n\t\treturn p, p.dbs, nil\n\t}\n',
    replace:
      '\tif p.memory() {\n\t\treturn p, p.dbs, nil\n\t}\n\n' +
      '\t// clinicflow patch: a group commit for synchronous=NORMAL (clinicflow_walsync.go).\n' +
      '\tif walSyncWanted(uri) {\n\t\tp.stopWALSync = startWALSync(uri.Path, WALSyncInterval)\n\t}\n',
  },
  {
    name: 'pool-wal-sync-stop',
    purpose: 'stop the WAL flusher of pool-wal-sync-start (after one last flush) when the pool closes',
    file: 'internal/backends/sqlite/metadata/pool/pool.go',
    find: 'func (p *Pool) Close() {\n',
    replace:
      'func (p *Pool) Close() {\n' +
      '\tif p.stopWALSync != nil {\n\t\tp.stopWALSync() // clinicflow patch\n\t}\n\n',
  },
  ...['Track', 'Untrack'].map((name) => ({
    name: `resource-${name.toLowerCase()}-debug-only`,
    purpose:
      `make resource.${name} a no-op outside debug builds: it records a stack trace in a pprof profile and sets a ` +
      "finalizer for every iterator and connection, to find leaks in FerretDB's own tests; measured at 7 % of " +
      "the server's CPU during a burst of sends",
    file: 'internal/util/resource/resource.go',
    find: `func ${name}(obj any, token *Token) {\n\tcheckArgs(obj, token)\n`,
    replace:
      `func ${name}(obj any, token *Token) {\n` +
      '\tif !debugbuild.Enabled {\n\t\treturn // clinicflow patch: leak tracking is for debug builds\n\t}\n\n' +
      '\tcheckArgs(obj, token)\n',
  })),
  {
    name: 'fsql-lazy-query-log',
    purpose:
      "format the SQL query log's attributes (each statement's arguments: whole documents) only when a record " +
      'is written, not for every statement at any level (fsql/clinicflow_lazylog.go); measured at 19 % of the ' +
      "server's CPU while planning",
    file: 'internal/util/fsql/db.go',
    find: '\t\tl:                logging.WithName(l, name),\n',
    replace: '\t\tl:                clinicflowLazyAttrs(logging.WithName(l, name)), // clinicflow patch\n',
  },
  ...SJSON_FILES.map((file) => ({
    name: `sjson-json-${file.replace(/\.go$/, '').replace(/_/g, '-')}`,
    purpose:
      "decode and encode the stored documents' JSON with goccy/go-json (ADDED_MODULES), the same API as " +
      "encoding/json; reading a delivery took 223 µs with encoding/json's reflection, 103 µs with it, " +
      "measured at a quarter of the server's CPU while sending",
    file: `internal/handler/sjson/${file}`,
    find: '\t"encoding/json"\n',
    replace: '\tjson "github.com/goccy/go-json" // clinicflow patch: sjson-json (docs/database.md)\n',
  })),
  ...[
    ['find-sqlite-import', 'internal/handler/msg_find.go', 'find-pushdown'],
    ['aggregate-sqlite-import', 'internal/handler/msg_aggregate.go', 'aggregate-pushdown'],
    ['delete-sqlite-import', 'internal/handler/msg_delete.go', 'delete-pushdown'],
  ].map(([name, file, user]) => ({
    name,
    purpose: `import the SQLite backend's pushdown helpers for ${user}`,
    file,
    find: '\t"github.com/FerretDB/FerretDB/internal/backends"\n',
    replace:
      '\t"github.com/FerretDB/FerretDB/internal/backends"\n\t"github.com/FerretDB/FerretDB/internal/backends/sqlite"\n',
  })),
];

/** Folders of Go files copied into the module's source: [folder (relative to this one), destination]. */
const ADDED_FILES = [
  ['sqlite', 'internal/backends/sqlite'],
  ['sqlite-metadata', 'internal/backends/sqlite/metadata'],
  ['sqlite-pool', 'internal/backends/sqlite/metadata/pool'],
  ['fsql', 'internal/util/fsql'],
  ['sjson', 'internal/handler/sjson'],
];

/**
 * Modules the patched source imports that FerretDB's go.mod does not require: `go get module@version` adds
 * them (from the Go module proxy, checked against the checksum database like every other dependency).
 */
const ADDED_MODULES = [
  {
    module: 'github.com/goccy/go-json',
    version: 'v0.12.0',
    why: 'the hunks sjson-json-*: a faster drop-in for encoding/json in the stored-document codec',
  },
];

/** The start of SQLite's memcmp as ccgo writes it for Linux (the same text for each architecture). */
const CCGO_MEMCMP =
  'func Xmemcmp(tls *TLS, vl uintptr, vr uintptr, n Tsize_t) (r1 int32) {\n' +
  '\tif __ccgo_strace {\n' +
  '\t\ttrc("tls=%v vl=%v vr=%v n=%v, (%v:)", tls, vl, vr, n, origin(2))\n' +
  '\t\tdefer func() { trc("-> %v", r1) }()\n' +
  '\t}\n';
/** The same in libc.go, for the other platforms. */
const GENERIC_MEMCMP =
  'func Xmemcmp(t *TLS, s1, s2 uintptr, n types.Size_t) int32 {\n' +
  '\tif __ccgo_strace {\n' +
  '\t\ttrc("t=%v s2=%v n=%v, (%v:)", t, s2, n, origin(2))\n' +
  '\t}\n';

/**
 * Dependencies of FerretDB built from a patched copy inside its source (`folder`, named by a go.mod `replace`),
 * with hunks and added Go files of their own, applied as HUNKS and ADDED_FILES are. The version is the one
 * FerretDB's go.mod requires.
 */
const VENDORED_MODULES = [
  {
    module: 'modernc.org/libc',
    folder: 'clinicflow-libc',
    hunks: [
      ...['amd64', 'arm64', 'loong64'].map((arch) => ({
        name: `libc-memcmp-linux-${arch}`,
        purpose: "answer SQLite's memcmp with Go's vectorised bytes.Compare (libc/clinicflow_memcmp.go)",
        file: `ccgo_linux_${arch}.go`,
        find: CCGO_MEMCMP,
        replace: `${CCGO_MEMCMP}\treturn clinicflowMemcmp(vl, vr, uint64(n)) // clinicflow patch\n`,
      })),
      {
        name: 'libc-memcmp-other-platforms',
        purpose: "answer SQLite's memcmp with Go's vectorised bytes.Compare (libc/clinicflow_memcmp.go)",
        file: 'libc.go',
        find: GENERIC_MEMCMP,
        replace: `${GENERIC_MEMCMP}\treturn clinicflowMemcmp(s1, s2, uint64(n)) // clinicflow patch\n`,
      },
    ],
    addedFiles: [['libc', '.']],
  },
];

/** The packages holding the patch code, for `go test`. */
const PATCH_PACKAGES = ADDED_FILES.map(([, destination]) => `./${destination}`);

/**
 * Upstream tests of those packages that assert what a hunk changes on purpose: `go test -skip`s them. The
 * clinicflow test named in `instead` asserts the patched behaviour.
 */
const CHANGED_UPSTREAM_TESTS = [
  {
    test: 'TestIndexesCreateDrop',
    hunks: ['id-index', 'field-index-expressions'],
    why: 'expects upstream\'s CREATE INDEX expressions (_ferretdb_sjson->"field")',
    instead: 'TestClinicflowIndexExpressions',
  },
];

class PatchError extends Error {
  constructor(hunk, message) {
    super(message);
    this.name = 'PatchError';
    this.hunk = hunk;
  }
}

/** Where each place of `text` starts in `content`. */
function occurrences(content, text) {
  const found = [];
  for (let at = content.indexOf(text); at !== -1; at = content.indexOf(text, at + 1)) found.push(at);
  return found;
}

const lineOf = (content, index) => content.slice(0, index).split('\n').length;
const quoted = (lines) => lines.map((line) => `    ${JSON.stringify(line)}`).join('\n');

function hunkNotFound(hunk, content, source) {
  const lines = hunk.find.split('\n').filter((line) => line.trim());
  const first = lines[0].trim();
  const still = content
    .split('\n')
    .flatMap((line, i) => (line.trim() === first ? [i + 1] : []))
    .slice(0, 3);
  return new PatchError(
    hunk.name,
    `FerretDB patch hunk "${hunk.name}" does not apply: the upstream source moved.\n` +
      `  purpose: ${hunk.purpose}\n` +
      `  file:    ${hunk.file} (in ${source})\n` +
      `  expected text, found nowhere in the file; it starts with:\n${quoted(lines.slice(0, 3))}\n` +
      (still.length
        ? `  its first line is still there (line ${still.join(', ')}): the text around it changed.\n`
        : '  not even its first line is there.\n') +
      `What to do: find where that code went upstream and update the hunk "${hunk.name}" in ` +
      'scripts/database/ferretdb-patches/patches.cjs (then bump PATCH_LEVEL), or drop the patch as ' +
      'docs/database.md ("Dropping a patch") says.',
  );
}

/**
 * Applies HUNKS to a fresh copy of FerretDB's source and copies in the Go files (their tests too with
 * `withTests`). Throws a PatchError naming the hunk when a text is not found exactly once.
 */
function applyPatches(source, { hunks = HUNKS, addedFiles = ADDED_FILES, withTests = false } = {}) {
  const marker = path.join(source, APPLIED_MARKER);
  if (existsSync(marker)) {
    throw new PatchError(
      null,
      `FerretDB source ${source} is patched already (${APPLIED_MARKER}): patch a fresh copy of the module.`,
    );
  }
  for (const hunk of hunks) {
    const full = path.join(source, hunk.file);
    if (!existsSync(full)) {
      throw new PatchError(
        hunk.name,
        `FerretDB patch hunk "${hunk.name}" does not apply: ${hunk.file} is gone from ${source} ` +
          '(the upstream source moved). Update or drop the hunk in ' +
          'scripts/database/ferretdb-patches/patches.cjs; see docs/database.md ("Dropping a patch").',
      );
    }
    const content = readFileSync(full, 'utf8');
    const found = occurrences(content, hunk.find);
    if (found.length === 0) throw hunkNotFound(hunk, content, source);
    if (found.length > 1) {
      throw new PatchError(
        hunk.name,
        `FerretDB patch hunk "${hunk.name}" is ambiguous: its text is in ${found.length} places of ` +
          `${hunk.file} (lines ${found.map((at) => lineOf(content, at)).join(', ')}). Make the hunk's text ` +
          'longer so that it names one place, in scripts/database/ferretdb-patches/patches.cjs.',
      );
    }
    const at = found[0];
    writeFileSync(full, content.slice(0, at) + hunk.replace + content.slice(at + hunk.find.length));
  }
  for (const [folder, destination] of addedFiles) {
    const from = path.resolve(__dirname, folder);
    for (const file of readdirSync(from).filter((f) => f.endsWith('.go'))) {
      if (!withTests && file.endsWith('_test.go')) continue;
      const to = path.join(source, destination, file);
      if (existsSync(to)) {
        throw new PatchError(
          null,
          `FerretDB's source already has ${destination}/${file}: the upstream source moved; rename the ` +
            `patch file ${path.join('scripts/database/ferretdb-patches', folder, file)}.`,
        );
      }
      cpSync(path.join(from, file), to);
    }
  }
  writeFileSync(marker, `clinicflow patch level ${PATCH_LEVEL}\n`);
}

module.exports = {
  PATCH_LEVEL,
  HUNKS,
  ADDED_FILES,
  ADDED_MODULES,
  VENDORED_MODULES,
  PATCH_PACKAGES,
  CHANGED_UPSTREAM_TESTS,
  PatchError,
  applyPatches,
};
