// clinicflow patch tests: a pushed-down `_id` equality or `$in` is written on `_id`'s index expression
// (metadata.IDColumn) with JSON-encoded values, as FerretDB's own `_id` lookups are; on a real SQLite database,
// SQLite answers it from that index, and the answer is FerretDB's own (ids with quotes, escapes, HTML
// characters, control characters and non-ASCII letters included). Run by scripts/database/ferretdb-test.cjs.

package sqlite

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/state"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

// cfOID is an ObjectID whose hex string is no string `_id` of cfIDDocs.
var cfOID = types.ObjectID{0xab, 0xcd, 1}

const cfOIDJSON = `"abcd01000000000000000000"`

func TestClinicflowPushdownWhereID(t *testing.T) {
	t.Parallel()

	id := metadata.IDColumn

	for _, tc := range []struct {
		name     string
		filter   *types.Document
		where    []string
		args     []any
		complete bool
	}{{
		name:     "a string equality is on the index expression, JSON-encoded",
		filter:   cfDoc("_id", "dlv_1"),
		where:    []string{id + " = ?"},
		args:     []any{`"dlv_1"`},
		complete: true,
	}, {
		name:     "$eq",
		filter:   cfDoc("_id", cfDoc("$eq", "dlv_1")),
		where:    []string{id + " = ?"},
		args:     []any{`"dlv_1"`},
		complete: true,
	}, {
		name:     "$in of strings, encoded as FerretDB stores them (quotes, backslash, HTML characters, non-ASCII)",
		filter:   cfDoc("_id", cfDoc("$in", cfArr("dlv_1", `a"b\c`, "<&>", "Zoë\u2028"))),
		where:    []string{id + " IN (?, ?, ?, ?)"},
		args:     []any{`"dlv_1"`, `"a\"b\\c"`, `"\u003c\u0026\u003e"`, `"Zoë\u2028"`},
		complete: true,
	}, {
		name:     "$in of one string",
		filter:   cfDoc("_id", cfDoc("$in", cfArr("dlv_1"))),
		where:    []string{id + " IN (?)"},
		args:     []any{`"dlv_1"`},
		complete: true,
	}, {
		name:   "an ObjectID narrows only (its stored JSON is its hex, which a string may hold)",
		filter: cfDoc("_id", cfOID),
		where:  []string{id + " = ?"},
		args:   []any{cfOIDJSON},
	}, {
		name:   "$in of strings and an ObjectID narrows only",
		filter: cfDoc("_id", cfDoc("$in", cfArr("dlv_1", cfOID))),
		where:  []string{id + " IN (?, ?)"},
		args:   []any{`"dlv_1"`, cfOIDJSON},
	}, {
		name:     "an _id of another type stays on FieldExpression, as before",
		filter:   cfDoc("_id", int32(7)),
		where:    []string{cfExpr("_id") + " = ?"},
		args:     []any{int64(7)},
		complete: true,
	}, {
		name:     "$in with an item of another type stays on FieldExpression, as before",
		filter:   cfDoc("_id", cfDoc("$in", cfArr("dlv_1", int32(7)))),
		where:    []string{cfExpr("_id") + " IN (?, ?)"},
		args:     []any{"dlv_1", int64(7)},
		complete: true,
	}, {
		name:   "$in with a null is left to Go, as before",
		filter: cfDoc("_id", cfDoc("$in", cfArr("dlv_1", types.Null))),
	}, {
		name:     "an empty $in matches nothing, as before",
		filter:   cfDoc("_id", cfDoc("$in", cfArr())),
		where:    []string{"0"},
		complete: true,
	}, {
		name:     "$nin of strings is NOT IN on the index expression (level 11)",
		filter:   cfDoc("_id", cfDoc("$nin", cfArr("dlv_1", `a"b`))),
		where:    []string{id + " NOT IN (?, ?)"},
		args:     []any{`"dlv_1"`, `"a\"b"`},
		complete: true,
	}, {
		name:     "an empty $nin excludes nothing",
		filter:   cfDoc("_id", cfDoc("$nin", cfArr())),
		where:    []string{"1"},
		complete: true,
	}, {
		name:   "$nin with an ObjectID is left to Go (NOT IN would drop a string equal to its hex)",
		filter: cfDoc("_id", cfDoc("$nin", cfArr("dlv_1", cfOID))),
	}, {
		name:   "$nin with an item of another type is left to Go, as before",
		filter: cfDoc("_id", cfDoc("$nin", cfArr("dlv_1", int32(7)))),
	}, {
		name:     "the dispatcher's scan: a range on another field, $nin on _id",
		filter:   cfDoc("clinicId", cfDoc("$lte", "B"), "_id", cfDoc("$nin", cfArr("dlv_1"))),
		where:    []string{cfExpr("clinicId") + " <= ?", id + " NOT IN (?)"},
		args:     []any{"B", `"dlv_1"`},
		complete: true,
	}, {
		name:     "a range on _id stays on FieldExpression",
		filter:   cfDoc("_id", cfDoc("$gte", "dlv_1", "$lt", "dlv_2")),
		where:    []string{cfExpr("_id") + " >= ?", cfExpr("_id") + " < ?"},
		args:     []any{"dlv_1", "dlv_2"},
		complete: true,
	}, {
		name:   "$in with $ne: the $in on the index, the $ne left to Go",
		filter: cfDoc("_id", cfDoc("$in", cfArr("dlv_1", "dlv_2"), "$ne", "dlv_2")),
		where:  []string{id + " IN (?, ?)"},
		args:   []any{`"dlv_1"`, `"dlv_2"`},
	}, {
		name:     "with other fields",
		filter:   cfDoc("clinicId", "A", "_id", cfDoc("$in", cfArr("dlv_1"))),
		where:    []string{cfExpr("clinicId") + " = ?", id + " IN (?)"},
		args:     []any{"A", `"dlv_1"`},
		complete: true,
	}, {
		name:     "in an $or branch",
		filter:   cfDoc("$or", cfArr(cfDoc("_id", "dlv_1"), cfDoc("status", "sent"))),
		where:    []string{"((" + id + " = ?) OR (" + cfExpr("status") + " = ?))"},
		args:     []any{`"dlv_1"`, "sent"},
		complete: true,
	}, {
		name:     "a dotted field under _id is any other field",
		filter:   cfDoc("_id.day", "2026-01-01"),
		where:    []string{cfExpr("_id.day") + " = ?"},
		args:     []any{"2026-01-01"},
		complete: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()

			where, args, complete := PushdownWhere(tc.filter)
			assert.Equal(t, tc.where, where)
			assert.Equal(t, tc.args, args)
			assert.Equal(t, tc.complete, complete, "complete")
		})
	}
}

