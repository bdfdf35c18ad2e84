package pool

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/util/state"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

func TestClinicflowWALSyncWanted(t *testing.T) {
	t.Parallel()

	for uri, want := range map[string]bool{
		"file:/tmp/":                                                        false,
		"file:/tmp/?_pragma=synchronous(full)":                              false,
		"file:/tmp/?_pragma=synchronous(normal)":                            true,
		"file:/tmp/?_pragma=synchronous(NORMAL)":                            true,
		"file:/tmp/?_pragma=synchronous(1)":                                 true,
		"file:/tmp/?_pragma=busy_timeout(5000)&_pragma=synchronous(normal)": true,
	} {
		u, err := url.Parse(uri)
		require.NoError(t, err)
		assert.Equal(t, want, walSyncWanted(u), uri)
	}
}

// A pool opened with synchronous=NORMAL flushes its databases' WAL files while it is open, and stops when
// closed; one opened with the default (FULL) starts no flusher.
func TestClinicflowWALSync(t *testing.T) {
	ctx := testutil.Ctx(t)

	sp, err := state.NewProvider("")
	require.NoError(t, err)

	dir := t.TempDir() + "/"

	p, _, err := New("file:"+dir+"?_pragma=synchronous(normal)", testutil.Logger(t), sp)
	require.NoError(t, err)
	require.NotNil(t, p.stopWALSync)

	db, _, err := p.GetOrCreate(ctx, "walsync")
	require.NoError(t, err)

	_, err = db.ExecContext(ctx, "CREATE TABLE t (v TEXT)")
	require.NoError(t, err)
	_, err = db.ExecContext(ctx, "INSERT INTO t VALUES ('x')")
	require.NoError(t, err)

	_, err = os.Stat(filepath.Join(dir, "walsync"+filenameExtension+"-wal"))
	require.NoError(t, err, "the WAL file exists while the database is open")

	before := walSyncs.Load()
	require.Eventually(t, func() bool { return walSyncs.Load() >= before+2 }, 5*time.Second, 10*time.Millisecond)
	assert.Equal(t, 1, syncWALFiles(dir))

	p.Close()
	p.stopWALSync() // again: nothing happens

	p2, _, err := New("file:"+t.TempDir()+"/", testutil.Logger(t), sp)
	require.NoError(t, err)
	assert.Nil(t, p2.stopWALSync)
	p2.Close()
}
