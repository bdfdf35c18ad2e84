// clinicflow patch tests: how the SQL pushdown translates filters, sorts and groups (table-driven, no
// database), then, on a real SQLite database, that what it pushes down answers what FerretDB's own Go code
// answers: a pushed-down filter keeps every row the filter matches (exactly those when it says it is whole),
// a pushed-down sort and limit give the same page, a pushed-down group the same groups. Run by
// scripts/database/ferretdb-test.cjs in a patched copy of FerretDB's source (this file is copied next to
// clinicflow_pushdown.go).

package sqlite

import (
	"fmt"
	"log/slog"
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/common"
	"github.com/FerretDB/FerretDB/internal/handler/common/aggregations/stages"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/state"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

func cfDoc(pairs ...any) *types.Document { return must.NotFail(types.NewDocument(pairs...)) }

func cfArr(values ...any) *types.Array { return must.NotFail(types.NewArray(values...)) }

// cfExpr is the SQL value of a field, as the pushdown writes it.
func cfExpr(field string) string {
	expr, ok := metadata.FieldExpression(field)
	if !ok {
		panic(field)
	}

	return expr
}

func cfGlob(field string) string {
	return "(typeof(" + cfExpr(field) + ") = 'text' AND " + cfExpr(field) + " GLOB ?)"
}

func cfLike(field string) string { return cfExpr(field) + ` LIKE ? ESCAPE '\'` }

var (
	cfJan1 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cfJan2 = time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
)

func TestClinicflowIsPushdown(t *testing.T) {
	t.Parallel()

	for _, tc := range []struct {
		comment any
		want    bool
	}{
		{"clinicflow:pushdown", true},
		{"clinicflow:pushdown report page", true},
		{"", false},
		{"report clinicflow:pushdown", false},
		{"clinicflow", false},
		{nil, false},
		{int32(1), false},
	} {
		assert.Equal(t, tc.want, IsPushdown(tc.comment), "%#v", tc.comment)
	}
}

func TestClinicflowPushdownWhere(t *testing.T) {
	t.Parallel()

	for _, tc := range []struct {
		name     string
		filter   *types.Document
		where    []string
		args     []any
		complete bool
	}{{
		name:     "no filter",
		complete: true,
	}, {
		name:     "an empty filter",
		filter:   cfDoc(),
		complete: true,
	}, {
		name:     "a string equality",
		filter:   cfDoc("status", "sent"),
		where:    []string{cfExpr("status") + " = ?"},
		args:     []any{"sent"},
		complete: true,
	}, {
		name:     "numbers: an int as a long, a long, a double",
		filter:   cfDoc("credits", int32(2), "segments", int64(3), "amount", 2.5),
		where:    []string{cfExpr("credits") + " = ?", cfExpr("segments") + " = ?", cfExpr("amount") + " = ?"},
		args:     []any{int64(2), int64(3), 2.5},
		complete: true,
	}, {
		name:     "a date, as its milliseconds (how FerretDB stores it)",
		filter:   cfDoc("createdAt", cfJan1),
		where:    []string{cfExpr("createdAt") + " = ?"},
		args:     []any{cfJan1.UnixMilli()},
		complete: true,
	}, {
		name:     "$comment is not a field",
		filter:   cfDoc("$comment", "why", "status", "sent"),
		where:    []string{cfExpr("status") + " = ?"},
		args:     []any{"sent"},
		complete: true,
	}, {
		name:     "a dotted field",
		filter:   cfDoc("recipient.name", "Léa"),
		where:    []string{cfExpr("recipient.name") + " = ?"},
		args:     []any{"Léa"},
		complete: true,
	}, {
		name:   "a date range and a number range",
		filter: cfDoc("createdAt", cfDoc("$gte", cfJan1, "$lt", cfJan2), "credits", cfDoc("$gt", int32(0), "$lte", 9.5)),
		where: []string{
			cfExpr("createdAt") + " >= ?", cfExpr("createdAt") + " < ?",
			cfExpr("credits") + " > ?", cfExpr("credits") + " <= ?",
		},
		args:     []any{cfJan1.UnixMilli(), cfJan2.UnixMilli(), int64(0), 9.5},
		complete: true,
	}, {
		name:     "$eq",
		filter:   cfDoc("status", cfDoc("$eq", "sent")),
		where:    []string{cfExpr("status") + " = ?"},
		args:     []any{"sent"},
		complete: true,
	}, {
		name:     "$in",
		filter:   cfDoc("status", cfDoc("$in", cfArr("sent", "failed"))),
		where:    []string{cfExpr("status") + " IN (?, ?)"},
		args:     []any{"sent", "failed"},
		complete: true,
	}, {
		name:     "an empty $in matches nothing",
		filter:   cfDoc("status", cfDoc("$in", cfArr())),
		where:    []string{"0"},
		complete: true,
	}, {
		name:   "null is left to Go (it also matches a missing field)",
		filter: cfDoc("flowId", types.Null),
	}, {
		name:   "a boolean is left to Go (SQLite reads it as 1 or 0)",
		filter: cfDoc("inDoubt", true),
	}, {
		name:   "an ObjectID is left to Go",
		filter: cfDoc("ref", types.ObjectID{1}),
	}, {
		name:   "NaN is left to Go",
		filter: cfDoc("credits", math.NaN()),
	}, {
		name:   "an infinite bound is left to Go",
		filter: cfDoc("credits", cfDoc("$lt", math.Inf(1))),
	}, {
		name:   "$ne is left to Go",
		filter: cfDoc("status", cfDoc("$ne", "sent")),
	}, {
		name:   "$in with a null is left to Go",
		filter: cfDoc("flowId", cfDoc("$in", cfArr("F1", types.Null))),
	}, {
		name:   "$in of no array is left to Go",
		filter: cfDoc("status", cfDoc("$in", "sent")),
	}, {
		name:   "an empty operator document is left to Go",
		filter: cfDoc("status", cfDoc()),
	}, {
		name:   "an embedded document's equality is left to Go",
		filter: cfDoc("recipient", cfDoc("name", "Léa")),
	}, {
		name:   "$and and $nor are left to Go",
		filter: cfDoc("$and", cfArr(cfDoc("status", "sent")), "$nor", cfArr(cfDoc("status", "failed"))),
	}, {
		name:   "a field SQL cannot name is left to Go",
		filter: cfDoc(`a"b`, "x"),
	}, {
		name: "a filter done partly in SQL",
		filter: cfDoc(
			"clinicId", "A",
			"status", cfDoc("$ne", "failed"),
			"credits", cfDoc("$gt", int32(0), "$exists", true),
		),
		where: []string{cfExpr("clinicId") + " = ?", cfExpr("credits") + " > ?"},
		args:  []any{"A", int64(0)},
	}, {
		name:     "plain text without options is an exact GLOB on strings",
		filter:   cfDoc("searchText", types.Regex{Pattern: "lea dupont"}),
		where:    []string{cfGlob("searchText")},
		args:     []any{"*lea dupont*"},
		complete: true,
	}, {
		name:     "GLOB's own wildcards in the text are put in brackets",
		filter:   cfDoc("searchText", types.Regex{Pattern: `a\*b\?c\[d\.e`}),
		where:    []string{cfGlob("searchText")},
		args:     []any{"*a[*]b[?]c[[]d.e*"},
		complete: true,
	}, {
		name:   "with the i option, a LIKE that keeps more rows, checked again in Go",
		filter: cfDoc("name", types.Regex{Pattern: "dupont", Options: "i"}),
		where:  []string{cfLike("name")},
		args:   []any{"%dupont%"},
	}, {
		name:   "k, s (Go folds them with the Kelvin sign and the long s) and non-ASCII letters become _",
		filter: cfDoc("name", types.Regex{Pattern: "kelvin sørensen", Options: "i"}),
		where:  []string{cfLike("name")},
		args:   []any{"%_elvin __ren_en%"},
	}, {
		name:   "LIKE's own wildcards and its escape character are escaped",
		filter: cfDoc("name", types.Regex{Pattern: `100% a_b\\c`, Options: "i"}),
		where:  []string{cfLike("name")},
		args:   []any{`%100\% a\_b\\c%`},
	}, {
		name:   "a one-letter class is any one character",
		filter: cfDoc("name", types.Regex{Pattern: "l[eéè]a"}),
		where:  []string{cfLike("name")},
		args:   []any{"%l_a%"},
	}, {
		name:   "an anchored expression is left to Go",
		filter: cfDoc("name", types.Regex{Pattern: "^dupont"}),
	}, {
		name:   "a character class escape is left to Go",
		filter: cfDoc("name", types.Regex{Pattern: `\d+`}),
	}, {
		name:   "a class range is left to Go",
		filter: cfDoc("name", types.Regex{Pattern: "[a-z]"}),
	}, {
		name:   "options other than i are left to Go",
		filter: cfDoc("name", types.Regex{Pattern: "dupont", Options: "m"}),
	}, {
		name:     "an $or of branches SQL decides",
		filter:   cfDoc("$or", cfArr(cfDoc("status", "sent"), cfDoc("channel", cfDoc("$in", cfArr("sms"))))),
		where:    []string{"((" + cfExpr("status") + " = ?) OR (" + cfExpr("channel") + " IN (?)))"},
		args:     []any{"sent", "sms"},
		complete: true,
	}, {
		name: "an $or with a branch SQL only narrows",
		filter: cfDoc("clinicId", "A", "$or", cfArr(
			cfDoc("name", types.Regex{Pattern: "dupont", Options: "i"}),
			cfDoc("searchText", types.Regex{Pattern: "dupont"}),
		)),
		where: []string{
			cfExpr("clinicId") + " = ?",
			"((" + cfLike("name") + ") OR (" + cfGlob("searchText") + "))",
		},
		args: []any{"A", "%dupont%", "*dupont*"},
	}, {
		name:   "an $or with a branch SQL cannot narrow gives no condition (that branch may match anything)",
		filter: cfDoc("$or", cfArr(cfDoc("status", "sent"), cfDoc("flowId", types.Null))),
	}, {
		name:   "an empty $or is left to Go",
		filter: cfDoc("$or", cfArr()),
	}, {
		name:   "an $or of no array is left to Go",
		filter: cfDoc("$or", cfDoc("status", "sent")),
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

func TestClinicflowTextPatterns(t *testing.T) {
	t.Parallel()

	for _, tc := range []struct {
		pattern, options string
		glob, like       string // empty when refused
	}{
		{pattern: "dupont", glob: "*dupont*", like: "%dupont%"},
		{pattern: "dupont", options: "i", like: "%dupont%"},
		{pattern: "", glob: "**", like: "%%"},
		{pattern: `\+33 6`, glob: "*+33 6*", like: "%+33 6%"},
		{pattern: `a\.b\(c\)\{d\}\|e\/f\-g\$\^`, glob: "*a.b(c){d}|e/f-g$^*", like: "%a.b(c){d}|e/f-g$^%"},
		{pattern: "zoë", glob: "*zoë*", like: "%zo_%"},
		{pattern: "l[eé]a", like: "%l_a%"},
		{pattern: "l[eé]a", options: "i", like: "%l_a%"},
		{pattern: "a.b"},
		{pattern: "a*"},
		{pattern: "a|b"},
		{pattern: "(a)"},
		{pattern: "a$"},
		{pattern: `\w`},
		{pattern: `a\`},
		{pattern: "[]"},
		{pattern: "[a"},
		{pattern: "[^a]"},
		{pattern: "[a-b]"},
		{pattern: `[\]]`},
		{pattern: "a]"},
		{pattern: "dupont", options: "x"},
		{pattern: "dupont", options: "is"},
	} {
		t.Run(tc.pattern+"/"+tc.options, func(t *testing.T) {
			t.Parallel()

			re := types.Regex{Pattern: tc.pattern, Options: tc.options}

			glob, ok := globExact(re)
			assert.Equal(t, tc.glob != "", ok, "GLOB")
			assert.Equal(t, tc.glob, glob)

			like, ok := likeSuperset(re)
			assert.Equal(t, tc.like != "", ok, "LIKE")
			assert.Equal(t, tc.like, like)
		})
	}
}

func TestClinicflowSearchesText(t *testing.T) {
	t.Parallel()

	assert.False(t, searchesText(nil))
	assert.False(t, searchesText([]string{cfExpr("status") + " = ?", "0"}))
	assert.True(t, searchesText([]string{cfExpr("status") + " = ?", cfGlob("searchText")}))
	assert.True(t, searchesText([]string{"((" + cfLike("name") + ") OR (" + cfExpr("a") + " = ?))"}))
}

func TestClinicflowPushdownOrderBy(t *testing.T) {
	t.Parallel()

	for _, tc := range []struct {
		name     string
		sort     *types.Document
		orderBy  string
		pushable bool // whether SortPushable: the whole sort, and not an empty one
	}{{
		name: "no sort",
	}, {
		name: "an empty sort",
		sort: cfDoc(),
	}, {
		name:     "the report's default order",
		sort:     cfDoc("createdAt", int64(-1), "_id", int64(1)),
		orderBy:  cfExpr("createdAt") + " DESC, " + cfExpr("_id"),
		pushable: true,
	}, {
		name:     "a dotted field, ascending",
		sort:     cfDoc("recipient.name", int64(1)),
		orderBy:  cfExpr("recipient.name"),
		pushable: true,
	}, {
		name: "an unvalidated sort (an int, not the long FerretDB's validation gives) is left to Go",
		sort: cfDoc("createdAt", int32(-1)),
	}, {
		name: "$natural is left to Go",
		sort: cfDoc("$natural", int64(1)),
	}, {
		name: "a $meta sort is left to Go",
		sort: cfDoc("score", cfDoc("$meta", "textScore")),
	}, {
		name: "one key SQL cannot sort leaves the whole sort to Go",
		sort: cfDoc("createdAt", int64(-1), `a"b`, int64(1)),
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()

			orderBy, ok := pushdownOrderBy(tc.sort)
			assert.Equal(t, tc.orderBy, orderBy)
			assert.Equal(t, tc.orderBy != "" || tc.sort.Len() == 0, ok, "whole")
			assert.Equal(t, tc.pushable, SortPushable(tc.sort), "SortPushable")
		})
	}
}

func cfGroupStage(spec ...any) *types.Document { return cfDoc("$group", cfDoc(spec...)) }

func cfMatchStage(filter *types.Document) *types.Document { return cfDoc("$match", filter) }

var cfCount = cfDoc("$sum", int32(1))

func TestClinicflowPushdownGroupOf(t *testing.T) {
	t.Parallel()

	byStatus := cfDoc("clinicId", "A", "sendDay", cfDoc("$gte", "2026-01-05"))

	for _, tc := range []struct {
		name     string
		pipeline []any
		match    *types.Document
		group    *backends.PushdownGroup // nil when refused
	}{{
		name:     "a count by field after a match",
		pipeline: []any{cfMatchStage(byStatus), cfGroupStage("_id", "$status", "count", cfCount)},
		match:    byStatus,
		group:    &backends.PushdownGroup{Fields: [][2]string{{"", "status"}}, Accumulator: "count"},
	}, {
		name:     "a count by a document of fields, without a match",
		pipeline: []any{cfGroupStage("_id", cfDoc("day", "$sendDay", "status", "$status"), "n", cfCount)},
		group: &backends.PushdownGroup{
			Fields: [][2]string{{"day", "sendDay"}, {"status", "status"}}, Accumulator: "n",
		},
	}, {
		name:     "a sum of a field by a null _id",
		pipeline: []any{cfGroupStage("_id", types.Null, "credits", cfDoc("$sum", "$credits"))},
		group:    &backends.PushdownGroup{Constant: types.Null, Accumulator: "credits", SumField: "credits"},
	}, {
		name: "countDocuments: a constant _id",
		pipeline: []any{
			cfMatchStage(byStatus),
			cfGroupStage("_id", int32(1), "n", cfCount),
		},
		match: byStatus,
		group: &backends.PushdownGroup{Constant: int32(1), Accumulator: "n"},
	}, {
		name:     "a match SQL does not decide whole",
		pipeline: []any{cfMatchStage(cfDoc("status", cfDoc("$ne", "x"))), cfGroupStage("_id", "$status", "n", cfCount)},
	}, {
		name:     "a match SQL only narrows",
		pipeline: []any{cfMatchStage(cfDoc("name", types.Regex{Pattern: "a", Options: "i"})), cfGroupStage("_id", "$status", "n", cfCount)},
	}, {
		name:     "a stage after the group",
		pipeline: []any{cfMatchStage(byStatus), cfGroupStage("_id", "$status", "n", cfCount), cfDoc("$sort", cfDoc("_id", int32(1)))},
	}, {
		name:     "another first stage",
		pipeline: []any{cfDoc("$sort", cfDoc("_id", int32(1))), cfGroupStage("_id", "$status", "n", cfCount)},
	}, {
		name:     "no group",
		pipeline: []any{cfMatchStage(byStatus)},
	}, {
		name: "no stage",
	}, {
		name:     "two accumulators (FerretDB 1.24 answers 0 for the second)",
		pipeline: []any{cfGroupStage("_id", "$status", "n", cfCount, "credits", cfDoc("$sum", "$credits"))},
	}, {
		name:     "another accumulator",
		pipeline: []any{cfGroupStage("_id", "$status", "avg", cfDoc("$avg", "$credits"))},
	}, {
		name:     "a $sum of 2",
		pipeline: []any{cfGroupStage("_id", "$status", "n", cfDoc("$sum", int32(2)))},
	}, {
		name:     "a $sum of a nested field",
		pipeline: []any{cfGroupStage("_id", "$status", "n", cfDoc("$sum", "$a.b"))},
	}, {
		name:     "a $sum of an expression",
		pipeline: []any{cfGroupStage("_id", "$status", "n", cfDoc("$sum", cfDoc("$add", cfArr("$a", "$b"))))},
	}, {
		name:     "an _id of a nested field",
		pipeline: []any{cfGroupStage("_id", "$recipient.name", "n", cfCount)},
	}, {
		name:     "a string constant _id",
		pipeline: []any{cfGroupStage("_id", "status", "n", cfCount)},
	}, {
		name:     "a boolean constant _id",
		pipeline: []any{cfGroupStage("_id", true, "n", cfCount)},
	}, {
		name:     "an _id document with an operator",
		pipeline: []any{cfGroupStage("_id", cfDoc("$day", "$sendDay"), "n", cfCount)},
	}, {
		name:     "an _id document with a constant",
		pipeline: []any{cfGroupStage("_id", cfDoc("day", int32(1)), "n", cfCount)},
	}, {
		name:     "an empty _id document",
		pipeline: []any{cfGroupStage("_id", cfDoc(), "n", cfCount)},
	}, {
		name:     "_id not first",
		pipeline: []any{cfGroupStage("n", cfCount, "_id", "$status")},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()

			match, group, ok := PushdownGroupOf(tc.pipeline)
			require.Equal(t, tc.group != nil, ok)
			assert.Equal(t, tc.group, group)
			assert.Same(t, tc.match, match)
		})
	}
}

func TestClinicflowLeadingMatch(t *testing.T) {
	t.Parallel()

	filter := cfDoc("clinicId", "A")

	for _, tc := range []struct {
		name     string
		pipeline []any
		match    *types.Document
	}{
		{"a match, then anything", []any{cfMatchStage(filter), cfDoc("$sort", cfDoc("a", int32(1)))}, filter},
		{"a match alone", []any{cfMatchStage(filter)}, filter},
		{"no stage", nil, nil},
		{"another first stage", []any{cfDoc("$sort", cfDoc("a", int32(1))), cfMatchStage(filter)}, nil},
		{"a match of no document", []any{cfDoc("$match", "x")}, nil},
	} {
		match, ok := LeadingMatch(tc.pipeline)
		assert.Equal(t, tc.match != nil, ok, tc.name)
		assert.Same(t, tc.match, match, tc.name)
	}
}

func TestClinicflowGroupValues(t *testing.T) {
	t.Parallel()

	for _, tc := range []struct {
		value any
		t     string
		want  any // nil when an error
	}{
		{nil, "string", types.Null},
		{int64(1), "", types.Null},
		{int64(1), "null", types.Null},
		{[]byte("sms"), "string", "sms"},
		{"sms", "string", "sms"},
		{cfJan1.UnixMilli(), "date", cfJan1},
		{int64(7), "int", int32(7)},
		{int64(1) << 40, "long", int64(1) << 40},
		{2.5, "double", 2.5},
		{int64(2), "double", 2.0},
		{int64(1), "bool", true},
		{int64(0), "bool", false},
		{"x", "date", nil},
		{int64(1), "objectId", nil},
	} {
		got, err := groupValue(tc.value, tc.t)
		if tc.want == nil {
			assert.Error(t, err, "%#v as %s", tc.value, tc.t)
			continue
		}

		require.NoError(t, err, "%#v as %s", tc.value, tc.t)
		assert.Equal(t, tc.want, got, "%#v as %s", tc.value, tc.t)
	}

	// A count or a sum as MongoDB answers it: an int when it fits, else a long; a double stays one.
	assert.Equal(t, int32(3), numberValue(int64(3)))
	assert.Equal(t, int32(math.MinInt32), numberValue(int64(math.MinInt32)))
	assert.Equal(t, int64(math.MaxInt32)+1, numberValue(int64(math.MaxInt32)+1))
	assert.Equal(t, 2.5, numberValue(2.5))
	assert.Equal(t, int32(0), numberValue(nil))
}

// cfNames are names and texts that trip case folding, accents and the wildcards of LIKE and GLOB.
var cfNames = []any{
	"Léa Dupont", "LÉA DUPONT", "lea dupont", "Émile Zola", "Kelvin Kurz", "\u212Aelvin Kurz",
	"Saskia Sørensen", "\u017Faskia", "100% Santé", "Anne_Marie Roy", "Anne-Marie Roy", "a*b?c[d]",
	"Zoë d\u2019Arc", types.Null,
}

var cfStatuses = []string{"sent", "failed", "delivered", "skipped"}

// cfDeliveries are the stored documents of the database tests: each field holds one scalar type (the caller's
// promise), with nulls and missing fields.
func cfDeliveries() []*types.Document {
	docs := make([]*types.Document, 0, 120)

	for i := 0; i < 120; i++ {
		d := cfDoc(
			"_id", fmt.Sprintf("d%03d", i),
			"clinicId", []string{"A", "A", "B"}[i%3],
			"status", cfStatuses[i%len(cfStatuses)],
			"channel", []string{"sms", "email"}[i%2],
			"createdAt", cfJan1.Add(time.Duration(i%37)*time.Hour),
			"sendDay", fmt.Sprintf("2026-01-%02d", 1+i%9),
			"amount", float64(i%7)/2,
			"name", cfNames[i%len(cfNames)],
			"recipient", cfDoc("name", cfNames[(i+3)%len(cfNames)]),
		)

		switch i % 5 {
		case 0: // no delivery time
		case 1:
			d.Set("deliveredAt", types.Null)
		default:
			d.Set("deliveredAt", cfJan2.Add(time.Duration(i%13)*time.Hour))
		}

		if i%6 == 0 {
			d.Set("credits", types.Null)
		} else {
			d.Set("credits", int32(i%4))
		}

		if i%7 != 0 {
			d.Set("flowId", fmt.Sprintf("F%d", i%3))
		}

		docs = append(docs, d)
	}

	return docs
}

// cfCollection returns a collection of the patched SQLite backend holding cfDeliveries, with the report's
// kind of indexes (so that SQLite answers from them, as it does in the product).
func cfCollection(t *testing.T) (backends.Collection, []*types.Document) {
	t.Helper()

	ctx := testutil.Ctx(t)

	sp, err := state.NewProvider("")
	require.NoError(t, err)

	r, err := metadata.NewRegistry(testutil.TestSQLiteURI(t, ""), 100, testutil.LevelLogger(t, slog.LevelWarn), sp)
	require.NoError(t, err)
	t.Cleanup(r.Close)

	dbName := testutil.DatabaseName(t)
	coll := newCollection(r, dbName, testutil.CollectionName(t))
	docs := cfDeliveries()

	_, err = coll.InsertAll(ctx, &backends.InsertAllParams{Docs: docs})
	require.NoError(t, err)

	_, err = coll.CreateIndexes(ctx, &backends.CreateIndexesParams{Indexes: []backends.IndexInfo{
		{Name: "clinic_created", Key: []backends.IndexKeyPair{{Field: "clinicId"}, {Field: "createdAt", Descending: true}}},
		{Name: "clinic_status_channel", Key: []backends.IndexKeyPair{{Field: "clinicId"}, {Field: "status"}, {Field: "channel"}}},
		{Name: "clinic_name", Key: []backends.IndexKeyPair{{Field: "clinicId"}, {Field: "name"}}},
	}})
	require.NoError(t, err)

	return coll, docs
}

// cfQuery runs a query with the pushdown comment and returns its documents.
func cfQuery(t *testing.T, coll backends.Collection, params *backends.QueryParams) []*types.Document {
	t.Helper()

	params.Comment = PushdownComment

	res, err := coll.Query(testutil.Ctx(t), params)
	require.NoError(t, err)

	docs, err := iterator.ConsumeValues(res.Iter)
	require.NoError(t, err)

	return docs
}

// cfMatching is what FerretDB's own Go filter keeps of docs.
func cfMatching(t *testing.T, docs []*types.Document, filter *types.Document) []*types.Document {
	t.Helper()

	var res []*types.Document

	for _, d := range docs {
		ok, err := common.FilterDocument(d, filter)
		require.NoError(t, err)

		if ok {
			res = append(res, d)
		}
	}

	return res
}

func cfIDs(docs []*types.Document) []string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = must.NotFail(d.Get("_id")).(string)
	}

	return ids
}

