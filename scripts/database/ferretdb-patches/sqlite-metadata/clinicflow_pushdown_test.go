// clinicflow patch tests: the SQL expression of a field, and the indexes the patched registry builds on the
// expressions queries use, so that SQLite reads them (EXPLAIN QUERY PLAN). Run by scripts/database/ferretdb-test.cjs
// in a patched copy of FerretDB's source (this file is copied next to clinicflow_pushdown.go).

package metadata

import (
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/state"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

func TestClinicflowFieldExpression(t *testing.T) {
	t.Parallel()

	for _, tc := range []struct {
		field string
		expr  string // empty when refused
	}{
		{field: "status", expr: `_ferretdb_sjson->>'$."status"'`},
		{field: "_id", expr: `_ferretdb_sjson->>'$."_id"'`},
		{field: "recipient.name", expr: `_ferretdb_sjson->>'$."recipient"."name"'`},
		{field: "a b", expr: `_ferretdb_sjson->>'$."a b"'`},
		{field: "Zoë", expr: `_ferretdb_sjson->>'$."Zoë"'`},
		{field: ""},
		{field: "$or"},
		{field: "$comment"},
		{field: "a.$b"},
		{field: "a..b"},
		{field: ".a"},
		{field: "a."},
		{field: `a"b`},   // would close the JSON path's quotes
		{field: `a'b`},   // would close the SQL string
		{field: `a\b`},   // an escape in the JSON path
		{field: "a.0.'"}, // any part
	} {
		t.Run(tc.field, func(t *testing.T) {
			t.Parallel()

			expr, ok := FieldExpression(tc.field)
			assert.Equal(t, tc.expr != "", ok)
			assert.Equal(t, tc.expr, expr)
		})
	}
}

// clinicflowRegistry returns a registry on a fresh SQLite directory, with one collection, its indexes, and
// that collection's table.
func clinicflowRegistry(t *testing.T, indexes []IndexInfo) (*fsql.DB, string) {
	t.Helper()

	ctx := testutil.Ctx(t)

	sp, err := state.NewProvider("")
	require.NoError(t, err)

	r, err := NewRegistry(testutil.TestSQLiteURI(t, ""), 100, testutil.LevelLogger(t, slog.LevelWarn), sp)
	require.NoError(t, err)
	t.Cleanup(r.Close)

	dbName := testutil.DatabaseName(t)
	cName := testutil.CollectionName(t)

	db, err := r.DatabaseGetOrCreate(ctx, dbName)
	require.NoError(t, err)

	_, err = r.CollectionCreate(ctx, &CollectionCreateParams{DBName: dbName, Name: cName})
	require.NoError(t, err)

	require.NoError(t, r.IndexesCreate(ctx, dbName, cName, indexes))

	return db, r.CollectionGet(ctx, dbName, cName).TableName
}

// TestClinicflowIndexExpressions reads the CREATE INDEX statements back: `_id` on IDColumn (the id-index
// hunk), other fields on FieldExpression (the field-index-expressions hunk).
func TestClinicflowIndexExpressions(t *testing.T) {
	t.Parallel()

	ctx := testutil.Ctx(t)
	db, table := clinicflowRegistry(t, []IndexInfo{{
		Name: "clinic_created",
		Key:  []IndexKeyPair{{Field: "clinicId"}, {Field: "createdAt", Descending: true}},
	}, {
		Name: "recipient_name",
		Key:  []IndexKeyPair{{Field: "recipient.name"}},
	}})

	indexSQL := func(name string) string {
		var s string
		q := `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`
		require.NoError(t, db.QueryRowContext(ctx, q, table+"_"+name).Scan(&s))

		return s
	}

	assert.Equal(t, fmt.Sprintf(`CREATE UNIQUE INDEX %q ON %q (%s)`, table+"__id_", table, IDColumn), indexSQL("_id_"))
	assert.Equal(t,
		fmt.Sprintf(`CREATE INDEX %q ON %q (%s, %s DESC)`, table+"_clinic_created", table,
			`_ferretdb_sjson->>'$."clinicId"'`, `_ferretdb_sjson->>'$."createdAt"'`),
		indexSQL("clinic_created"),
	)
	assert.Equal(t,
		fmt.Sprintf(`CREATE INDEX %q ON %q (%s)`, table+"_recipient_name", table, `_ferretdb_sjson->>'$."recipient"."name"'`),
		indexSQL("recipient_name"),
	)
}

// TestClinicflowIndexUsed asks SQLite's planner how it answers the queries FerretDB and the pushdown send.
// Without the id-index hunk the `_id` lookup is a SCAN of the whole table; without field-index-expressions
// the field lookups and counts are too.
func TestClinicflowIndexUsed(t *testing.T) {
	t.Parallel()

	db, table := clinicflowRegistry(t, []IndexInfo{{
		Name: "clinic_created",
		Key:  []IndexKeyPair{{Field: "clinicId"}, {Field: "createdAt", Descending: true}},
	}, {
		Name: "clinic_status_channel",
		Key:  []IndexKeyPair{{Field: "clinicId"}, {Field: "status"}, {Field: "channel"}},
	}})

	clinic, _ := FieldExpression("clinicId")
	created, _ := FieldExpression("createdAt")
	status, _ := FieldExpression("status")

	for _, tc := range []struct {
		name  string
		query string
		args  []any
		plan  []string // every one of these is in the plan
		not   []string // none of these is
	}{{
		name:  "an _id lookup, as FerretDB sends it",
		query: fmt.Sprintf(`SELECT %s FROM %q WHERE %s = ?`, DefaultColumn, table, IDColumn),
		args:  []any{`"dlv_1"`},
		plan:  []string{"SEARCH", "USING INDEX " + table + "__id_"},
		not:   []string{"SCAN"},
	}, {
		name:  "an _id update, as FerretDB sends it",
		query: fmt.Sprintf(`UPDATE %q SET %s = ? WHERE %s = ?`, table, DefaultColumn, IDColumn),
		args:  []any{`{}`, `"dlv_1"`},
		plan:  []string{"SEARCH", "USING INDEX " + table + "__id_"},
		not:   []string{"SCAN"},
	}, {
		name: "a page of one clinic, newest first",
		query: fmt.Sprintf(`SELECT %s FROM %q WHERE %s = ? ORDER BY %s DESC LIMIT 50`,
			DefaultColumn, table, clinic, created),
		args: []any{"clinic-a"},
		plan: []string{"SEARCH", "USING INDEX " + table + "_clinic_created"},
		not:  []string{"SCAN", "TEMP B-TREE"},
	}, {
		name: "a count by status, in the index's order (no sort for the GROUP BY)",
		query: fmt.Sprintf(`SELECT %s, COUNT(*) FROM %q WHERE %s = ? GROUP BY %s`,
			status, table, clinic, status),
		args: []any{"clinic-a"},
		plan: []string{"SEARCH", "USING INDEX " + table + "_clinic_status_channel"},
		not:  []string{"SCAN", "TEMP B-TREE"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			plan := queryPlan(t, db, "EXPLAIN QUERY PLAN "+tc.query, tc.args...)
			for _, s := range tc.plan {
				assert.Contains(t, plan, s)
			}

			for _, s := range tc.not {
				assert.NotContains(t, plan, s)
			}
		})
	}
}

// queryPlan returns the detail lines of an EXPLAIN QUERY PLAN, one a line.
func queryPlan(t *testing.T, db *fsql.DB, q string, args ...any) string {
	t.Helper()

	rows, err := db.QueryContext(testutil.Ctx(t), q, args...)
	require.NoError(t, err)

	defer rows.Close()

	var lines []string

	for rows.Next() {
		var id, parent, notUsed sql.NullInt64
		var detail string

		require.NoError(t, rows.Scan(&id, &parent, &notUsed, &detail))
		lines = append(lines, detail)
	}

	require.NoError(t, rows.Err())

	return strings.Join(lines, "\n")
}
