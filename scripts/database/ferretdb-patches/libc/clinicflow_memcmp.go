// clinicflow patch (docs/database.md, "memcmp"): SQLite's memcmp, compared by the runtime's vectorised
// bytes.Compare instead of the transpiled loop over one byte at a time.

package libc

import (
	"bytes"
	"unsafe"
)

// clinicflowMemcmp is memcmp(3): less than, equal to or greater than zero as the first differing byte
// (unsigned) of l is below, equal to or above r's, over n bytes.
//
// SQLite compares whole documents with memcmp: its JSON cache looks a document up by its text for every
// json_extract of an index expression, so each insert or update of a delivery compared ~30 times its ~3 kB,
// a byte per step (42 % of the database's time while planning).
func clinicflowMemcmp(l, r uintptr, n uint64) int32 {
	if n == 0 {
		return 0
	}
	return int32(bytes.Compare(
		unsafe.Slice((*byte)(unsafe.Pointer(l)), n),
		unsafe.Slice((*byte)(unsafe.Pointer(r)), n),
	))
}