// cfFilters are filters of every kind the pushdown handles, whole or in part, over cfDeliveries.
func cfFilters() []*types.Document {
	regex := func(field, pattern, options string) *types.Document {
		return cfDoc(field, types.Regex{Pattern: pattern, Options: options})
	}

	return []*types.Document{
		cfDoc(),
		cfDoc("clinicId", "A"),
		cfDoc("clinicId", "Z"),
		cfDoc("clinicId", "A", "status", cfDoc("$in", cfArr("failed", "sent"))),
		cfDoc("clinicId", "A", "status", cfDoc("$in", cfArr())),
		cfDoc("createdAt", cfDoc("$gte", cfJan1.Add(5*time.Hour), "$lt", cfJan1.Add(20*time.Hour))),
		cfDoc("deliveredAt", cfDoc("$gt", cfJan2.Add(3*time.Hour))),
		cfDoc("deliveredAt", cfDoc("$lte", cfJan2.Add(3*time.Hour))),
		cfDoc("sendDay", cfDoc("$gte", "2026-01-03", "$lte", "2026-01-06")),
		cfDoc("credits", cfDoc("$gt", int32(0))),
		cfDoc("credits", cfDoc("$gte", 1.5)),
		cfDoc("credits", int64(2)),
		cfDoc("amount", cfDoc("$lt", int32(2))),
		cfDoc("flowId", "F1"),
		cfDoc("flowId", types.Null),
		cfDoc("recipient.name", "Léa Dupont"),
		cfDoc("status", cfDoc("$ne", "sent"), "channel", "sms"),
		regex("name", "Dupont", ""),
		regex("name", "dupont", "i"),
		regex("name", "léa", "i"),
		regex("name", "kelvin", "i"),
		regex("name", "saskia", "i"),
		regex("name", "100%", ""),
		regex("name", "anne_marie", "i"),
		regex("name", `a\*b\?c\[d`, ""),
		regex("name", "l[eéè]a", "i"),
		regex("name", "^Léa", ""),
		regex("recipient.name", "zola", "i"),
		cfDoc("clinicId", "A", "$or", cfArr(
			cfDoc("name", types.Regex{Pattern: "dupont", Options: "i"}),
			cfDoc("recipient.name", types.Regex{Pattern: "Zo"}),
		)),
		cfDoc("$or", cfArr(cfDoc("status", "failed"), cfDoc("channel", "email", "credits", cfDoc("$gt", int32(2))))),
		cfDoc("$or", cfArr(cfDoc("status", "failed"), cfDoc("flowId", types.Null))),
	}
}