// cfOddIDs are string ids whose JSON encoding differs from their text: quotes, backslashes, characters Go's
// JSON escapes (HTML characters, U+2028), control characters, non-ASCII letters, the empty string.
var cfOddIDs = []string{
	`it's`, `say "hi"`, `back\slash`, `<b>&amp;</b>`, "line\u2028sep", "tab\there\nnewline", "nul\x00byte",
	"Zoë d\u2019Arc", "\u212Aelvin", "emoji 🩺", "", " ", "abcd01000000000000000000x", "DLV_0000001",
}

// cfIDDocs are documents with string ids (plain and odd) and a few ObjectID ids.
func cfIDDocs() []*types.Document {
	var docs []*types.Document

	for i := 0; i < 200; i++ {
		docs = append(docs, cfDoc("_id", fmt.Sprintf("dlv_%07d", i), "clinicId", []string{"A", "B"}[i%2]))
	}

	for i, id := range cfOddIDs {
		docs = append(docs, cfDoc("_id", id, "clinicId", []string{"A", "B"}[i%2]))
	}

	for i := byte(0); i < 3; i++ {
		docs = append(docs, cfDoc("_id", types.ObjectID{0xab, 0xcd, i}, "clinicId", "A"))
	}

	return docs
}

// cfIDCollection returns a collection of the patched SQLite backend holding cfIDDocs, with its SQLite
// database and table (for the query plan).
func cfIDCollection(t *testing.T) (backends.Collection, []*types.Document, *fsql.DB, string) {
	t.Helper()

	ctx := testutil.Ctx(t)

	sp, err := state.NewProvider("")
	require.NoError(t, err)

	r, err := metadata.NewRegistry(testutil.TestSQLiteURI(t, ""), 100, testutil.LevelLogger(t, slog.LevelWarn), sp)
	require.NoError(t, err)
	t.Cleanup(r.Close)

	dbName, cName := testutil.DatabaseName(t), testutil.CollectionName(t)
	coll := newCollection(r, dbName, cName)
	docs := cfIDDocs()

	_, err = coll.InsertAll(ctx, &backends.InsertAllParams{Docs: docs})
	require.NoError(t, err)

	return coll, docs, r.DatabaseGetExisting(ctx, dbName), r.CollectionGet(ctx, dbName, cName).TableName
}

