package libc

import (
	"math/rand"
	"testing"
	"unsafe"
)

// byteLoop is upstream's memcmp, one byte at a time.
func byteLoop(l, r []byte) int32 {
	for i := range l {
		if l[i] != r[i] {
			return int32(l[i]) - int32(r[i])
		}
	}
	return 0
}

func sign(v int32) int32 {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

func TestClinicflowMemcmp(t *testing.T) {
	random := rand.New(rand.NewSource(1))
	for round := 0; round < 20000; round++ {
		n := random.Intn(5000)
		l := make([]byte, n+1)
		random.Read(l)
		r := append([]byte(nil), l...)
		// Equal, or differing at one place (bytes above 0x7f included: memcmp compares them unsigned).
		if n > 0 && round%4 != 0 {
			r[random.Intn(n)] = byte(random.Intn(256))
		}
		want := sign(byteLoop(l[:n], r[:n]))
		got := sign(clinicflowMemcmp(uintptr(unsafe.Pointer(&l[0])), uintptr(unsafe.Pointer(&r[0])), uint64(n)))
		if got != want {
			t.Fatalf("round %d, %d bytes: got %d, want %d", round, n, got, want)
		}
	}
	high, low := []byte{0x80}, []byte{0x7f}
	if clinicflowMemcmp(uintptr(unsafe.Pointer(&high[0])), uintptr(unsafe.Pointer(&low[0])), 1) <= 0 {
		t.Fatal("0x80 must compare above 0x7f")
	}
	if clinicflowMemcmp(0, 0, 0) != 0 {
		t.Fatal("zero bytes must compare equal without reading")
	}
}

// Xmemcmp, which the hunk of the platform hands to clinicflowMemcmp, still orders and bounds as memcmp.
func TestClinicflowXmemcmp(t *testing.T) {
	tls := NewTLS()
	defer tls.Close()
	a, b := []byte("clinicflow-a"), []byte("clinicflow-b")
	pa, pb := uintptr(unsafe.Pointer(&a[0])), uintptr(unsafe.Pointer(&b[0]))
	if Xmemcmp(tls, pa, pb, Tsize_t(len(a))) >= 0 || Xmemcmp(tls, pb, pa, Tsize_t(len(a))) <= 0 {
		t.Fatal("Xmemcmp does not order a before b")
	}
	if Xmemcmp(tls, pa, pb, Tsize_t(len(a)-1)) != 0 {
		t.Fatal("Xmemcmp must compare only n bytes")
	}
}