// TestClinicflowQueryKeepsEveryMatch: the rows SQLite returns hold every row the filter matches, and only
// those when the pushdown says it did the whole filter (a LIMIT is then applied in SQL).
func TestClinicflowQueryKeepsEveryMatch(t *testing.T) {
	t.Parallel()

	coll, docs := cfCollection(t)

	for _, filter := range cfFilters() {
		t.Run(types.FormatAnyValue(filter), func(t *testing.T) {
			want := cfIDs(cfMatching(t, docs, filter))
			got := cfIDs(cfQuery(t, coll, &backends.QueryParams{Filter: filter}))

			assert.Subset(t, got, want, "a row the filter matches is missing")

			if _, _, complete := PushdownWhere(filter); complete {
				assert.ElementsMatch(t, want, got, "a whole pushdown returns exactly the matches")
			}
		})
	}
}

// TestClinicflowFindPage runs what the patched find does: the filter, sort and skip + limit go to SQL, Go
// filters again, sorts again unless SQL did the whole sort, skips and limits. The page must be the one
// FerretDB's own Go code gives.
func TestClinicflowFindPage(t *testing.T) {
	t.Parallel()

	coll, docs := cfCollection(t)

	sorts := []*types.Document{
		cfDoc("createdAt", int64(-1), "_id", int64(1)),
		cfDoc("createdAt", int64(1), "_id", int64(-1)),
		cfDoc("deliveredAt", int64(-1), "createdAt", int64(-1), "_id", int64(1)),
		cfDoc("deliveredAt", int64(1), "createdAt", int64(1), "_id", int64(-1)),
		cfDoc("sendDay", int64(1), "credits", int64(-1), "_id", int64(1)),
		cfDoc("credits", int64(1), "amount", int64(-1), "_id", int64(1)),
		cfDoc("createdAt", int64(-1), `a'b`, int64(1), "_id", int64(1)), // a key SQL cannot name: the sort is Go's
	}

	for _, filter := range cfFilters() {
		for _, sortDoc := range sorts {
			for _, skip := range []int64{0, 7} {
				name := fmt.Sprintf("%s/%s/skip %d", types.FormatAnyValue(filter), types.FormatAnyValue(sortDoc), skip)
				t.Run(name, func(t *testing.T) {
					const limit = 10

					want := cfMatching(t, docs, filter)
					require.NoError(t, common.SortDocuments(want, sortDoc))
					want = want[min(int(skip), len(want)):]
					want = want[:min(limit, len(want))]

					got := cfMatching(t, cfQuery(t, coll, &backends.QueryParams{
						Filter: filter, Sort: sortDoc, Limit: limit + skip,
					}), filter)

					if !SortPushable(sortDoc) {
						require.NoError(t, common.SortDocuments(got, sortDoc))
					}

					got = got[min(int(skip), len(got)):]
					got = got[:min(limit, len(got))]

					assert.Equal(t, cfIDs(want), cfIDs(got))
				})
			}
		}
	}
}