// cfIDFilters are `_id` lookups of every kind the pushdown writes on the index, over cfIDDocs.
func cfIDFilters() []*types.Document {
	odd := make([]any, len(cfOddIDs))
	for i, id := range cfOddIDs {
		odd[i] = id
	}

	var ninetyNine []any
	for i := 0; i < 99; i++ {
		ninetyNine = append(ninetyNine, fmt.Sprintf("dlv_%07d", i*2+1))
	}

	filters := []*types.Document{
		cfDoc("_id", cfDoc("$in", cfArr(ninetyNine...))),
		cfDoc("_id", cfDoc("$in", cfArr(odd...))),
		cfDoc("_id", cfDoc("$in", cfArr("dlv_0000003", "missing", "dlv_0000003"))),
		cfDoc("_id", cfDoc("$in", cfArr("missing"))),
		cfDoc("_id", cfDoc("$in", cfArr("dlv_0000004", cfOID))),
		cfDoc("_id", cfOID),
		cfDoc("_id", cfDoc("$in", cfArr("dlv_0000001", "dlv_0000002")), "clinicId", "B"),
		cfDoc("_id", cfDoc("$in", cfArr("dlv_0000001", "dlv_0000002"), "$ne", "dlv_0000002")),
		cfDoc("$or", cfArr(cfDoc("_id", `say "hi"`), cfDoc("_id", cfDoc("$eq", "dlv_0000009")))),
		// $nin (level 11): the ObjectID documents stay, a string equal to none of them is no ObjectID's hex.
		cfDoc("_id", cfDoc("$nin", cfArr(ninetyNine...))),
		cfDoc("_id", cfDoc("$nin", cfArr(odd...))),
		cfDoc("_id", cfDoc("$nin", cfArr())),
		cfDoc("_id", cfDoc("$nin", cfArr("dlv_0000004", cfOID))),
		cfDoc("_id", cfDoc("$nin", cfArr("dlv_0000001", "dlv_0000002")), "clinicId", "B"),
	}

	for _, id := range cfOddIDs {
		filters = append(filters, cfDoc("_id", id), cfDoc("_id", cfDoc("$eq", id)))
	}

	return filters
}

// TestClinicflowIDLookup: a pushed-down `_id` lookup returns FerretDB's own answer: the rows SQL returns are
// those FerretDB's Go filter keeps of the whole collection (exactly those when the pushdown says it is whole),
// and an equality equals FerretDB's own unpushed `_id` query.
func TestClinicflowIDLookup(t *testing.T) {
	t.Parallel()

	coll, docs, _, _ := cfIDCollection(t)

	for i, filter := range cfIDFilters() {
		name := types.FormatAnyValue(filter)
		t.Run(fmt.Sprintf("%d %s", i, name[:min(len(name), 80)]), func(t *testing.T) {
			want := cfMatching(t, docs, filter)
			got := cfQuery(t, coll, &backends.QueryParams{Filter: filter})

			assert.Subset(t, cfAnyIDs(got), cfAnyIDs(want), "a row the filter matches is missing")
			assert.ElementsMatch(t, cfAnyIDs(want), cfAnyIDs(cfMatching(t, got, filter)), "Go's answer on the rows")

			if _, _, complete := PushdownWhere(filter); complete {
				assert.ElementsMatch(t, cfAnyIDs(want), cfAnyIDs(got), "a whole pushdown returns exactly the matches")
			}

			// Without the comment: FerretDB's own `_id` equality lookup (on IDColumn) or a read of every row.
			res, err := coll.Query(testutil.Ctx(t), &backends.QueryParams{Filter: filter})
			require.NoError(t, err)

			unpushed, err := iterator.ConsumeValues(res.Iter)
			require.NoError(t, err)

			assert.ElementsMatch(t, cfAnyIDs(want), cfAnyIDs(cfMatching(t, unpushed, filter)), "FerretDB's own answer")
		})
	}

	// A collection mixing string and ObjectID ids breaks the caller's promise (one type per field): a string
	// equal to an ObjectID's hex then also gets that document from SQL, which Go's filter drops.
	filter := cfDoc("_id", "abcd01000000000000000000")
	got := cfQuery(t, coll, &backends.QueryParams{Filter: filter})
	assert.Equal(t, []string{types.FormatAnyValue(cfOID)}, cfAnyIDs(got))
	assert.Empty(t, cfMatching(t, got, filter))
}

