// clinicflow patch (level 10): the SQL query log's attributes formatted only when a record is written. See
// clinicflow's docs/database.md, "The query log's attributes".

package fsql

import (
	"context"
	"log/slog"
	"slices"
)

// clinicflowLazyAttrs returns l with a handler that keeps the attributes of With until a record is handled.
//
// DB and Tx log every statement as l.With(slog.Any("args", args)).DebugContext(...): slog's With hands the
// attributes to the handler's WithAttrs at once, and FerretDB's text handler formats them there (the
// statement's arguments, whole documents, quoted), whatever the level; the Debug record is then dropped.
func clinicflowLazyAttrs(l *slog.Logger) *slog.Logger {
	return slog.New(&lazyAttrsHandler{inner: l.Handler()})
}

// lazyAttrsHandler is a slog.Handler that applies its pending attributes to inner only in Handle.
type lazyAttrsHandler struct {
	inner   slog.Handler
	pending []slog.Attr
}

// Enabled implements slog.Handler.
func (h *lazyAttrsHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.inner.Enabled(ctx, level)
}

// Handle implements slog.Handler.
func (h *lazyAttrsHandler) Handle(ctx context.Context, r slog.Record) error {
	return h.applied().Handle(ctx, r)
}

// WithAttrs implements slog.Handler.
func (h *lazyAttrsHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	if len(attrs) == 0 {
		return h
	}

	return &lazyAttrsHandler{inner: h.inner, pending: append(slices.Clip(h.pending), attrs...)}
}

// WithGroup implements slog.Handler: the attributes given before the group stay outside it.
func (h *lazyAttrsHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}

	return &lazyAttrsHandler{inner: h.applied().WithGroup(name)}
}

// applied returns inner with the pending attributes.
func (h *lazyAttrsHandler) applied() slog.Handler {
	if len(h.pending) == 0 {
		return h.inner
	}

	return h.inner.WithAttrs(h.pending)
}
