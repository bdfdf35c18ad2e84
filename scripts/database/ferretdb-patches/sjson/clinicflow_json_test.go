// clinicflow patch tests: the stored-document codec on goccy/go-json (hunks sjson-json-*, docs/database.md).
// FerretDB's own tests of this package run beside these and must keep passing (ferretdb-test.cjs).

package sjson

import (
	stdjson "encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

// clinicflowDelivery is shaped like a delivery of the engine (docs/engine.md), with every type FerretDB stores
// and the texts a clinic writes: accents, quotes, HTML, emoji, line breaks, long numbers.
func clinicflowDelivery() *types.Document {
	at := time.Date(2026, 12, 6, 9, 30, 0, 123_000_000, time.UTC)
	entry := func(status string) *types.Document {
		return must.NotFail(types.NewDocument(
			"status", status, "at", at, "by", "engine-4f2a", "attempt", int32(1), "reason", types.Null,
		))
	}
	return must.NotFail(types.NewDocument(
		"_id", "run-0123456789abcdef:step-3:sms:1",
		"clinicId", "clinic-ødegård",
		"channel", "sms",
		"status", "sent",
		"attempt", int32(1),
		"sendAt", at,
		"sendDay", "2026-12-06",
		"deliveredAt", types.Null,
		"inDoubt", false,
		"credits", int32(2),
		"balanceAfter", int64(1<<53+1),
		"price", 0.1,
		"negativeZero", math.Copysign(0, -1),
		"large", 1e300,
		"text", "Bonjour Léa, « rappel » : demain 10:00 <Dr Martin> & co.\nRépondez \"OUI\" 👍\u2028fin",
		"subject", types.Null,
		"recipient", must.NotFail(types.NewDocument("type", "patient", "name", "Bjørn Ødegård", "address", "+4791234567")),
		"templateData", must.NotFail(types.NewDocument(
			"patient", must.NotFail(types.NewDocument("firstName", "Léa")),
			"empty", must.NotFail(types.NewDocument()),
			"none", must.NotFail(types.NewArray()),
		)),
		"history", must.NotFail(types.NewArray(entry("scheduled"), entry("sending"), entry("sent"))),
		"mixed", must.NotFail(types.NewArray("a", int32(1), int64(2), 3.5, true, types.Null, at)),
		"objectId", types.ObjectID{0x65, 0x70, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81, 0x92, 0xa3},
		"binary", types.Binary{Subtype: types.BinaryGeneric, B: []byte{0, 1, 2, 250, 255}},
		"regex", types.Regex{Pattern: `^léa\s"x"$`, Options: "i"},
		"timestamp", types.Timestamp(7_000_000_000_000),
	))
}

// TestClinicflowJSONRoundTrip checks that a stored document reads back exactly as it was written, and that what
// is stored is JSON that encoding/json (and so SQLite's json_extract, which the indexes use) reads the same way.
func TestClinicflowJSONRoundTrip(t *testing.T) {
	t.Parallel()

	doc := clinicflowDelivery()
	data, err := Marshal(doc)
	require.NoError(t, err)
	require.True(t, stdjson.Valid(data), "stored JSON must be valid: %s", data)

	back, err := Unmarshal(data)
	require.NoError(t, err)
	testutil.AssertEqual(t, doc, back)
	assert.True(t, math.Signbit(must.NotFail(back.Get("negativeZero")).(float64)), "-0 keeps its sign")

	var std map[string]any
	require.NoError(t, stdjson.Unmarshal(data, &std))
	assert.Equal(t, "Bonjour Léa, « rappel » : demain 10:00 <Dr Martin> & co.\nRépondez \"OUI\" 👍\u2028fin", std["text"])
	assert.Equal(t, "Bjørn Ødegård", std["recipient"].(map[string]any)["name"])
}

// TestClinicflowJSONTruncated checks that no prefix of a stored document decodes: a torn or cut value is an
// error, never a shorter document.
func TestClinicflowJSONTruncated(t *testing.T) {
	t.Parallel()

	data := must.NotFail(Marshal(clinicflowDelivery()))
	for n := 0; n < len(data); n++ {
		doc, err := Unmarshal(data[:n])
		if err == nil {
			t.Fatalf("the first %d of %d bytes decoded: %v", n, len(data), doc)
		}
	}
}

// BenchmarkClinicflowDeliveryUnmarshal reads a delivery as the server does for each update and find.
func BenchmarkClinicflowDeliveryUnmarshal(b *testing.B) {
	data := must.NotFail(Marshal(clinicflowDelivery()))
	b.ReportAllocs()
	b.ResetTimer()

	for i := 0; i < b.N; i++ {
		if _, err := Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClinicflowDeliveryMarshal writes a delivery as the server does for each insert and update.
func BenchmarkClinicflowDeliveryMarshal(b *testing.B) {
	doc := clinicflowDelivery()
	b.ReportAllocs()
	b.ResetTimer()

	for i := 0; i < b.N; i++ {
		if _, err := Marshal(doc); err != nil {
			b.Fatal(err)
		}
	}
}