// TestClinicflowIDLookupUsesIndex asks SQLite's planner how it answers the pushed-down `_id` lookups: from
// `_id`'s unique index, never by reading the table (FieldExpression("_id") would).
func TestClinicflowIDLookupUsesIndex(t *testing.T) {
	t.Parallel()

	_, _, db, table := cfIDCollection(t)

	for _, filter := range []*types.Document{
		cfDoc("_id", "dlv_0000001"),
		cfDoc("_id", cfDoc("$in", cfArr("dlv_0000001", "dlv_0000002", `say "hi"`))),
		cfDoc("_id", cfDoc("$in", cfArr("dlv_0000001")), "clinicId", "A"),
		cfDoc("$or", cfArr(cfDoc("_id", "dlv_0000001"), cfDoc("_id", "dlv_0000002"))),
	} {
		t.Run(types.FormatAnyValue(filter), func(t *testing.T) {
			conditions, args, _ := PushdownWhere(filter)
			q := fmt.Sprintf("EXPLAIN QUERY PLAN SELECT %s FROM %q WHERE %s",
				metadata.DefaultColumn, table, strings.Join(conditions, " AND "))

			plan := cfQueryPlan(t, db, q, args...)
			assert.Contains(t, plan, "USING INDEX "+table+"__id_")
			assert.NotContains(t, plan, "SCAN")
		})
	}

	// What the pushdown wrote before: the same lookup on FieldExpression reads the whole table.
	q := fmt.Sprintf("EXPLAIN QUERY PLAN SELECT %s FROM %q WHERE %s IN (?, ?)", metadata.DefaultColumn, table, cfExpr("_id"))
	assert.Contains(t, cfQueryPlan(t, db, q, "dlv_0000001", "dlv_0000002"), "SCAN")
}

// cfAnyIDs are the documents' ids, whatever their type, as text.
func cfAnyIDs(docs []*types.Document) []string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		v, _ := d.Get("_id")
		ids[i] = types.FormatAnyValue(v)
	}

	return ids
}

// cfQueryPlan returns the detail lines of an EXPLAIN QUERY PLAN, one a line.
func cfQueryPlan(t *testing.T, db *fsql.DB, q string, args ...any) string {
	t.Helper()

	rows, err := db.QueryContext(testutil.Ctx(t), q, args...)
	require.NoError(t, err)

	defer rows.Close()

	var lines []string

	for rows.Next() {
		var id, parent, notUsed, detail any

		require.NoError(t, rows.Scan(&id, &parent, &notUsed, &detail))
		lines = append(lines, fmt.Sprint(detail))
	}

	require.NoError(t, rows.Err())

	return strings.Join(lines, "\n")
}

// TestClinicflowIDAmongOtherKeys: without the pushdown comment (an update's or a delete's query), a filter
// holding an `_id` equality beside other keys reads that one row by `_id` (hunk id-equality-among-other-keys;
// upstream read every row unless `_id` was the filter's only key), and FerretDB's Go filter still decides.
func TestClinicflowIDAmongOtherKeys(t *testing.T) {
	t.Parallel()

	coll, docs, _, _ := cfIDCollection(t)

	for _, tc := range []struct {
		filter *types.Document
		rows   int
	}{
		{cfDoc("_id", "dlv_0000003", "clinicId", "B"), 1},
		{cfDoc("_id", "dlv_0000003", "clinicId", "A"), 1},
		{cfDoc("clinicId", "A", "_id", "dlv_0000002"), 1},
		{cfDoc("_id", `say "hi"`, "clinicId", cfDoc("$in", cfArr("A", "B"))), 1},
		{cfDoc("_id", cfOID, "clinicId", "A"), 1},
		{cfDoc("_id", "missing", "clinicId", "A"), 0},
		// Not an equality on a string or an ObjectID: every row, as upstream.
		{cfDoc("_id", cfDoc("$in", cfArr("dlv_0000001")), "clinicId", "B"), len(docs)},
		{cfDoc("_id", int32(7), "clinicId", "B"), len(docs)},
	} {
		name := types.FormatAnyValue(tc.filter)
		t.Run(name, func(t *testing.T) {
			res, err := coll.Query(testutil.Ctx(t), &backends.QueryParams{Filter: tc.filter})
			require.NoError(t, err)

			rows, err := iterator.ConsumeValues(res.Iter)
			require.NoError(t, err)

			assert.Len(t, rows, tc.rows)
			assert.ElementsMatch(t, cfAnyIDs(cfMatching(t, docs, tc.filter)), cfAnyIDs(cfMatching(t, rows, tc.filter)))
		})
	}
}
