// clinicflow patch (level 8): group commit for SQLite's synchronous=NORMAL. See clinicflow's docs/database.md,
// "Group commit".

package pool

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// WALSyncInterval is how often the WAL files are flushed to disk when commits do not flush them: at most this
// much of what was acknowledged is lost with the machine's power, as with MongoDB's journal (100 ms).
const WALSyncInterval = 100 * time.Millisecond

// walSyncs counts the WAL files flushed, for the tests.
var walSyncs atomic.Int64

// walSyncWanted reports whether the URI asks for synchronous=NORMAL, under which a commit in WAL mode appends
// to the WAL without flushing it (only checkpoints flush).
func walSyncWanted(uri *url.URL) bool {
	for _, v := range uri.Query()["_pragma"] {
		switch strings.ToLower(strings.ReplaceAll(v, " ", "")) {
		case "synchronous(normal)", "synchronous(1)":
			return true
		}
	}

	return false
}

// startWALSync flushes every WAL file of dir to disk every interval until stop is called; stop flushes once
// more and returns when that is done. Calling stop again does nothing.
func startWALSync(dir string, every time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})

	go func() {
		defer close(finished)

		ticker := time.NewTicker(every)
		defer ticker.Stop()

		for {
			select {
			case <-done:
				syncWALFiles(dir)
				return
			case <-ticker.C:
				syncWALFiles(dir)
			}
		}
	}()

	var once sync.Once

	return func() {
		once.Do(func() {
			close(done)
			<-finished
		})
	}
}

// syncWALFiles flushes each WAL file of dir to disk and returns how many it flushed. A file opened read-only
// can be flushed: fsync writes out the file's pages, whoever wrote them. A file gone meanwhile (the last
// connection of its database closed, which checkpoints and flushes by itself) is skipped.
func syncWALFiles(dir string) int {
	matches, err := filepath.Glob(filepath.Join(dir, "*"+filenameExtension+"-wal"))
	if err != nil {
		return 0
	}

	var flushed int

	for _, name := range matches {
		f, err := os.Open(name)
		if err != nil {
			continue
		}

		if f.Sync() == nil {
			flushed++
		}

		_ = f.Close()
	}

	walSyncs.Add(int64(flushed))

	return flushed
}