// TestClinicflowGroup runs pushed-down groups and compares them with FerretDB's own $match and $group.
func TestClinicflowGroup(t *testing.T) {
	t.Parallel()

	coll, docs := cfCollection(t)

	groups := []*types.Document{
		cfGroupStage("_id", "$status", "count", cfCount),
		cfGroupStage("_id", cfDoc("day", "$sendDay", "status", "$status", "channel", "$channel"), "count", cfCount),
		cfGroupStage("_id", "$flowId", "count", cfCount),
		cfGroupStage("_id", "$sendDay", "credits", cfDoc("$sum", "$credits")),
		cfGroupStage("_id", "$channel", "amount", cfDoc("$sum", "$amount")),
		cfGroupStage("_id", "$createdAt", "count", cfCount),
		cfGroupStage("_id", "$deliveredAt", "count", cfCount),
		cfGroupStage("_id", "$credits", "count", cfCount),
		cfGroupStage("_id", int32(1), "n", cfCount),
		cfGroupStage("_id", types.Null, "credits", cfDoc("$sum", "$credits")),
	}

	matches := []*types.Document{
		nil,
		cfDoc("clinicId", "A"),
		cfDoc("clinicId", "Z"),
		cfDoc("clinicId", "A", "status", cfDoc("$in", cfArr("failed", "sent"))),
		cfDoc("sendDay", cfDoc("$gte", "2026-01-03", "$lte", "2026-01-06")),
		cfDoc("clinicId", "B", "name", types.Regex{Pattern: "Dupont"}),
		cfDoc("$or", cfArr(cfDoc("status", "failed"), cfDoc("channel", "email"))),
	}

	for _, match := range matches {
		for _, groupStage := range groups {
			name := "no $match/" + types.FormatAnyValue(groupStage)
			if match != nil {
				name = types.FormatAnyValue(match) + "/" + types.FormatAnyValue(groupStage)
			}

			t.Run(name, func(t *testing.T) {
				pipeline := []any{groupStage}
				if match != nil {
					pipeline = []any{cfMatchStage(match), groupStage}
				}

				pushedMatch, group, ok := PushdownGroupOf(pipeline)
				require.True(t, ok, "the group is pushed down")

				got := cfQuery(t, coll, &backends.QueryParams{Filter: pushedMatch, Group: group})
				want := cfGoGroup(t, docs, match, groupStage)

				if group.SumField == "amount" {
					// A known difference of BSON type only (TestClinicflowGroupSumType): compare the numbers.
					cfAsDouble(want, "amount")
					cfAsDouble(got, "amount")
				}

				testutil.AssertEqualSlices(t, cfByID(want), cfByID(got))
			})
		}
	}
}

