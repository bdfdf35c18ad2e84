// clinicflow patch: SQL pushdown of filters, sorts, limits and single-accumulator groups, for the queries
// that ask for it with the comment "clinicflow:pushdown". FerretDB 1.24's SQLite backend only pushes down an
// `_id` equality: every other query decodes the whole table in Go. A caller that sets the comment vouches
// that each field it filters, sorts or groups on holds one scalar type in every document (no arrays, no
// mixed types), which is what makes SQLite's comparisons and ordering the same as MongoDB's for them.

package sqlite

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// PushdownComment is the comment that asks for the SQL pushdown.
const PushdownComment = "clinicflow:pushdown"

// IsPushdown tells whether a query's comment asks for the SQL pushdown.
func IsPushdown(comment any) bool {
	s, ok := comment.(string)
	return ok && strings.HasPrefix(s, PushdownComment)
}

// FieldExpression is the SQL value of a document field, as its index is built.
func FieldExpression(field string) (string, bool) {
	return metadata.FieldExpression(field)
}

// pushdownScalar is the SQL argument for a filter value, when SQLite compares it as MongoDB does.
func pushdownScalar(v any) (any, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case time.Time:
		return v.UnixMilli(), true
	case int32:
		return int64(v), true
	case int64:
		return v, true
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, false
		}

		return v, true
	default:
		return nil, false
	}
}

