// The channels library declares the untyped `smpp` package in a .d.ts of its own, which a program that
// compiles the library's sources through the path alias does not see; this reference brings it in (an
// import cannot: the file declares a module and exports nothing itself).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../../libs/channels/src/providers/smpp/smpp.d.ts" />