// TestClinicflowGroupSumType pins a known difference: SQLite reads a whole double as an integer, so a pushed-down
// $sum of doubles whose values in a group are all whole answers an int where MongoDB and FerretDB answer a
// double (the same number: the Node driver reads both as a number). docs/database.md says so; if the pushdown
// learns the stored type of the summed field, this test fails: update the doc, and drop cfAsDouble above.
func TestClinicflowGroupSumType(t *testing.T) {
	t.Parallel()

	coll, docs := cfCollection(t)
	groupStage := cfGroupStage("_id", "$channel", "amount", cfDoc("$sum", "$amount"))

	for _, tc := range []struct {
		name  string
		match *types.Document
		got   any // what the pushdown answers for the group "sms"
		want  any // what FerretDB's own $group answers
	}{
		{"halves in the group", nil, 90.0, 90.0},
		{"whole values only", cfDoc("clinicId", "B", "name", types.Regex{Pattern: "Dupont"}), int32(0), 0.0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pipeline := []any{groupStage}
			if tc.match != nil {
				pipeline = []any{cfMatchStage(tc.match), groupStage}
			}

			pushedMatch, group, ok := PushdownGroupOf(pipeline)
			require.True(t, ok)

			sms := func(groups []*types.Document) any {
				for _, g := range groups {
					if must.NotFail(g.Get("_id")) == "sms" {
						return must.NotFail(g.Get("amount"))
					}
				}

				return nil
			}

			assert.Equal(t, tc.got, sms(cfQuery(t, coll, &backends.QueryParams{Filter: pushedMatch, Group: group})))
			assert.Equal(t, tc.want, sms(cfGoGroup(t, docs, tc.match, groupStage)))
		})
	}
}