var pushdownOperators = map[string]string{"$eq": "=", "$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}

// pushdownID returns the condition of an `_id` equality (op `$eq`), `$in` or `$nin` on metadata.IDColumn, the
// expression of `_id`'s unique index, with the values encoded as FerretDB's own `_id` lookups encode them:
// FieldExpression("_id") is not what the index holds, so SQLite would read the whole table. ok is false when
// a value is neither a string nor an ObjectID, or an `$in` list is empty: the caller then treats `_id` as any
// other field. A string list is whole under the caller's promise (one type per field); the stored JSON of an
// ObjectID is its hex string, which a string `_id` may hold too, so a condition with one only narrows, and a
// `$nin` with one is refused (NOT IN would also drop a string `_id` equal to its hex: less than a superset).
// An empty `$nin` excludes nothing (level 11: the dispatcher's scans leave out the entries it is sending).
func pushdownID(op string, operand any) (string, []any, bool, bool) {
	values := []any{operand}

	switch op {
	case "$eq":
	case "$in", "$nin":
		list, isArray := operand.(*types.Array)
		if !isArray || (list.Len() == 0 && op == "$in") {
			return "", nil, false, false
		}

		if list.Len() == 0 {
			return "1", nil, true, true
		}

		values = make([]any, list.Len())
		for i := range values {
			values[i], _ = list.Get(i)
		}
	default:
		return "", nil, false, false
	}

	args := make([]any, 0, len(values))
	complete := true

	for _, v := range values {
		switch v.(type) {
		case string:
		case types.ObjectID:
			if op == "$nin" {
				return "", nil, false, false
			}

			complete = false
		default:
			return "", nil, false, false
		}

		b, err := sjson.MarshalSingleValue(v)
		if err != nil {
			return "", nil, false, false
		}

		args = append(args, string(b))
	}

	if op == "$eq" {
		return metadata.IDColumn + " = ?", args, complete, true
	}

	in := " IN (?"
	if op == "$nin" {
		in = " NOT IN (?"
	}

	return metadata.IDColumn + in + strings.Repeat(", ?", len(args)-1) + ")", args, complete, true
}

// PushdownWhere returns the SQL conditions of the filter's parts that SQLite can decide, and whether that is
// every part (otherwise the result is a superset, filtered again in Go).
func PushdownWhere(filter *types.Document) ([]string, []any, bool) {
	var conditions []string
	var args []any

	complete := true

	if filter == nil {
		return nil, nil, true
	}

	for _, key := range filter.Keys() {
		if key == "$comment" {
			continue
		}

		if key == "$or" {
			branches, _ := filter.Get(key)

			condition, orArgs, orComplete, ok := pushdownOr(branches)
			if !ok {
				complete = false
				continue
			}

			conditions = append(conditions, condition)
			args = append(args, orArgs...)
			complete = complete && orComplete

			continue
		}

		expr, ok := FieldExpression(key)
		if !ok {
			complete = false
			continue
		}

		value, _ := filter.Get(key)

		// A regular expression that is a plain text without options is a GLOB, exactly; with `i` (or accent
		// classes) it becomes a LIKE that keeps every row it could match, and Go applies it afterwards.
		if re, isRegex := value.(types.Regex); isRegex {
			if pattern, ok := globExact(re); ok {
				conditions = append(conditions, "(typeof("+expr+") = 'text' AND "+expr+" GLOB ?)")
				args = append(args, pattern)

				continue
			}

			if pattern, ok := likeSuperset(re); ok {
				conditions = append(conditions, expr+` LIKE ? ESCAPE '\'`)
				args = append(args, pattern)
			}

			complete = false

			continue
		}

		operators, isDocument := value.(*types.Document)
		if !isDocument {
			if key == "_id" {
				if condition, idArgs, idComplete, ok := pushdownID("$eq", value); ok {
					conditions = append(conditions, condition)
					args = append(args, idArgs...)
					complete = complete && idComplete

					continue
				}
			}

			arg, ok := pushdownScalar(value)
			if !ok {
				complete = false
				continue
			}

			conditions = append(conditions, expr+" = ?")
			args = append(args, arg)

			continue
		}

		if operators.Len() == 0 {
			complete = false
			continue
		}

		for _, op := range operators.Keys() {
			operand, _ := operators.Get(op)

			if key == "_id" {
				if condition, idArgs, idComplete, ok := pushdownID(op, operand); ok {
					conditions = append(conditions, condition)
					args = append(args, idArgs...)
					complete = complete && idComplete

					continue
				}
			}

			if sqlOp, ok := pushdownOperators[op]; ok {
				arg, ok := pushdownScalar(operand)
				if !ok {
					complete = false
					continue
				}

				conditions = append(conditions, expr+" "+sqlOp+" ?")
				args = append(args, arg)

				continue
			}

			list, isArray := operand.(*types.Array)
			if op != "$in" || !isArray {
				complete = false
				continue
			}

			placeholders := make([]string, 0, list.Len())
			inArgs := make([]any, 0, list.Len())
			allScalar := true

			for i := 0; i < list.Len(); i++ {
				item, _ := list.Get(i)

				arg, ok := pushdownScalar(item)
				if !ok {
					allScalar = false
					break
				}

				placeholders = append(placeholders, "?")
				inArgs = append(inArgs, arg)
			}

			if !allScalar {
				complete = false
				continue
			}

			if len(placeholders) == 0 {
				conditions = append(conditions, "0")
				continue
			}

			conditions = append(conditions, expr+" IN ("+strings.Join(placeholders, ", ")+")")
			args = append(args, inArgs...)
		}
	}

	return conditions, args, complete
}

// pushdownOr returns the SQL condition of an `$or` whose every branch SQLite can narrow (a branch it cannot
// narrow matches anything, so the `$or` gives no condition then: ok is false), and whether it is exact.
func pushdownOr(value any) (string, []any, bool, bool) {
	branches, isArray := value.(*types.Array)
	if !isArray || branches.Len() == 0 {
		return "", nil, false, false
	}

	parts := make([]string, 0, branches.Len())

	var args []any

	complete := true

	for i := 0; i < branches.Len(); i++ {
		item, _ := branches.Get(i)

		branch, isDocument := item.(*types.Document)
		if !isDocument {
			return "", nil, false, false
		}

		conditions, branchArgs, branchComplete := PushdownWhere(branch)
		if len(conditions) == 0 {
			return "", nil, false, false
		}

		parts = append(parts, "("+strings.Join(conditions, " AND ")+")")
		args = append(args, branchArgs...)
		complete = complete && branchComplete
	}

	return "(" + strings.Join(parts, " OR ") + ")", args, complete, true
}

// anyOfClass stands, in a search text, for a one-character class (any one of a letter's accented forms).
const anyOfClass rune = -1

// searchText reads a search box's expression: escaped plain characters, and one-character classes of plain
// characters (anyOfClass); ok is false for anything else (`\d`, anchors, repetitions, ranges...).
func searchText(pattern string) ([]rune, bool) {
	source := []rune(pattern)
	text := make([]rune, 0, len(source))

	for i := 0; i < len(source); i++ {
		r := source[i]

		switch {
		case r == '[':
			end := i + 1
			for end < len(source) && source[end] != ']' {
				if strings.ContainsRune(`\^-[`, source[end]) {
					return nil, false
				}
				end++
			}

			if end == len(source) || end == i+1 {
				return nil, false
			}

			text = append(text, anyOfClass)
			i = end

			continue
		case r == '\\':
			i++
			if i == len(source) || !strings.ContainsRune(`.*+?^$()[]{}|\/-`, source[i]) {
				return nil, false // \d, \b, \w...: not plain text
			}

			r = source[i]
		case strings.ContainsRune(".*+?^$()]{}|", r):
			return nil, false
		}

		text = append(text, r)
	}

	return text, true
}

// globExact returns the GLOB pattern that matches exactly the strings an expression matches, when it is an
// escaped plain text with no option (a search in text stored folded for it): `*text*`, with GLOB's own
// wildcards in the text put in brackets.
func globExact(re types.Regex) (string, bool) {
	if re.Options != "" {
		return "", false
	}

	text, ok := searchText(re.Pattern)
	if !ok {
		return "", false
	}

	var glob strings.Builder

	glob.WriteString("*")

	for _, r := range text {
		switch r {
		case anyOfClass:
			return "", false
		case '*', '?', '[':
			glob.WriteString("[" + string(r) + "]")
		default:
			glob.WriteRune(r)
		}
	}

	glob.WriteString("*")

	return glob.String(), true
}

// searchesText tells whether pushed-down conditions match text inside values (GLOB, LIKE): no index can seek
// those, so they are better decided in a subquery that SQLite can answer from an index holding the field.
func searchesText(conditions []string) bool {
	for _, c := range conditions {
		if strings.Contains(c, " GLOB ?") || strings.Contains(c, " LIKE ?") {
			return true
		}
	}

	return false
}

// likeSuperset returns a LIKE pattern (escape character `\`) that every string the expression matches also
// matches, when the expression is a search box's text with no option but `i`. A class becomes `_` (any one
// character). SQLite's LIKE ignores the case of ASCII letters only, and Go's case folding also maps k and s to
// the Kelvin sign and the long s: those letters and every non-ASCII character become `_` too.
func likeSuperset(re types.Regex) (string, bool) {
	if re.Options != "" && re.Options != "i" {
		return "", false
	}

	text, ok := searchText(re.Pattern)
	if !ok {
		return "", false
	}

	var like strings.Builder

	like.WriteString("%")

	for _, r := range text {
		switch {
		case r == anyOfClass || r > 0x7f || strings.ContainsRune("kKsS", r):
			like.WriteRune('_')
		case r == '%' || r == '_' || r == '\\':
			like.WriteRune('\\')
			like.WriteRune(r)
		default:
			like.WriteRune(r)
		}
	}

	like.WriteString("%")

	return like.String(), true
}

// LeadingMatch returns the filter of a pipeline's first stage when it is a `$match`, so that a pipeline the
// backend cannot group still reads only the rows SQLite narrows the match to (the stage runs again in Go).
func LeadingMatch(pipeline []any) (*types.Document, bool) {
	if len(pipeline) == 0 {
		return nil, false
	}

	d, ok := pipeline[0].(*types.Document)
	if !ok || d.Command() != "$match" || d.Len() != 1 {
		return nil, false
	}

	v, _ := d.Get("$match")
	match, ok := v.(*types.Document)

	return match, ok
}

// SortPushable tells whether SQLite can apply the whole sort document.
func SortPushable(sort *types.Document) bool {
	orderBy, ok := pushdownOrderBy(sort)
	return ok && orderBy != ""
}

// pushdownOrderBy returns the ORDER BY list of a sort document, and whether every key could be pushed down.
func pushdownOrderBy(sort *types.Document) (string, bool) {
	if sort == nil || sort.Len() == 0 {
		return "", true
	}

	columns := make([]string, 0, sort.Len())

	for _, key := range sort.Keys() {
		expr, ok := FieldExpression(key)
		if !ok {
			return "", false
		}

		value, _ := sort.Get(key)

		switch value {
		case int64(1):
			columns = append(columns, expr)
		case int64(-1):
			columns = append(columns, expr+" DESC")
		default:
			return "", false
		}
	}

	return strings.Join(columns, ", "), true
}

// PushdownGroupOf reads an aggregation pipeline of the form [$match?, $group] whose match SQLite decides
// completely and whose group has a constant, a field or a document of fields as `_id` and one `$sum`
// accumulator (of 1 or of a field); ok is false for anything else.
func PushdownGroupOf(pipeline []any) (*types.Document, *backends.PushdownGroup, bool) {
	var match *types.Document

	stagesLeft := pipeline

	if len(stagesLeft) == 2 {
		d, ok := stagesLeft[0].(*types.Document)
		if !ok || d.Command() != "$match" || d.Len() != 1 {
			return nil, nil, false
		}

		v, _ := d.Get("$match")
		if match, ok = v.(*types.Document); !ok {
			return nil, nil, false
		}

		if _, _, complete := PushdownWhere(match); !complete {
			return nil, nil, false
		}

		stagesLeft = stagesLeft[1:]
	}

	if len(stagesLeft) != 1 {
		return nil, nil, false
	}

	d, ok := stagesLeft[0].(*types.Document)
	if !ok || d.Command() != "$group" || d.Len() != 1 {
		return nil, nil, false
	}

	v, _ := d.Get("$group")

	spec, ok := v.(*types.Document)
	if !ok || spec.Len() != 2 || spec.Keys()[0] != "_id" {
		return nil, nil, false
	}

	group := new(backends.PushdownGroup)
	id, _ := spec.Get("_id")

	switch id := id.(type) {
	case string:
		if !strings.HasPrefix(id, "$") || !topLevelField(id[1:]) {
			return nil, nil, false
		}

		group.Fields = [][2]string{{"", id[1:]}}
	case *types.Document:
		if id.Len() == 0 {
			return nil, nil, false
		}

		for _, name := range id.Keys() {
			fv, _ := id.Get(name)

			field, ok := fv.(string)
			if !ok || !strings.HasPrefix(field, "$") || !topLevelField(field[1:]) || strings.HasPrefix(name, "$") {
				return nil, nil, false
			}

			group.Fields = append(group.Fields, [2]string{name, field[1:]})
		}
	case int32, int64, float64, types.NullType:
		group.Constant = id
	default:
		return nil, nil, false
	}

	group.Accumulator = spec.Keys()[1]
	acc, _ := spec.Get(group.Accumulator)

	accDoc, ok := acc.(*types.Document)
	if !ok || accDoc.Len() != 1 || accDoc.Command() != "$sum" {
		return nil, nil, false
	}

	operand, _ := accDoc.Get("$sum")

	switch operand := operand.(type) {
	case int32:
		if operand != 1 {
			return nil, nil, false
		}
	case string:
		if !strings.HasPrefix(operand, "$") || !topLevelField(operand[1:]) {
			return nil, nil, false
		}

		group.SumField = operand[1:]
	default:
		return nil, nil, false
	}

	return match, group, true
}

func topLevelField(field string) bool {
	_, ok := FieldExpression(field)
	return ok && !strings.Contains(field, ".")
}

// queryPushdown is Query for the pushdown comment: WHERE, ORDER BY and LIMIT in SQL (LIMIT only when the
// filter and the sort were pushed down completely), or a GROUP BY.
func (c *collection) queryPushdown(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.QueryParams) (*backends.QueryResult, error) { //nolint:lll // for readability
	conditions, args, complete := PushdownWhere(params.Filter)

	where := ""
	if len(conditions) > 0 {
		where = " WHERE " + strings.Join(conditions, " AND ")
	}

	// A text search reads a value of every row it scans: the subquery reads them from an index that holds the
	// field (the planner picks it, as it covers the subquery), and only the rows found are read whole.
	if searchesText(conditions) {
		where = fmt.Sprintf(" WHERE rowid IN (SELECT rowid FROM %q%s)", meta.TableName, where)
	}

	if params.Group != nil {
		return c.queryGroup(ctx, db, meta, params.Group, where, args)
	}

	q := prepareSelectClause(meta.TableName, params.Comment, meta.Capped(), params.OnlyRecordIDs) + where

	orderBy, sorted := pushdownOrderBy(params.Sort)
	if orderBy != "" {
		q += " ORDER BY " + orderBy
	}

	if params.Limit > 0 && complete && sorted {
		q += " LIMIT ?"
		args = append(args, params.Limit)
	}

	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	return &backends.QueryResult{Iter: newQueryIterator(ctx, rows, params.OnlyRecordIDs)}, nil
}

// queryGroup runs a pushed-down $group and builds its documents, typed by the stored documents' schema.
func (c *collection) queryGroup(ctx context.Context, db *fsql.DB, meta *metadata.Collection, group *backends.PushdownGroup, where string, args []any) (*backends.QueryResult, error) { //nolint:lll // for readability
	selects := make([]string, 0, len(group.Fields)+1)
	groupBy := make([]string, 0, len(group.Fields))

	for _, f := range group.Fields {
		expr, _ := FieldExpression(f[1])
		selects = append(selects, expr)
		groupBy = append(groupBy, expr)
	}

	if group.SumField == "" {
		selects = append(selects, "COUNT(*)")
	} else {
		expr, _ := FieldExpression(group.SumField)
		selects = append(selects, fmt.Sprintf("ifnull(sum(%s), 0)", expr))
	}

	q := fmt.Sprintf("SELECT %s FROM %q%s", strings.Join(selects, ", "), meta.TableName, where)
	if len(groupBy) > 0 {
		q += " GROUP BY " + strings.Join(groupBy, ", ")
	} else {
		q += " HAVING COUNT(*) > 0"
	}

	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Errorf("%s: %w", q, err)
	}
	defer rows.Close()

	var docs []*types.Document

	// Only an integer needs its stored type (int, long, date or bool): it is read from one document, after
	// the group, so that the group itself reads the index alone.
	types_ := map[string]string{}
	typeOf := func(field string, value any) (string, error) {
		switch value.(type) {
		case nil:
			return "null", nil
		case string, []byte:
			return "string", nil
		case float64:
			return "double", nil
		}

		key := fmt.Sprintf("%s\x00%v", field, value)
		if t, ok := types_[key]; ok {
			return t, nil
		}

		expr, _ := FieldExpression(field)
		q := fmt.Sprintf(`SELECT %s->>'$."$s".p."%s".t' FROM %q WHERE %s = ? LIMIT 1`, metadata.DefaultColumn, field, meta.TableName, expr)

		var t string
		if err := db.QueryRowContext(ctx, q, value).Scan(&t); err != nil {
			return "", lazyerrors.Error(err)
		}

		types_[key] = t

		return t, nil
	}

	var values [][]any

	for rows.Next() {
		row := make([]any, len(selects))
		dest := make([]any, len(selects))

		for i := range row {
			dest[i] = &row[i]
		}

		if err = rows.Scan(dest...); err != nil {
			return nil, lazyerrors.Error(err)
		}

		values = append(values, row)
	}

	if err = rows.Err(); err != nil {
		return nil, lazyerrors.Error(err)
	}

	rows.Close()

	for _, values := range values {
		var id any = group.Constant

		if len(group.Fields) > 0 {
			doc := types.MakeDocument(len(group.Fields))

			for i, f := range group.Fields {
				t, err := typeOf(f[1], values[i])
				if err != nil {
					return nil, err
				}

				v, err := groupValue(values[i], t)
				if err != nil {
					return nil, err
				}

				if f[0] == "" {
					id = v
					break
				}

				doc.Set(f[0], v)
			}

			if group.Fields[0][0] != "" {
				id = doc
			}
		}

		if id == nil {
			id = types.Null
		}

		doc := types.MakeDocument(2)
		doc.Set("_id", id)
		doc.Set(group.Accumulator, numberValue(values[len(values)-1]))
		docs = append(docs, doc)
	}

	return &backends.QueryResult{Iter: iterator.Values(iterator.ForSlice(docs))}, nil
}

