// clinicflow patch: the SQL expression of a field, shared by indexes and pushed-down queries.

package metadata

import (
	"fmt"
	"strings"
)

// FieldExpression is the SQL value of a document field (a number for a date); the index of a field other
// than _id is built on it, so that pushed-down queries (sqlite/clinicflow_pushdown.go) can use the index.
func FieldExpression(field string) (string, bool) {
	if field == "" || strings.HasPrefix(field, "$") {
		return "", false
	}

	path := "$"

	for _, p := range strings.Split(field, ".") {
		if p == "" || strings.ContainsAny(p, `"'\`) || strings.HasPrefix(p, "$") {
			return "", false
		}

		path += `."` + p + `"`
	}

	return fmt.Sprintf("%s->>'%s'", DefaultColumn, path), true
}
