// clinicflow patch (level 10): tests of clinicflow_lazylog.go.

package fsql

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
)

// countedValue counts how often a handler formats it.
type countedValue struct{ formatted *int }

func (v countedValue) LogValue() slog.Value {
	*v.formatted++
	return slog.StringValue("a document")
}

// textLogger writes records without their time, so that two outputs can be compared.
func textLogger(buf *bytes.Buffer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
}

func TestClinicflowLazyAttrsNotFormattedBelowLevel(t *testing.T) {
	var buf bytes.Buffer
	formatted := 0
	l := clinicflowLazyAttrs(textLogger(&buf, slog.LevelInfo))

	l.With(slog.Any("args", countedValue{&formatted})).DebugContext(context.Background(), ">>> INSERT")

	if formatted != 0 {
		t.Errorf("the attribute was formatted %d times for a record below the level", formatted)
	}
	if buf.Len() != 0 {
		t.Errorf("a record below the level was written: %q", buf.String())
	}

	// The same without the patch formats it in With, although nothing is written.
	textLogger(&buf, slog.LevelInfo).With(slog.Any("args", countedValue{&formatted})).Debug(">>> INSERT")
	if formatted != 1 || buf.Len() != 0 {
		t.Errorf("upstream's logger: formatted %d times, wrote %q; the test's premise no longer holds", formatted, buf.String())
	}
}

func TestClinicflowLazyAttrsWrittenAsUpstream(t *testing.T) {
	log := func(l *slog.Logger) {
		formatted := 0
		l = l.With("name", "sqlite")
		l.With(slog.Any("args", countedValue{&formatted}), slog.Int64("rows", 2)).
			WithGroup("g").With("inner", 1).
			DebugContext(context.Background(), "<<< INSERT", "last", true)
		l.Info("plain")
	}

	var want, got bytes.Buffer
	log(textLogger(&want, slog.LevelDebug))
	log(clinicflowLazyAttrs(textLogger(&got, slog.LevelDebug)))

	if got.String() != want.String() {
		t.Errorf("written differently:\n got %q\nwant %q", got.String(), want.String())
	}
	if !strings.Contains(got.String(), `args="a document" rows=2 g.inner=1 g.last=true`) {
		t.Errorf("attributes or group missing: %q", got.String())
	}
}

func TestClinicflowLazyAttrsSiblingsDoNotShare(t *testing.T) {
	var buf bytes.Buffer
	base := clinicflowLazyAttrs(textLogger(&buf, slog.LevelDebug)).With("a", 1)

	// Two loggers made from one: an attribute of one must not appear in the other's records.
	first := base.With("b", 2)
	second := base.With("c", 3)
	first.Debug("first")
	second.Debug("second")

	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || strings.Contains(lines[1], "b=2") || !strings.Contains(lines[1], "a=1 c=3") {
		t.Errorf("records: %q", lines)
	}
}