// groupValue turns a SQL value back into the BSON value of the stored type.
func groupValue(value any, t string) (any, error) {
	if value == nil || t == "" || t == "null" {
		return types.Null, nil
	}

	switch t {
	case "string":
		if b, ok := value.([]byte); ok {
			return string(b), nil
		}

		if s, ok := value.(string); ok {
			return s, nil
		}
	case "date":
		if n, ok := value.(int64); ok {
			return time.UnixMilli(n).UTC(), nil
		}
	case "int":
		if n, ok := value.(int64); ok {
			return int32(n), nil
		}
	case "long":
		if n, ok := value.(int64); ok {
			return n, nil
		}
	case "double":
		switch n := value.(type) {
		case float64:
			return n, nil
		case int64:
			return float64(n), nil
		}
	case "bool":
		if n, ok := value.(int64); ok {
			return n != 0, nil
		}
	}

	return nil, lazyerrors.Errorf("clinicflow pushdown: cannot group on a %q value %T", t, value)
}

// numberValue is a count or a sum as MongoDB answers it: an int when it fits, else a long, or a double.
func numberValue(value any) any {
	switch n := value.(type) {
	case int64:
		if n >= math.MinInt32 && n <= math.MaxInt32 {
			return int32(n)
		}

		return n
	case float64:
		return n
	default:
		return int32(0)
	}
}
