"""Digital signing: PKCS#11 USB tokens and PKCS#12 files, Decree 30/2020
signature appearances, PAdES signatures with time-stamps, batch signing with
one PIN, and validation.  No Qt here; the PIN is always a parameter or a
callback supplied by the UI or the CLI."""