// cfGoGroup is FerretDB's own answer to [$match, $group] (match nil: [$group]) on docs.
func cfGoGroup(t *testing.T, docs []*types.Document, match, groupStage *types.Document) []*types.Document {
	t.Helper()

	stage, err := stages.Stages["$group"](groupStage)
	require.NoError(t, err)

	in := docs
	if match != nil {
		in = cfMatching(t, docs, match)
	}

	closer := iterator.NewMultiCloser()
	defer closer.Close()

	input := iterator.Values(iterator.ForSlice(in))
	closer.Add(input)

	iter, err := stage.Process(testutil.Ctx(t), input, closer)
	require.NoError(t, err)

	res, err := iterator.ConsumeValues(iter)
	require.NoError(t, err)

	return res
}

// cfAsDouble makes the numbers of a field doubles.
func cfAsDouble(docs []*types.Document, field string) {
	for _, d := range docs {
		switch v := must.NotFail(d.Get(field)).(type) {
		case int32:
			d.Set(field, float64(v))
		case int64:
			d.Set(field, float64(v))
		}
	}
}

// cfByID orders groups by their _id, as text.
func cfByID(docs []*types.Document) []*types.Document {
	res := append([]*types.Document(nil), docs...)
	key := func(d *types.Document) string { return types.FormatAnyValue(must.NotFail(d.Get("_id"))) }
	sort.Slice(res, func(i, j int) bool { return strings.Compare(key(res[i]), key(res[j])) < 0 })

	return res
}
